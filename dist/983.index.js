export const id = 983;
export const ids = [983];
export const modules = {

/***/ 4011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ parseDockerfile),
/* harmony export */   Fy: () => (/* binding */ PREDEFINED_ARGS),
/* harmony export */   KJ: () => (/* binding */ PLATFORM_ARGS),
/* harmony export */   _n: () => (/* binding */ unquote),
/* harmony export */   nP: () => (/* binding */ platformFromFlags),
/* harmony export */   vA: () => (/* binding */ withoutBom)
/* harmony export */ });
/* unused harmony exports hostPlatform, platformArgs, argDeclarations */
/* harmony import */ var dockerfile_ast__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8390);
/* harmony import */ var _expand_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1424);
/* harmony import */ var _base_images_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3572);
/* harmony import */ var _instruction_words_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3826);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2343);
// The Dockerfile model every rule reads: stages and their chains, the target stage,
// instructions with 1-based line ranges, flags, exec (JSON) vs shell form, heredocs,
// and variable scopes that follow Docker's ARG/ENV rules. Built once per file.




/** Docker's predefined build args: usable without declaration (proxy args) or after `ARG NAME`. */
const PREDEFINED_ARGS = new Set([
    'HTTP_PROXY',
    'http_proxy',
    'HTTPS_PROXY',
    'https_proxy',
    'FTP_PROXY',
    'ftp_proxy',
    'NO_PROXY',
    'no_proxy',
    'ALL_PROXY',
    'all_proxy',
]);
const PLATFORM_ARGS = new Set([
    'TARGETPLATFORM',
    'TARGETOS',
    'TARGETARCH',
    'TARGETVARIANT',
    'BUILDPLATFORM',
    'BUILDOS',
    'BUILDARCH',
    'BUILDVARIANT',
]);
/** `x64` → `amd64` and friends: Node's names for CPU architectures in Docker's (GOARCH) spelling. */
const GOARCH = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    ia32: '386',
    ppc64: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
};
/** The platform this process runs on, as Docker names it (`linux/amd64`). */
function hostPlatform() {
    return `linux/${GOARCH[process.arch] ?? 'amd64'}`;
}
/**
 * BuildKit's automatic platform build args for a target and a build platform (`linux/arm/v7`
 * → TARGETOS=linux, TARGETARCH=arm, TARGETVARIANT=v7). BuildKit gives them a value on every
 * build: global scope (FROM lines) sees them undeclared; a stage sees them after `ARG NAME`.
 * A declared default wins over the automatic value (checked on BuildKit; the legacy builder
 * leaves them all empty, but runners build with BuildKit).
 */
function platformArgs(target, build) {
    const split = (p) => {
        const [os = 'linux', arch = 'amd64', variant = ''] = p.trim().toLowerCase().split('/');
        return [os, arch, variant];
    };
    const [tos, tarch, tvar] = split(target);
    const [bos, barch, bvar] = split(build);
    const join = (os, arch, v) => [os, arch, v].filter(Boolean).join('/');
    return {
        TARGETPLATFORM: join(tos, tarch, tvar),
        TARGETOS: tos,
        TARGETARCH: tarch,
        TARGETVARIANT: tvar,
        BUILDPLATFORM: join(bos, barch, bvar),
        BUILDOS: bos,
        BUILDARCH: barch,
        BUILDVARIANT: bvar,
    };
}
/** The first platform a `--platform` build flag names (`--platform=linux/arm64,linux/amd64`), or null. */
function platformFromFlags(flags) {
    for (let i = 0; i < flags.length; i++) {
        const f = flags[i].trim();
        const m = /^--platform(?:=(.*))?$/.exec(f);
        if (!m)
            continue;
        const v = m[1] ?? flags[i + 1] ?? '';
        const first = v.split(',')[0].trim();
        if (first)
            return first;
    }
    return null;
}


/**
 * A UTF-8 BOM is not part of the first instruction. Drop every leading one: dockerfile-ast
 * and dockerfile-utils loop forever on two BOMs followed by a variable (found by the fuzz
 * suite); lines are unchanged.
 */
function withoutBom(text) {
    return text.replace(/^\uFEFF+/, '');
}
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
function parseDockerfile(path, text, opts = {}) {
    const body = withoutBom(text);
    const ast = dockerfile_ast__WEBPACK_IMPORTED_MODULE_0__.DockerfileParser.parse(body);
    const lines = body.split(/\r?\n|\r/);
    const escapeChar = ast.getEscapeCharacter();
    const buildArgs = opts.buildArgs ?? {};
    const buildPlatform = opts.buildPlatform ?? hostPlatform();
    const platform = platformArgs(opts.platform ?? buildPlatform, buildPlatform);
    const allDirectives = ast.getDirectives().map((d) => ({
        name: d.getName(),
        value: d.getValue(),
        line: d.getRange().start.line + 1,
    }));
    // dockerfile-ast reads any `# key=value` on the first lines as a directive; only these
    // are directives to Docker, the rest (e.g. `# harden-check ignore=HC101`) are comments.
    const directives = allDirectives.filter((d) => KNOWN_DIRECTIVES.has(d.name.toLowerCase()));
    const comments = [
        ...allDirectives
            .filter((d) => !KNOWN_DIRECTIVES.has(d.name.toLowerCase()))
            .map((d) => ({ line: d.line, text: (lines[d.line - 1] ?? '').trim() })),
        ...ast.getComments().map((c) => ({
            line: c.getRange().start.line + 1,
            text: c.getContent() ?? '',
        })),
    ].sort((a, b) => a.line - b.line);
    const preamble = [];
    const stages = [];
    const all = [];
    for (const node of ast.getInstructions()) {
        const keyword = node.getKeyword().toUpperCase();
        const instr = toInstr(node, keyword, stages.length - (keyword === 'FROM' ? 0 : 1), escapeChar);
        all.push(instr);
        if (keyword === 'FROM') {
            stages.push({
                index: stages.length,
                name: null,
                from: { raw: '', resolved: (0,_expand_js__WEBPACK_IMPORTED_MODULE_2__/* .expand */ .fT)('', () => undefined), stageRef: null, platform: null },
                fromInstr: instr,
                instructions: [],
                line: instr.line,
                endLine: instr.endLine,
            });
            const stage = stages[stages.length - 1];
            const asIdx = instr.args.findIndex((a) => a.toLowerCase() === 'as');
            stage.name = asIdx >= 0 && instr.args[asIdx + 1] ? instr.args[asIdx + 1].toLowerCase() : null;
        }
        else if (stages.length === 0) {
            preamble.push(instr);
            continue;
        }
        const stage = stages[stages.length - 1];
        stage.instructions.push(instr);
        stage.endLine = instr.endLine;
    }
    // Global ARGs: visible to FROM lines, and to a stage only when redeclared there.
    const globalArgs = new Map();
    const expandGlobal = (raw) => (0,_expand_js__WEBPACK_IMPORTED_MODULE_2__/* .expandWord */ .Vo)(raw, (n) => (globalArgs.has(n) ? globalArgs.get(n).value : undefined), escapeChar).value;
    for (const instr of preamble) {
        if (instr.keyword !== 'ARG')
            continue;
        for (const p of instr.properties) {
            const value = p.name in buildArgs
                ? buildArgs[p.name]
                : p.raw !== null
                    ? expandGlobal(p.raw)
                    : PLATFORM_ARGS.has(p.name)
                        ? platform[p.name]
                        : null;
            globalArgs.set(p.name, { value, line: instr.line });
        }
    }
    const globalLookup = (name) => {
        const g = globalArgs.get(name);
        if (g)
            return g.value;
        if (PLATFORM_ARGS.has(name))
            return name in buildArgs ? buildArgs[name] : platform[name];
        return undefined;
    };
    for (const stage of stages) {
        const words = stage.fromInstr.args;
        const asIdx = words.findIndex((a) => a.toLowerCase() === 'as');
        const raw = (asIdx >= 0 ? words.slice(0, asIdx) : words)[0] ?? '';
        const resolved = (0,_expand_js__WEBPACK_IMPORTED_MODULE_2__/* .expandWord */ .Vo)(raw, globalLookup, escapeChar);
        const ref = resolved.value.toLowerCase();
        const earlier = stages.slice(0, stage.index).find((s) => s.name !== null && s.name === ref);
        stage.from = {
            raw,
            resolved,
            stageRef: earlier ? earlier.index : null,
            platform: stage.fromInstr.flags.find((f) => f.name === 'platform')?.value ?? null,
        };
    }
    // Scopes: walk each stage once; every instruction sees the variables as they were before
    // it (a versioned map: copying the map at every ARG/ENV was quadratic in the file's size).
    const scopeOf = new Map();
    // Per stage at its end: every variable (ARGs included) and the image config's ENV.
    const stageEnd = new Map();
    for (const stage of stages) {
        const vars = new VersionedVars();
        const config = new Map();
        const setEnv = (name, e) => {
            vars.set(name, e);
            config.set(name, e);
        };
        // An external base brings its config ENV (`USER $APP_UID` on the .NET images is 1654).
        if (stage.from.stageRef === null && stage.from.resolved.complete) {
            const env = (0,_base_images_js__WEBPACK_IMPORTED_MODULE_1__/* .describeBaseImage */ .w4)(stage.from.resolved.value)?.env ?? {};
            for (const [k, v] of Object.entries(env))
                setEnv(k, { value: v, kind: 'ENV', line: stage.line });
        }
        // FROM <stage> inherits the image config's ENV and, on BuildKit, the ARGs the parent stage
        // declared, with their values; where both name one variable the ENV wins in the child
        // (checked on the engine; the legacy builder drops the ARGs).
        const parent = stage.from.stageRef === null ? undefined : stageEnd.get(stage.from.stageRef);
        if (parent) {
            for (const [k, v] of parent.vars)
                if (v.kind !== 'ENV')
                    vars.set(k, v);
            for (const [k, v] of parent.config)
                setEnv(k, v);
        }
        for (const instr of stage.instructions) {
            scopeOf.set(instr, vars.view());
            if (instr.keyword === 'ARG' || instr.keyword === 'ENV') {
                for (const p of instr.properties) {
                    if (instr.keyword === 'ENV') {
                        const value = p.raw === null ? null : expandWith(vars, p.raw, escapeChar);
                        setEnv(p.name, { value, kind: 'ENV', line: instr.line });
                    }
                    else {
                        // BuildKit: the later of ENV and ARG wins for expansion, so an ARG with a value (or a
                        // build arg) overrides an earlier or inherited ENV of the same name (the base image's
                        // too); a bare `ARG NAME` leaves the ENV. Checked on the engine; the legacy builder
                        // lets the ENV win. The image config keeps the ENV either way (finalEnv).
                        if (vars.get(p.name)?.kind === 'ENV' && p.raw === null && !(p.name in buildArgs))
                            continue;
                        if (p.name in buildArgs) {
                            vars.set(p.name, { value: buildArgs[p.name], kind: 'BUILD-ARG', line: instr.line });
                        }
                        else if (p.raw !== null) {
                            vars.set(p.name, { value: expandWith(vars, p.raw, escapeChar), kind: 'ARG', line: instr.line });
                        }
                        else if (vars.get(p.name)) {
                            // `ARG NAME` again (in this stage, or in a child of the stage that set it) keeps
                            // the value on BuildKit (checked on the engine; the legacy builder empties it)
                            continue;
                        }
                        else if (globalArgs.has(p.name)) {
                            vars.set(p.name, {
                                value: globalArgs.get(p.name).value,
                                kind: 'GLOBAL-ARG',
                                line: instr.line,
                            });
                        }
                        else if (PLATFORM_ARGS.has(p.name)) {
                            vars.set(p.name, { value: platform[p.name], kind: 'ARG', line: instr.line });
                        }
                        else {
                            vars.set(p.name, { value: null, kind: 'ARG', line: instr.line });
                        }
                    }
                }
            }
        }
        stageEnd.set(stage.index, { vars: vars.latest(), config });
    }
    const none = new VersionedVars().view();
    for (const instr of preamble)
        scopeOf.set(instr, none);
    const model = {
        path,
        text,
        lines,
        escapeChar,
        directives,
        comments,
        preamble,
        stages,
        instructions: all,
        target: null,
        buildArgs,
        chain(stage) {
            const out = [];
            let s = stage === undefined ? model.target : stage;
            const seen = new Set();
            while (s && !seen.has(s.index)) {
                out.push(s);
                seen.add(s.index);
                s = s.from.stageRef !== null ? stages[s.from.stageRef] : null;
            }
            return out;
        },
        stageOf(instr) {
            return instr.stageIndex >= 0 ? stages[instr.stageIndex] : null;
        },
        scope(instr) {
            if (instr.keyword === 'FROM') {
                return {
                    get: globalLookup,
                    origin: (n) => globalArgs.has(n) ? { kind: 'GLOBAL-ARG', line: globalArgs.get(n).line } : undefined,
                };
            }
            const vars = scopeOf.get(instr) ?? new VersionedVars().view();
            return {
                get: (n) => {
                    const e = vars.get(n);
                    if (e)
                        return e.value;
                    return PREDEFINED_ARGS.has(n) ? null : undefined;
                },
                origin: (n) => {
                    const e = vars.get(n);
                    return e ? { kind: e.kind, line: e.line } : undefined;
                },
            };
        },
        resolve(text, instr) {
            return (0,_expand_js__WEBPACK_IMPORTED_MODULE_2__/* .expand */ .fT)(text, model.scope(instr).get, escapeChar);
        },
        resolveWord(text, instr) {
            return (0,_expand_js__WEBPACK_IMPORTED_MODULE_2__/* .expandWord */ .Vo)(text, model.scope(instr).get, escapeChar);
        },
        stageByRef(ref) {
            const r = ref.toLowerCase();
            if (/^\d+$/.test(r))
                return stages[Number(r)] ?? null;
            return stages.find((s) => s.name === r) ?? null;
        },
    };
    if (opts.target) {
        const t = model.stageByRef(opts.target);
        if (!t) {
            const names = stages.map((s) => s.name).filter(Boolean);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .TargetNotFoundError */ .n(`${path}: target stage "${opts.target}" not found (stages: ${names.length ? names.join(', ') : 'none named'}).`);
        }
        model.target = t;
    }
    else {
        model.target = stages.length > 0 ? stages[stages.length - 1] : null;
    }
    return model;
}
/**
 * Variables of one stage with their history: view() is the state at this moment, O(1) to take
 * and O(log n) to read, so a file of n ARG/ENV lines costs O(n log n), not O(n²).
 */
class VersionedVars {
    history = new Map();
    version = 0;
    set(name, entry) {
        let h = this.history.get(name);
        if (!h)
            this.history.set(name, (h = []));
        h.push({ version: ++this.version, entry });
    }
    get(name) {
        return this.history.get(name)?.at(-1)?.entry;
    }
    view() {
        const at = this.version;
        return {
            get: (name) => {
                const h = this.history.get(name);
                if (!h)
                    return undefined;
                // last entry with version <= at
                let lo = 0;
                let hi = h.length;
                while (lo < hi) {
                    const mid = (lo + hi) >> 1;
                    if (h[mid].version <= at)
                        lo = mid + 1;
                    else
                        hi = mid;
                }
                return lo > 0 ? h[lo - 1].entry : undefined;
            },
        };
    }
    latest() {
        return new Map([...this.history].map(([k, h]) => [k, h[h.length - 1].entry]));
    }
}
function expandWith(vars, text, esc) {
    return (0,_expand_js__WEBPACK_IMPORTED_MODULE_2__/* .expandWord */ .Vo)(text, (n) => {
        const e = vars.get(n);
        return e ? e.value : undefined;
    }, esc).value;
}
function toInstr(node, keyword, stageIndex, escapeChar) {
    const range = node.getRange();
    const withFlags = node;
    const flags = (withFlags.getFlags?.() ?? []).map((f) => ({
        name: f.getName().toLowerCase(),
        value: f.getValue(),
        line: f.getRange().start.line + 1,
    }));
    const args = node.getArguments().map((a) => a.getValue());
    const withJson = node;
    let json = null;
    const argsText = (node.getArgumentsContent() ?? '').trim();
    const afterFlags = argsText.slice((0,_instruction_words_js__WEBPACK_IMPORTED_MODULE_4__/* .leadingFlagsLength */ .i)(argsText));
    if (withJson.getJSONStrings && afterFlags.startsWith('[') && afterFlags.endsWith(']')) {
        try {
            const parsed = JSON.parse(afterFlags);
            if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string'))
                json = parsed;
        }
        catch {
            json = null; // not valid JSON: Docker runs it in shell form
        }
    }
    const withHeredocs = node;
    const heredocs = [];
    if (keyword === 'RUN' || keyword === 'COPY') {
        const doc = node;
        for (const h of heredocsOf(withHeredocs)) {
            const cr = h.getContentRange();
            heredocs.push({
                name: h.getName(),
                body: cr && doc.getRangeContent ? (doc.getRangeContent(cr) ?? '') : '',
            });
        }
    }
    const properties = keyword === 'ARG'
        ? argDeclarations(afterFlags, escapeChar)
        : keyword === 'ENV' || keyword === 'LABEL'
            ? propertiesOf(node)
            : [];
    return {
        keyword,
        line: range.start.line + 1,
        endLine: range.end.line + 1,
        args,
        text: afterFlags,
        flags,
        json,
        heredocs,
        stageIndex,
        properties,
        node,
    };
}
function propertiesOf(node) {
    const withProps = node;
    // dockerfile-ast: getValue() is the processed value, getUnescapedValue() the text as written.
    return (withProps.getProperties?.() ?? []).map((p) => ({
        name: p.getName(),
        value: p.getValue(),
        raw: p.getUnescapedValue(),
    }));
}
/**
 * dockerfile-ast reads a node that is not there on some malformed heredoc lines (e.g. a lone
 * CR after a continuation, found by __tests__/fuzz): such an instruction has no heredoc.
 */
function heredocsOf(node) {
    try {
        return node.getHeredocs?.() ?? [];
    }
    catch {
        return [];
    }
}
/** `ARG A B=2 C="x y"`: several declarations, quote-aware (dockerfile-ast reads it as one). */
function argDeclarations(text, escapeChar) {
    return (0,_instruction_words_js__WEBPACK_IMPORTED_MODULE_4__/* .instructionWords */ .s)(text, escapeChar).map((w) => {
        const eq = w.indexOf('=');
        if (eq < 0)
            return { name: w, value: null, raw: null };
        const raw = w.slice(eq + 1);
        return {
            name: w.slice(0, eq),
            raw,
            value: (0,_expand_js__WEBPACK_IMPORTED_MODULE_2__/* .expandWord */ .Vo)(raw, null, escapeChar).value,
        };
    });
}
/** `"x"` or `'x'` → `x`: one pair of matching outer quotes removed. */
function unquote(value) {
    const m = /^(['"])([\s\S]*)\1$/.exec(value);
    return m ? m[2] : value;
}


/***/ }),

/***/ 2616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $: () => (/* binding */ STATIC_RULES)
});

// EXTERNAL MODULE: ./src/dockerfile/facts.ts
var dockerfile_facts = __webpack_require__(3981);
// EXTERNAL MODULE: ./src/dockerfile/base-images.ts
var base_images = __webpack_require__(3572);
;// CONCATENATED MODULE: ./src/dockerfile/paths.ts
// POSIX paths inside the image as Dockerfile instructions write them (WORKDIR, COPY
// destinations, VOLUME), and the Windows absolute paths we recognise but do not model.
/** Drive-letter or UNC-free Windows absolute path (`C:\app`, `c:/app`). */
function isWindowsAbsolute(p) {
    return /^[A-Za-z]:([\\/]|$)/.test(p);
}
function isAbsolute(p) {
    return p.startsWith('/') || isWindowsAbsolute(p);
}
/** Normalise a POSIX path: collapse `//`, `.` and `..`; keep a trailing slash off. */
function normalizePath(p) {
    const parts = [];
    for (const seg of p.split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..')
            parts.pop();
        else
            parts.push(seg);
    }
    return '/' + parts.join('/');
}
function joinPath(base, p) {
    return normalizePath(p.startsWith('/') ? p : `${base}/${p}`);
}
/** Is `p` equal to or below `dir`? (both normalised) */
function isUnder(p, dir) {
    return dir === '/' || p === dir || p.startsWith(dir + '/');
}

;// CONCATENATED MODULE: ./src/rules/ownership/windows.ts



const WINDOWS_IMAGE = /(^|\/)(windows|windowsservercore|nanoserver|servercore)([/:-]|$)|mcr\.microsoft\.com\/windows/i;
const WINDOWS_TAG = /(nanoserver|windowsservercore|servercore|ltsc20\d\d)/i;
/** Is this stage built for Windows: a Windows base, or (base unknown) Windows paths and shells. */
function windowsStage(model, stage) {
    const base = (0,dockerfile_facts/* externalBase */.dR)(model, [], stage);
    const ref = base?.resolved.value ?? '';
    if (base && base.resolved.complete && ref) {
        const r = (0,base_images/* parseImageRef */.Q)(ref);
        const path = (r.registry ? r.registry + '/' : '') + r.repo;
        if (WINDOWS_IMAGE.test(path) || WINDOWS_TAG.test(r.tag ?? ''))
            return { reason: `the base image ${ref} is a Windows image` };
        if ((0,base_images/* describeBaseImage */.w4)(ref))
            return null; // a known Linux image
    }
    if (model.escapeChar !== '`')
        return null;
    for (const i of (0,dockerfile_facts/* chainBefore */.ty)(model, stage)) {
        if (i.keyword === 'WORKDIR' && isWindowsAbsolute(i.args.join(' '))) {
            return { reason: `the file uses the backtick escape and a Windows WORKDIR (line ${i.line})` };
        }
        if (i.keyword === 'SHELL' && /powershell|pwsh|cmd(\.exe)?"/i.test(i.text)) {
            return { reason: `the file uses the backtick escape and a Windows SHELL (line ${i.line})` };
        }
    }
    return null;
}

;// CONCATENATED MODULE: ./src/rules/user/hc101-final-user-root.ts
// HC101: the shipped stage's effective USER is root, however it is spelled
// (`root`, `0`, `root:staff`, `0:0`, or a variable that resolves to one of those).



const hc101 = {
    meta: {
        id: 'HC101',
        title: 'Final stage runs as root',
        severity: 'error',
        check: 'non-root',
        anchors: {
            hadolint: ['DL3002'],
            trivy: ['DS-0002'],
            dockle: ['CIS-DI-0001'],
            checkov: ['CKV_DOCKER_8'],
            kics: ['67fd0c4a'],
        },
        description: 'A process running as root inside the container is root on the host kernel: any escape or writable mount becomes a host compromise. Only the stage that ships matters; builder stages may use root.',
    },
    check({ model }) {
        const user = (0,dockerfile_facts/* effectiveUser */.d6)(model);
        if (!user || user.resolved.unknownVars.length > 0)
            return [];
        if (!(0,base_images/* isRootUser */.ar)(user.resolved.value))
            return [];
        // An undefined variable makes the user empty, i.e. root: HC104 explains that case.
        if (user.resolved.undefinedVars.length > 0)
            return [];
        const spelled = user.raw === user.resolved.value ? user.raw : `${user.raw} (= ${user.resolved.value})`;
        const windows = model.target !== null && windowsStage(model, model.target) !== null;
        const fix = windows
            ? 'switch to USER ContainerUser (the non-administrator account) after the steps that need the administrator'
            : 'switch to a non-root numeric user such as USER 10001:10001 after the steps that need root';
        return [{ line: user.instr.line, message: `The shipped stage ends with USER ${spelled}: ${fix}.` }];
    },
};

;// CONCATENATED MODULE: ./src/rules/user/hc102-no-user-root-base.ts
// HC102: the shipped stage never sets USER, so the image runs as its base image's
// default user; flagged when that default is root (official language/distro images,
// scratch, distroless without :nonroot). Known non-root bases (distroless :nonroot,
// Chainguard, Bitnami, nginx-unprivileged, chiseled .NET, trusted-base-images) pass.
// An unknown or build-argument base gets a note: only the runtime can tell.


const hc102 = {
    meta: {
        id: 'HC102',
        title: 'No USER and the base image runs as root',
        severity: 'warning',
        check: 'non-root',
        anchors: {
            trivy: ['DS-0002'],
            dockle: ['CIS-DI-0001'],
            checkov: ['CKV_DOCKER_3'],
            kics: ['fd54f200'],
        },
        description: 'Without a USER instruction the container runs as the base image default user, which is root for official language and distribution images, scratch and distroless without :nonroot. A USER in a builder stage does not count: only the shipped stage and the stages it builds FROM do.',
    },
    check({ model, trustedBaseImages }) {
        const target = model.target;
        if (!target || (0,dockerfile_facts/* effectiveUser */.d6)(model))
            return [];
        const base = (0,dockerfile_facts/* externalBase */.dR)(model, trustedBaseImages);
        if (!base)
            return [];
        const line = target.fromInstr.line;
        if (!base.resolved.complete || !base.resolved.value) {
            const vars = [...base.resolved.unknownVars, ...base.resolved.undefinedVars].join(', ');
            return [
                {
                    line,
                    severity: 'note',
                    message: `The shipped stage sets no USER and its base image comes from build argument ${vars || base.raw}, so its default user is unknown: add USER with a non-root numeric uid (e.g. USER 10001:10001).`,
                },
            ];
        }
        const image = base.resolved.value;
        if (!base.info || base.info.user === undefined) {
            return [
                {
                    line,
                    severity: 'note',
                    message: `The shipped stage sets no USER and the default user of ${image} is unknown to harden-check: add USER with a non-root numeric uid, or declare the image under trusted-base-images in .harden-check.yml.`,
                },
            ];
        }
        if (!(0,base_images/* isRootUser */.ar)(base.info.user))
            return [];
        const what = base.info.family === 'scratch'
            ? 'a scratch image runs as uid 0'
            : base.info.family === 'distroless'
                ? `${image} runs as root (only the :nonroot tags run as 65532)`
                : base.info.family === 'windows-servercore'
                    ? `${image} runs as ContainerAdministrator, the container's administrator`
                    : `${image} runs as root by default`;
        const fix = base.info.family === 'scratch'
            ? 'add USER 65532:65532 (no /etc/passwd needed for a numeric uid)'
            : base.info.family === 'distroless'
                ? 'use the :nonroot tag or add USER 65532:65532'
                : base.info.family === 'node'
                    ? 'add USER 1000:1000 (the node user of the image) before CMD'
                    : base.info.family === 'windows-servercore'
                        ? 'add USER ContainerUser (the built-in non-administrator account) before CMD'
                        : 'create a user and add USER with its numeric uid (e.g. USER 10001:10001) before CMD';
        return [{ line, message: `The shipped stage sets no USER and ${what}: ${fix}.` }];
    },
};

// EXTERNAL MODULE: ./src/shell/commands.ts
var commands = __webpack_require__(8974);
// EXTERNAL MODULE: ./src/shell/script.ts
var shell_script = __webpack_require__(7207);
// EXTERNAL MODULE: ./src/shell/wrappers.ts
var wrappers = __webpack_require__(9496);
;// CONCATENATED MODULE: ./src/shell/invocations.ts



/** `sh -c 'script'` nesting followed at most this deep. */
const MAX_DEPTH = 4;
function invocationsOf(instr, model) {
    if (instr.keyword !== 'RUN')
        return [];
    const out = [];
    const visit = (cmds, parent, depth) => {
        cmds.forEach((command, k) => {
            const u = (0,wrappers/* unwrap */.o)(command.words);
            if (!u)
                return;
            const prev = cmds[k - 1];
            const pipedFrom = prev?.pipedTo && prev.pipeline === command.pipeline ? prev : null;
            out.push({
                ...u,
                command,
                line: u.nameWord.line,
                pipedFrom,
                stdin: heredocInput(instr, model, command),
            });
            if (depth >= MAX_DEPTH || (0,shell_script/* shellKind */.vm)(u.name) !== 'posix')
                return;
            const c = u.args.findIndex((w) => /^-[a-z]*c[a-z]*$/.test(w.value));
            const script = c >= 0 ? u.args[c + 1] : undefined;
            if (script)
                visitScript((0,shell_script/* inlineScript */.X6)(script.value, script.line, parent), depth + 1);
        });
    };
    const visitScript = (s, depth) => {
        for (const nested of [s, ...(0,shell_script/* substitutionScripts */.gV)(s)])
            visit((0,commands/* commandsOfScript */.FW)(nested), nested, depth);
    };
    if (instr.json)
        visit((0,commands/* commandsOf */.Kf)(instr, model), { kind: 'run' }, 0);
    else
        for (const s of (0,shell_script/* scriptsOf */.Sf)(instr, model))
            visitScript(s, 0);
    return out;
}
/** Bodies of the RUN's heredocs that this command reads as data (not run as a shell script). */
function heredocInput(instr, model, command) {
    if (command.script !== 'run')
        return [];
    const scripts = new Set((0,shell_script/* scriptsOf */.Sf)(instr, model).map((s) => s.heredoc));
    return command.redirects
        .filter((r) => (r.op === '<<' || r.op === '<<-') && r.target !== null && !scripts.has(r.target))
        .flatMap((r) => instr.heredocs.filter((h) => h.name === r.target).map((h) => h.body));
}

;// CONCATENATED MODULE: ./src/shell/options.ts
// Command-line options of a program's arguments: option clusters (`-fsSLk`, `-rmu1000`),
// options with values (`-u 1000`, `--uid=1000`) and positionals, given which options take a value.
/** Split arguments into options (with values), bare flags and positionals; `takesValue` tests `-u` / `--uid`. */
function parseOptions(args, takesValue) {
    const opts = new Map();
    const flags = new Set();
    const positionals = [];
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--') {
            positionals.push(...args.slice(i + 1));
            break;
        }
        if (a.startsWith('--')) {
            const eq = a.indexOf('=');
            if (eq > 0)
                opts.set(a.slice(0, eq), a.slice(eq + 1));
            else if (takesValue.test(a) && i + 1 < args.length)
                opts.set(a, args[++i]);
            else
                flags.add(a);
        }
        else if (a.startsWith('-') && a.length > 1) {
            // a cluster such as -rmu 1000 or -u1000
            for (let k = 1; k < a.length; k++) {
                const o = '-' + a[k];
                if (takesValue.test(o)) {
                    const rest = a.slice(k + 1);
                    if (rest)
                        opts.set(o, rest);
                    else if (i + 1 < args.length)
                        opts.set(o, args[++i]);
                    break;
                }
                flags.add(o);
            }
        }
        else
            positionals.push(a);
    }
    return { opts, flags, positionals };
}
/** Short-option cluster test: does `-fsSLk` contain `k` before any option that takes a value? */
function hasShortFlag(word, flag, takesValue) {
    if (!/^-[A-Za-z0-9]/.test(word) || word.startsWith('--'))
        return false;
    for (const ch of word.slice(1)) {
        if (ch === flag)
            return true;
        if (takesValue.includes(ch))
            return false;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/dockerfile/accounts.ts



/** Facts from these instructions, in order. */
function accountsIn(model, instrs) {
    const facts = {
        users: new Map(),
        groups: new Map(),
        supplementary: new Map(),
        provenUsers: new Set(),
        provenGroups: new Set(),
        opaque: [],
    };
    for (const instr of instrs) {
        if (instr.keyword === 'RUN')
            scanRun(model, instr, facts);
        if (instr.keyword === 'COPY' || instr.keyword === 'ADD')
            scanCopy(model, instr, facts);
    }
    return facts;
}
/** Facts from the shipped chain's instructions that come before `until` (all of them when null). */
function accountFacts(model, until) {
    const chain = (0,dockerfile_facts/* chainInstructions */.dv)(model);
    const end = until ? chain.indexOf(until) : -1;
    return accountsIn(model, end < 0 ? chain : chain.slice(0, end));
}
function scanCopy(model, instr, facts) {
    const chown = instr.flags.find((f) => f.name === 'chown')?.value;
    if (chown) {
        const [u, g] = model.resolveWord(chown, instr).value.split(':');
        if (u)
            facts.provenUsers.add(u);
        if (g)
            facts.provenGroups.add(g);
    }
    const words = instr.json ?? instr.args;
    // `/` (trailing slash dropped: '') is a whole filesystem copied over the stage's /etc.
    const dest = words.length > 1 ? model.resolveWord(words[words.length - 1], instr).value.replace(/\/+$/, '') : '';
    const sources = words.slice(0, -1);
    if (/^(?:|\/etc|\/etc\/passwd|\/etc\/group)$/.test(dest) ||
        sources.some((s) => /passwd|(?:^|\/)group$|^\/etc\/?$/.test(s)))
        facts.opaque.push(instr.line);
}
const USERADD_VALUE = /^-[ugGdsckefKpRPZb]$|^--(uid|gid|groups|home-dir|home|shell|comment|skel|expiredate|inactive|key|password|root|prefix|selinux-user|base-dir)$/;
const ADDUSER_VALUE = /^-[hgsGku]$|^--(uid|gid|ingroup|home|shell|gecos|comment|firstuid|lastuid|firstgid|lastgid|conf|add-extra-groups|extrausers)$/;
const GROUPADD_VALUE = /^-[gKpRP]$|^--(gid|key|password|root|prefix|users)$/;
const USERMOD_VALUE = /^-[cdefgGlLpsuRPZ]$|^--(comment|home|expiredate|inactive|gid|groups|login|password|shell|uid|root|prefix|selinux-user)$/;
function opt(p, ...names) {
    for (const n of names)
        if (p.opts.has(n))
            return p.opts.get(n);
    return null;
}
function addSupplementary(facts, user, groups, line) {
    const cur = facts.supplementary.get(user) ?? { groups: [], line };
    for (const g of groups)
        if (g && !cur.groups.includes(g))
            cur.groups.push(g);
    cur.line = line;
    facts.supplementary.set(user, cur);
}
function scanRun(model, instr, facts) {
    for (const inv of invocationsOf(instr, model))
        applyInvocation(inv, facts);
    const text = [instr.text, ...instr.heredocs.map((h) => h.body)].join('\n');
    // Lines written straight into /etc/passwd or /etc/group (`echo 'app:x:10001:10001::/app:/sbin/nologin' >> /etc/passwd`).
    let parsed = false;
    for (const m of text.matchAll(/(?:^|[\s'"])([a-z_][a-z0-9_.-]*)\$?:[x*!]?:(\d+):(\d*)/gi)) {
        // `name:x:uid:gid:…` (passwd: a numeric fourth field) or `name:x:gid:members` (group). The
        // passwd line's gid is not "given" the way `-g` is: Docker reads it from /etc/passwd itself.
        if (m[3] !== '' && /\/etc\/passwd/.test(text)) {
            facts.users.set(m[1], { name: m[1], uid: m[2], gid: null, line: instr.line });
            parsed = true;
        }
        else if (m[3] === '' && /\/etc\/group/.test(text)) {
            facts.groups.set(m[1], { gid: m[2], line: instr.line });
            parsed = true;
        }
    }
    // Other edits (an editor, sed, a copy of a file, a write of lines we cannot read): any name may exist after.
    const edits = /\bvipw\b|\bvigr\b|\bsed\b[^\n]*\/etc\/(?:passwd|group)\b/.test(text);
    const writes = /(?:>>?|\btee\b[^|;&\n]*|\b(?:cp|mv|install|ln)\b[^|;&\n]*)\s*\/etc\/(?:passwd|group)\b/.test(text);
    if (edits || (writes && !parsed))
        facts.opaque.push(instr.line);
}
function values(inv) {
    return inv.args.map((w) => w.value);
}
function applyInvocation(inv, facts) {
    const line = inv.line;
    switch (inv.name) {
        case 'useradd': {
            const p = parseOptions(values(inv), USERADD_VALUE);
            const name = p.positionals[p.positionals.length - 1];
            if (!name || p.flags.has('-D'))
                return;
            facts.users.set(name, { name, uid: opt(p, '-u', '--uid'), gid: opt(p, '-g', '--gid'), line });
            if (!p.flags.has('-N') && !p.flags.has('--no-user-group') && !opt(p, '-g', '--gid')) {
                facts.groups.set(name, {
                    gid: p.opts.has('-u') || p.opts.has('--uid') ? opt(p, '-u', '--uid') : null,
                    line,
                });
            }
            const g = opt(p, '-G', '--groups');
            if (g)
                addSupplementary(facts, name, g.split(','), line);
            return;
        }
        case 'adduser': {
            const p = parseOptions(values(inv), ADDUSER_VALUE);
            const [name, group] = p.positionals;
            if (!name)
                return;
            if (group && facts.users.has(name)) {
                addSupplementary(facts, name, [group], line);
                return;
            }
            const busyboxPrimary = opt(p, '-G');
            const gid = opt(p, '--gid', '--ingroup') ?? busyboxPrimary ?? group ?? null;
            facts.users.set(name, { name, uid: opt(p, '-u', '--uid'), gid, line });
            if (!gid)
                facts.groups.set(name, { gid: opt(p, '-u', '--uid'), line });
            const extra = opt(p, '--add-extra-groups');
            if (extra)
                addSupplementary(facts, name, extra.split(','), line);
            return;
        }
        case 'groupadd': {
            const p = parseOptions(values(inv), GROUPADD_VALUE);
            const name = p.positionals[p.positionals.length - 1];
            if (name)
                facts.groups.set(name, { gid: opt(p, '-g', '--gid'), line });
            return;
        }
        case 'addgroup': {
            const p = parseOptions(values(inv), /^-g$|^--gid$/);
            const [a, b] = p.positionals;
            if (a && b)
                addSupplementary(facts, a, [b], line);
            else if (a)
                facts.groups.set(a, { gid: opt(p, '-g', '--gid'), line });
            return;
        }
        case 'usermod': {
            const p = parseOptions(values(inv), USERMOD_VALUE);
            const name = p.positionals[p.positionals.length - 1];
            if (!name)
                return;
            const g = opt(p, '-G', '--groups');
            if (g)
                addSupplementary(facts, name, g.split(','), line);
            const renamed = opt(p, '-l', '--login');
            const base = facts.users.get(name) ?? { name, uid: null, gid: null, line };
            const uid = opt(p, '-u', '--uid') ?? base.uid;
            const gid = opt(p, '-g', '--gid') ?? base.gid;
            facts.users.set(renamed ?? name, { name: renamed ?? name, uid, gid, line });
            return;
        }
        case 'gpasswd': {
            const p = parseOptions(values(inv), /^-[adAMr]$|^--(add|delete|administrators|members)$/);
            const add = opt(p, '-a', '--add');
            const group = p.positionals[0];
            if (add && group)
                addSupplementary(facts, add, [group], line);
            return;
        }
        case 'chown':
        case 'chgrp': {
            const positional = values(inv).filter((w) => !w.startsWith('-'));
            const spec = positional[0] ?? '';
            if (!spec || spec.includes('$'))
                return;
            if (inv.name === 'chgrp') {
                facts.provenGroups.add(spec);
                return;
            }
            const [u, g] = spec.split(/[:.]/);
            if (u)
                facts.provenUsers.add(u);
            if (g)
                facts.provenGroups.add(g);
            return;
        }
        default:
            return;
    }
}

;// CONCATENATED MODULE: ./src/fix/build.ts
/** Remove the instruction, all its lines. */
function removeInstruction(instr, description) {
    return { startLine: instr.line, endLine: instr.endLine, text: '', remove: true, description };
}
/** Replace one physical line with `text`. */
function replaceLine(line, text, description) {
    return { startLine: line, endLine: line, text, description };
}
/**
 * A fix that rewrites the instruction's single line: keep everything up to `prefix`
 * (keyword, flags, `CMD`), replace the rest. Null when the instruction spans lines.
 */
function rewriteLine(model, instr, prefix, rest, description) {
    if (instr.line !== instr.endLine)
        return null;
    const original = model.lines[instr.line - 1] ?? '';
    const m = prefix.exec(original);
    if (!m || m.index !== 0)
        return null;
    return replaceLine(instr.line, m[0] + rest, description);
}

;// CONCATENATED MODULE: ./src/rules/user/hc103-user-not-numeric.ts
// HC103: the shipped USER is a name. Kubernetes `runAsNonRoot` only trusts a numeric uid
// in the image config ("container has runAsNonRoot and image has non-numeric user, cannot
// verify user is non-root") and rejects the pod. Suggest the numeric uid:gid when the file
// creates the user with a known uid, or the base image ships it (node → 1000, nonroot → 65532).





const hc103 = {
    meta: {
        id: 'HC103',
        title: 'USER is not numeric',
        severity: 'warning',
        check: 'non-root',
        anchors: { hadolint: ['DL3066'] },
        description: 'Kubernetes runAsNonRoot (and OpenShift restricted SCCs) can only verify a numeric uid in the image config; with a user name the pod is refused ("image has non-numeric user, cannot verify user is non-root"). USER 10001:10001 works everywhere, with or without an /etc/passwd entry.',
    },
    check({ model, trustedBaseImages }) {
        const eu = (0,dockerfile_facts/* effectiveUser */.d6)(model);
        if (!eu || eu.resolved.unknownVars.length > 0 || eu.resolved.undefinedVars.length > 0)
            return [];
        if ((0,base_images/* isRootUser */.ar)(eu.resolved.value) || /^\d+$/.test(eu.user))
            return [];
        // Windows has no uids: ContainerUser is the non-administrator account (runAsUserName, not runAsNonRoot)
        if (model.target && windowsStage(model, model.target))
            return [];
        const name = eu.user;
        const facts = accountFacts(model);
        const base = (0,dockerfile_facts/* externalBase */.dR)(model, trustedBaseImages);
        const fromBase = (0,base_images/* baseImageAccounts */.HX)(base?.info ?? null, base?.resolved.value ?? '')?.users.get(name);
        const created = facts.users.get(name);
        const uid = created?.uid ?? fromBase?.uid ?? null;
        let gid = null;
        if (eu.group !== null) {
            gid = /^\d+$/.test(eu.group)
                ? eu.group
                : (facts.groups.get(eu.group)?.gid ?? (eu.group === name ? uid : null));
        }
        else if (created) {
            const g = created.gid;
            gid =
                g === null
                    ? (facts.groups.get(name)?.gid ?? uid)
                    : /^\d+$/.test(g)
                        ? g
                        : (facts.groups.get(g)?.gid ?? null);
        }
        else if (fromBase)
            gid = fromBase.gid;
        const spelled = eu.raw === eu.resolved.value ? eu.raw : `${eu.raw} (= ${eu.resolved.value})`;
        let advice;
        if (uid && /^\d+$/.test(uid)) {
            const where = created
                ? `the uid line ${created.line} gives ${name}`
                : `the uid of ${name} in the base image`;
            advice = `write USER ${uid}${gid && /^\d+$/.test(gid) ? ':' + gid : ''} (${where})`;
        }
        else {
            advice = `create ${name} with a fixed uid (useradd -u 10001) and write USER 10001:10001`;
        }
        // Fix (harden-check --fix): only for a user this file creates with a literal uid, a USER
        // written without variables, and no supplementary groups (those are looked up by name).
        // Without an explicit group (USER name, created without -g) only the uid is written: Docker
        // then takes the primary group from /etc/passwd, as it did for the name.
        let fix = null;
        const literal = /^[A-Za-z0-9_.-]+(?::[A-Za-z0-9_.-]+)?$/.test(eu.raw) && eu.raw === eu.resolved.value;
        const numeric = (s) => !!s && /^\d+$/.test(s);
        if (literal && !facts.supplementary.has(name)) {
            let fixUid = null;
            let fixGroup = '';
            if (created && created.line < eu.instr.line && numeric(uid)) {
                fixUid = uid;
                if (eu.group !== null)
                    fixGroup = ':' + (numeric(gid) ? gid : eu.group);
                else if (created.gid !== null && numeric(gid))
                    fixGroup = ':' + gid;
            }
            else if (!created) {
                // a `name:x:uid:gid:…` line written to /etc/passwd before the USER
                const acc = accountFacts(model, eu.instr);
                const passwdUid = acc.users.get(name)?.uid;
                if (acc.opaque.length === 0 && numeric(passwdUid)) {
                    fixUid = passwdUid;
                    if (eu.group !== null) {
                        const g = numeric(eu.group) ? eu.group : acc.groups.get(eu.group)?.gid;
                        fixGroup = ':' + (numeric(g) ? g : eu.group);
                    }
                }
            }
            if (fixUid !== null) {
                fix = rewriteLine(model, eu.instr, /^\s*USER\s+/i, `${fixUid}${fixGroup}`, `Use the numeric USER ${fixUid}${fixGroup}`);
                // keep trailing whitespace as written
                if (fix)
                    fix.text += /\s*$/.exec(model.lines[eu.instr.line - 1] ?? '')[0];
            }
        }
        return [
            {
                line: eu.instr.line,
                message: `USER ${spelled} is a name, so Kubernetes runAsNonRoot cannot verify it is not root: ${advice}.`,
                ...(fix ? { fix } : {}),
            },
        ];
    },
};

// EXTERNAL MODULE: ./src/dockerfile/model.ts
var dockerfile_model = __webpack_require__(4011);
;// CONCATENATED MODULE: ./src/dockerfile/stages.ts
// Which stages matter for the target image. Two different questions:
//   shipped: the stages whose filesystem and config *are* the image (the target and the
//            stages it builds FROM): hardening rules report there;
//   needed:  the stages a build of the target runs (shipped, plus those it COPYs --from or
//            mounts from=, transitively): a failing step there fails the build.

/** The target and the stages it builds FROM, root of the chain first (file order). */
function shippedStages(model) {
    return model.chain().reverse();
}
/** Is this instruction part of the shipped image? (Global ARGs before the first FROM are not.) */
function isShipped(model, instr) {
    return model.chain().some((s) => s.index === instr.stageIndex);
}
/** Stages the target needs: its FROM chain plus stages named by COPY --from / RUN --mount from=, transitively. */
function neededStages(model) {
    const seen = new Set();
    const queue = model.target ? [model.target] : [];
    while (queue.length) {
        const s = queue.pop();
        for (const c of model.chain(s)) {
            if (seen.has(c.index))
                continue;
            seen.add(c.index);
            for (const i of c.instructions)
                for (const ref of stagesReadBy(model, i))
                    if (!seen.has(ref.index))
                        queue.push(ref);
        }
    }
    return model.stages.filter((s) => seen.has(s.index));
}
/** Stages an instruction reads files from: `COPY --from=<stage>`, `RUN --mount=…,from=<stage>` (resolvable names only). */
function stagesReadBy(model, instr) {
    const refs = [];
    for (const f of instr.flags) {
        if (f.value === null)
            continue;
        if (f.name === 'from' && instr.keyword === 'COPY')
            refs.push((0,dockerfile_model/* unquote */._n)(f.value));
        if (f.name === 'mount') {
            const m = /(?:^|,)from=([^,]+)/.exec(f.value);
            if (m)
                refs.push((0,dockerfile_model/* unquote */._n)(m[1]));
        }
    }
    const out = [];
    for (const r of refs) {
        const v = model.resolveWord(r, instr);
        const stage = v.complete ? model.stageByRef(v.value) : null;
        if (stage)
            out.push(stage);
    }
    return out;
}
/** Every instruction of every stage, in file order (global ARGs before the first FROM excluded). */
function stageInstructions(model) {
    return model.stages.flatMap((s) => s.instructions);
}

;// CONCATENATED MODULE: ./src/rules/user/hc104-user-undefined-variable.ts
// HC104: USER uses a variable that is not defined in its stage. Docker substitutes an empty
// string, so `USER ${APP_USER}` becomes `USER ""` (root) and `USER ${UID}:${GID}` becomes
// `USER ":"` (spiffe/spire#4871). The classic cause: an ARG declared before the first FROM
// and not redeclared inside the stage. Variables a known base image sets as ENV (the .NET
// images' APP_UID) are defined (base-images.ts); with an unknown base we cannot tell, so
// that is a note.


const hc104 = {
    meta: {
        id: 'HC104',
        title: 'USER uses an undefined variable',
        severity: 'error',
        check: 'non-root',
        anchors: { buildkit: ['UndefinedVar'] },
        description: 'A variable that is not defined in the stage expands to an empty string, so USER ${APP_USER} silently becomes root and USER ${UID}:${GID} becomes ":". An ARG declared before the first FROM is only visible to FROM lines: redeclare it (ARG UID) inside the stage that uses it.',
    },
    check({ model, trustedBaseImages }) {
        const hits = [];
        const shipped = shippedStages(model);
        const globals = new Map();
        for (const i of model.preamble)
            if (i.keyword === 'ARG')
                for (const p of i.properties)
                    globals.set(p.name, i.line);
        for (const stage of model.stages) {
            const base = (0,dockerfile_facts/* externalBase */.dR)(model, trustedBaseImages, stage);
            // A known base's ENV (the .NET images' APP_UID) is already in the model's scope.
            const knownBase = base?.info && base.info.family !== 'trusted (config)' ? base.info : null;
            for (const instr of stage.instructions) {
                if (instr.keyword !== 'USER')
                    continue;
                const raw = instr.args.join(' ');
                const res = model.resolveWord(raw, instr);
                const undef = res.undefinedVars;
                if (undef.length === 0)
                    continue;
                const [user] = (0,dockerfile_facts/* splitUser */.S2)(res.value);
                const empty = user === '' && res.unknownVars.length === 0;
                const global = undef.filter((v) => globals.has(v));
                const why = undef
                    .map((v) => globals.has(v)
                    ? `${v} is declared before the first FROM (line ${globals.get(v)}) but not redeclared in this stage`
                    : `${v} is not declared in this stage`)
                    .join('; ');
                const result = empty
                    ? `expands to "${res.value}", an empty user, so the ${shipped.includes(stage) ? 'image runs' : 'stage runs'} as root`
                    : `expands to "${res.value}"`;
                const fix = global.length
                    ? `add ${global.map((v) => `ARG ${v}`).join(', ')} after the FROM on line ${stage.line}`
                    : `declare ${undef.map((v) => `ARG ${v}=<value>`).join(', ')} in this stage or write the value`;
                let severity = empty ? 'error' : 'warning';
                if (!shipped.includes(stage) && severity === 'error')
                    severity = 'warning';
                if (global.length === 0 && !knownBase) {
                    // The base image may define it as ENV: only the runtime can tell.
                    hits.push({
                        line: instr.line,
                        severity: 'note',
                        message: `USER ${raw} ${result} unless the base image sets ENV ${undef.join(', ')} (${why}): declare the variable in this stage or write the uid.`,
                    });
                    continue;
                }
                hits.push({ line: instr.line, severity, message: `USER ${raw} ${result} (${why}): ${fix}.` });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/user/hc105-user-not-created.ts
// HC105: USER names a user (or group) that nothing creates: no useradd/adduser/groupadd/
// addgroup/usermod before it in the shipped chain, no write or COPY of /etc/passwd, no
// chown/--chown that proves the name exists, and the base image is known not to ship it.
// The container then fails with "unable to find user app: no matching entries in passwd file".
// Numeric uids need no passwd entry; unknown and build-argument bases stay silent.




const hc105 = {
    meta: {
        id: 'HC105',
        title: 'USER names a user that does not exist',
        severity: 'warning',
        check: 'non-root',
        anchors: {},
        description: 'Docker resolves a USER name through /etc/passwd (and a group name through /etc/group) of the image; when neither the Dockerfile nor the base image creates it, the next RUN or the container start fails with "unable to find user". A numeric uid needs no entry.',
    },
    check({ model, trustedBaseImages }) {
        const hits = [];
        const base = (0,dockerfile_facts/* externalBase */.dR)(model, trustedBaseImages);
        if (!base || !base.resolved.complete)
            return [];
        const accounts = (0,base_images/* baseImageAccounts */.HX)(base.info, base.resolved.value);
        if (!accounts)
            return [];
        for (const stage of shippedStages(model)) {
            for (const instr of stage.instructions) {
                if (instr.keyword !== 'USER')
                    continue;
                const res = model.resolveWord(instr.args.join(' '), instr);
                if (!res.complete)
                    continue;
                const [user, group] = (0,dockerfile_facts/* splitUser */.S2)(res.value);
                const facts = accountFacts(model, instr);
                if (facts.opaque.length > 0)
                    continue;
                const where = base.info?.family === 'scratch'
                    ? 'a scratch image has no /etc/passwd'
                    : `${base.resolved.value} does not ship it`;
                if (user && !/^\d+$/.test(user) && !['root'].includes(user)) {
                    const exists = facts.users.has(user) || facts.provenUsers.has(user) || accounts.users.has(user);
                    if (!exists) {
                        hits.push({
                            line: instr.line,
                            message: `USER ${res.value} names user "${user}" that no earlier instruction creates and ${where}, so the container fails with "unable to find user ${user}": create it (useradd -u 10001 ${user}) before USER, or use a numeric uid.`,
                        });
                        continue;
                    }
                }
                if (group && !/^\d+$/.test(group) && group !== 'root') {
                    const exists = facts.groups.has(group) ||
                        facts.users.has(group) ||
                        facts.provenGroups.has(group) ||
                        accounts.groups.has(group);
                    if (!exists) {
                        hits.push({
                            line: instr.line,
                            message: `USER ${res.value} names group "${group}" that no earlier instruction creates and ${where}, so the container fails with "unable to find group ${group}": create it (groupadd -g 10001 ${group}) before USER, or use a numeric gid.`,
                        });
                    }
                }
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/user/hc106-user-group-semantics.ts
// HC106: two surprises of USER's group part (Dockerfile reference, USER):
// - `USER name:group` sets only that group: supplementary groups the file granted
//   (`useradd -G`, `usermod -aG`, `adduser user group`) are dropped at runtime;
// - a numeric uid without a passwd entry and without `:gid` runs with gid 0 (root group).



const hc106 = {
    meta: {
        id: 'HC106',
        title: 'USER group drops supplementary groups or defaults to root group',
        severity: 'note',
        check: 'non-root',
        anchors: {},
        description: 'With USER name:group the process gets exactly that group: memberships from /etc/group (added with useradd -G or usermod -aG) are ignored. With a numeric uid that has no /etc/passwd entry and no group, the process runs with gid 0, the root group, which owns many files.',
    },
    check({ model, trustedBaseImages }) {
        const eu = (0,dockerfile_facts/* effectiveUser */.d6)(model);
        if (!eu || !eu.resolved.complete || (0,base_images/* isRootUser */.ar)(eu.resolved.value))
            return [];
        const facts = accountFacts(model, eu.instr);
        const hits = [];
        if (eu.group !== null && eu.group !== '') {
            const byName = facts.supplementary.get(eu.user);
            const byUid = [...facts.users.values()].find((u) => u.uid === eu.user);
            const extra = byName ?? (byUid ? facts.supplementary.get(byUid.name) : undefined);
            if (extra && extra.groups.length > 0) {
                hits.push({
                    line: eu.instr.line,
                    message: `USER ${eu.resolved.value} sets only group ${eu.group}, so the supplementary groups ${extra.groups.join(', ')} granted on line ${extra.line} are dropped at runtime: write USER ${eu.user} without a group, or make the needed group the primary one.`,
                });
            }
            return hits;
        }
        if (!/^\d+$/.test(eu.user) || facts.opaque.length > 0)
            return hits;
        const base = (0,dockerfile_facts/* externalBase */.dR)(model, trustedBaseImages);
        if (!base || !base.resolved.complete)
            return hits;
        const accounts = (0,base_images/* baseImageAccounts */.HX)(base.info, base.resolved.value);
        if (!accounts)
            return hits;
        const known = [...facts.users.values(), ...accounts.users.values()].some((u) => u.uid === eu.user);
        if (known)
            return hits;
        hits.push({
            line: eu.instr.line,
            message: `USER ${eu.resolved.value} has no group and uid ${eu.user} has no /etc/passwd entry, so the process runs with gid 0 (the root group): write USER ${eu.user}:${eu.user}.`,
        });
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/user/hc107-sudo.ts


const hc107 = {
    meta: {
        id: 'HC107',
        title: 'sudo used in RUN',
        severity: 'warning',
        anchors: {
            hadolint: ['DL3004'],
            trivy: ['DS-0010'],
            dockle: ['DKL-DI-0001'],
            checkov: ['CKV2_DOCKER_1'],
            kics: ['8ada6e80'],
        },
        description: 'RUN already executes as root unless a USER says otherwise; sudo needs a TTY-friendly sudoers policy, leaves a setuid binary and a privilege path in the image, and behaves differently across bases. Switch with USER root … USER 10001 around the step, or use gosu/su-exec in an entrypoint.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of stageInstructions(model)) {
            if (instr.keyword !== 'RUN')
                continue;
            const seen = new Set();
            for (const inv of invocationsOf(instr, model)) {
                const sudo = inv.wrappers.find((w) => w.value === 'sudo' || w.value.endsWith('/sudo'));
                const line = sudo ? sudo.line : inv.name === 'sudo' ? inv.line : null;
                if (line === null || seen.has(line))
                    continue;
                seen.add(line);
                const inShipped = isShipped(model, instr);
                hits.push({
                    line,
                    severity: inShipped ? undefined : 'note',
                    message: `sudo ${inv.name === 'sudo' ? '' : inv.name + ' '}runs in a RUN${inShipped ? '' : ' of a builder stage'}: drop sudo and switch with USER root before the step and back to the non-root USER after it.`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/user/ports.ts

function exposedPorts(model) {
    const out = [];
    for (const instr of (0,dockerfile_facts/* chainInstructions */.dv)(model)) {
        if (instr.keyword !== 'EXPOSE')
            continue;
        for (const raw of instr.args) {
            const res = model.resolveWord(raw, instr);
            if (!res.complete)
                continue;
            for (const value of res.value.split(/\s+/).filter(Boolean)) {
                const m = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/([A-Za-z]+))?$/.exec(value);
                if (!m)
                    continue;
                const from = Number(m[1]);
                const to = m[2] ? Number(m[2]) : from;
                out.push({ instr, raw, value, from, to, proto: (m[3] ?? 'tcp').toLowerCase() });
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/rules/user/hc108-expose-ssh.ts

const hc108 = {
    meta: {
        id: 'HC108',
        title: 'Port 22 exposed',
        severity: 'warning',
        anchors: { trivy: ['DS-0004'], checkov: ['CKV_DOCKER_1'], kics: ['5907595b'] },
        description: 'Exposing 22 means an ssh daemon runs in the container: another process to patch, host keys and credentials baked into the image, and a way in that bypasses the orchestrator. Use docker exec or kubectl exec for shell access.',
    },
    check({ model }) {
        const hits = [];
        for (const p of exposedPorts(model)) {
            if (p.from > 22 || p.to < 22 || p.proto !== 'tcp')
                continue;
            const spelled = p.raw === p.value ? p.raw : `${p.raw} (= ${p.value})`;
            hits.push({
                line: p.instr.line,
                message: `EXPOSE ${spelled} opens the ssh port 22: remove it and the ssh daemon, and use docker exec or kubectl exec for shell access.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/user/hc109-privileged-port-nonroot.ts
// HC109: the shipped image runs as a non-root user but EXPOSEs a port below 1024.
// Docker >= 20.10 lets any user bind low ports (ip_unprivileged_port_start=0 in the
// container's network namespace), Kubernetes, OpenShift and --network host do not:
// the app works locally and fails with EACCES in the cluster.



const hc109 = {
    meta: {
        id: 'HC109',
        title: 'Privileged port exposed by a non-root image',
        severity: 'note',
        anchors: {},
        description: 'A non-root process can bind a port below 1024 under Docker 20.10+ only because Docker sets net.ipv4.ip_unprivileged_port_start=0; Kubernetes, OpenShift and host networking keep the default 1024, so the same image fails with "permission denied". Listen on 8080/8443 and map the port outside.',
    },
    check({ model, trustedBaseImages }) {
        const eu = (0,dockerfile_facts/* effectiveUser */.d6)(model);
        let who;
        if (eu) {
            if (!eu.resolved.complete || (0,base_images/* isRootUser */.ar)(eu.resolved.value))
                return [];
            who = `USER ${eu.resolved.value}`;
        }
        else {
            const base = (0,dockerfile_facts/* externalBase */.dR)(model, trustedBaseImages);
            const user = base?.info?.user;
            if (!base || user === undefined || (0,base_images/* isRootUser */.ar)(user))
                return [];
            who = `${base.resolved.value} (user ${user})`;
        }
        const hits = [];
        for (const p of exposedPorts(model)) {
            if (p.from >= 1024 || p.from === 0)
                continue;
            const port = p.from === p.to ? String(p.from) : `${p.from}-${p.to}`;
            hits.push({
                line: p.instr.line,
                message: `EXPOSE ${p.value} is a privileged port but the image runs as ${who}: binding it works under Docker 20.10+ only, not under Kubernetes or OpenShift; listen on a port >= 1024 (e.g. 8080) instead of ${port}.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/user/hc110-useradd-large-uid.ts



const VALUE = /^-[ugGdsckefKpRPZb]$|^--(uid|gid|groups|home-dir|home|shell|comment|skel|expiredate|inactive|key|password|root|prefix|selinux-user|base-dir)$/;
const hc110 = {
    meta: {
        id: 'HC110',
        title: 'useradd with a large uid without -l',
        severity: 'note',
        anchors: { hadolint: ['DL3046'] },
        description: 'useradd records every new user in /var/log/lastlog and /var/log/faillog at an offset proportional to the uid; the files are sparse on disk but not in a layer tarball, so a uid like 100000 adds megabytes and 100000000 gigabytes. useradd -l (--no-log-init) skips it.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of stageInstructions(model)) {
            if (instr.keyword !== 'RUN')
                continue;
            for (const inv of invocationsOf(instr, model)) {
                if (inv.name !== 'useradd')
                    continue;
                const p = parseOptions(inv.args.map((w) => w.value), VALUE);
                if (p.flags.has('-l') || p.flags.has('--no-log-init'))
                    continue;
                const raw = p.opts.get('-u') ?? p.opts.get('--uid');
                if (!raw)
                    continue;
                const res = model.resolve(raw, instr);
                if (!res.complete || !/^\d+$/.test(res.value) || res.value.length <= 5)
                    continue;
                const shown = raw === res.value ? raw : `${raw} (= ${res.value})`;
                hits.push({
                    line: inv.line,
                    message: `useradd -u ${shown} without -l writes a huge sparse lastlog/faillog entry into the layer: add -l (--no-log-init).`,
                });
            }
        }
        return hits;
    },
};

// EXTERNAL MODULE: ./src/secrets/detect.ts
var detect = __webpack_require__(5042);
// EXTERNAL MODULE: ./src/dockerfile/lines.ts
var lines = __webpack_require__(7541);
;// CONCATENATED MODULE: ./src/rules/user/hc112-empty-password.ts
// HC112: an account of the shipped image gets an empty or a baked-in password:
// `echo 'app:' | chpasswd`, `echo 'root:secret' | chpasswd`, `chpasswd <<< …` or a heredoc,
// `passwd -d`, `usermod -p ''`/`useradd -p <hash>`, `echo -e 'pw\npw' | passwd`, an
// `/etc/shadow` edit that leaves `name::`. Locked values (`-p '*'`, `'!'`) are fine.
// Builder stages do not ship their /etc/shadow: a note there.





const LOCKED = new Set(['*', '!', '!!', '!*', 'x', '*LK*']);
const hc112 = {
    meta: {
        id: 'HC112',
        title: 'Empty or hard-coded password set',
        severity: 'error',
        anchors: { dockle: ['DKL-LI-0001'], checkov: ['CKV2_DOCKER_17'] },
        description: 'An account with an empty password lets anyone who reaches a login path (su, ssh, a console) in as that user; a password set in the Dockerfile is the same in every container, visible in the image history and in /etc/shadow. Containers need no passwords: leave accounts locked.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of stageInstructions(model)) {
            if (instr.keyword !== 'RUN')
                continue;
            const soft = isShipped(model, instr) ? undefined : 'note';
            const push = (line, message, severity) => {
                hits.push({ line, message, severity: soft ?? severity });
            };
            for (const inv of invocationsOf(instr, model))
                checkInvocation(model, instr, inv, push);
            for (const { line, text } of (0,lines/* codeLines */.zo)(model, instr)) {
                if (!/\/etc\/shadow\b/.test(text))
                    continue;
                const m = /(?:^|[\s'"/^])([a-z_][a-z0-9_-]*)::/.exec(text);
                if (m)
                    push(line, `This line writes an /etc/shadow entry "${m[1]}::" with an empty password: keep the account locked ("${m[1]}:!:" or "${m[1]}:*:").`);
            }
        }
        return hits;
    },
};
/** Text fed to a command's standard input, when the Dockerfile shows it. */
function stdinOf(inv) {
    const c = inv.command;
    const here = c.redirects.find((r) => r.op === '<<<');
    if (here)
        return { text: here.target ?? '', literal: true };
    if (inv.stdin.length > 0)
        return { text: inv.stdin.join('\n'), literal: true };
    if (c.redirects.some((r) => r.op === '<'))
        return { text: '', literal: false };
    const from = inv.pipedFrom;
    if (from) {
        const words = from.words.map((w) => w.value);
        const prog = words[0]?.replace(/^.*\//, '');
        if (prog === 'echo' || prog === 'printf') {
            const args = words.slice(1).filter((w, i) => !(i === 0 && /^-[neE]+$/.test(w)));
            let text = args.join(' ');
            if (prog === 'printf' || words.includes('-e'))
                text = text.replace(/\\n/g, '\n');
            return { text, literal: true };
        }
        return { text: '', literal: false };
    }
    return null;
}
function checkInvocation(model, instr, inv, push) {
    switch (inv.name) {
        case 'chpasswd': {
            const input = stdinOf(inv);
            if (!input || !input.literal) {
                push(inv.line, `chpasswd sets account passwords in the image: leave the accounts locked and drop chpasswd.`, 'warning');
                return;
            }
            for (const entry of input.text
                .split(/\n/)
                .map((s) => s.trim())
                .filter(Boolean)) {
                const colon = entry.indexOf(':');
                if (colon < 0)
                    continue;
                const user = entry.slice(0, colon);
                const pw = entry.slice(colon + 1);
                if (pw === '') {
                    push(inv.line, `chpasswd gives ${user} an empty password: remove it and keep the account locked.`);
                }
                else if (/\$\{?[A-Za-z_]/.test(pw) && !inv.args.some((a) => a.value === '-e')) {
                    push(inv.line, `chpasswd sets a password for ${user} from a variable, which still lands in /etc/shadow of every container: keep the account locked and drop chpasswd.`, 'warning');
                }
                else {
                    push(inv.line, `chpasswd gives ${user} the hard-coded password ${(0,detect/* maskSecret */.$l)(pw)}: remove it and keep the account locked.`);
                }
            }
            return;
        }
        case 'passwd': {
            const p = parseOptions(inv.args.map((w) => w.value), /^-[nxwi]$|^--(mindays|maxdays|warndays|inactive|root|prefix|repository)$/);
            const user = p.positionals[0] ?? 'root';
            if (p.flags.has('-d') || p.flags.has('--delete')) {
                push(inv.line, `passwd -d leaves ${user} with an empty password: use passwd -l to lock the account instead.`);
                return;
            }
            if (p.flags.has('-l') ||
                p.flags.has('--lock') ||
                p.flags.has('-S') ||
                p.flags.has('--status') ||
                p.flags.has('-e'))
                return;
            const input = stdinOf(inv);
            if (input && input.literal) {
                push(inv.line, `passwd reads a hard-coded password for ${user} from the RUN line: remove it and keep the account locked.`);
            }
            return;
        }
        case 'usermod':
        case 'useradd': {
            const p = parseOptions(inv.args.map((w) => w.value), /^-[ugGdsckefKpRPZbl]$|^--(uid|gid|groups|home-dir|home|shell|comment|skel|expiredate|inactive|key|password|root|prefix|selinux-user|base-dir|login)$/);
            const pw = p.opts.get('-p') ?? p.opts.get('--password');
            if (pw === undefined)
                return;
            const user = p.positionals[p.positionals.length - 1] ?? 'the user';
            const resolved = model.resolve(pw, instr).value;
            if (LOCKED.has(resolved) || resolved.startsWith('!'))
                return;
            if (resolved === '' && !/\$/.test(pw)) {
                push(inv.line, `${inv.name} -p '' gives ${user} an empty password: drop -p so the account stays locked.`);
            }
            else if (/\$\{?[A-Za-z_]/.test(pw) && !/^\$\d\$|^\$[a-z0-9]+\$/.test(pw)) {
                push(inv.line, `${inv.name} -p sets a password for ${user} from a variable, which lands in /etc/shadow of every container: drop -p so the account stays locked.`, 'warning');
            }
            else {
                push(inv.line, `${inv.name} -p bakes the password hash ${(0,detect/* maskSecret */.$l)(pw)} for ${user} into the image: drop -p so the account stays locked.`);
            }
            return;
        }
        default:
            return;
    }
}

;// CONCATENATED MODULE: ./src/rules/user/text-hits.ts

/** One hit per code line of `instr` matching a pattern; lines in `seen` are skipped, hit lines added. */
function textHits(model, instr, patterns, seen, hit) {
    const hits = [];
    for (const { line, text } of (0,lines/* codeLines */.zo)(model, instr)) {
        if (seen.has(line))
            continue;
        const p = patterns.find((x) => x.re.test(text));
        if (!p)
            continue;
        seen.add(line);
        hits.push(hit(line, p.what));
    }
    return hits;
}

;// CONCATENATED MODULE: ./src/rules/user/hc114-tls-verification-disabled.ts




/** curl short options that take a value: a cluster stops at them (`-ok` is -o with file "k"). */
const CURL_VALUE = 'AbcCdDeEFHKmoPQrtTuUwxXyYzhKE';
const VARS = [
    {
        re: /^PYTHONHTTPSVERIFY$/,
        insecure: (v) => v === '0',
        what: 'turns off certificate checks in Python urllib/http.client',
    },
    {
        re: /^NODE_TLS_REJECT_UNAUTHORIZED$/,
        insecure: (v) => v === '0',
        what: 'turns off certificate checks in Node.js',
    },
    {
        re: /^npm_config_strict_ssl$/i,
        insecure: (v) => /^(false|0|no)$/i.test(v),
        what: 'turns off certificate checks in npm',
    },
    {
        re: /^YARN_ENABLE_STRICT_SSL$/,
        insecure: (v) => /^(false|0)$/i.test(v),
        what: 'turns off certificate checks in Yarn',
    },
    {
        re: /^GIT_SSL_NO_VERIFY$/,
        insecure: () => true,
        what: 'turns off certificate checks in git (any value does)',
    },
    {
        re: /^PIP_TRUSTED_HOST$/,
        insecure: (v) => v !== '',
        what: 'makes pip skip certificate checks for those hosts',
    },
    {
        re: /^UV_INSECURE_HOST$/,
        insecure: (v) => v !== '',
        what: 'makes uv skip certificate checks for those hosts',
    },
    {
        re: /^CONDA_SSL_VERIFY$/,
        insecure: (v) => /^(false|0|no)$/i.test(v),
        what: 'turns off certificate checks in conda',
    },
];
/** Settings written anywhere in a RUN (or a COPY heredoc): config commands and config files. */
const TEXT = [
    { re: /\bhttp\.sslverify\s*[= ]\s*["']?(false|0|no|off)\b/i, what: 'git http.sslVerify false' },
    { re: /\bstrict-ssl\s*[= ]\s*["']?false\b|--no-strict-ssl\b/i, what: 'npm/yarn strict-ssl false' },
    { re: /\benableStrictSsl\s*[=: ]\s*["']?false\b/, what: 'Yarn enableStrictSsl false' },
    { re: /(?<![.\w])sslverify\s*=\s*["']?(0|false|no|off)\b/i, what: 'yum/dnf sslverify=0' },
    { re: /\bssl_verify\s+["']?(false|no|0)\b/i, what: 'conda ssl_verify false' },
    { re: /^\s*trusted-host\s*=/, what: 'pip trusted-host in a config file' },
    { re: /\bglobal\.trusted-host\b/, what: 'pip config global.trusted-host' },
    { re: /--no-check-certificate\b/, what: '--no-check-certificate' },
    {
        re: /--insecure-skip-tls-verify\b|--(?:src-|dest-)?tls-verify=false\b/,
        what: 'TLS verification flag set to off',
    },
    {
        re: /\b(?:export\s+)?(?:PYTHONHTTPSVERIFY=["']?0|NODE_TLS_REJECT_UNAUTHORIZED=["']?0|NPM_CONFIG_STRICT_SSL=["']?false|GIT_SSL_NO_VERIFY=|PIP_TRUSTED_HOST=\S|UV_INSECURE_HOST=\S)/i,
        what: 'an environment variable that disables certificate checks',
    },
];
const hc114 = {
    meta: {
        id: 'HC114',
        title: 'TLS verification disabled',
        severity: 'error',
        anchors: {
            checkov: [
                'CKV2_DOCKER_2',
                'CKV2_DOCKER_3',
                'CKV2_DOCKER_4',
                'CKV2_DOCKER_5',
                'CKV2_DOCKER_6',
                'CKV2_DOCKER_12',
                'CKV2_DOCKER_13',
                'CKV2_DOCKER_14',
                'CKV2_DOCKER_15',
                'CKV2_DOCKER_16',
            ],
        },
        description: 'Without certificate verification anyone on the network path can substitute the packages, installers and data a build downloads; in the final image ENV it also disables verification for every connection the application makes. Fix the trust store (install ca-certificates, COPY the corporate CA and run update-ca-certificates) instead.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of stageInstructions(model)) {
            const inShipped = isShipped(model, instr);
            if (instr.keyword === 'ENV' || instr.keyword === 'ARG') {
                for (const p of instr.properties) {
                    const rule = VARS.find((v) => v.re.test(p.name));
                    if (!rule || p.value === null)
                        continue;
                    const value = model.resolve(p.value, instr).value.replace(/^(['"])(.*)\1$/, '$2');
                    if (!rule.insecure(value))
                        continue;
                    const final = instr.keyword === 'ENV' && inShipped;
                    const severity = final ? 'error' : 'warning';
                    const where = final
                        ? 'in the shipped image, so the application runs without certificate checks'
                        : instr.keyword === 'ARG'
                            ? 'for the build'
                            : 'in a builder stage';
                    hits.push({
                        line: instr.line,
                        severity,
                        message: `${instr.keyword} ${p.name}=${value} ${rule.what} ${where}: remove it and trust the needed CA instead (COPY the CA file and run update-ca-certificates).`,
                    });
                }
                continue;
            }
            if (instr.keyword === 'RUN')
                hits.push(...runHits(model, instr, inShipped));
            if (instr.keyword === 'COPY' && instr.heredocs.length > 0)
                hits.push(...textHits(model, instr, TEXT, new Set(), textHit('')));
        }
        return hits;
    },
};
function runHits(model, instr, inShipped) {
    const hits = [];
    const seen = new Set();
    const stage = inShipped ? '' : ' (builder stage)';
    for (const inv of invocationsOf(instr, model)) {
        let flag;
        if (inv.name === 'curl') {
            const w = inv.args.find((a) => a.value === '--insecure' ||
                a.value === '--proxy-insecure' ||
                hasShortFlag(a.value, 'k', CURL_VALUE));
            if (w)
                flag = { line: w.line, text: `curl ${w.value}` };
        }
        else if (inv.name === 'wget' || inv.name === 'apk') {
            const w = inv.args.find((a) => a.value === '--no-check-certificate');
            if (w)
                flag = { line: w.line, text: `${inv.name} --no-check-certificate` };
        }
        else if (/^(pip\d*(\.\d+)?|python\d*(\.\d+)?|uv|pipenv|pdm)$/.test(inv.name)) {
            const w = inv.args.find((a) => /^--(trusted-host|allow-insecure-host)\b/.test(a.value));
            if (w)
                flag = { line: w.line, text: `${inv.name} ${w.value.replace(/=.*/, '')}` };
        }
        if (!flag || seen.has(flag.line))
            continue;
        seen.add(flag.line);
        hits.push({
            line: flag.line,
            severity: 'warning',
            message: `${flag.text} downloads without checking the server certificate${stage}: remove it and fix the trust store instead (install ca-certificates or COPY the corporate CA and run update-ca-certificates).`,
        });
    }
    hits.push(...textHits(model, instr, TEXT, seen, textHit(stage)));
    return hits;
}
const textHit = (stage) => (line, what) => ({
    line,
    severity: 'warning',
    message: `${what} turns off certificate verification${stage}: remove it and fix the trust store instead (install ca-certificates or COPY the corporate CA and run update-ca-certificates).`,
});

;// CONCATENATED MODULE: ./src/rules/user/hc115-signature-verification-disabled.ts



const FLAGS = {
    apk: /^--allow-untrusted$/,
    'apt-get': /^--(allow-unauthenticated|force-yes|allow-insecure-repositories)$|AllowInsecureRepositories=(true|1|yes)|AllowUnauthenticated=(true|1|yes)|AllowDowngradeToInsecureRepositories=(true|1|yes)/i,
    yum: /^--nogpgcheck$|gpgcheck=(0|false|no)$/i,
    rpm: /^--(nosignature|nodigest|noverify|nofiledigest)$/,
    zypper: /^--no-gpg-checks$/,
};
const ALIASES = {
    apt: 'apt-get',
    aptitude: 'apt-get',
    dnf: 'yum',
    tdnf: 'yum',
    microdnf: 'yum',
};
const hc115_signature_verification_disabled_TEXT = [
    { re: /\[[^\]]*\btrusted=yes\b[^\]]*\]/, what: 'an apt source marked [trusted=yes]' },
    {
        re: /\b(?:Acquire::AllowInsecureRepositories|APT::Get::AllowUnauthenticated|Acquire::AllowDowngradeToInsecureRepositories)\s+["']?(?:true|1|yes)/i,
        what: 'an apt setting that accepts unsigned repositories',
    },
    { re: /(?<![\w.])gpgcheck\s*=\s*["']?(0|false|no)\b/i, what: 'gpgcheck=0 in a repository file' },
];
const hc115 = {
    meta: {
        id: 'HC115',
        title: 'Package signature verification disabled',
        severity: 'warning',
        anchors: {
            checkov: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'],
        },
        description: 'Package managers verify signatures so that a compromised mirror, proxy or network cannot slip in modified packages. Disabling the check for one install disables it for every package of that command; import the repository key instead.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of stageInstructions(model)) {
            if (instr.keyword === 'RUN')
                hits.push(...hc115_signature_verification_disabled_runHits(model, instr));
            else if (instr.keyword === 'COPY' && instr.heredocs.length > 0)
                hits.push(...textHits(model, instr, hc115_signature_verification_disabled_TEXT, new Set(), hc115_signature_verification_disabled_textHit));
        }
        return hits;
    },
};
function hc115_signature_verification_disabled_runHits(model, instr) {
    const hits = [];
    const seen = new Set();
    for (const inv of invocationsOf(instr, model)) {
        const tool = ALIASES[inv.name] ?? inv.name;
        const re = FLAGS[tool];
        if (!re)
            continue;
        const w = inv.args.find((a) => re.test(a.value));
        if (!w || seen.has(w.line))
            continue;
        seen.add(w.line);
        hits.push({
            line: w.line,
            message: `${inv.name} ${w.value} installs packages without checking their signatures: remove it and import the repository's signing key instead.`,
        });
    }
    hits.push(...textHits(model, instr, hc115_signature_verification_disabled_TEXT, seen, hc115_signature_verification_disabled_textHit));
    return hits;
}
const hc115_signature_verification_disabled_textHit = (line, what) => ({
    line,
    message: `This line writes ${what}, so packages are installed without signature checks: remove it and import the repository's signing key instead.`,
});

;// CONCATENATED MODULE: ./src/rules/user/hc116-volume-sensitive-path.ts


const SENSITIVE = ['/proc', '/sys', '/dev'];
const hc116 = {
    meta: {
        id: 'HC116',
        title: 'VOLUME on a sensitive host path',
        severity: 'error',
        anchors: { dockle: ['DKL-DI-0002'] },
        description: '/proc, /sys and /dev are provided by the container runtime; declaring a volume there hides them behind an empty volume, or suggests mounting the host directories, which exposes the host kernel interfaces and devices to the container.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of (0,dockerfile_facts/* chainInstructions */.dv)(model)) {
            if (instr.keyword !== 'VOLUME')
                continue;
            const paths = instr.json ?? instr.args;
            for (const raw of paths) {
                const res = model.resolveWord(raw, instr);
                if (!res.complete || !res.value.startsWith('/'))
                    continue;
                const path = normalizePath(res.value);
                const hit = SENSITIVE.find((s) => path === s || path.startsWith(s + '/'));
                if (!hit)
                    continue;
                const shown = raw === res.value ? raw : `${raw} (= ${res.value})`;
                hits.push({
                    line: instr.line,
                    message: `VOLUME ${shown} is under ${hit}, which the runtime provides: remove it and keep data volumes in an application directory such as /data.`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/user/hc117-workdir-system-dir.ts


const SYSTEM = ['/proc', '/boot', '/dev', '/initrd', '/lost+found'];
const hc117 = {
    meta: {
        id: 'HC117',
        title: 'WORKDIR inside a system directory',
        severity: 'error',
        anchors: { trivy: ['DS-0030'] },
        description: '/proc and /dev are kernel pseudo-filesystems mounted over by the runtime, /boot, /initrd and /lost+found belong to the host OS: files written there vanish, fail or land in the wrong place. Use an application directory such as /app.',
    },
    check({ model }) {
        const hits = [];
        const shipped = shippedStages(model);
        const done = new Map();
        for (const stage of model.stages) {
            for (const [instr, path] of workdirs(model, stage, done)) {
                const hit = SYSTEM.find((s) => path === s || path.startsWith(s + '/'));
                if (!hit)
                    continue;
                const raw = instr.args.join(' ');
                const shown = raw === path ? raw : `${raw} (= ${path})`;
                hits.push({
                    line: instr.line,
                    severity: shipped.includes(stage) ? undefined : 'warning',
                    message: `WORKDIR ${shown} is inside the system directory ${hit}: use an application directory such as /app.`,
                });
            }
        }
        return hits;
    },
};
/** Absolute WORKDIR paths of a stage (starting from the parent stage's); unresolvable ones are skipped. */
function workdirs(model, stage, done) {
    return walk(model, stage, done).paths;
}
function walk(model, stage, done) {
    const cached = done.get(stage.index);
    if (cached)
        return cached;
    const result = { paths: new Map(), end: null };
    done.set(stage.index, result);
    let cwd = stage.from.stageRef !== null ? walk(model, model.stages[stage.from.stageRef], done).end : '/';
    for (const instr of stage.instructions) {
        if (instr.keyword !== 'WORKDIR')
            continue;
        const res = model.resolveWord(instr.args.join(' '), instr);
        const v = res.value.trim();
        if (!res.complete)
            cwd = null;
        else if (v.startsWith('/'))
            cwd = normalizePath(v);
        else if (cwd !== null)
            cwd = normalizePath(cwd + '/' + v);
        if (cwd !== null)
            result.paths.set(instr, cwd);
    }
    result.end = cwd;
    return result;
}

;// CONCATENATED MODULE: ./src/rules/user/hc118-base-registry-not-allowed.ts
// HC118: a base image comes from a registry that is not in the organisation's allow-list.
// Enabled by `allowed-registries` in .harden-check.yml (entries: a registry host such as
// `ghcr.io` or `docker.io`, or a prefix such as `ghcr.io/acme/`). Stage references and scratch are not images; a build-argument base
// is reported as a note because it cannot be checked.

/** The allow-list from the config file. */
function allowedRegistries(ctx) {
    return ctx.allowedRegistries;
}
/** Is `image` allowed by one of the entries (host, or host/path prefix)? */
function registryAllowed(image, allowed) {
    const r = (0,base_images/* parseImageRef */.Q)(image);
    const host = r.registry ?? 'docker.io';
    const repo = r.registry === null && !r.repo.includes('/') ? `library/${r.repo}` : r.repo;
    const full = `${host === 'index.docker.io' || host === 'registry-1.docker.io' ? 'docker.io' : host}/${repo}`;
    return allowed.some((entry) => {
        const e = entry
            .trim()
            .toLowerCase()
            .replace(/^https?:\/\//, '');
        if (e === '')
            return false;
        if (!e.includes('/'))
            return full.split('/')[0] === (e === 'index.docker.io' ? 'docker.io' : e);
        return full === e.replace(/\/+$/, '') || full.startsWith(e.endsWith('/') ? e : e + '/');
    });
}
const hc118 = {
    meta: {
        id: 'HC118',
        title: 'Base image from a registry not in the allow-list',
        severity: 'error',
        optIn: true,
        anchors: { hadolint: ['DL3026'], dockle: ['CIS-DI-0002', 'CIS-DI-0005'] },
        description: 'Organisations that mirror and scan their base images want every FROM to pull from those registries only; an image from anywhere else bypasses that review. Active only when enabled and given an allow-list.',
    },
    check(ctx) {
        const allowed = allowedRegistries(ctx);
        if (allowed.length === 0)
            return [];
        const hits = [];
        for (const stage of ctx.model.stages) {
            if (stage.from.stageRef !== null)
                continue;
            const res = stage.from.resolved;
            if (!res.complete || !res.value) {
                hits.push({
                    line: stage.fromInstr.line,
                    severity: 'note',
                    message: `FROM ${stage.from.raw} depends on a build argument, so its registry cannot be checked against the allow-list: pin the registry in the FROM line.`,
                });
                continue;
            }
            if (res.value.toLowerCase() === 'scratch' || registryAllowed(res.value, allowed))
                continue;
            hits.push({
                line: stage.fromInstr.line,
                message: `FROM ${res.value} pulls from a registry that is not allowed (allowed: ${allowed.join(', ')}): use a mirrored image from an allowed registry.`,
            });
        }
        return hits;
    },
};

// EXTERNAL MODULE: ./src/dockerfile/expand.ts
var expand = __webpack_require__(1424);
// EXTERNAL MODULE: ./src/shell/parse.ts + 1 modules
var parse = __webpack_require__(6485);
;// CONCATENATED MODULE: ./src/rules/health/shared.ts




/** The resolved base image of the shipped stage and what we know about it, or null when unknown. */
function shippedBase(model, trusted) {
    const base = (0,dockerfile_facts/* externalBase */.dR)(model, trusted);
    if (!base || !base.info || !base.resolved.complete)
        return null;
    return { image: base.resolved.value, info: base.info };
}
const SHELL_NAMES = /^(?:sh|bash|ash|dash|zsh|busybox|busybox\.static)$/;
function basename(p) {
    const clean = p.replace(/^["']|["']$/g, '').replace(/\/+$/, '');
    return clean.slice(clean.lastIndexOf('/') + 1);
}
/** Sources and destination of a COPY/ADD (exec or shell form), flags removed. */
function copyPaths(instr) {
    return instr.json ?? instr.args;
}
/** A COPY/ADD in the shipped chain that brings a file with this base name (e.g. `curl`, `busybox`). */
function copiesBinary(model, names) {
    for (const instr of (0,dockerfile_facts/* chainInstructions */.dv)(model)) {
        if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD')
            continue;
        const from = instr.flags.find((f) => f.name === 'from')?.value ?? '';
        // `COPY --from=busybox:musl /bin /bin` or `--from=curlimages/curl ...`
        if (names.test(basename(from.split(/[:@]/)[0])))
            return instr;
        for (const p of copyPaths(instr))
            if (names.test(basename(p)))
                return instr;
    }
    return null;
}
/** Does the shipped chain copy a shell in (busybox, /bin/sh, a whole /bin)? */
function copiesShell(model) {
    const byName = copiesBinary(model, SHELL_NAMES);
    if (byName)
        return byName;
    for (const instr of (0,dockerfile_facts/* chainInstructions */.dv)(model)) {
        if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD')
            continue;
        const paths = copyPaths(instr);
        if (paths.slice(0, -1).some((p) => /^\/?(?:usr\/)?bin\/?$/.test(p.replace(/^["']|["']$/g, ''))))
            return instr;
    }
    return null;
}
/**
 * The shipped image has no shell: the base is known shell-less (scratch, distroless
 * non-debug, chainguard non-dev, chiseled) and no COPY brings one in.
 */
function lacksShell(model, trusted) {
    const base = shippedBase(model, trusted);
    if (!base || base.info.shell !== false)
        return null;
    if (copiesShell(model))
        return null;
    return { image: base.image, family: base.info.family };
}
/** The commands a HEALTHCHECK probe runs: the exec-form argv, or the shell-form text parsed by src/shell. */
function probeCommands(hc) {
    const parsed = hc.execForm
        ? [{ words: hc.test.slice(1), after: null }]
        : (0,parse/* parseShell */.a)(hc.test[1] ?? '', { shellHeredocs: true }).map((c) => ({
            words: c.words.map((w) => w.value),
            after: c.after,
        }));
    return parsed.flatMap((c) => {
        const u = (0,wrappers/* unwrap */.o)(c.words.map((value) => ({ value, line: 0, quoted: false })));
        return u ? [{ name: u.name, args: u.args.map((w) => w.value), after: c.after }] : [];
    });
}
/** In each stage, every instruction of this keyword but the last: Docker ignores them. */
function overridden(model, keyword) {
    const out = [];
    for (const stage of model.stages) {
        const same = stage.instructions.filter((i) => i.keyword === keyword);
        const last = same[same.length - 1];
        for (const instr of same.slice(0, -1))
            out.push({ instr, last, stage });
    }
    return out;
}
/** `stage 2 "build"` for messages. */
function stageLabel(stage) {
    return stage.name ? `stage "${stage.name}"` : `stage ${stage.index}`;
}
/**
 * Expand a shell-form command as `/bin/sh` will at run time: only the image's ENV is
 * visible (ARG values are gone), and the ENV in effect is the final one.
 */
function runtimeExpand(model, text) {
    const env = new Map((0,dockerfile_facts/* finalEnv */.S7)(model).map((e) => [e.key, e.value]));
    return (0,expand/* expand */.fT)(text, (n) => (env.has(n) ? env.get(n) : undefined), '\\');
}

;// CONCATENATED MODULE: ./src/rules/health/hc201-no-healthcheck.ts
// HC201: the shipped image has no HEALTHCHECK: none in the target stage, none inherited
// through FROM <stage>. A builder stage's HEALTHCHECK does not ship. `HEALTHCHECK NONE`
// is HC202's business. One-shot / CLI images (no EXPOSE, no port, no server command) get a note.


/** Base images whose own CMD starts a server (their EXPOSE is inherited, not written here). */
const SERVER_BASES = new Set([
    'nginx',
    'httpd',
    'tomcat',
    'jetty',
    'traefik',
    'caddy',
    'postgres',
    'redis',
    'mysql',
    'mariadb',
    'mongo',
    'nginx-unprivileged',
    'bitnami',
]);
/** Commands that start a long-running server (matched as words of CMD/ENTRYPOINT). */
const SERVER = /(?:^|[\s/"'])(?:nginx|httpd|apache2(?:ctl)?|caddy|traefik|envoy|haproxy|uvicorn|gunicorn|hypercorn|daphne|waitress-serve|granian|flask|streamlit|gradio|fastapi|manage\.py|rails|puma|unicorn|passenger|php-fpm\d*(?:\.\d+)?|frankenphp|node|nodemon|pm2(?:-runtime)?|next|nuxt|npm|yarn|pnpm|bun|deno|java|catalina\.sh|dotnet|postgres|mysqld|mariadbd|mongod|redis-server|memcached|rabbitmq-server|nats-server|consul|vault|prometheus|grafana-server|supervisord|s6-svscan|serve|server|start|run|web|api|daemon)(?=$|[\s"'])/i;
/** Does the shipped image look like a long-running service? */
function looksLikeService(model, trusted = []) {
    const base = shippedBase(model, trusted);
    if (base && SERVER_BASES.has(base.info.family))
        return true;
    if ((0,dockerfile_facts/* appPorts */.w1)(model).length > 0)
        return true;
    if ((0,dockerfile_facts/* lastInChain */.Pk)(model, 'EXPOSE'))
        return true;
    for (const key of ['ENTRYPOINT', 'CMD']) {
        const instr = (0,dockerfile_facts/* lastInChain */.Pk)(model, key);
        if (!instr)
            continue;
        const text = instr.json ? instr.json.join(' ') : instr.text;
        if (SERVER.test(text))
            return true;
    }
    return false;
}
const hc201 = {
    meta: {
        id: 'HC201',
        title: 'Final image has no HEALTHCHECK',
        severity: 'warning',
        check: 'healthcheck-defined',
        anchors: {
            hadolint: ['DL3057'],
            trivy: ['DS-0026'],
            dockle: ['CIS-DI-0006'],
            checkov: ['CKV_DOCKER_2'],
            kics: ['b03a748a'],
        },
        description: 'Without a HEALTHCHECK, Docker (and Compose `depends_on: condition: service_healthy`, Swarm, autoheal) only knows the process is alive, not that it serves. Only the shipped stage and the stages it builds FROM count; a HEALTHCHECK in a builder stage is dropped.',
    },
    check({ model, trustedBaseImages }) {
        const stage = model.target;
        if (!stage || (0,dockerfile_facts/* finalHealthcheck */.Fp)(model))
            return [];
        if (looksLikeService(model, trustedBaseImages)) {
            const port = (0,dockerfile_facts/* appPorts */.w1)(model)[0]?.port ?? 8080;
            return [
                {
                    line: stage.fromInstr.line,
                    message: `The shipped image defines no HEALTHCHECK (none in this stage or the stages it builds FROM): add one that probes the app, e.g. HEALTHCHECK CMD ["curl", "-f", "http://localhost:${port}/health"].`,
                },
            ];
        }
        return [
            {
                line: stage.fromInstr.line,
                severity: 'note',
                message: 'The shipped image defines no HEALTHCHECK; it exposes no port and runs no server, so if it is a one-shot or CLI image this is fine, otherwise add a HEALTHCHECK that probes the service.',
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/rules/health/hc202-healthcheck-none.ts
// HC202: the shipped HEALTHCHECK is `NONE`. It satisfies every other scanner, yet the
// container reports no health at all; often added only to silence CKV_DOCKER_2.

const hc202 = {
    meta: {
        id: 'HC202',
        title: 'Final HEALTHCHECK is NONE',
        severity: 'note',
        check: 'healthcheck-defined',
        anchors: {},
        description: '`HEALTHCHECK NONE` disables any health check, including one inherited from the base image. It passes hadolint, Trivy, Dockle and Checkov, but the container never becomes healthy or unhealthy.',
    },
    check({ model }) {
        const hc = (0,dockerfile_facts/* finalHealthcheck */.Fp)(model);
        if (!hc || !hc.none)
            return [];
        return [
            {
                line: hc.instr.line,
                message: 'HEALTHCHECK NONE disables health checking for the shipped image: replace it with a probe of the service, or keep it with an ignore comment that says why (e.g. a one-shot job, or Kubernetes probes instead).',
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/rules/health/hc203-multiple-healthchecks.ts
// HC203: more than one HEALTHCHECK in a stage: only the last counts, the earlier ones are dead.


const hc203 = {
    meta: {
        id: 'HC203',
        title: 'More than one HEALTHCHECK in a stage',
        severity: 'warning',
        anchors: { hadolint: ['DL3012'], trivy: ['DS-0023'], buildkit: ['MultipleInstructionsDisallowed'] },
        description: 'Only the last HEALTHCHECK of a stage takes effect. An earlier one is ignored silently, which misleads readers and reviewers about what is probed.',
    },
    check({ model }) {
        return overridden(model, 'HEALTHCHECK').map(({ instr, last }) => ({
            line: instr.line,
            endLine: instr.endLine,
            message: `This HEALTHCHECK is ignored because the one on line ${last.line} replaces it in the same stage: remove one of them.`,
            fix: removeInstruction(instr, 'Remove the ignored HEALTHCHECK'),
        }));
    },
};

;// CONCATENATED MODULE: ./src/fix/exec-form.ts
// Shell form to exec form, for the fixes of HEALTHCHECK and CMD written in shell form: only a
// plain command (no shell syntax at all) converts without changing what runs.
/** Keyword prefix of a HEALTHCHECK line up to and including `CMD `. */
const HEALTHCHECK_PREFIX = /^\s*HEALTHCHECK\s+(?:--[A-Za-z-]+(?:=(?:"[^"]*"|'[^']*'|\S*))?\s+)*CMD\s+/i;
/** Shell syntax that makes a text need `/bin/sh` (operators, redirections, variables, globs, quotes). */
function needsShell(text) {
    return /[|&;<>()$`\\"'*?~{}[\]#]/.test(text) || /\n/.test(text);
}
/** `curl -f URL || exit 1` → `curl -f URL`; null when the text has no such trailer. */
function stripExitOne(text) {
    const m = /^(.*?)\s*\|\|\s*exit(?:\s+1)?\s*;?\s*$/s.exec(text);
    return m ? m[1] : null;
}
/** Exec-form JSON of a plain command (no shell syntax at all), or null. */
function execFormOf(text) {
    const t = text.trim();
    if (t === '' || needsShell(t))
        return null;
    return JSON.stringify(t.split(/\s+/)).replace(/","/g, '", "');
}

;// CONCATENATED MODULE: ./src/rules/health/hc204-healthcheck-shell-form.ts
// HC204: the shipped HEALTHCHECK is in shell form (CMD-SHELL): it needs /bin/sh in the
// image. Warning; error when the base image is known to have no shell (scratch, distroless
// non-debug, chainguard non-dev, chiseled) and no COPY brings one in.




const hc204 = {
    meta: {
        id: 'HC204',
        title: 'HEALTHCHECK in shell form',
        severity: 'warning',
        check: 'healthy',
        anchors: { hadolint: ['DL3025'] },
        description: 'A shell-form HEALTHCHECK runs as `/bin/sh -c "…"`: it fails with "no such file" on images without a shell (scratch, distroless, chiseled), and it adds a shell process to every probe. The exec form runs the probe directly.',
    },
    check({ model, trustedBaseImages }) {
        const hc = (0,dockerfile_facts/* finalHealthcheck */.Fp)(model);
        if (!hc || hc.none || hc.execForm)
            return [];
        const command = hc.test[1] ?? '';
        // `curl -f … || exit 1` becomes exec form without the trailer: curl -f already fails on HTTP >= 400.
        const plain = stripExitOne(command) ?? command;
        const json = execFormOf(plain);
        const fix = json
            ? rewriteLine(model, hc.instr, HEALTHCHECK_PREFIX, json, 'Use the exec form of the HEALTHCHECK')
            : null;
        const noShell = lacksShell(model, trustedBaseImages);
        // Backticked: the comment renders it as code (no autolinked URLs in the suggestion).
        const suggestion = json
            ? `\`HEALTHCHECK CMD ${json}\``
            : 'the exec form `HEALTHCHECK CMD ["prog", "arg", …]`';
        if (noShell) {
            return [
                {
                    line: hc.instr.line,
                    endLine: hc.instr.endLine,
                    severity: 'error',
                    message: `This shell-form HEALTHCHECK needs /bin/sh, but the shipped base ${noShell.image} (${noShell.family}) has no shell, so every probe fails: use ${suggestion} with a binary the image contains.`,
                    ...(fix ? { fix } : {}),
                },
            ];
        }
        return [
            {
                line: hc.instr.line,
                endLine: hc.instr.endLine,
                message: `This HEALTHCHECK is in shell form and runs through /bin/sh: use ${suggestion}${json ? '' : ', or wrap shell logic in a script the image contains'}.`,
                ...(fix ? { fix } : {}),
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/rules/health/hc205-exec-form-shell-syntax.ts
// HC205: an exec-form HEALTHCHECK whose argv contains shell syntax (`||`, `&&`, `|`, `;`,
// redirections, `$VAR`): no shell runs, so these reach the program as literal arguments.
// Typical result of converting `CMD curl -f … || exit 1` to JSON naïvely.



const SHELLS = /^(?:.*\/)?(?:sh|bash|ash|dash|zsh)$/;
const OPERATOR = /^(?:\|\||&&|\||;|&|>>?|<|\d?>>?&?\d*|&>)$/;
const REDIRECT = /^(?:\d?>>?|&>|<)\S/;
const VARIABLE = /\$(?:[A-Za-z_{(]|\?)|`/;
/** The first argv word that only a shell would understand, or null. */
function shellToken(argv) {
    // ["sh", "-c", "…"] and ["/bin/bash", "-lc", "…"] run a shell on purpose.
    if (argv.length > 0 && SHELLS.test(argv[0]) && argv.slice(1).some((a) => /^-[a-z]*c[a-z]*$/.test(a)))
        return null;
    for (const a of argv) {
        if (OPERATOR.test(a) || REDIRECT.test(a) || VARIABLE.test(a) || /;$/.test(a))
            return a;
    }
    return null;
}
const hc205 = {
    meta: {
        id: 'HC205',
        title: 'Exec-form HEALTHCHECK contains shell syntax',
        severity: 'error',
        check: 'healthy',
        anchors: {},
        description: 'The exec form runs the program directly, without a shell: `||`, `&&`, `|`, `;`, `>` and `$VAR` are passed as literal arguments, so `["curl", "-f", "http://localhost/", "||", "exit", "1"]` asks curl to fetch a URL named `||`.',
    },
    check({ model }) {
        const hc = (0,dockerfile_facts/* finalHealthcheck */.Fp)(model);
        if (!hc || hc.none || !hc.execForm)
            return [];
        const argv = hc.test.slice(1);
        const token = shellToken(argv);
        if (token === null)
            return [];
        // The naive conversion: drop a trailing "||", "exit", "1" when nothing else needs a shell.
        const tail = argv.length >= 3 &&
            argv[argv.length - 3] === '||' &&
            argv[argv.length - 2] === 'exit' &&
            argv[argv.length - 1] === '1';
        const head = tail ? argv.slice(0, -3) : null;
        const fix = head && head.length > 0 && shellToken(head) === null
            ? rewriteLine(model, hc.instr, HEALTHCHECK_PREFIX, JSON.stringify(head).replace(/","/g, '", "'), 'Drop the literal "||", "exit", "1" from the exec form')
            : null;
        const variable = VARIABLE.test(token);
        const what = variable
            ? `${token} is not expanded (no shell runs)`
            : `"${token}" is passed to ${argv[0]} as a literal argument (no shell runs)`;
        const todo = tail
            ? `drop "||", "exit", "1"${/curl/.test(argv[0]) ? ' (curl -f already exits non-zero on HTTP errors)' : ''}, or use the shell form`
            : 'use the shell form, or ["sh", "-c", "…"], or a script in the image';
        return [
            {
                line: hc.instr.line,
                endLine: hc.instr.endLine,
                message: `In this exec-form HEALTHCHECK, ${what}: ${todo}.`,
                ...(fix ? { fix } : {}),
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/rules/health/hc206-probe-binary-missing.ts
// HC206: the HEALTHCHECK runs a probe (curl, wget, nc) that the shipped image does not
// contain: decided from what the known base image carries, package installs in the
// shipped chain, and COPY of the binary. Unknown base or unknown program: silent
// (the runtime check confirms with exit code 127 / "executable file not found").


const PROBES = { curl: 'curl', wget: 'wget', nc: 'nc', netcat: 'nc', ncat: 'nc' };
const PACKAGES = {
    curl: ['curl'],
    wget: ['wget', 'busybox', 'busybox-static'],
    nc: [
        'netcat',
        'netcat-openbsd',
        'netcat-traditional',
        'ncat',
        'nmap-ncat',
        'nmap',
        'busybox-extras',
        'busybox',
        'busybox-static',
    ],
};
const BINARIES = {
    curl: /^curl$/,
    wget: /^(?:wget|busybox(?:\.static)?)$/,
    nc: /^(?:nc|netcat|ncat|busybox(?:\.static)?)$/,
};
/** Is the probe in the base image? true / false / undefined (unknown). */
function inBase(probe, info) {
    if (info.family === 'scratch')
        return false;
    if (probe === 'curl')
        return info.curl === 'unknown' ? undefined : info.curl;
    if (probe === 'wget')
        return info.wget === 'unknown' ? undefined : info.wget !== 'none';
    // nc: BusyBox images have the applet; Debian/Ubuntu slim, distroless and chiseled do not.
    if (info.wget === 'busybox')
        return true;
    if (info.shell === false)
        return false;
    if (['debian', 'ubuntu'].includes(info.family) || info.curl === false)
        return info.wget === 'none' ? false : undefined;
    return undefined;
}
function installed(model, probe) {
    return (PACKAGES[probe].some((p) => (0,dockerfile_facts/* installsPackage */.zA)(model, p) !== null) ||
        copiesBinary(model, BINARIES[probe]) !== null);
}
const hc206 = {
    meta: {
        id: 'HC206',
        title: 'HEALTHCHECK probe binary not in the final image',
        severity: 'warning',
        check: 'healthy',
        anchors: {},
        description: 'Slim, alpine, distroless and scratch images ship without curl (alpine has BusyBox wget, slim has neither). A probe that is not installed fails every time: the container turns unhealthy and orchestrators restart it in a loop.',
    },
    check({ model, trustedBaseImages }) {
        const hc = (0,dockerfile_facts/* finalHealthcheck */.Fp)(model);
        if (!hc || hc.none)
            return [];
        const base = shippedBase(model, trustedBaseImages);
        if (!base)
            return [];
        const probes = [];
        for (const c of probeCommands(hc)) {
            const probe = PROBES[c.name];
            if (probe && !probes.includes(probe))
                probes.push(probe);
        }
        if (probes.length === 0)
            return [];
        // `curl … || wget …`: one probe present is enough; any unknown one keeps us silent.
        const missing = probes.filter((p) => inBase(p, base.info) === false && !installed(model, p));
        if (missing.length < probes.length)
            return [];
        const probe = missing[0];
        const install = base.info.shell === false
            ? `COPY a static ${probe} binary into the image, or probe with a binary the image has`
            : `install ${probe} in the shipped stage (${base.info.wget === 'busybox' ? `apk add --no-cache ${probe === 'nc' ? 'netcat-openbsd' : probe}` : `apt-get install -y --no-install-recommends ${probe === 'nc' ? 'netcat-openbsd' : probe}`})${probe === 'curl' && base.info.wget === 'busybox' ? ', or use the BusyBox wget it has: wget -q -O /dev/null URL' : ''}`;
        return [
            {
                line: hc.instr.line,
                endLine: hc.instr.endLine,
                message: `The HEALTHCHECK runs ${probe}, but the shipped image (${base.image}) does not contain it and no step in the shipped stages installs or copies it: ${install}.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/rules/health/hc207-healthcheck-port-mismatch.ts
// HC207: the HEALTHCHECK probes a local port that differs from the port the app is told
// to listen on. Evidence, strongest first: a port flag in CMD/ENTRYPOINT (--port, -p,
// --bind); else ENV PORT-style variables (the file's, or the base image's such as
// ASPNETCORE_HTTP_PORTS=8080): the probe is blamed. With only EXPOSE against the probe the file cannot tell which one is wrong: the
// finding says they disagree and names both lines. Fires only when the evidence names one port; a probe port that comes from a variable is resolved the way
// /bin/sh will at run time (image ENV only), and an unresolved one keeps the rule silent.



/**
 * The HEALTHCHECK line with the probe's port (written literally, once) changed to `port`;
 * null when the port is not written exactly once in the line (a variable, or ambiguous).
 */
function withProbePort(line, from, port) {
    // The same shapes probePort() reads, in the same order.
    const url = /\b(https?):\/\/(\[[^\]]+\]|[^\s/:'"]+)(?::(\d{1,5}))?/gi;
    const urls = [...line.matchAll(url)];
    if (urls.length > 0) {
        if (urls.length !== 1)
            return null;
        const m = urls[0];
        const shown = m[3] ? Number(m[3]) : m[1].toLowerCase() === 'https' ? 443 : 80;
        if (shown !== from)
            return null;
        const hostEnd = m.index + `${m[1]}://${m[2]}`.length;
        return line.slice(0, hostEnd) + `:${port}` + line.slice(m.index + m[0].length);
    }
    for (const re of [
        /(\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|::1):)(\d{1,5})\b/g,
        /(\b(?:nc|netcat|ncat)\b[^|;&]*?\s(?:localhost|127\.0\.0\.1)\s+)(\d{1,5})\b/g,
        /((?:--port|-p)[=\s]+)(\d{1,5})\b/g,
    ]) {
        const all = [...line.matchAll(re)];
        if (all.length === 0)
            continue;
        if (all.length !== 1 || Number(all[0][2]) !== from)
            return null;
        const m = all[0];
        const at = m.index + m[1].length;
        return line.slice(0, at) + String(port) + line.slice(at + m[2].length);
    }
    return null;
}
/** Hosts that mean "this container". */
const LOCAL_URL = /\b(?:https?):\/\/(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|\$\{?HOSTNAME\}?|\$\(hostname\))(?=[:/\s'"]|$)/i;
const REMOTE_URL = /\b(?:https?):\/\//i;
function distinct(ports) {
    return [...new Set(ports.map((p) => p.port))];
}
const hc207 = {
    meta: {
        id: 'HC207',
        title: "HEALTHCHECK targets a port other than the app's",
        severity: 'warning',
        check: 'healthy',
        anchors: {},
        description: 'A probe of the wrong port gets "connection refused" on every try: the container is reported unhealthy (and restarted by autoheal or Swarm) although the app is fine, or worse, a different listener answers.',
    },
    check({ model }) {
        const hc = (0,dockerfile_facts/* finalHealthcheck */.Fp)(model);
        if (!hc || hc.none)
            return [];
        // Exec form is not expanded (HC205 reports variables there); shell form is expanded at run time.
        const raw = hc.execForm ? hc.test.slice(1).join(' ') : (hc.test[1] ?? '');
        if (hc.execForm && /\$/.test(raw))
            return [];
        const expanded = hc.execForm ? null : runtimeExpand(model, raw);
        if (expanded && !expanded.complete)
            return [];
        const command = expanded ? expanded.value : raw;
        // Only probes of this container: a URL must name a local host.
        if (REMOTE_URL.test(command) && !LOCAL_URL.test(command))
            return [];
        const port = (0,dockerfile_facts/* probePort */.Kd)(command);
        if (port === null)
            return [];
        const ports = (0,dockerfile_facts/* appPorts */.w1)(model);
        const fromCommand = ports.filter((p) => p.source.startsWith('CMD') || p.source.startsWith('ENTRYPOINT'));
        const fromEnv = ports.filter((p) => p.source.startsWith('ENV'));
        const exposed = ports.filter((p) => p.source === 'EXPOSE');
        let app = null;
        if (fromCommand.length > 0) {
            const d = distinct(fromCommand);
            if (d.length !== 1 || d[0] === port)
                return [];
            app = fromCommand[0];
        }
        else if (fromEnv.length > 0) {
            // ENV (this file's or the base image's) names the port the app reads; EXPOSE is documentation
            const d = distinct(fromEnv);
            if (d.length !== 1 || d[0] === port)
                return [];
            app = fromEnv[0];
        }
        else {
            // Only EXPOSE and the probe: the file cannot say which of the two is wrong.
            const d = distinct(exposed);
            if (d.length !== 1 || d[0] === port)
                return [];
            const e = exposed[0];
            return [
                {
                    line: hc.instr.line,
                    endLine: hc.instr.endLine,
                    message: `The HEALTHCHECK (line ${hc.instr.line}) probes port ${port} but EXPOSE (line ${e.line}) declares ${e.port}, and nothing in the file (CMD, ENTRYPOINT, ENV) says which port the app listens on: make the two agree with the port the app really uses.`,
                },
            ];
        }
        const where = app.source.startsWith('CMD') || app.source.startsWith('ENTRYPOINT')
            ? app.source.split(' ')[0]
            : app.source;
        const via = raw === command ? '' : ` (${raw.match(/\$\{?\w+\}?/)?.[0] ?? 'a variable'} = ${port})`;
        // Fix: a one-line HEALTHCHECK whose port is written literally (not from a variable).
        let fix = null;
        if (hc.instr.line === hc.instr.endLine && raw === command) {
            const original = model.lines[hc.instr.line - 1] ?? '';
            const text = withProbePort(original, port, app.port);
            if (text !== null && text !== original) {
                fix = replaceLine(hc.instr.line, text, `Probe the app's port ${app.port}`);
            }
        }
        return [
            {
                line: hc.instr.line,
                endLine: hc.instr.endLine,
                message: `The HEALTHCHECK probes port ${port}${via}, but the app listens on ${app.port} (${where}, line ${app.line}): probe port ${app.port}, or change the app's port.`,
                ...(fix ? { fix } : {}),
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/rules/health/hc209-risky-healthcheck-timing.ts
// HC209: risky HEALTHCHECK timings in the shipped image. Bounds (documented in HC209.md):
//   --timeout >= --interval (effective values, Docker defaults 30s/30s, when either is set)
//   --interval < 1s (probe storm) or > 5m (failures noticed late)
//   --retries > 10 (unhealthy only after retries × interval)
//   no --start-period while CMD/ENTRYPOINT starts a JVM (slow starter)
//   --start-interval: needs Docker Engine >= 25, and does nothing without --start-period


const DEFAULT_INTERVAL = 30;
const DEFAULT_TIMEOUT = 30;
const MIN_INTERVAL = 1;
const MAX_INTERVAL = 300;
const MAX_RETRIES = 10;
const SLOW = /(?:^|[\s/"'])(?:java|jshell|catalina\.sh|standalone\.sh|kc\.sh|elasticsearch|kafka-server-start\.sh|mvn|mvnw|gradle|gradlew|sbt|spring)(?=$|[\s"'])|\.jar\b|-jar\b|spring-boot/;
const SLOW_BASES = new Set([
    'eclipse-temurin',
    'openjdk',
    'amazoncorretto',
    'tomcat',
    'jetty',
    'maven',
    'gradle',
]);
function fmt(seconds) {
    if (seconds >= 60 && seconds % 60 === 0)
        return `${seconds / 60}m`;
    if (seconds < 1)
        return `${Math.round(seconds * 1000)}ms`;
    return `${seconds}s`;
}
/** The command the container starts, when it looks like a JVM (or the base is a JVM image without own CMD). */
function slowStarter(model, trusted) {
    const parts = [];
    for (const key of ['ENTRYPOINT', 'CMD']) {
        const instr = (0,dockerfile_facts/* lastInChain */.Pk)(model, key);
        if (instr)
            parts.push(instr.json ? instr.json.join(' ') : instr.text);
    }
    const text = parts.join(' ');
    if (text && SLOW.test(text))
        return 'a JVM';
    const base = shippedBase(model, trusted);
    if (base && SLOW_BASES.has(base.info.family) && (text === '' || SLOW.test(text)))
        return `${base.info.family}`;
    return null;
}
const hc209 = {
    meta: {
        id: 'HC209',
        title: 'Risky HEALTHCHECK timing',
        severity: 'note',
        check: 'healthy',
        anchors: {},
        description: 'Timings decide how fast a broken container is noticed and whether a slow but healthy one is killed during start-up: a timeout at least as long as the interval, extreme intervals, many retries, or a JVM without --start-period.',
    },
    check({ model, trustedBaseImages }) {
        const hc = (0,dockerfile_facts/* finalHealthcheck */.Fp)(model);
        if (!hc || hc.none)
            return [];
        // Docker does not expand variables in HEALTHCHECK flags (`--timeout=${T}` fails the
        // build, HC208's business): a flag written with `$` or not parsable is left alone.
        const given = (name) => hc.rawFlags[name] !== undefined;
        const unknown = (name) => given(name) &&
            (/\$/.test(hc.rawFlags[name] ?? '') || hc.timings[name] === undefined);
        const t = Object.fromEntries(Object.entries(hc.timings).filter(([k]) => !unknown(k)));
        const flagLine = (name) => hc.instr.flags.find((f) => f.name === name)?.line ?? hc.instr.line;
        const hits = [];
        if ((t.interval !== undefined || t.timeout !== undefined) &&
            !unknown('interval') &&
            !unknown('timeout')) {
            const interval = t.interval ?? DEFAULT_INTERVAL;
            const timeout = t.timeout ?? DEFAULT_TIMEOUT;
            if (interval > 0 && timeout >= interval) {
                hits.push({
                    line: flagLine(t.timeout !== undefined ? 'timeout' : 'interval'),
                    message: `--timeout (${fmt(timeout)}${t.timeout === undefined ? ', the default' : ''}) is not shorter than --interval (${fmt(interval)}${t.interval === undefined ? ', the default' : ''}): a hanging probe delays the next one, so set a timeout well below the interval (e.g. --interval=30s --timeout=5s).`,
                });
            }
        }
        if (t.interval !== undefined && t.interval > 0 && t.interval < MIN_INTERVAL) {
            hits.push({
                line: flagLine('interval'),
                message: `--interval=${fmt(t.interval)} runs the probe more than once a second for the container's whole life: use 5s–60s, and --start-interval for fast start-up detection.`,
            });
        }
        if (t.interval !== undefined && t.interval > MAX_INTERVAL) {
            hits.push({
                line: flagLine('interval'),
                message: `--interval=${fmt(t.interval)} means a broken container is noticed only after ${fmt(t.interval * (t.retries ?? 3))} or more: use an interval of at most 5m.`,
            });
        }
        if (t.retries !== undefined && t.retries > MAX_RETRIES) {
            const interval = unknown('interval') ? DEFAULT_INTERVAL : (t.interval ?? DEFAULT_INTERVAL);
            hits.push({
                line: flagLine('retries'),
                message: `--retries=${t.retries} marks the container unhealthy only after about ${fmt(Math.round(interval * t.retries))} of failures: use 3–5 retries and a --start-period for slow start-up instead.`,
            });
        }
        if (!given('start-period')) {
            const slow = slowStarter(model, trustedBaseImages);
            if (slow) {
                hits.push({
                    line: hc.instr.line,
                    message: `The container starts ${slow}, which often takes longer than the first probes: add --start-period (e.g. --start-period=60s) so failures during start-up do not count.`,
                });
            }
        }
        if (given('start-interval')) {
            const noPeriod = !given('start-period');
            hits.push({
                line: flagLine('start-interval'),
                message: noPeriod
                    ? '--start-interval only applies during --start-period, which is not set here (and it needs Docker Engine 25 or later): add --start-period or drop --start-interval.'
                    : '--start-interval needs Docker Engine 25 or later (API 1.44); older engines ignore it and probe at --interval during start-up: make sure your hosts run Engine >= 25.',
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/health/hc210-dead-image-config.ts



const KEYWORDS = ['HEALTHCHECK', 'EXPOSE', 'USER', 'CMD'];
/** Stages some other stage builds FROM, COPYs --from or mounts --from: intermediates. */
function referenced(model) {
    const out = new Set();
    for (const stage of model.stages) {
        if (stage.from.stageRef !== null)
            out.add(stage.from.stageRef);
        for (const instr of stage.instructions) {
            for (const s of stagesReadBy(model, instr))
                if (s.index < stage.index)
                    out.add(s.index);
        }
    }
    return out;
}
function users(stage) {
    return stage.instructions.filter((i) => i.keyword === 'USER');
}
const hc210 = {
    meta: {
        id: 'HC210',
        title: 'HEALTHCHECK, EXPOSE, USER or CMD only in a stage that does not ship',
        severity: 'warning',
        anchors: { hadolint: ['(DL3057 models inheritance)'] },
        description: "Image configuration (HEALTHCHECK, EXPOSE, USER, CMD) is inherited only through FROM <stage>. Written in a builder stage that the shipped stage merely copies from, it is silently dropped: the shipped image has no health check, no documented port, runs as root, or runs the base image's command.",
    },
    check({ model }) {
        const target = model.target;
        if (!target)
            return [];
        const chain = shippedStages(model);
        const shipped = new Set((0,dockerfile_facts/* chainInstructions */.dv)(model).map((i) => i.keyword));
        const intermediates = referenced(model);
        const hits = [];
        for (const keyword of KEYWORDS) {
            if (shipped.has(keyword))
                continue;
            for (const stage of model.stages) {
                if (chain.includes(stage) || !intermediates.has(stage.index))
                    continue;
                // Stages that the shipped chain inherits from count through `chain`; other stages
                // built FROM this one would inherit it, but they do not ship either.
                const same = stage.instructions.filter((i) => i.keyword === keyword);
                const last = same[same.length - 1];
                if (!last)
                    continue;
                if (keyword === 'USER') {
                    const after = stage.instructions.filter((i) => i.line > users(stage).at(-1).line);
                    if (after.some((i) => i.keyword === 'RUN' || i.keyword === 'COPY' || i.keyword === 'ADD' || i.keyword === 'WORKDIR'))
                        continue;
                }
                hits.push({
                    line: last.line,
                    endLine: last.endLine,
                    message: `${keyword} is set in ${stageLabel(stage)}, which the shipped stage ${stageLabel(target)} does not build FROM, so the shipped image has no ${keyword}: move it into the final stage.`,
                });
            }
        }
        return hits.sort((a, b) => a.line - b.line);
    },
};

;// CONCATENATED MODULE: ./src/rules/health/hc211-healthcheck-exit-codes.ts
// HC211: a HEALTHCHECK whose exit status does not follow Docker's contract (0 healthy,
// 1 unhealthy, 2 reserved): an explicit `exit 2` / `exit N`, or curl without --fail,
// which exits 0 on HTTP 500 and so never reports the app unhealthy.


const CURL_FAIL = /^(?:--fail|--fail-with-body|--fail-early|-[A-Za-z]*f[A-Za-z]*)$/;
function curlFails(args) {
    for (const w of args) {
        if (CURL_FAIL.test(w))
            return true;
        // `-w '%{http_code}'` and friends: the script inspects the status itself.
        if (w === '-w' || w === '--write-out')
            return true;
    }
    return false;
}
const hc211 = {
    meta: {
        id: 'HC211',
        title: 'HEALTHCHECK exit code outside 0/1',
        severity: 'note',
        check: 'healthy',
        anchors: {},
        description: "Docker reads the probe's exit status: 0 healthy, 1 unhealthy, 2 reserved. A probe that exits 2 or other codes relies on undocumented behaviour, and curl without --fail exits 0 on HTTP errors, so the check never fails.",
    },
    check({ model }) {
        const hc = (0,dockerfile_facts/* finalHealthcheck */.Fp)(model);
        if (!hc || hc.none)
            return [];
        const hits = [];
        const at = { line: hc.instr.line, endLine: hc.instr.endLine };
        for (const c of probeCommands(hc)) {
            if (!hc.execForm && c.name === 'exit') {
                const code = c.args[0];
                if (code !== undefined && /^\d+$/.test(code) && Number(code) > 1) {
                    hits.push({
                        ...at,
                        message: `The HEALTHCHECK exits with code ${code}; Docker reserves 2 and only defines 0 (healthy) and 1 (unhealthy): use exit 1.`,
                    });
                }
            }
            if (c.name === 'curl' && !curlFails(c.args)) {
                // `curl … | grep ok` or `curl … && test …`: a later command decides.
                if (c.after === '|' || c.after === '|&' || c.after === '&&')
                    continue;
                hits.push({
                    ...at,
                    message: 'This curl has no -f/--fail, so it exits 0 on HTTP 404 or 500 and the HEALTHCHECK never fails while the app answers with errors: add -f (e.g. curl -fsS http://…).',
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/health/hc212-shell-form-cmd.ts
// HC212: the shipped CMD or ENTRYPOINT is in shell form: /bin/sh -c is PID 1, does not
// forward SIGTERM, and `docker stop` waits its timeout then kills. A SHELL instruction
// does not change that (it only picks which shell is PID 1), unlike BuildKit's
// JSONArgsRecommended which any SHELL silences. `exec prog …` hands PID 1 to the program.




function startsWithExec(text) {
    return /^\s*exec\s/.test(text);
}
/** Words only a shell understands as the command (builtins, keywords, `VAR=value` prefixes). */
const SHELL_ONLY = /^(?:cd|export|set|unset|source|\.|eval|exec|if|for|while|until|case|alias|ulimit|umask|trap|wait|read|!|\w+=.*)$/;
/** The exec form of a shell-form command when running it without /bin/sh does the same. */
function safeExecForm(text) {
    const json = execFormOf(text);
    if (!json)
        return null;
    const first = text.trim().split(/\s+/)[0] ?? '';
    return SHELL_ONLY.test(first) ? null : json;
}
const hc212 = {
    meta: {
        id: 'HC212',
        title: 'CMD or ENTRYPOINT in shell form',
        severity: 'warning',
        anchors: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'], kics: ['b86987e1'] },
        description: 'In shell form Docker runs `/bin/sh -c "…"` as PID 1. The shell does not forward SIGTERM to the app, so `docker stop` and Kubernetes wait for the grace period and then SIGKILL it: no graceful shutdown, lost requests. A shell-form ENTRYPOINT also drops CMD and `docker run` arguments.',
    },
    check({ model, trustedBaseImages }) {
        const hits = [];
        const entrypoint = (0,dockerfile_facts/* lastInChain */.Pk)(model, 'ENTRYPOINT');
        const cmd = (0,dockerfile_facts/* lastInChain */.Pk)(model, 'CMD');
        // With a shell-form ENTRYPOINT, CMD is never used: report the ENTRYPOINT only.
        const targets = entrypoint && !entrypoint.json ? [entrypoint] : [entrypoint, cmd].filter((i) => !!i);
        const noShell = lacksShell(model, trustedBaseImages);
        for (const instr of targets) {
            if (instr.json || instr.text.trim() === '' || startsWithExec(instr.text))
                continue;
            const json = safeExecForm(instr.text);
            // An exec-form ENTRYPOINT takes CMD as arguments, a shell-form one ignores it: with a
            // CMD in the chain the conversion would change what runs, so no fix then.
            const changesArgs = instr.keyword === 'ENTRYPOINT' && cmd !== null && cmd !== undefined;
            const fix = json && !changesArgs
                ? rewriteLine(model, instr, new RegExp(`^\\s*${instr.keyword}\\s+`, 'i'), json, `Use the exec form of ${instr.keyword}`)
                : null;
            // Backticked: the comment renders it as code.
            const how = json
                ? `\`${instr.keyword} ${json}\``
                : `the exec form \`${instr.keyword} ["prog", "arg", …]\`, or prefix the command with \`exec\``;
            if (noShell) {
                hits.push({
                    line: instr.line,
                    endLine: instr.endLine,
                    severity: 'error',
                    message: `${instr.keyword} is in shell form, but the shipped base ${noShell.image} (${noShell.family}) has no /bin/sh, so the container cannot start: use ${how}.`,
                    ...(fix ? { fix } : {}),
                });
                continue;
            }
            if (instr.keyword === 'CMD' && entrypoint?.json) {
                hits.push({
                    line: instr.line,
                    endLine: instr.endLine,
                    message: `CMD is in shell form, so the exec-form ENTRYPOINT (line ${entrypoint.line}) receives "/bin/sh", "-c", "…" as its arguments: use ${how}.`,
                    ...(fix ? { fix } : {}),
                });
                continue;
            }
            hits.push({
                line: instr.line,
                endLine: instr.endLine,
                message: `${instr.keyword} is in shell form, so /bin/sh is PID 1 and does not forward SIGTERM to the app (docker stop waits, then kills it): use ${how}.`,
                ...(fix ? { fix } : {}),
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/health/hc213-multiple-cmd.ts
// HC213: more than one CMD in a stage: only the last counts.


const hc213 = {
    meta: {
        id: 'HC213',
        title: 'More than one CMD in a stage',
        severity: 'warning',
        anchors: {
            hadolint: ['DL4003'],
            trivy: ['DS-0016'],
            buildkit: ['MultipleInstructionsDisallowed'],
            kics: ['41c195f4'],
        },
        description: 'Only the last CMD of a stage takes effect; the earlier ones are ignored silently. Often a leftover, or a misunderstanding that several CMDs start several processes.',
    },
    check({ model }) {
        return overridden(model, 'CMD').map(({ instr, last }) => ({
            line: instr.line,
            endLine: instr.endLine,
            message: `This CMD is ignored because the CMD on line ${last.line} replaces it in the same stage: remove it (to run several processes, use a process manager or separate containers).`,
            fix: removeInstruction(instr, 'Remove the ignored CMD'),
        }));
    },
};

;// CONCATENATED MODULE: ./src/rules/health/hc214-multiple-entrypoint.ts
// HC214: more than one ENTRYPOINT in a stage: only the last counts.


const hc214 = {
    meta: {
        id: 'HC214',
        title: 'More than one ENTRYPOINT in a stage',
        severity: 'error',
        anchors: {
            hadolint: ['DL4004'],
            trivy: ['DS-0007'],
            buildkit: ['MultipleInstructionsDisallowed'],
            kics: ['6938958b'],
        },
        description: 'Only the last ENTRYPOINT of a stage takes effect; the earlier ones are ignored silently, so the program the image starts is not the one a reader expects.',
    },
    check({ model }) {
        return overridden(model, 'ENTRYPOINT').map(({ instr, last }) => ({
            line: instr.line,
            endLine: instr.endLine,
            message: `This ENTRYPOINT is ignored because the ENTRYPOINT on line ${last.line} replaces it in the same stage: keep only one.`,
            fix: removeInstruction(instr, 'Remove the ignored ENTRYPOINT'),
        }));
    },
};

;// CONCATENATED MODULE: ./src/rules/health/hc216-wget-spider-gnu.ts
// HC216: the HEALTHCHECK uses `wget --spider` and the shipped image's wget is GNU wget
// (Debian/Ubuntu-based bases, or wget installed by a package manager, which is GNU wget
// even on alpine). GNU wget --spider sends HEAD; FastAPI/Starlette and many frameworks
// route GET only and answer 405, so the probe fails while the app is fine. BusyBox wget
// (alpine's default) sends GET with --spider: no finding.



const QUIET = /^(?:--quiet|-[A-Za-z]*q[A-Za-z]*)$/;
const hc216 = {
    meta: {
        id: 'HC216',
        title: 'HEALTHCHECK uses `wget --spider` with GNU wget (sends HEAD)',
        severity: 'warning',
        check: 'healthy',
        anchors: {},
        description: 'GNU wget `--spider` checks a URL with a HEAD request. FastAPI, Starlette, Express routers and many other frameworks only route GET for a health endpoint and answer HEAD with 405 Method Not Allowed, so the container is reported unhealthy although it serves. BusyBox wget (alpine) sends GET and is not affected.',
    },
    check({ model, trustedBaseImages }) {
        const hc = (0,dockerfile_facts/* finalHealthcheck */.Fp)(model);
        if (!hc || hc.none)
            return [];
        const spider = probeCommands(hc).find((c) => c.name === 'wget' && c.args.includes('--spider'));
        if (!spider)
            return [];
        const installed = (0,dockerfile_facts/* installsPackage */.zA)(model, 'wget');
        const base = shippedBase(model, trustedBaseImages);
        const gnu = installed !== null || base?.info.wget === 'gnu';
        if (!gnu)
            return [];
        const why = installed
            ? `wget installed on line ${installed.line} is GNU wget`
            : `the wget of ${base.image} is GNU wget`;
        const quiet = spider.args.some((w) => QUIET.test(w));
        // One-line instruction: replace the --spider word, keeping everything else as written.
        let fix;
        if (hc.instr.line === hc.instr.endLine) {
            const original = model.lines[hc.instr.line - 1] ?? '';
            const replaced = hc.execForm
                ? original.replace(/"--spider"/, quiet ? '"-O", "/dev/null"' : '"-q", "-O", "/dev/null"')
                : original.replace(/(^|\s)--spider(?=\s|$)/, (_m, pre) => `${pre}${quiet ? '' : '-q '}-O /dev/null`);
            if (replaced !== original) {
                fix = replaceLine(hc.instr.line, replaced, 'Probe with a GET: wget -q -O /dev/null URL');
            }
        }
        return [
            {
                line: hc.instr.line,
                endLine: hc.instr.endLine,
                message: `The HEALTHCHECK uses wget --spider, and ${why}, which sends HEAD; frameworks such as FastAPI answer 405 and the check fails: use wget -q -O /dev/null URL (a GET) instead.`,
                ...(fix ? { fix } : {}),
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/rules/config/shared.ts


/** Line where an ENV/ARG/LABEL property is written (`NAME=` or `NAME value`). */
function propertyLine(model, instr, name) {
    return (0,lines/* lineMatching */.kD)(model, instr, new RegExp(`(?:^|[\\s"'])${(0,lines/* escapeRegExp */.Nt)(name)}(?:=|\\s|$)`));
}
/** Line where `$NAME` / `${NAME...}` is referenced. */
function referenceLine(model, instr, name) {
    return (0,lines/* lineMatching */.kD)(model, instr, new RegExp(`\\$(?:\\{${(0,lines/* escapeRegExp */.Nt)(name)}\\b|${(0,lines/* escapeRegExp */.Nt)(name)}\\b)`));
}


/** Every name an ARG declares (`ARG A`, `ARG A=1 B="x y"`, `ARG A B=2`), defaults with outer quotes removed. */
function argDecls(instr) {
    if (instr.keyword !== 'ARG')
        return [];
    return instr.properties
        .filter((p) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(p.name))
        .map((p) => ({ name: p.name, value: p.raw === null ? null : (0,dockerfile_model/* unquote */._n)(p.raw) }));
}
/** Names/values set by an ARG or ENV instruction (ARG via argDecls, ENV via the parser). */
function declarations(instr) {
    if (instr.keyword === 'ARG')
        return argDecls(instr);
    if (instr.keyword === 'ENV')
        return instr.properties.map((p) => ({ name: p.name, value: p.value }));
    return [];
}
/** Variables a RUN's shell text references (`$X`, `${X}`, `${X:-d}`), heredoc bodies included. */
function runReferences(instr, escapeChar = '\\') {
    const text = instr.json
        ? instr.json.join(' ')
        : [instr.text, ...instr.heredocs.map((h) => h.body)].join('\n');
    // In shell text `\$X` is a literal dollar whatever the Dockerfile escape character is.
    return (0,expand/* referencedVars */.EH)(text.replace(/\\\$/g, ''), escapeChar === '`' ? '\\' : escapeChar);
}
/** Is `name` a build argument (not an ENV) at this instruction? */
function isBuildArgInScope(model, instr, name) {
    const origin = model.scope(instr).origin(name);
    return origin !== undefined && origin.kind !== 'ENV';
}
/** Is `name` set by an ENV anywhere in the shipped chain (so it exists at run time)? */
function envInChain(model, name, stage) {
    for (const s of model.chain(stage)) {
        for (const i of s.instructions)
            if (i.keyword === 'ENV' && i.properties.some((p) => p.name === name))
                return true;
    }
    return false;
}
/** Drop single-quoted segments: Docker does not expand variables inside them. */
function expandableText(text, escapeChar = '\\') {
    let out = '';
    let quote = null;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === escapeChar && quote !== "'" && i + 1 < text.length) {
            out += c + text[i + 1];
            i++;
            continue;
        }
        if (quote === "'") {
            if (c === "'")
                quote = null;
            continue;
        }
        if (c === "'" && quote === null) {
            quote = "'";
            continue;
        }
        if (c === '"')
            quote = quote === '"' ? null : '"';
        out += c;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/fix/remove-declaration.ts


/**
 * Fix for a secret set by ENV/ARG: remove the declaration of `name` — the whole instruction
 * when it declares only that, else just `name=value` from a one-line instruction. Null when
 * anything in the file references the variable (removing it would change what the build or
 * the container does) or when the declaration cannot be cut out exactly.
 */
function removeDeclarationFix(model, instr, name) {
    const ref = new RegExp(`\\$(?:\\{${(0,lines/* escapeRegExp */.Nt)(name)}\\b|${(0,lines/* escapeRegExp */.Nt)(name)}\\b)`);
    for (const other of model.instructions) {
        const texts = [
            other.text,
            ...other.heredocs.map((h) => h.body),
            ...other.flags.map((f) => f.value ?? ''),
        ];
        if (texts.some((t) => ref.test(t)))
            return null;
    }
    const props = instr.properties;
    const description = `Remove ${name} from the Dockerfile (pass it with RUN --mount=type=secret or docker run -e)`;
    if (props.length === 1 && props[0].name === name) {
        return removeInstruction(instr, description);
    }
    if (instr.line !== instr.endLine || props.filter((p) => p.name === name).length !== 1)
        return null;
    const p = props.find((x) => x.name === name);
    if (!p || p.raw === null)
        return null;
    const line = model.lines[instr.line - 1] ?? '';
    const token = `${name}=${p.raw}`;
    const re = new RegExp(`(\\s+)${(0,lines/* escapeRegExp */.Nt)(token)}(?=\\s|$)`, 'g');
    const hits = [...line.matchAll(re)];
    if (hits.length !== 1)
        return null;
    const at = hits[0].index;
    return replaceLine(instr.line, line.slice(0, at) + line.slice(at + hits[0][0].length), description);
}

;// CONCATENATED MODULE: ./src/rules/config/hc301-secret-name.ts
// HC301: an ARG or ENV whose *name* says it holds a secret. Names are matched on token
// boundaries with an allow-list of suffixes that describe a secret without holding one
// (`PASSWORD_FILE`, `TOKEN_URL`, `AUTH_MODE`, ...), so the recommended `*_FILE` pattern is
// never punished, and neither is a value that is a path (`/run/secrets/api_key`). A shipped-stage
// ENV with a literal value (or one copied from a build argument) is baked into the image
// config: error. A value made only of variable references is not literal; when those are
// undefined the finding says so instead of calling it a secret. Everything else: warning.





const hc301 = {
    meta: {
        id: 'HC301',
        title: 'ARG or ENV name indicates a secret',
        severity: 'warning',
        check: 'no-secrets',
        anchors: {
            hadolint: ['DL3064'],
            trivy: ['DS-0031'],
            dockle: ['CIS-DI-0010'],
            buildkit: ['SecretsUsedInArgOrEnv'],
            kics: ['781e75f7'],
        },
        description: 'ENV values are stored in the image config and visible to anyone who can pull the image (`docker inspect`); build arguments end up in `docker history`, the build cache and provenance attestations. Secrets belong in build secrets (`RUN --mount=type=secret`) or are given at run time.',
    },
    check({ model }) {
        const hits = [];
        const all = [...model.preamble, ...model.stages.flatMap((s) => s.instructions)];
        for (const instr of all) {
            if (instr.keyword === 'ARG') {
                for (const d of argDecls(instr)) {
                    if (!(0,detect/* secretNameMatch */.Jv)(d.name))
                        continue;
                    // a provider-shaped default is HC302's (more precise) finding
                    if (d.value !== null && (0,detect/* findSecretValues */.sD)(d.value).length > 0)
                        continue;
                    // a path (`/run/secrets/api_key`) says where the secret is read from: the right pattern
                    if (d.value !== null && (0,detect/* isPathValue */.DK)(d.value))
                        continue;
                    const line = propertyLine(model, instr, d.name);
                    const literal = d.value !== null && !(0,detect/* isPlaceholder */.wK)(d.value);
                    const fix = literal ? removeDeclarationFix(model, instr, d.name) : null;
                    hits.push({
                        line,
                        ...(fix ? { fix } : {}),
                        message: d.value === null || (0,detect/* isPlaceholder */.wK)(d.value)
                            ? `ARG ${d.name} looks like a secret passed with --build-arg, which leaves it in the build cache, provenance and (when a shipped RUN uses it) docker history: use RUN --mount=type=secret,id=${d.name.toLowerCase()} instead.`
                            : `ARG ${d.name} looks like a secret and has a literal default in the Dockerfile: remove the default, rotate the value, and pass it with RUN --mount=type=secret,id=${d.name.toLowerCase()}.`,
                    });
                }
            }
            else if (instr.keyword === 'ENV') {
                const shipped = isShipped(model, instr);
                const scope = model.scope(instr);
                for (const p of instr.properties) {
                    if (!(0,detect/* secretNameMatch */.Jv)(p.name))
                        continue;
                    if (p.value !== null && (0,detect/* findSecretValues */.sD)(p.value).length > 0)
                        continue;
                    const line = propertyLine(model, instr, p.name);
                    const raw = expandableText(p.raw ?? '', model.escapeChar);
                    const refs = (0,expand/* referencedVars */.EH)(raw, model.escapeChar);
                    const fromArgs = refs.filter((n) => {
                        const o = scope.origin(n);
                        return o !== undefined && o.kind !== 'ENV';
                    });
                    const expanded = model.resolveWord(p.raw ?? '', instr);
                    // A path, as written or once expanded (`${APP_HOME}/keys.json`): where the secret is read from.
                    if ((p.value !== null && (0,detect/* isPathValue */.DK)(p.value)) ||
                        (expanded.complete && (0,detect/* isPathValue */.DK)(expanded.value)))
                        continue;
                    // What the file itself writes: the value without its variable references.
                    const literal = literalPart(p.raw ?? '');
                    if (shipped &&
                        fromArgs.length === 0 &&
                        refs.length > 0 &&
                        expanded.undefinedVars.length > 0 &&
                        (0,detect/* isPlaceholder */.wK)(literal)) {
                        // `ENV DB_PASSWORD=${DB_PASSWORD},` with no such ARG: nothing secret is written, the value
                        // is what is left of an undefined variable (HC308 reports it)
                        hits.push({
                            line,
                            message: `ENV ${p.name} takes its value from ${expanded.undefinedVars.map((n) => '$' + n).join(', ')}, which is not defined in this stage, so the image gets ${JSON.stringify(expanded.value)}: give ${p.name} at run time (-e, or ${p.name}_FILE pointing to a mounted secret) and drop this ENV.`,
                        });
                        continue;
                    }
                    if (shipped && fromArgs.length > 0) {
                        hits.push({
                            line,
                            severity: 'error',
                            message: `ENV ${p.name} copies build argument ${fromArgs.join(', ')} into the shipped image's config, where docker inspect shows it: pass the secret at run time (-e or a secret store) or use it only in RUN --mount=type=secret.`,
                        });
                    }
                    else if (shipped && !(0,detect/* isPlaceholder */.wK)(p.value) && !(refs.length > 0 && (0,detect/* isPlaceholder */.wK)(literal))) {
                        const fix = removeDeclarationFix(model, instr, p.name);
                        hits.push({
                            line,
                            severity: 'error',
                            ...(fix ? { fix } : {}),
                            message: `ENV ${p.name} sets a literal secret in the shipped image's config, where docker inspect shows it: remove it, rotate the value, and give it at run time (-e, a mounted secret file such as ${p.name}_FILE).`,
                        });
                    }
                    else {
                        hits.push({
                            line,
                            message: shipped
                                ? `ENV ${p.name} looks like a secret and is declared in the shipped image with an empty or placeholder value: give it at run time only (-e, or ${p.name}_FILE pointing to a mounted secret).`
                                : `ENV ${p.name} looks like a secret in a build stage: its value stays in the build cache; use RUN --mount=type=secret for build-time credentials.`,
                        });
                    }
                }
            }
        }
        return hits;
    },
};
/** The text a value writes itself: quotes, `$NAME` and `${…}` references removed (`${A}:${B},` → `:,`). */
function literalPart(raw) {
    const noRefs = raw.replace(/\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/g, '').replace(/["']/g, '');
    // punctuation between references is not a secret either
    return /[A-Za-z0-9]/.test(noRefs) ? noRefs : '';
}

;// CONCATENATED MODULE: ./src/rules/config/hc302-secret-value.ts
// HC302: a credential-shaped *value* written in the Dockerfile (ENV, ARG default, LABEL,
// RUN text and heredocs, anything): AWS keys, GitHub/GitLab/Slack/Stripe/OpenAI tokens,
// private-key blocks, URLs with `user:password@`. Found whatever the variable is called,
// in every stage (the Dockerfile itself is committed): an error where it reaches the image
// (shipped stages, RUN/COPY of stages the target copies from, global ARGs), a warning in a
// stage that does not ship. Stand-in URLs (`user:pass@localhost`) are not credentials.
// The value is masked in the message.




const hc302 = {
    meta: {
        id: 'HC302',
        title: 'Hard-coded secret value',
        severity: 'error',
        check: 'no-secrets',
        anchors: {
            dockle: ['CIS-DI-0010'],
            checkov: ['CKV_SECRET_*'],
            kics: ['487f4be7', '3e2d3b2f', 'baee238e', '74736dd1', '2f665079', 'c4d3b58a', '76c0bcde', '51b5b840'],
        },
        description: 'A credential written in the Dockerfile is in the repository history, the build cache, the image layers or config, and every copy of them. Rotate it, then pass it as a build secret (`RUN --mount=type=secret`) or at run time.',
    },
    check({ model }) {
        const hits = [];
        const shipped = new Set(shippedStages(model).map((s) => s.index));
        const needed = new Set(neededStages(model).map((s) => s.index));
        for (const instr of model.instructions) {
            // Only the shipped stages' layers and config are the image. A RUN of a stage the target
            // copies files from may write the value into one of those files: it keeps the error.
            const inImage = instr.stageIndex < 0 ||
                shipped.has(instr.stageIndex) ||
                (needed.has(instr.stageIndex) && (instr.keyword === 'RUN' || instr.keyword === 'COPY'));
            const stageName = model.stages[instr.stageIndex]?.name;
            for (const { line, text } of (0,lines/* physicalLines */.vc)(model, instr)) {
                let end = -1;
                for (const m of (0,detect/* findSecretValues */.sD)(text)) {
                    if (m.index < end)
                        continue; // a token inside a URL already reported
                    end = m.index + m.length;
                    const value = text.slice(m.index, end);
                    // `postgresql://user:pass@localhost/dummy`: a stand-in for a build step, not a credential
                    if (m.kind === 'URL with credentials' && (0,detect/* isDummyCredentialUrl */.vA)(value))
                        continue;
                    // ENV/ARG: the declaration that holds the value can go (when nothing references it).
                    const holder = instr.keyword === 'ENV' || instr.keyword === 'ARG'
                        ? instr.properties.find((p) => p.raw !== null && p.raw.includes(value))
                        : undefined;
                    const fix = holder ? removeDeclarationFix(model, instr, holder.name) : null;
                    hits.push({
                        line,
                        ...(fix ? { fix } : {}),
                        column: m.index + 1,
                        endColumn: end + 1,
                        ...(inImage ? {} : { severity: 'warning' }),
                        message: inImage
                            ? `${instr.keyword} contains a hard-coded ${m.kind} (${(0,detect/* maskSecret */.$l)(value)}): remove it, rotate it, and pass it with RUN --mount=type=secret at build time or as a runtime secret.`
                            : `${instr.keyword} in build stage ${stageName ?? instr.stageIndex}, which does not ship, contains a hard-coded ${m.kind} (${(0,detect/* maskSecret */.$l)(value)}): it is not in the image, but it is in the repository and the build cache: rotate it and pass it with RUN --mount=type=secret.`,
                    });
                }
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/config/hc303-credentials-in-run.ts
// HC303: a RUN configures credentials (cloud CLIs, registries, package managers) without a
// build secret: the value comes from a build argument or the Dockerfile itself, and the
// credential file the command writes stays in the layer. A RUN that mounts a secret
// (`--mount=type=secret`) and reads it from /run/secrets is the fix, so it is not flagged.



// Each pattern stays within one shell command (no `;`, `&`, `|` or newline in between).
const C = '[^;&|\\n]*?';
const PATTERNS = [
    {
        what: '`aws configure set` stores an AWS key in ~/.aws/credentials',
        re: new RegExp(`\\baws\\s+configure\\s+set\\s+(?:[\\w-]+\\.)?aws_(?:secret_access_key|access_key_id|session_token)\\b`),
    },
    {
        what: '`gcloud auth activate-service-account --key-file` stores a service-account key in ~/.config/gcloud',
        re: new RegExp(`\\bgcloud\\s+auth\\s+(?:activate-service-account${C}--key-file|login${C}--cred-file)\\b`),
    },
    {
        what: '`az login` with a password or federated token',
        re: new RegExp(`\\baz\\s+login\\b${C}\\s(?:-p|--password|--federated-token)\\b`),
    },
    {
        what: '`doctl auth init` with an access token',
        re: new RegExp(`\\bdoctl\\s+auth\\s+init\\b${C}\\s(?:-t|--access-token)\\b`),
    },
    {
        what: '`npm config set …:_authToken` writes a registry token to .npmrc',
        re: new RegExp(`\\b(?:npm|pnpm)\\s+config\\s+set\\s+${C}(?:_authToken|_auth|_password)\\b`),
    },
    {
        what: '`yarn config set npmAuthToken` writes a registry token to .yarnrc.yml',
        re: new RegExp(`\\byarn\\s+config\\s+set\\s+${C}\\bnpmAuth(?:Token|Ident)\\b`),
    },
    {
        what: '`docker login` with a password on the command line',
        re: new RegExp(`\\bdocker\\s+login\\b${C}\\s(?:-p|--password)(?:[=\\s])`),
    },
    {
        what: '`helm registry login` / `helm repo add` with a password',
        re: new RegExp(`\\bhelm\\s+(?:registry\\s+login|repo\\s+add)\\b${C}\\s--password\\b`),
    },
    {
        what: 'a credential written to a config file (.npmrc, .pypirc, .netrc, .git-credentials, .docker/config.json)',
        re: new RegExp(`\\b(?:echo|printf)\\s+(${C})>>?\\s*['"]?\\S*(?:\\.npmrc|\\.pypirc|\\.netrc|\\.git-credentials|\\.yarnrc(?:\\.yml)?|\\.docker/config\\.json|\\.pgpass)\\b`),
        valid: (m) => /\$|_auth|password|token|login|secret/i.test(m[1]),
    },
    {
        what: 'a URL with credentials from a variable (`https://user:$TOKEN@…`)',
        re: /\b[a-z][a-z0-9+.-]*:\/\/(?:[^\s/@'"]*:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?)@/i,
        valid: (m) => m[1] === undefined || (0,detect/* secretNameMatch */.Jv)(m[1]) !== null,
    },
];
const hc303 = {
    meta: {
        id: 'HC303',
        title: 'Credentials configured in RUN without a build secret',
        severity: 'error',
        check: 'no-secrets',
        anchors: { trivy: ['DS-0031'] },
        description: 'Credentials given to a RUN through a build argument or written into a config file stay in the build cache and the layer (and in `docker history` when they come from a build argument). Mount them with `RUN --mount=type=secret` and read them from /run/secrets (or `env=`), so they never reach a layer.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of model.instructions) {
            if (instr.keyword !== 'RUN' || instr.stageIndex < 0)
                continue;
            const secretMount = instr.flags.some((f) => f.name === 'mount' && /(?:^|,)type=secret(?:,|$)/.test(f.value ?? ''));
            if (secretMount)
                continue;
            const texts = instr.json ? [instr.json.join(' ')] : [instr.text, ...instr.heredocs.map((h) => h.body)];
            const shipped = isShipped(model, instr);
            for (const p of PATTERNS) {
                let found = null;
                for (const t of texts) {
                    const m = p.re.exec(t);
                    if (m && (!p.valid || p.valid(m))) {
                        found = m;
                        break;
                    }
                }
                if (!found)
                    continue;
                const head = /^\S+(?:\s+\S+)?/.exec(found[0])?.[0] ?? found[0];
                const line = (0,lines/* lineMatching */.kD)(model, instr, new RegExp((0,lines/* escapeRegExp */.Nt)(head)));
                hits.push({
                    line,
                    severity: shipped ? undefined : 'warning',
                    message: shipped
                        ? `RUN configures credentials without a build secret (${p.what}): use RUN --mount=type=secret,id=… and read the value from /run/secrets so it never reaches a layer or docker history.`
                        : `A build-stage RUN configures credentials without a build secret (${p.what}); the stage does not ship, but the value stays in the build cache: use RUN --mount=type=secret,id=….`,
                });
            }
        }
        return hits;
    },
};

// EXTERNAL MODULE: ./src/dockerfile/instruction-words.ts
var instruction_words = __webpack_require__(3826);
;// CONCATENATED MODULE: ./src/rules/config/hc304-secret-file-copied.ts
// HC304: COPY/ADD puts a secret-bearing file into the shipped image: `.env`, SSH keys,
// cloud credentials, private keys and keystores, registry auth files, `.git/`. Only the
// stages that ship are checked, and only named sources: `COPY . .` is .dockerignore
// territory, and `COPY --from=build /app/bin` of a built artefact never matches. Also
// flags a file copied to the path GOOGLE_APPLICATION_CREDENTIALS (& co) points at.





const PUBLIC_PART = /(?:^|[._-])(?:ca|cacert|cacerts|cert|certs|certificate|chain|fullchain|bundle|pub|public|root|gpg|pgp|asc|release|archive|keyring|repo|apt|trusted)(?:[._-]|$)/i;
/** Why a source path is secret-bearing, or null. */
function secretFileReason(path) {
    const clean = path.replace(/\/+$/, '');
    const segments = clean.split('/').filter((s) => s !== '' && s !== '.');
    const base = segments[segments.length - 1] ?? '';
    const lower = base.toLowerCase();
    for (const dir of ['.aws', '.ssh', '.git', '.gnupg', '.kube', '.docker']) {
        const at = segments.findIndex((s) => s.toLowerCase() === dir);
        if (at < 0)
            continue;
        // a `.docker/` folder of a project usually holds nginx/php configs: only its config.json is auth
        if (dir === '.docker' && segments[at + 1]?.toLowerCase() !== 'config.json')
            continue;
        return dir === '.git' ? 'a .git directory (history, remotes with tokens)' : `${dir}/ (credentials)`;
    }
    if (segments.some((s) => s.toLowerCase() === 'gcloud') && segments.some((s) => s === '.config'))
        return '.config/gcloud (credentials)';
    if (/^\.env(?:\.[\w-]+)?$/.test(lower) &&
        !/\.(?:example|sample|template|tpl|dist|defaults|schema)$/.test(lower)) {
        return 'an environment file (.env)';
    }
    if (/^id_(?:rsa|dsa|ecdsa|ed25519)(?:_[\w-]+)?$/.test(lower) ||
        /^id_(?:rsa|dsa|ecdsa|ed25519)\*$/.test(lower))
        return 'an SSH private key';
    if (/^(?:credentials|client_secrets?|service[-_]?account[\w-]*|[\w-]*-sa-key)\.json$/.test(lower))
        return 'a credentials file';
    if ([
        '.npmrc',
        '.pypirc',
        '.netrc',
        '_netrc',
        '.git-credentials',
        '.dockercfg',
        '.htpasswd',
        '.pgpass',
        '.vault-token',
        'kubeconfig',
    ].includes(lower)) {
        return `an auth file (${base})`;
    }
    if (/\.(?:p12|pfx|jks|keystore|ppk)$/.test(lower))
        return 'a keystore / private key';
    if (/\.key$/.test(lower) && !PUBLIC_PART.test(lower.replace(/\.key$/, '')))
        return 'a private key (.key)';
    if (/\.pem$/.test(lower) && !PUBLIC_PART.test(lower.replace(/\.pem$/, '')))
        return 'a PEM file that may hold a private key';
    return null;
}
const CRED_PATH_ENV = [
    'GOOGLE_APPLICATION_CREDENTIALS',
    'AWS_SHARED_CREDENTIALS_FILE',
    'AWS_CONFIG_FILE',
    'HF_TOKEN_PATH',
    'KUBECONFIG',
    'DOCKER_CONFIG',
];
const hc304 = {
    meta: {
        id: 'HC304',
        title: 'Secret-bearing file copied into the image',
        severity: 'error',
        check: 'no-secrets',
        anchors: { trivy: ['DS-0031'], dockle: ['CIS-DI-0010', 'DKL-LI-0003'] },
        description: 'A key, token file, `.env` or `.git` directory copied into the shipped image can be read by anyone who pulls it, and deleting it in a later layer does not remove it from the earlier one. Mount it at build time (`RUN --mount=type=secret`) or at run time, and keep it out of the build context with .dockerignore.',
    },
    check({ model }) {
        const hits = [];
        const credPaths = new Map();
        for (const e of (0,dockerfile_facts/* finalEnv */.S7)(model))
            if (CRED_PATH_ENV.includes(e.key) && e.value.startsWith('/'))
                credPaths.set(e.value, e.key);
        for (const stage of shippedStages(model)) {
            for (const instr of stage.instructions) {
                if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD')
                    continue;
                if (instr.heredocs.length > 0)
                    continue; // inline content: HC302 scans it
                const parts = instr.json ?? (0,instruction_words/* instructionWords */.s)(instr.text, model.escapeChar).map(dockerfile_model/* unquote */._n);
                if (parts.length < 2)
                    continue;
                const sources = parts.slice(0, -1).map((s) => model.resolveWord(s, instr).value);
                const dest = model.resolveWord(parts[parts.length - 1], instr).value;
                for (const src of sources) {
                    if (/^[a-z]+:\/\//i.test(src) || /^git@/.test(src))
                        continue;
                    const why = secretFileReason(src);
                    const base = src.replace(/\/+$/, '').split('/').pop() ?? src;
                    const line = (0,lines/* lineMatching */.kD)(model, instr, new RegExp((0,lines/* escapeRegExp */.Nt)(base)));
                    if (why) {
                        hits.push({
                            line,
                            message: `${instr.keyword} ${src} puts ${why} into the shipped image: mount it with RUN --mount=type=secret (or at run time) and list it in .dockerignore.`,
                        });
                        continue;
                    }
                    const target = dest.endsWith('/') ? dest + base : dest;
                    const envKey = credPaths.get(target) ?? credPaths.get(dest);
                    if (envKey) {
                        hits.push({
                            line,
                            message: `${instr.keyword} ${src} copies the file ${envKey} points to (${target}) into the shipped image: mount it at run time instead (docker run -v / a secret store).`,
                        });
                    }
                }
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/config/hc305-secret-arg-in-run.ts
// HC305: a secret-named build argument consumed by a RUN of the shipped image. BuildKit
// records the values of the build args a RUN uses in that layer's `docker history`
// (`|1 NPM_TOKEN=… /bin/sh -c …`, docker/cli#2473) and in max-mode provenance. Only
// used args leak into history, and only the shipped stages' history ships: an ARG used
// only in a builder stage is left to HC301's warning.



const hc305 = {
    meta: {
        id: 'HC305',
        title: 'Secret build argument used by a shipped RUN',
        severity: 'error',
        check: 'no-secrets',
        anchors: { trivy: ['DS-0031'], dockle: ['CIS-DI-0010'], buildkit: ['SecretsUsedInArgOrEnv'] },
        description: 'When a RUN in the shipped image uses a build argument, its value is written into `docker history` of that layer and into max-mode provenance attestations, which Buildx attaches by default on public GitHub repositories. Use a build secret instead: `RUN --mount=type=secret,id=token,env=TOKEN`.',
    },
    check({ model }) {
        const hits = [];
        for (const stage of shippedStages(model)) {
            for (const instr of stage.instructions) {
                if (instr.keyword !== 'RUN')
                    continue;
                // `--mount=type=secret,id=x,env=NAME` sets NAME from the secret for this RUN
                const fromSecret = new Set(instr.flags
                    .filter((f) => f.name === 'mount' && /(?:^|,)type=secret(?:,|$)/.test(f.value ?? ''))
                    .map((f) => /(?:^|,)env=([A-Za-z_][A-Za-z0-9_]*)/.exec(f.value ?? '')?.[1])
                    .filter((n) => !!n));
                for (const name of runReferences(instr, model.escapeChar)) {
                    if (fromSecret.has(name) || !(0,detect/* secretNameMatch */.Jv)(name))
                        continue;
                    if (!isBuildArgInScope(model, instr, name))
                        continue;
                    const origin = model.scope(instr).origin(name);
                    const where = origin ? ` (ARG on line ${origin.line})` : '';
                    hits.push({
                        line: referenceLine(model, instr, name),
                        message: `RUN uses build argument ${name}${where}, so its value is recorded in the shipped image's docker history and build provenance: replace the ARG with RUN --mount=type=secret,id=${name.toLowerCase()},env=${name}.`,
                    });
                }
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/config/hc306-runtime-config-arg-only.ts





const hc306_runtime_config_arg_only_KEYWORDS = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
const hc306 = {
    meta: {
        id: 'HC306',
        title: 'Runtime configuration declared only as ARG',
        severity: 'warning',
        check: 'env-override',
        anchors: {},
        description: 'Build arguments do not exist in the running container. A variable used by CMD, ENTRYPOINT or HEALTHCHECK must be an ENV to have a value at run time and to be overridable with `docker run -e`. An ARG that nothing in the file uses is a setting meant for the app, which never sees it.',
    },
    check({ model }) {
        const hits = [];
        for (const stage of shippedStages(model)) {
            for (const instr of stage.instructions) {
                if (!hc306_runtime_config_arg_only_KEYWORDS.has(instr.keyword))
                    continue;
                const names = runReferences(instr, model.escapeChar);
                for (const name of names) {
                    if (!isBuildArgInScope(model, instr, name) || envInChain(model, name))
                        continue;
                    const line = referenceLine(model, instr, name);
                    const origin = model.scope(instr).origin(name);
                    const decl = origin ? ` (line ${origin.line})` : '';
                    let effect;
                    const argv = instr.keyword === 'HEALTHCHECK' ? healthcheckArgv(instr.text) : instr.json;
                    if (argv && !/^(?:\/bin\/|\/usr\/bin\/)?(?:ba|da|a)?sh$/.test(argv[0] ?? '')) {
                        effect = `exec form passes the literal text $${name}`;
                    }
                    else
                        effect = 'it is empty when the container runs';
                    const exec = effect.startsWith('exec form');
                    const fix = exec
                        ? `promote it with ENV ${name}=\${${name}} and read it through a shell (["sh", "-c", "exec … \\"$${name}\\""]) or in the app, so docker run -e ${name}=… can override it`
                        : `promote it with ENV ${name}=\${${name}} so docker run -e ${name}=… can override it`;
                    hits.push({
                        line,
                        message: `${instr.keyword} uses $${name}, declared only as ARG${decl}, so ${effect}: ${fix}.`,
                    });
                }
            }
        }
        return [...hits, ...unusedArgs(model)];
    },
};
const BUILDER_ARGS = /^(?:BUILDKIT_\w+|SOURCE_DATE_EPOCH)$/;
/** `$NAME` or `${NAME…}` anywhere in an instruction: its words, heredoc bodies, flags. */
function references(instr, name) {
    const re = new RegExp(`\\$(?:\\{${(0,lines/* escapeRegExp */.Nt)(name)}\\b|${(0,lines/* escapeRegExp */.Nt)(name)}\\b)`);
    return [instr.text, ...instr.heredocs.map((h) => h.body), ...instr.flags.map((f) => f.value ?? '')].some((t) => re.test(t));
}
/**
 * ARGs declared in the shipped stages that no instruction references
 * and no later RUN can read from its environment (a RUN sees stage ARGs as variables, so
 * `ARG NODE_ENV` before `RUN npm ci` is used without a `$`).
 */
function unusedArgs(model) {
    const hits = [];
    const shipped = shippedStages(model);
    // Global ARGs are left out: only FROM lines see them, and an unused one is usually a version
    // pin for a bot (`# renovate:`), not a setting for the app.
    const decls = [
        ...shipped.flatMap((stage) => stage.instructions.filter((i) => i.keyword === 'ARG').map((instr) => ({ instr, stage }))),
    ];
    for (const { instr, stage } of decls) {
        // a later RUN in this stage or in a stage built FROM it can read the ARG without `$`
        const runAfter = model.instructions.some((i) => i.keyword === 'RUN' &&
            i.line > instr.line &&
            model.chain(model.stageOf(i)).some((s) => s.index === stage.index));
        if (runAfter)
            continue;
        for (const d of argDecls(instr)) {
            // args BuildKit itself reads (BUILDKIT_SBOM_SCAN_STAGE, BUILDKIT_INLINE_CACHE, SOURCE_DATE_EPOCH)
            if (dockerfile_model/* PLATFORM_ARGS */.KJ.has(d.name) || dockerfile_model/* PREDEFINED_ARGS */.Fy.has(d.name) || BUILDER_ARGS.test(d.name))
                continue;
            if (model.instructions.some((i) => i !== instr && references(i, d.name)))
                continue;
            // `ARG A=1 B=$A`: used by a later declaration on the same line
            if (instr.properties.some((p) => p.name !== d.name && p.raw !== null && (0,expand/* referencedVars */.EH)(p.raw).includes(d.name)))
                continue;
            hits.push({
                line: propertyLine(model, instr, d.name),
                message: `ARG ${d.name} is declared in the shipped stage but nothing in the Dockerfile uses it, and build arguments never reach the running container: if the app reads ${d.name}, declare it with ENV ${d.name}=${d.value ?? '…'} (overridable with docker run -e); otherwise remove the ARG.`,
            });
        }
    }
    return hits;
}
function healthcheckArgv(text) {
    const m = /^\s*CMD\s+(\[[\s\S]*\])\s*$/i.exec(text);
    if (!m)
        return null;
    try {
        const parsed = JSON.parse(m[1]);
        return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string') ? parsed : null;
    }
    catch {
        return null;
    }
}

;// CONCATENATED MODULE: ./src/rules/config/hc307-env-self-reference.ts
// HC307: `ENV A=1 B=$A` — Docker expands every value of an ENV instruction with the
// variables as they were *before* the instruction, so B gets the previous A (usually
// nothing), not 1. `ENV PATH=/x:$PATH` (a name referring to its own previous value) is fine.


const hc307 = {
    meta: {
        id: 'HC307',
        title: 'ENV refers to a variable set in the same instruction',
        severity: 'error',
        anchors: { hadolint: ['DL3044'] },
        description: 'All values of one ENV instruction are expanded before any of its variables is set, so a reference to a name set earlier in the same ENV sees the old value (usually empty). Split it into two ENV instructions.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of model.instructions) {
            if (instr.keyword !== 'ENV')
                continue;
            const scope = model.scope(instr);
            const earlier = new Set();
            for (const p of instr.properties) {
                for (const ref of (0,expand/* referencedVars */.EH)(expandableText(p.raw ?? '', model.escapeChar), model.escapeChar)) {
                    if (!earlier.has(ref) || ref === p.name)
                        continue;
                    const before = scope.get(ref);
                    const sees = before === undefined || before === null ? 'nothing' : 'its previous value';
                    hits.push({
                        line: propertyLine(model, instr, p.name),
                        message: `ENV ${p.name} refers to $${ref}, which this same ENV sets, so it gets ${sees}: set ${ref} in an earlier ENV instruction.`,
                    });
                }
                earlier.add(p.name);
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/config/hc308-undefined-variable.ts
// HC308: an instruction that Docker expands (ADD COPY ENV EXPOSE LABEL STOPSIGNAL VOLUME
// WORKDIR) uses a variable that is neither an ARG nor an ENV in scope: Docker substitutes
// an empty string. The classic cause is a global ARG (declared before FROM) that the stage
// never redeclares. RUN/CMD/ENTRYPOINT text is expanded by the shell, not by Docker, so it
// is not checked; FROM is HC309's, USER is HC104's, ONBUILD triggers run in another build.
// Names a base image commonly sets (PATH, HOME, JAVA_HOME, ...) are assumed defined,
// as BuildKit does: it expands them from the base image's config, which the Dockerfile does not show.


const EXPANDED = new Set(['ADD', 'COPY', 'ENV', 'EXPOSE', 'LABEL', 'STOPSIGNAL', 'VOLUME', 'WORKDIR']);
/** Variables an official or common base image usually sets in its config. */
const BASE_IMAGE_ENV = new Set([
    'PATH',
    'HOME',
    'HOSTNAME',
    'PWD',
    'USER',
    'SHELL',
    'LANG',
    'LANGUAGE',
    'LC_ALL',
    'TERM',
    'TZ',
    'LD_LIBRARY_PATH',
    'JAVA_HOME',
    'JAVA_VERSION',
    'JDK_VERSION',
    'GOPATH',
    'GOROOT',
    'GOLANG_VERSION',
    'GOTOOLCHAIN',
    'NODE_VERSION',
    'YARN_VERSION',
    'PYTHON_VERSION',
    'PYTHON_SHA256',
    'PYTHON_PIP_VERSION',
    'PYTHON_SETUPTOOLS_VERSION',
    'GPG_KEY',
    'RUBY_VERSION',
    'RUBY_MAJOR',
    'GEM_HOME',
    'BUNDLE_APP_CONFIG',
    'BUNDLE_SILENCE_ROOT_WARNING',
    'PHP_INI_DIR',
    'PHP_VERSION',
    'PHPIZE_DEPS',
    'NGINX_VERSION',
    'NJS_VERSION',
    'CATALINA_HOME',
    'TOMCAT_VERSION',
    'MAVEN_HOME',
    'MAVEN_CONFIG',
    'GRADLE_HOME',
    'GRADLE_VERSION',
    'CARGO_HOME',
    'RUSTUP_HOME',
    'RUST_VERSION',
    'DOTNET_VERSION',
    'ASPNET_VERSION',
    'ASPNETCORE_HTTP_PORTS',
    'APP_UID',
    'DOTNET_RUNNING_IN_CONTAINER',
    'CONDA_DIR',
    'PGDATA',
    'PG_MAJOR',
    'PG_VERSION',
    'MYSQL_MAJOR',
    'MYSQL_VERSION',
    'REDIS_VERSION',
    'HTTPD_PREFIX',
    'JETTY_HOME',
    'ELIXIR_VERSION',
    'OTP_VERSION',
    'NVM_DIR',
    'DENO_VERSION',
    'BUN_INSTALL',
    'PNPM_HOME',
    'COREPACK_HOME',
]);
const hc308 = {
    meta: {
        id: 'HC308',
        title: 'Undefined variable',
        severity: 'warning',
        anchors: { buildkit: ['UndefinedVar'] },
        description: 'Docker replaces an undefined variable with an empty string without any error: a path, label or port silently becomes empty. A global ARG (before the first FROM) is only visible in a stage that redeclares it with `ARG NAME`.',
    },
    check({ model }) {
        const hits = [];
        const globals = new Map();
        for (const i of model.preamble)
            for (const d of declarations(i))
                globals.set(d.name, i.line);
        const known = new Set(globals.keys());
        for (const i of model.instructions)
            for (const d of declarations(i))
                known.add(d.name);
        for (const stage of model.stages) {
            for (const instr of stage.instructions) {
                if (!EXPANDED.has(instr.keyword))
                    continue;
                // COPY/ADD heredoc bodies are file content, not instruction words
                const text = instr.heredocs.length > 0 ? (model.lines[instr.line - 1] ?? '') : instr.text;
                const undefinedVars = new Set();
                if (instr.keyword === 'ENV') {
                    // `ENV A=1 B=$A` is HC307's; a self-reference (`PATH=$PATH:…`) or a later name is ours
                    const earlier = new Set();
                    for (const p of instr.properties) {
                        const value = expandableText(p.raw ?? '', model.escapeChar);
                        for (const n of (0,expand/* expand */.fT)(value, model.scope(instr).get, model.escapeChar).undefinedVars) {
                            if (!earlier.has(n) || n === p.name)
                                undefinedVars.add(n);
                        }
                        earlier.add(p.name);
                    }
                }
                else {
                    const expandable = expandableText(text, model.escapeChar);
                    for (const n of (0,expand/* expand */.fT)(expandable, model.scope(instr).get, model.escapeChar).undefinedVars)
                        undefinedVars.add(n);
                }
                for (const name of undefinedVars) {
                    if (BASE_IMAGE_ENV.has(name))
                        continue;
                    const line = referenceLine(model, instr, name);
                    let hint;
                    if (globals.has(name)) {
                        hint = `it is declared before the first FROM (line ${globals.get(name)}) but not redeclared in this stage: add ARG ${name} after the FROM`;
                    }
                    else {
                        const similar = [...known].find((k) => k !== name && (k.toLowerCase() === name.toLowerCase() || editDistance(k, name) === 1));
                        hint = similar
                            ? `did you mean ${similar}? Otherwise declare it with ARG or ENV`
                            : 'declare it with ARG or ENV before this line, or give a default with ${' + name + ':-value}';
                    }
                    hits.push({
                        line,
                        message: `${instr.keyword} uses $${name}, which is not defined here, so Docker substitutes an empty string; ${hint}.`,
                    });
                }
            }
        }
        return hits;
    },
};
function editDistance(a, b) {
    if (Math.abs(a.length - b.length) > 1)
        return 2;
    const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0];
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = prev[j];
            prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = tmp;
        }
    }
    return prev[b.length];
}

;// CONCATENATED MODULE: ./src/rules/config/hc309-from-arg.ts
// HC309: FROM uses a variable that is not a global ARG (declared before the first FROM),
// or the ARG's default makes the image reference empty or invalid. Build arguments given
// to the run (build-args input) count as values. An ARG declared without a default is
// only a problem when the build does not pass it: warning, not error.


const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\\d+)?|\\[[0-9a-fA-F:]+\\](?::\\d+)?)';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);
/** Is this a valid image reference (or a stage name)? */
function validImageRef(ref) {
    return ref === 'scratch' || REFERENCE.test(ref);
}
const hc309 = {
    meta: {
        id: 'HC309',
        title: 'FROM uses an undeclared ARG or an invalid default',
        severity: 'error',
        anchors: { buildkit: ['UndefinedArgInFrom', 'InvalidDefaultArgInFrom'] },
        description: 'FROM only sees ARGs declared before the first FROM. An undeclared variable, or a default that leaves the image name empty or malformed (`alpine:` from `ARG TAG` without a default), makes the build fail unless every build passes the right --build-arg.',
    },
    check({ model }) {
        const hits = [];
        // FROM sees the global ARGs (build args win) and BuildKit's automatic platform args,
        // valued for the platform of this build: the model's scope of a FROM line.
        const stageArg = (name) => {
            for (const s of model.stages)
                for (const i of s.instructions)
                    if (i.keyword === 'ARG' && argDecls(i).some((d) => d.name === name))
                        return i.line;
            return null;
        };
        for (const stage of model.stages) {
            const instr = stage.fromInstr;
            const lookup = model.scope(instr).get;
            const raw = stage.from.raw;
            const texts = [raw, ...instr.flags.filter((f) => f.name === 'platform').map((f) => f.value ?? '')];
            const undefinedVars = new Set();
            for (const t of texts)
                for (const n of (0,expand/* expandWord */.Vo)(t, lookup, model.escapeChar).undefinedVars)
                    undefinedVars.add(n);
            for (const name of undefinedVars) {
                const inStage = stageArg(name);
                hits.push({
                    line: referenceLine(model, instr, name),
                    message: inStage !== null
                        ? `FROM uses $${name}, but ARG ${name} (line ${inStage}) is declared inside a stage and FROM only sees ARGs declared before the first FROM: move the ARG above the first FROM.`
                        : `FROM uses $${name}, which is not declared, so it expands to an empty string: declare ARG ${name}=<default> before the first FROM.`,
                });
            }
            if (undefinedVars.size > 0 || !raw.includes('$'))
                continue;
            // quotes are removed after expansion, as Docker reads the word (`alpine:"${TAG}"`)
            const resolved = (0,expand/* expandWord */.Vo)(raw, lookup, model.escapeChar);
            const value = resolved.value;
            const isStage = model.stages.slice(0, stage.index).some((s) => s.name === value.toLowerCase());
            if (isStage || validImageRef(value))
                continue;
            const shown = value === '' ? 'an empty image name' : `"${value}", not a valid image reference`;
            if (resolved.unknownVars.length > 0) {
                hits.push({
                    line: instr.line,
                    severity: 'warning',
                    message: `FROM ${raw} gives ${shown} unless --build-arg ${resolved.unknownVars.join(', ')} is passed: give the ARG a valid default (ARG ${resolved.unknownVars[0]}=…).`,
                });
            }
            else {
                hits.push({
                    line: instr.line,
                    message: `FROM ${raw} resolves to ${shown}: fix the ARG default before the first FROM.`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/config/hc310-legacy-key-value.ts

const hc310 = {
    meta: {
        id: 'HC310',
        title: 'Legacy ENV/LABEL key value form',
        severity: 'note',
        anchors: { buildkit: ['LegacyKeyValueFormat'] },
        description: 'The `ENV key value` form (without `=`) is deprecated and takes everything after the key as one value, which surprises anyone who adds a second pair. Write `ENV key=value`.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of model.instructions) {
            if (instr.keyword !== 'ENV' && instr.keyword !== 'LABEL')
                continue;
            const first = instr.args[0];
            if (!first || instr.args.length < 2 || first.includes('='))
                continue;
            const name = instr.properties[0]?.name ?? first;
            const value = instr.text.slice(instr.text.indexOf(first) + first.length).trim();
            const hit = {
                line: instr.line,
                message: `${instr.keyword} ${name} uses the legacy "key value" form: write ${instr.keyword} ${name}=… (quote a value with spaces).`,
            };
            // a safe one-line rewrite: ENV key "value"
            const src = model.lines[instr.line - 1] ?? '';
            if (instr.endLine === instr.line && !/["'\\`$]/.test(value)) {
                const lead = /^\s*\S+/.exec(src)?.[0] ?? instr.keyword;
                hit.fix = replaceLine(instr.line, `${lead} ${name}=${/\s/.test(value) ? `"${value}"` : value}`, `Use ${instr.keyword} ${name}=value`);
            }
            hits.push(hit);
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/config/hc313-build-setting-in-env.ts


const BUILD_ONLY = new Set([
    'DEBIAN_FRONTEND',
    'DEBCONF_NONINTERACTIVE_SEEN',
    'DEBCONF_NOWARNINGS',
    'APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE',
    'APT_LISTCHANGES_FRONTEND',
    'NEEDRESTART_MODE',
    'DOCKER_BUILDKIT',
    'COMPOSE_DOCKER_CLI_BUILD',
]);
function isBuildOnlySetting(name) {
    return BUILD_ONLY.has(name) || name.startsWith('BUILDKIT_');
}
const hc313 = {
    meta: {
        id: 'HC313',
        title: 'Build-time setting made permanent with ENV',
        severity: 'note',
        anchors: {},
        description: 'ENV values persist in the image and in every container and derived image. Settings meant only for the build, such as DEBIAN_FRONTEND=noninteractive, belong in an ARG or on the RUN that needs them.',
    },
    check({ model }) {
        const hits = [];
        for (const stage of shippedStages(model)) {
            for (const instr of stage.instructions) {
                if (instr.keyword !== 'ENV')
                    continue;
                for (const p of instr.properties) {
                    if (!isBuildOnlySetting(p.name))
                        continue;
                    const v = p.value ?? '';
                    hits.push({
                        line: propertyLine(model, instr, p.name),
                        message: `ENV ${p.name} is a build-time setting that stays in the shipped image: use ARG ${p.name}=${v} or prefix the RUN that needs it (${p.name}=${v} apt-get …).`,
                    });
                }
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/ownership/words.ts
// The words of COPY/ADD as written (sources, destination, flags, `--chown`) with the line each
// is on, and a text resolved at an instruction (null when a variable is unknown).


/** Sources and destination of a COPY/ADD as written (unresolved), with the line each word is on. */
function copyParts(instr) {
    if (instr.json) {
        const words = instr.json.map((value) => ({ value, line: instr.line }));
        return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? null, heredoc: false, json: true };
    }
    if (instr.heredocs.length > 0) {
        // Only the first line carries sources and destination; the rest are heredoc bodies.
        const first = instr.text.split(/\r?\n/)[0] ?? '';
        const words = first
            .split(/\s+/)
            .filter(Boolean)
            .map((w) => ({ value: (0,dockerfile_model/* unquote */._n)(w), line: instr.line }));
        return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? null, heredoc: true, json: false };
    }
    const nodes = instr.node.getArguments();
    const words = nodes.map((a) => ({ value: (0,dockerfile_model/* unquote */._n)(a.getValue()), line: a.getRange().start.line + 1 }));
    return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? null, heredoc: false, json: false };
}
function flag(instr, name) {
    const f = instr.flags.find((x) => x.name === name);
    return f && f.value !== null ? { value: (0,dockerfile_model/* unquote */._n)(f.value), line: f.line } : null;
}
/** Resolve a text at an instruction; null when a variable is unknown or undefined. */
function resolved(model, text, instr) {
    const r = model.resolveWord(text, instr);
    return r.complete ? r.value : null;
}
function chownOf(model, instr) {
    const f = flag(instr, 'chown');
    if (!f)
        return null;
    const value = resolved(model, f.value, instr);
    const [user, group] = value === null ? ['', null] : (0,dockerfile_facts/* splitUser */.S2)(value);
    return { raw: f.value, value, user, group, line: f.line };
}
const isNumeric = (s) => /^\d+$/.test(s);
/** Every COPY --from of the file whose value resolves, in order. */
function copyFromRefs(model) {
    const out = [];
    for (const stage of model.stages) {
        for (const instr of stage.instructions) {
            if (instr.keyword !== 'COPY')
                continue;
            const from = flag(instr, 'from');
            const value = from && resolved(model, from.value, instr);
            if (from && value !== null)
                out.push({ stage, instr, from, value });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/rules/ownership/workdir.ts


/**
 * The working directory in effect at `instr`, following the stage chain.
 * `null` when no WORKDIR was set (the base image decides), `undefined` when it cannot be resolved.
 */
function workdirAt(model, instr) {
    const before = workdir_workdirs(model);
    return model.stageOf(instr) && before.has(instr) ? before.get(instr) : null;
}
/** The absolute working directory a WORKDIR instruction sets, or null when it cannot be resolved. */
function workdirSetBy(model, instr) {
    const v = resolved(model, instr.args.join(' '), instr);
    if (v === null)
        return null;
    if (v.startsWith('/'))
        return normalizePath(v);
    const prev = workdirAt(model, instr);
    return prev === undefined ? null : joinPath(prev ?? '/', v);
}
// One pass per model, stages in order (a stage's parent comes before it), instead of a walk
// of the chain per instruction: that was quadratic on long files (found by the fuzz suite).
const workdirCache = new WeakMap();
function workdir_workdirs(model) {
    let before = workdirCache.get(model);
    if (before)
        return before;
    before = new Map();
    const atEnd = new Map();
    for (const s of model.stages) {
        const ref = s.from.stageRef;
        let wd = ref !== null && atEnd.has(ref) ? atEnd.get(ref) : null;
        for (const i of s.instructions) {
            before.set(i, wd);
            if (i.keyword !== 'WORKDIR')
                continue;
            const v = resolved(model, i.args.join(' '), i);
            if (v === null) {
                wd = undefined;
            }
            else if (v.startsWith('/')) {
                wd = normalizePath(v);
            }
            else if (isWindowsAbsolute(v)) {
                wd = undefined; // Windows paths: not modelled
            }
            else {
                wd = wd === undefined ? undefined : joinPath(wd ?? '/', v);
            }
        }
        atEnd.set(s.index, wd);
    }
    workdirCache.set(model, before);
    return before;
}
/** Absolute destination of a COPY/ADD (trailing slash dropped), or null when unknown. */
function absoluteDest(model, instr, dest) {
    const v = resolved(model, dest, instr);
    if (v === null || isWindowsAbsolute(v))
        return null;
    if (v.startsWith('/'))
        return normalizePath(v);
    const wd = workdirAt(model, instr);
    if (wd === undefined)
        return null;
    return joinPath(wd ?? '/', v);
}

;// CONCATENATED MODULE: ./src/rules/ownership/runtime-user.ts


function runtimeUser(model, trusted = []) {
    const eff = (0,dockerfile_facts/* effectiveUser */.d6)(model);
    if (eff) {
        if (!eff.resolved.complete)
            return null;
        return { user: eff.user, group: eff.group, line: eff.instr.line, label: eff.raw };
    }
    const base = (0,dockerfile_facts/* externalBase */.dR)(model, trusted);
    const u = base?.info?.user;
    if (u === undefined || u === null)
        return null;
    const [user, group] = (0,dockerfile_facts/* splitUser */.S2)(u);
    return { user, group, line: null, label: `${u || 'root'} (default of ${base?.resolved.value})` };
}
function isNonRoot(u) {
    return u !== null && !(0,base_images/* isRootUser */.ar)(u.user);
}

;// CONCATENATED MODULE: ./src/rules/ownership/simple-commands.ts


const FILE_REDIRECTS = new Set(['>', '>>', '>|', '&>', '&>>']);
const fileTargets = (redirects) => redirects.flatMap((r) => (FILE_REDIRECTS.has(r.op) && r.target !== null ? [r.target] : []));
/** What a RUN executes (src/shell: heredoc scripts, `sh -c`, `$(…)` included), as plain words. */
function simpleCommands(model, instr) {
    const out = invocationsOf(instr, model).map((inv) => ({
        words: [inv.nameWord, ...inv.args].map((w) => w.value),
        redirects: fileTargets(inv.command.redirects),
    }));
    // A bare `> file` runs no program, so invocationsOf skips it; it still creates the file.
    for (const s of (0,shell_script/* scriptsOf */.Sf)(instr, model)) {
        if (s.shell.kind !== 'posix')
            continue;
        for (const c of s.commands) {
            if (c.words.length === 0 && c.redirects.length > 0)
                out.push({ words: [], redirects: fileTargets(c.redirects) });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/rules/ownership/writable.ts








/** Directory names apps write at runtime: caches, uploads, data, logs, sessions, scratch space. */
const WRITABLE_NAMES = new Set([
    'uploads',
    'upload',
    'cache',
    '.cache',
    'caches',
    'log',
    'logs',
    'tmp',
    'temp',
    'storage',
    'sessions',
    'media',
    'data',
]);
const WRITABLE_PREFIXES = ['/var/cache', '/var/log', '/var/run', '/run', '/data'];
/** Does a chmod mode give write permission to group/other (`777`, `a+w`, `o+w`, `g=u`, `go+rw`)? */
function modeGrantsWrite(mode) {
    if (/^[0-7]{3,4}$/.test(mode)) {
        const n = parseInt(mode.slice(-3), 8);
        return { group: (n & 0o020) !== 0, other: (n & 0o002) !== 0 };
    }
    let group = false;
    let other = false;
    for (const clause of mode.split(',')) {
        const m = /^([ugoa]*)([+=])(.*)$/.exec(clause);
        if (!m)
            continue;
        const who = m[1] === '' ? 'a' : m[1];
        const w = m[3].includes('w') || (m[2] === '=' && m[3] === 'u');
        if (!w)
            continue;
        if (who.includes('a') || who.includes('g'))
            group = true;
        if (who.includes('a') || who.includes('o'))
            other = true;
    }
    return { group, other };
}
/** chown/chmod/chgrp steps in a RUN, with absolute paths (cwd = WORKDIR; `cd` followed). */
function ownershipChanges(model, instr) {
    const out = [];
    if (instr.keyword !== 'RUN')
        return out;
    const wd = workdirAt(model, instr);
    let cwd = wd === undefined ? null : (wd ?? '/');
    for (const cmd of simpleCommands(model, instr)) {
        const w = cmd.words.map((x) => (x.includes('$') ? resolved(model, x, instr) : x));
        const at = w.findIndex((x) => x !== null && /^(chown|chmod|cd)$/.test(x));
        if (at < 0)
            continue;
        const name = w[at];
        const rest = w.slice(at + 1);
        if (name === 'cd') {
            const p = rest[0];
            cwd = p === null || p === undefined || cwd === null ? null : joinPath(cwd, p);
            continue;
        }
        const recursive = rest.some((x) => x !== null && /^-[a-zA-Z]*R|^--recursive$/.test(x));
        const args = rest.filter((x) => x === null || !x.startsWith('-'));
        if (args.length < 2 || args[0] === null)
            continue;
        const value = args[0];
        const paths = [];
        for (const p of args.slice(1)) {
            if (p === null || cwd === null || p.includes('*'))
                continue;
            paths.push(p.startsWith('/') ? normalizePath(p) : joinPath(cwd, p));
        }
        if (paths.length === 0)
            continue;
        const g = name === 'chmod' ? modeGrantsWrite(value) : { group: false, other: false };
        out.push({
            instr,
            line: (0,lines/* lineOfWord */.mn)(model, instr, name),
            kind: name,
            recursive,
            value: name === 'chown' ? (0,dockerfile_facts/* splitUser */.S2)(value)[0] : value,
            grantsWrite: g.group || g.other,
            paths,
        });
    }
    return out;
}
/** VOLUME paths declared anywhere in the shipped image. */
function declaredVolumes(model) {
    const out = [];
    for (const stage of shippedStages(model)) {
        for (const i of stage.instructions) {
            if (i.keyword !== 'VOLUME')
                continue;
            for (const raw of i.json ?? i.args) {
                const v = resolved(model, raw, i);
                if (v && v.startsWith('/'))
                    out.push({ path: normalizePath(v), line: i.line });
            }
        }
    }
    return out;
}
function writableContext(model, run) {
    const intended = [];
    for (const stage of shippedStages(model)) {
        for (const i of stage.instructions) {
            for (const c of ownershipChanges(model, i)) {
                if (c.recursive)
                    continue;
                const ok = c.kind === 'chmod' ? c.grantsWrite : run !== null && !(0,base_images/* isRootUser */.ar)(c.value) && c.value === run.user;
                if (ok)
                    for (const p of c.paths)
                        intended.push({ path: p, line: c.line });
            }
        }
    }
    return { volumes: declaredVolumes(model), intended };
}
/** Why the runtime user must write `path` (an absolute directory or file), or null. */
function writableReason(path, ctx) {
    // /tmp stays world-writable (1777): files put there are install-time scratch, not runtime state.
    if (isUnder(path, '/tmp') || isUnder(path, '/var/tmp'))
        return null;
    const vol = ctx.volumes.find((v) => isUnder(path, v.path));
    if (vol)
        return `a declared VOLUME (line ${vol.line})`;
    const int = ctx.intended.find((v) => isUnder(path, v.path) && v.path !== '/');
    if (int)
        return `made writable for the runtime user on line ${int.line}`;
    const segs = path.split('/').filter(Boolean);
    const last = segs[segs.length - 1];
    const parent = segs[segs.length - 2];
    // `next start` writes .next/cache (image optimisation, ISR) while it runs
    if (last === '.next')
        return 'the .next directory, where next start writes its cache at runtime';
    if (last && WRITABLE_NAMES.has(last.toLowerCase()))
        return `a ${last} directory the application writes at runtime`;
    if (parent && WRITABLE_NAMES.has(parent.toLowerCase()))
        return `inside a ${parent} directory the application writes at runtime`;
    const pre = WRITABLE_PREFIXES.find((p) => isUnder(path, p));
    if (pre)
        return `under ${pre}, which services write at runtime`;
    return null;
}

;// CONCATENATED MODULE: ./src/rules/ownership/hc401-writable-dir-root-owned.ts











const hc401 = {
    meta: {
        id: 'HC401',
        title: 'Runtime user must write a root-owned directory',
        severity: 'warning',
        anchors: {},
        description: 'COPY, ADD, WORKDIR and RUN create files owned by root unless told otherwise. When the container runs as a non-root user, any directory it has to write (uploads, caches, data, declared VOLUMEs, node_modules during the build) must be chowned to it, or the app fails with "Permission denied" at runtime or the build fails.',
    },
    check(ctx) {
        const run = runtimeUser(ctx.model, ctx.trustedBaseImages);
        const copies = copyIntoWritable(ctx.model, run);
        return [
            ...copies,
            ...runWritesRootDir(ctx.model),
            ...commandWritesWorkdir(ctx.model, run),
            ...rootOwnedVolumes(ctx.model, run, copies),
        ];
    },
};
function dirname(p) {
    const i = p.lastIndexOf('/');
    return i <= 0 ? '/' : p.slice(0, i);
}
// ---------------------------------------------------------------- (1) COPY into a writable path
function copyIntoWritable(model, run) {
    const hits = [];
    if (!isNonRoot(run))
        return hits;
    const ctx = writableContext(model, run);
    const instrs = shippedStages(model).flatMap((s) => s.instructions);
    instrs.forEach((instr, idx) => {
        if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD')
            return;
        const chown = chownOf(model, instr);
        if (chown && (chown.value === null || !(0,base_images/* isRootUser */.ar)(chown.user)))
            return;
        const chmod = flag(instr, 'chmod');
        if (chmod && modeGrantsWrite(chmod.value).other)
            return;
        const { dest } = copyParts(instr);
        if (!dest)
            return;
        const target = absoluteDest(model, instr, dest.value);
        if (!target)
            return;
        const reason = writableReason(target, ctx);
        if (!reason)
            return;
        // A later recursive chown/chmod (or one of exactly this path) hands it over: fixed.
        const fixed = instrs
            .slice(idx + 1)
            .some((later) => ownershipChanges(model, later).some((c) => c.paths.some((p) => (c.recursive ? isUnder(target, p) : p === target)) &&
            (c.kind === 'chmod' ? c.grantsWrite : !(0,base_images/* isRootUser */.ar)(c.value))));
        if (fixed)
            return;
        const who = run.line !== null ? `USER ${run.label} (line ${run.line})` : `user ${run.label}`;
        const owner = run.group ? `${run.user}:${run.group}` : run.user;
        hits.push({
            line: instr.line,
            message: `${instr.keyword} puts root-owned files into ${target} (${reason}) but the container runs as ${who}: add --chown=${owner} here, or the app gets "Permission denied" when it writes there.`,
        });
    });
    return hits;
}
/** Directories that are root-owned in every Linux base image. */
const SYSTEM_DIRS = new Set([
    '/',
    '/usr',
    '/usr/local',
    '/usr/local/bin',
    '/usr/local/lib',
    '/usr/local/share',
    '/usr/bin',
    '/usr/lib',
    '/usr/share',
    '/bin',
    '/sbin',
    '/lib',
    '/etc',
    '/opt',
    '/srv',
    '/var',
    '/var/lib',
    '/var/www',
    '/mnt',
    '/root',
]);
function writesOf(model, instr, cwd0) {
    const out = [];
    let cwd = cwd0;
    const abs = (p) => p === null || cwd === null || p.includes('*')
        ? null
        : p.startsWith('/')
            ? normalizePath(p)
            : joinPath(cwd, p);
    for (const cmd of simpleCommands(model, instr)) {
        const w = cmd.words.map((x) => (x.includes('$') ? resolved(model, x, instr) : x));
        for (const r of cmd.redirects) {
            const p = abs(r.includes('$') ? resolved(model, r, instr) : r);
            if (p && p !== '/dev/null' && !p.startsWith('/dev/') && !p.startsWith('/proc/'))
                out.push({ path: p, cmd: '>', mkdir: false });
        }
        const name = w[0]?.replace(/^.*\//, '') ?? null;
        if (!name)
            continue;
        const rest = w.slice(1);
        const plain = rest.filter((x) => x === null || !x.startsWith('-'));
        const optVal = (...opts) => {
            for (let k = 0; k < rest.length; k++) {
                const x = rest[k];
                if (x === null)
                    continue;
                for (const o of opts) {
                    if (x === o)
                        return rest[k + 1];
                    if (x.startsWith(o + '='))
                        return x.slice(o.length + 1);
                    if (o.length === 2 && x.startsWith(o) && x.length > 2 && !x.startsWith('--'))
                        return x.slice(2);
                }
            }
            return undefined;
        };
        const push = (p, mkdir = false) => {
            const a = p === undefined ? null : abs(p);
            if (a)
                out.push({ path: a, cmd: name, mkdir });
        };
        switch (name) {
            case 'cd':
                cwd = abs(plain[0] ?? null);
                break;
            case 'mkdir': {
                const mode = optVal('-m', '--mode');
                for (const p of plain)
                    if (p !== mode)
                        push(p, true);
                break;
            }
            case 'touch':
                for (const p of plain)
                    push(p);
                break;
            case 'tee':
                for (const p of plain)
                    push(p);
                break;
            case 'cp':
            case 'mv':
            case 'ln':
            case 'install':
            case 'rsync':
                if (plain.length >= 2)
                    push(plain[plain.length - 1]);
                break;
            case 'pip':
            case 'pip3': {
                const t = optVal('-t', '--target');
                if (t !== undefined)
                    push(t);
                break;
            }
            case 'npm':
            case 'yarn':
            case 'pnpm':
            case 'composer': {
                const sub = plain[0];
                const global = rest.some((x) => x === '-g' || x === '--global');
                if (!global && (sub === undefined ? name === 'yarn' : /^(install|i|ci|add)$/.test(sub ?? '')))
                    push('.');
                break;
            }
            case 'git':
                if (plain[0] === 'clone')
                    push(plain[2] ?? '.');
                break;
            case 'curl':
                push(optVal('-o', '--output'));
                break;
            case 'wget': {
                push(optVal('-O', '--output-document'));
                push(optVal('-P', '--directory-prefix'));
                break;
            }
            default:
                break;
        }
    }
    return out;
}
function nearestTracked(owners, p) {
    let cur = p;
    for (;;) {
        const o = owners.get(cur);
        if (o)
            return [cur, o];
        if (cur === '/')
            return null;
        cur = dirname(cur);
    }
}
function runWritesRootDir(model) {
    const hits = [];
    const seen = new Set();
    for (const stage of neededStages(model)) {
        for (const hit of trackStage(model, stage)) {
            const key = `${hit.line}:${hit.message}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            hits.push(hit);
        }
    }
    return hits;
}
function trackStage(model, stage) {
    const hits = [];
    const owners = new Map();
    const baseUser = (0,dockerfile_facts/* externalBase */.dR)(model, [], stage)?.info?.user;
    // who runs RUN steps: 'root', a user name, or null (unknown)
    let user = baseUser === undefined ? null : baseUser === '' || (0,base_images/* isRootUser */.ar)(baseUser) ? 'root' : baseUser;
    let userLine = 0;
    const mark = (p, o, overwrite = false) => {
        if (overwrite || !owners.has(p))
            owners.set(p, o);
    };
    for (const instr of (0,dockerfile_facts/* chainBefore */.ty)(model, stage)) {
        const own = instr.stageIndex === stage.index;
        switch (instr.keyword) {
            case 'USER': {
                const v = resolved(model, instr.args.join(' '), instr);
                user = v === null ? null : (0,base_images/* isRootUser */.ar)(v) ? 'root' : v.split(':')[0];
                userLine = instr.line;
                break;
            }
            case 'WORKDIR': {
                const p = workdirSetBy(model, instr);
                if (!p)
                    break;
                // After a non-root USER the owner depends on the builder (HC406): do not guess.
                mark(p, user === 'root'
                    ? { owner: 'root', line: instr.line, how: 'WORKDIR' }
                    : { owner: 'open', line: instr.line, how: 'WORKDIR' });
                break;
            }
            case 'COPY':
            case 'ADD': {
                const { dest } = copyParts(instr);
                const t = dest ? absoluteDest(model, instr, dest.value) : null;
                if (!t || !dest)
                    break;
                const chown = chownOf(model, instr);
                const chmod = flag(instr, 'chmod');
                const owner = chown && (chown.value === null || !(0,base_images/* isRootUser */.ar)(chown.user))
                    ? 'user'
                    : chmod && modeGrantsWrite(chmod.value).other
                        ? 'open'
                        : 'root';
                const o = { owner, line: instr.line, how: instr.keyword };
                const existing = owners.get(t);
                if (!existing)
                    mark(t, o);
                else if (existing.owner === 'root' && owner !== 'root')
                    mark(t, { ...o, owner: 'open' }, true);
                const parent = dirname(t);
                if (!dest.value.endsWith('/') &&
                    !owners.has(parent) &&
                    !SYSTEM_DIRS.has(parent) &&
                    !/^\/home\/[^/]+$/.test(parent) &&
                    !isUnder(parent, '/tmp')) {
                    mark(parent, { ...o, owner: owner === 'user' ? 'open' : owner });
                }
                break;
            }
            case 'RUN': {
                const wd = workdirAt(model, instr);
                const cwd = wd === undefined ? null : (wd ?? '/');
                if (user !== null && user !== 'root') {
                    const reported = new Set();
                    for (const w of writesOf(model, instr, cwd)) {
                        const near = nearestTracked(owners, w.path);
                        let problem = null;
                        if (near) {
                            const [dir, o] = near;
                            if (dir === w.path && w.mkdir)
                                continue; // already exists
                            if (o.owner === 'root')
                                problem = { dir, why: `created by ${o.how} on line ${o.line} as root` };
                        }
                        else if (SYSTEM_DIRS.has(dirname(w.path)) && !(w.mkdir && SYSTEM_DIRS.has(w.path))) {
                            problem = { dir: dirname(w.path), why: 'owned by root in every base image' };
                        }
                        if (own && problem && !reported.has(problem.dir)) {
                            reported.add(problem.dir);
                            const what = w.cmd === '>' ? `redirects output to ${w.path}` : `runs ${w.cmd}, which writes ${w.path}`;
                            hits.push({
                                line: w.cmd === '>' ? instr.line : (0,lines/* lineOfWord */.mn)(model, instr, w.cmd),
                                message: `This RUN executes as USER ${user} (line ${userLine}) and ${what}, but ${problem.dir} is ${problem.why}: the build fails with "Permission denied", so create and chown the directory before switching USER, or COPY --chown=${user}.`,
                            });
                        }
                        if (w.mkdir || w.cmd === 'touch')
                            mark(w.path, { owner: 'user', line: instr.line, how: 'RUN' });
                    }
                }
                if (user === 'root') {
                    for (const cmd of simpleCommands(model, instr)) {
                        const i = cmd.words.indexOf('mkdir');
                        if (i < 0 || cwd === null)
                            continue;
                        for (const p of cmd.words.slice(i + 1)) {
                            if (p.startsWith('-') || p.includes('$') || p.includes('*') || /^[0-7]{3,4}$/.test(p))
                                continue;
                            mark(p.startsWith('/') ? normalizePath(p) : joinPath(cwd, p), {
                                owner: 'root',
                                line: instr.line,
                                how: 'RUN mkdir',
                            });
                        }
                    }
                }
                for (const c of ownershipChanges(model, instr)) {
                    for (const p of c.paths) {
                        let owner = null;
                        if (c.kind === 'chown')
                            owner = (0,base_images/* isRootUser */.ar)(c.value) ? 'root' : 'user';
                        else if (modeGrantsWrite(c.value).other)
                            owner = 'open';
                        if (!owner)
                            continue;
                        const o = { owner, line: instr.line, how: 'RUN' };
                        mark(p, o, true);
                        if (c.recursive)
                            for (const k of owners.keys())
                                if (isUnder(k, p))
                                    owners.set(k, o);
                    }
                }
                break;
            }
            default:
                break;
        }
    }
    return hits;
}
/**
 * Who owns directory `dir` at the end of the shipped image, as far as the file shows: created
 * as root by WORKDIR or `mkdir`, or by COPY (its --chown), then changed by chown/chmod.
 * null when the file never creates it (the base image may) or creates it as a non-root user.
 */
function ownerAtEnd(model, dir) {
    const target = model.target;
    // directories every base image already has (home directories belong to their user)
    if (!target || SYSTEM_DIRS.has(dir) || /^\/home\/[^/]+$/.test(dir) || isUnder(dir, '/tmp'))
        return null;
    const baseUser = (0,dockerfile_facts/* externalBase */.dR)(model, [], target)?.info?.user;
    let root = baseUser === undefined ? null : baseUser === '' || (0,base_images/* isRootUser */.ar)(baseUser);
    let owner = null;
    for (const instr of (0,dockerfile_facts/* chainBefore */.ty)(model, target)) {
        switch (instr.keyword) {
            case 'USER': {
                const v = resolved(model, instr.args.join(' '), instr);
                root = v === null ? null : (0,base_images/* isRootUser */.ar)(v);
                break;
            }
            case 'WORKDIR': {
                const p = workdirSetBy(model, instr);
                // WORKDIR creates the directory and its parents, owned by root when run as root
                if (p && owner === null && isUnder(p, dir))
                    owner = root === true ? { owner: 'root', line: instr.line, how: 'WORKDIR' } : null;
                break;
            }
            case 'COPY':
            case 'ADD': {
                const { dest } = copyParts(instr);
                const t = dest ? absoluteDest(model, instr, dest.value) : null;
                // a COPY that creates the directory gives it the --chown owner; an existing one keeps its owner
                if (!t || owner !== null || !(t === dir || (dest.value.endsWith('/') && isUnder(t, dir))))
                    break;
                const chown = chownOf(model, instr);
                owner =
                    chown && (chown.value === null || !(0,base_images/* isRootUser */.ar)(chown.user))
                        ? { owner: 'user', line: instr.line, how: instr.keyword }
                        : root === true
                            ? { owner: 'root', line: instr.line, how: instr.keyword }
                            : null;
                break;
            }
            case 'RUN': {
                const wd = workdirAt(model, instr);
                const cwd = wd === undefined ? null : (wd ?? '/');
                if (owner === null && root === true && cwd !== null) {
                    for (const cmd of simpleCommands(model, instr)) {
                        if (cmd.words[0] !== 'mkdir')
                            continue;
                        for (const w of cmd.words.slice(1)) {
                            if (w.startsWith('-') || w.includes('$') || /^[0-7]{3,4}$/.test(w))
                                continue;
                            const p = w.startsWith('/') ? normalizePath(w) : joinPath(cwd, w);
                            if (isUnder(p, dir))
                                owner = { owner: 'root', line: instr.line, how: 'RUN mkdir' };
                        }
                    }
                }
                for (const c of ownershipChanges(model, instr)) {
                    if (!c.paths.some((p) => p === dir || (c.recursive && isUnder(dir, p))))
                        continue;
                    if (c.kind === 'chown')
                        owner = { owner: (0,base_images/* isRootUser */.ar)(c.value) ? 'root' : 'user', line: c.line, how: 'chown' };
                    else if (c.grantsWrite)
                        owner = { owner: 'open', line: c.line, how: 'chmod' };
                }
                break;
            }
            default:
                break;
        }
    }
    return owner;
}
// Commands that write into the working directory when the container starts.
const RUNTIME_WRITERS = [
    { re: /\b(?:npm|pnpm|yarn)\s+(?:run\s+)?build\b/, what: 'builds the app (creating dist/ or .next/ there)' },
    { re: /\b(?:npm|pnpm)\s+(?:install|i|ci)\b|\byarn\s+install\b/, what: 'installs node_modules there' },
    {
        re: /(?:^|[\s;&|"'])(?:npx\s+)?tsc\b(?![^;&|]*--noEmit)/,
        what: 'compiles TypeScript (tsc writes its output there)',
    },
    { re: /\b(?:next|vite|nest)\s+build\b/, what: 'builds the app there' },
    {
        re: /\bsqlite(?:3)?:\/\/\/(?:\.\/)?[\w.-]+\.(?:db|sqlite3?)\b|\bsqlite3?\s+(?:\.\/)?[\w.-]+\.(?:db|sqlite3?)\b/,
        what: 'creates a SQLite database file there',
    },
];
// A relative SQLite file in an ENV value (`DB_NAME=sample_app.db`, `sqlite:///./app.db`): the app
// creates it in its working directory.
const RELATIVE_SQLITE = /^(?:sqlite3?:\/\/\/)?(?:\.\/)?[\w.-]+\.(?:db|sqlite3?)$/i;
function commandWritesWorkdir(model, run) {
    if (!isNonRoot(run))
        return [];
    // Evidence that the running container writes its working directory: the command, else an ENV.
    let evidence = null;
    for (const keyword of ['ENTRYPOINT', 'CMD']) {
        const instr = (0,dockerfile_facts/* lastInChain */.Pk)(model, keyword);
        if (!instr)
            continue;
        const writer = RUNTIME_WRITERS.find((w) => w.re.test(instr.json ? instr.json.join(' ') : instr.text));
        if (writer) {
            evidence = { line: instr.line, who: keyword, what: writer.what };
            break;
        }
    }
    if (!evidence) {
        const env = (0,dockerfile_facts/* finalEnv */.S7)(model).find((e) => RELATIVE_SQLITE.test(e.value.trim()));
        if (env)
            evidence = {
                line: env.line,
                who: `ENV ${env.key}`,
                what: `names the relative SQLite file ${env.value.trim()}, which the app creates`,
            };
    }
    if (!evidence)
        return [];
    const finalWd = (0,dockerfile_facts/* lastInChain */.Pk)(model, 'WORKDIR');
    const dir = finalWd ? workdirSetBy(model, finalWd) : null;
    if (!dir || dir === '/')
        return [];
    const owner = ownerAtEnd(model, dir);
    if (!owner || owner.owner !== 'root')
        return [];
    const who = run.line !== null ? `USER ${run.label} (line ${run.line})` : `user ${run.label}`;
    const owned = run.group ? `${run.user}:${run.group}` : run.user;
    return [
        {
            line: evidence.line,
            message: `${evidence.who} ${evidence.what} in ${dir} while the container runs as ${who}, but ${dir} was created by ${owner.how} on line ${owner.line} as root (COPY --chown does not change an existing directory's owner): the write fails with "Permission denied"; do that step at build time, or RUN chown ${owned} ${dir} before USER.`,
        },
    ];
}
function rootOwnedVolumes(model, run, copies) {
    if (!isNonRoot(run))
        return [];
    const hits = [];
    const who = run.line !== null ? `USER ${run.label} (line ${run.line})` : `user ${run.label}`;
    const owned = run.group ? `${run.user}:${run.group}` : run.user;
    for (const v of declaredVolumes(model)) {
        // a COPY into it is already reported (part 1), with the fix on that line
        if (copies.some((h) => h.message.includes(` into ${v.path}`) || h.message.includes(`(a declared VOLUME (line ${v.line}))`)))
            continue;
        let owner = ownerAtEnd(model, v.path);
        if (owner === null && createdByVolume(model, v.path))
            owner = { owner: 'root', line: v.line, how: 'VOLUME' };
        if (!owner || owner.owner !== 'root')
            continue;
        const created = owner.how === 'VOLUME'
            ? `VOLUME ${v.path} does not exist before this line, so Docker creates it owned by root`
            : `VOLUME ${v.path} was created by ${owner.how} on line ${owner.line} as root`;
        hits.push({
            line: v.line,
            message: `${created}, and a new volume starts with that owner, but the container runs as ${who}: RUN mkdir -p ${v.path} && chown ${owned} ${v.path} before the VOLUME, or the app gets "Permission denied" when it writes there.`,
        });
    }
    return hits;
}
/**
 * Does the VOLUME line itself create `path` (as root)? Only when the file creates its parent
 * directory (so the base image cannot ship it) and no COPY --chown to a non-root user could
 * have brought it along.
 */
function createdByVolume(model, path) {
    const parent = dirname(path);
    if (parent === '/' || ownerAtEnd(model, parent) === null)
        return false;
    const target = model.target;
    if (!target)
        return false;
    return !(0,dockerfile_facts/* chainBefore */.ty)(model, target).some((i) => {
        if (i.keyword !== 'COPY' && i.keyword !== 'ADD')
            return false;
        const chown = chownOf(model, i);
        if (!chown || (chown.value !== null && (0,base_images/* isRootUser */.ar)(chown.user)))
            return false;
        const { dest } = copyParts(i);
        const t = dest ? absoluteDest(model, i, dest.value) : null;
        return t === null || isUnder(path, t);
    });
}

;// CONCATENATED MODULE: ./src/rules/ownership/account-ids.ts




/** Accounts the stage's known base image provides (src/dockerfile/base-images.ts), or null. */
function baseAccounts(model, stage) {
    const base = (0,dockerfile_facts/* externalBase */.dR)(model, [], stage);
    if (!base?.info || !base.resolved.complete || !base.resolved.value)
        return null;
    const accounts = (0,base_images/* baseImageAccounts */.HX)(base.info, base.resolved.value);
    return accounts && { ...accounts, family: base.info.family };
}
const KNOWN_UIDS = { nonroot: '65532', nobody: '65534', root: '0' };
/** uid of a user name when the chain or a known base tells us. */
function uidOf(model, stage, name, created) {
    if (isNumeric(name))
        return name;
    const c = created ?? accountsIn(model, (0,dockerfile_facts/* chainBefore */.ty)(model, stage));
    const id = c.users.get(name)?.uid;
    if (id && isNumeric(id))
        return id;
    if (c.users.has(name))
        return null;
    return baseAccounts(model, stage)?.users.get(name)?.uid ?? KNOWN_UIDS[name] ?? null;
}
/** Same account? true/false when decidable, null when a name cannot be mapped to an id. */
function sameAccount(model, stage, a, b) {
    if (a === b)
        return true;
    const ia = uidOf(model, stage, a);
    const ib = uidOf(model, stage, b);
    if (ia !== null && ib !== null)
        return ia === ib;
    // Two different names are two accounts; a name against an unmapped number cannot be decided.
    if (!isNumeric(a) && !isNumeric(b))
        return false;
    return null;
}

;// CONCATENATED MODULE: ./src/rules/ownership/hc402-code-writable-by-runtime-user.ts









const hc402 = {
    meta: {
        id: 'HC402',
        title: 'Application code writable by the runtime user',
        severity: 'note',
        anchors: { kics: ['aa93e17f'] },
        description: 'If the user that runs the application can rewrite its code and binaries, an attacker who gets code execution can persist by modifying them. Keep code owned by root and read-only for the app, and chown only the directories it must write.',
    },
    check({ model, trustedBaseImages }) {
        const hits = [];
        const run = runtimeUser(model, trustedBaseImages);
        const nonRoot = run !== null && !(0,base_images/* isRootUser */.ar)(run.user);
        const ctx = writableContext(model, nonRoot ? run : null);
        const exempt = (p) => writableReason(p, ctx) !== null || isUnder(p, '/home') || isUnder(p, '/tmp') || isUnder(p, '/var/tmp');
        for (const stage of shippedStages(model)) {
            if (windowsStage(model, stage))
                continue;
            for (const instr of stage.instructions) {
                if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
                    const { dest } = copyParts(instr);
                    const target = dest ? absoluteDest(model, instr, dest.value) : null;
                    if (!target || exempt(target))
                        continue;
                    const chown = chownOf(model, instr);
                    if (nonRoot &&
                        model.target &&
                        chown &&
                        chown.value !== null &&
                        chown.user &&
                        sameAccount(model, model.target, chown.user, run.user) === true) {
                        hits.push({
                            line: chown.line,
                            message: `${instr.keyword} --chown=${chown.raw} makes the code at ${target} writable by the runtime user ${run.user}: drop --chown so it stays root-owned and read-only, and chown only the directories the app writes.`,
                        });
                        continue;
                    }
                    const chmod = flag(instr, 'chmod');
                    if (chmod && modeGrantsWrite(chmod.value).other) {
                        hits.push({
                            line: chmod.line,
                            message: `${instr.keyword} --chmod=${chmod.value} makes ${target} writable by every user: use a mode without write for others, such as 755 for programs or 644 for files.`,
                        });
                    }
                    continue;
                }
                for (const c of ownershipChanges(model, instr)) {
                    const paths = c.paths.filter((p) => !exempt(p));
                    if (paths.length === 0)
                        continue;
                    if (c.kind === 'chmod' && modeGrantsWrite(c.value).other) {
                        hits.push({
                            line: c.line,
                            message: `chmod ${c.recursive ? '-R ' : ''}${c.value} makes ${paths.join(', ')} writable by every user: keep code read-only (e.g. chmod -R a-w, or 755/644) and open only the directories the app writes.`,
                        });
                    }
                    else if (c.kind === 'chown' &&
                        c.recursive &&
                        nonRoot &&
                        model.target &&
                        sameAccount(model, model.target, c.value, run.user) === true) {
                        hits.push({
                            line: c.line,
                            message: `chown -R ${c.value} hands ${paths.join(', ')} to the runtime user, making the code writable by it: leave the code owned by root and chown only the directories the app writes.`,
                        });
                    }
                }
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/ownership/hc403-chown-not-runtime-user.ts






const hc403 = {
    meta: {
        id: 'HC403',
        title: '--chown user differs from the runtime USER',
        severity: 'warning',
        anchors: {},
        description: 'Files given to an account that does not run the application are useless to it (it cannot write them) and writable by someone else. Chown writable paths to the runtime user and leave the rest owned by root.',
    },
    check({ model, trustedBaseImages }) {
        const hits = [];
        const run = runtimeUser(model, trustedBaseImages);
        if (!isNonRoot(run) || !model.target)
            return hits;
        const target = model.target;
        for (const stage of shippedStages(model)) {
            if (windowsStage(model, stage))
                continue;
            for (const instr of stage.instructions) {
                if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD')
                    continue;
                const chown = chownOf(model, instr);
                if (!chown || chown.value === null || !chown.user || (0,base_images/* isRootUser */.ar)(chown.user))
                    continue;
                if (sameAccount(model, target, chown.user, run.user) !== false)
                    continue;
                const runGroup = run.group ?? run.user;
                if (chown.group && sameAccount(model, target, chown.group, runGroup) === true)
                    continue;
                const runAt = run.line !== null ? `USER ${run.label} (line ${run.line})` : `user ${run.label}`;
                hits.push({
                    line: chown.line,
                    message: `${instr.keyword} --chown=${chown.raw} gives these files to ${chown.user}, but the container runs as ${runAt}: chown to the runtime user only the paths it must write, and leave the rest owned by root.`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/ownership/hc404-chown-name-unresolvable.ts








/**
 * Fix: the missing names → the numeric ids other stages of this file give them (one id per
 * name across the file, else no fix). Names the stage resolves stay as written.
 */
function numericChownFix(model, instr, chown, missing, stage) {
    if (chown.raw !== chown.value)
        return null; // written with a variable
    const idOf = (kind, name) => {
        const ids = new Set();
        for (const s of model.stages) {
            if (s === stage)
                continue;
            const acc = accountsIn(model, s.instructions);
            if (kind === 'user' && acc.users.has(name))
                ids.add(acc.users.get(name).uid);
            if (kind === 'group' && acc.groups.has(name))
                ids.add(acc.groups.get(name).gid);
        }
        const [id] = [...ids];
        return ids.size === 1 && id !== null && isNumeric(id) ? id : null;
    };
    let user = chown.user;
    let group = chown.group;
    for (const m of missing) {
        const id = idOf(m.kind, m.name);
        if (id === null)
            return null;
        if (m.kind === 'user')
            user = id;
        else
            group = id;
    }
    const value = group === null ? user : `${user}:${group}`;
    const line = model.lines[chown.line - 1] ?? '';
    const re = new RegExp(`(--chown=)${(0,lines/* escapeRegExp */.Nt)(chown.raw ?? '')}(?=\\s|$)`, 'gi');
    const all = [...line.matchAll(re)];
    if (all.length !== 1 || instr.flags.filter((f) => f.name === 'chown').length !== 1)
        return null;
    const at = all[0].index + all[0][1].length;
    return replaceLine(chown.line, line.slice(0, at) + value + line.slice(at + (chown.raw ?? '').length), `Use numeric ids: --chown=${value}`);
}
const hc404 = {
    meta: {
        id: 'HC404',
        title: '--chown names a user or group the stage does not have',
        severity: 'warning',
        anchors: {},
        description: 'Docker resolves `--chown` names through the /etc/passwd and /etc/group of the stage being built. A name created only in another stage, or on an image without those files (scratch, distroless), fails the build. Numeric ids always work.',
    },
    check({ model }) {
        const hits = [];
        for (const stage of neededStages(model)) {
            if (windowsStage(model, stage))
                continue; // HC415
            for (const instr of stage.instructions) {
                if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD')
                    continue;
                const chown = chownOf(model, instr);
                if (!chown || chown.value === null)
                    continue;
                const names = [];
                if (chown.user && !isNumeric(chown.user))
                    names.push({ kind: 'user', name: chown.user });
                if (chown.group && !isNumeric(chown.group))
                    names.push({ kind: 'group', name: chown.group });
                if (names.length === 0)
                    continue;
                const created = accountsIn(model, (0,dockerfile_facts/* chainBefore */.ty)(model, stage, instr));
                if (created.opaque.length > 0)
                    continue;
                const base = baseAccounts(model, stage);
                if (!base)
                    continue;
                const missing = names.filter(({ kind, name }) => kind === 'user'
                    ? !created.users.has(name) && !base.users.has(name)
                    : !created.groups.has(name) && !created.users.has(name) && !base.groups.has(name));
                if (missing.length === 0)
                    continue;
                const what = missing.map((m) => `${m.kind} ${m.name}`).join(' and ');
                const baseText = base.family === 'scratch'
                    ? 'scratch has no /etc/passwd'
                    : `the ${base.family} base image does not provide it`;
                const elsewhere = model.stages.some((s) => {
                    if (s === stage)
                        return false;
                    const acc = accountsIn(model, s.instructions);
                    return missing.some((m) => acc.users.has(m.name) || acc.groups.has(m.name));
                });
                const fix = numericChownFix(model, instr, chown, missing, stage);
                hits.push({
                    line: chown.line,
                    ...(fix ? { fix } : {}),
                    message: `${instr.keyword} --chown=${chown.raw} names ${what}, which no earlier step of this stage creates${elsewhere ? ' (it is created in another stage, which this one does not inherit)' : ''} and ${baseText}: the build fails, so use numeric ids such as --chown=10001:10001 or create the account first.`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/ownership/hc405-relative-workdir.ts



const hc405 = {
    meta: {
        id: 'HC405',
        title: 'Relative WORKDIR',
        severity: 'error',
        anchors: {
            hadolint: ['DL3000'],
            trivy: ['DS-0009'],
            checkov: ['CKV_DOCKER_10'],
            buildkit: ['WorkdirRelativePath'],
            kics: ['6b376af8'],
        },
        description: 'A relative WORKDIR is resolved against whatever working directory the base image left behind, so the files and the process land somewhere that changes when the base image does. Use an absolute path.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of model.instructions) {
            if (instr.keyword !== 'WORKDIR' || instr.stageIndex < 0)
                continue;
            const raw = instr.args.join(' ').replace(/^(["'])(.*)\1$/, '$2');
            if (!raw || isAbsolute(raw) || raw.startsWith('\\'))
                continue;
            let value = raw;
            if (raw.startsWith('$')) {
                const v = resolved(model, raw, instr);
                if (v === null)
                    continue; // depends on an unset build argument or base-image ENV: cannot tell
                if (v === '' || isAbsolute(v) || v.startsWith('\\'))
                    continue;
                value = v;
            }
            // Relative to an absolute WORKDIR set earlier in the stage chain: well defined.
            if (workdirAt(model, instr) !== null)
                continue;
            const shown = value === raw ? raw : `${raw} (= ${value})`;
            hits.push({
                line: instr.line,
                message: `WORKDIR ${shown} is relative and no absolute WORKDIR precedes it, so it depends on the base image's working directory: use an absolute path such as /${value.replace(/^\.?\/?/, '')}.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/ownership/hc406-workdir-after-nonroot-user.ts







const EXISTING = new Set([
    '/',
    '/tmp',
    '/var/tmp',
    '/usr',
    '/usr/local',
    '/opt',
    '/srv',
    '/var',
    '/var/lib',
    '/etc',
    '/home',
    '/root',
    '/run',
    '/var/run',
    '/var/log',
    '/var/cache',
]);
const hc406 = {
    meta: {
        id: 'HC406',
        title: 'WORKDIR created after a non-root USER',
        severity: 'note',
        anchors: {},
        description: 'WORKDIR creates a missing directory. After a non-root USER, BuildKit creates it owned by that user, but the classic builder, Podman and Buildah create it owned by root, so the user cannot write its own working directory there. Create and chown the directory while still root, or COPY --chown into it.',
    },
    check({ model }) {
        const hits = [];
        const seen = new Set();
        for (const stage of neededStages(model)) {
            let user = null;
            const created = [];
            for (const instr of (0,dockerfile_facts/* chainBefore */.ty)(model, stage)) {
                if (instr.keyword === 'USER') {
                    const v = resolved(model, instr.args.join(' '), instr);
                    user = v !== null && !(0,base_images/* isRootUser */.ar)(v) ? { name: v.split(':')[0], line: instr.line } : null;
                    continue;
                }
                if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
                    const { dest } = copyParts(instr);
                    const t = dest ? absoluteDest(model, instr, dest.value) : null;
                    if (t)
                        created.push(dest.value.endsWith('/') ? t : t.slice(0, Math.max(1, t.lastIndexOf('/'))));
                    continue;
                }
                if (instr.keyword === 'RUN') {
                    const wd = workdirAt(model, instr) ?? '/';
                    for (const cmd of simpleCommands(model, instr)) {
                        const i = cmd.words.findIndex((w) => w === 'mkdir' || w === 'install' || w === 'useradd' || w === 'adduser');
                        if (i < 0)
                            continue;
                        for (const p of cmd.words.slice(i + 1)) {
                            if (p.startsWith('-') || p.includes('$'))
                                continue;
                            created.push(p.startsWith('/') ? normalizePath(p) : joinPath(wd, p));
                        }
                    }
                    continue;
                }
                if (instr.keyword !== 'WORKDIR')
                    continue;
                const p = workdirSetBy(model, instr);
                if (p === null)
                    continue;
                const exists = EXISTING.has(p) || /^\/home\/[^/]+$/.test(p) || created.some((c) => isUnder(c, p));
                created.push(p);
                if (!user || exists || instr.stageIndex !== stage.index || seen.has(instr.line))
                    continue;
                seen.add(instr.line);
                hits.push({
                    line: instr.line,
                    message: `WORKDIR ${p} is created after USER ${user.name} (line ${user.line}): BuildKit gives it to ${user.name} but the classic builder, Podman and Buildah leave it owned by root, so create it before USER (RUN mkdir -p ${p} && chown ${user.name} ${p}) or COPY --chown=${user.name} into it.`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/ownership/hc407-copy-relative-dest-no-workdir.ts





/** Official images whose Dockerfile sets a WORKDIR that users rely on. */
const BASE_SETS_WORKDIR = new Set([
    'golang',
    'php',
    'tomcat',
    'jetty',
    'redis',
    'httpd',
    'jenkins/jenkins',
    'gradle',
    'haproxy',
    'wordpress',
    'drupal',
    'joomla',
    'nextcloud',
    'sonarqube',
    'odoo',
]);
const hc407 = {
    meta: {
        id: 'HC407',
        title: 'COPY to a relative destination with no WORKDIR set',
        severity: 'warning',
        anchors: { hadolint: ['DL3045'] },
        description: "Without a WORKDIR, a relative COPY/ADD destination is resolved against the base image's working directory (often `/`), so files land in the filesystem root or move when the base image changes. Set WORKDIR first or use an absolute destination.",
    },
    check({ model, trustedBaseImages }) {
        const hits = [];
        for (const stage of model.stages) {
            const base = (0,dockerfile_facts/* externalBase */.dR)(model, trustedBaseImages, stage);
            const ref = base?.resolved.complete ? base.resolved.value : '';
            const r = ref ? (0,base_images/* parseImageRef */.Q)(ref) : null;
            const known = base?.info ?? null;
            if (r && (BASE_SETS_WORKDIR.has(r.repo) || r.repo.startsWith('bitnami/') || known?.family === 'ubi'))
                continue;
            for (const instr of stage.instructions) {
                if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD')
                    continue;
                const { dest } = copyParts(instr);
                if (!dest || isAbsolute(dest.value) || dest.value.startsWith('\\'))
                    continue;
                const v = dest.value.includes('$') ? resolved(model, dest.value, instr) : dest.value;
                if (v === null || v === '' || isAbsolute(v))
                    continue;
                if (workdirAt(model, instr) !== null)
                    continue;
                const where = known
                    ? `resolves against ${known.family === 'scratch' ? "scratch's" : "the base image's"} working directory \`/\``
                    : "depends on the base image's working directory, which this Dockerfile does not show";
                hits.push({
                    line: dest.line,
                    message: `${instr.keyword} destination ${dest.value} is relative and no WORKDIR is set, so it ${where}: add WORKDIR /app (or similar) before it, or use an absolute destination.`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/ownership/hc408-copy-whole-filesystem.ts



const hc408 = {
    meta: {
        id: 'HC408',
        title: 'COPY of an entire filesystem from another stage',
        severity: 'warning',
        anchors: { hadolint: ['DL3067'] },
        description: 'Copying `/` from another stage brings everything that stage contains (compilers, caches, package databases, setuid binaries, leftover secrets) into this image and hides what the image really ships. Copy only the directories and files the application needs.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of model.instructions) {
            if (instr.keyword !== 'COPY' || instr.stageIndex < 0)
                continue;
            const from = flag(instr, 'from');
            if (!from)
                continue;
            const { sources, dest, heredoc } = copyParts(instr);
            if (heredoc || !dest)
                continue;
            const root = sources.find((s) => {
                const v = resolved(model, s.value, instr);
                return v !== null && (normalizePath(v) === '/' || v === '/*') && v.startsWith('/');
            });
            if (!root)
                continue;
            if (absoluteDest(model, instr, dest.value) !== '/')
                continue;
            hits.push({
                line: instr.line,
                message: `COPY --from=${from.value} ${root.value} ${dest.value} copies that stage's whole filesystem into this one: copy only the directories the application needs (e.g. COPY --from=${from.value} /app /app).`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/ownership/hc409-copy-multi-source-dest-not-dir.ts

const hc409 = {
    meta: {
        id: 'HC409',
        title: 'COPY with several sources to a destination not ending in /',
        severity: 'error',
        anchors: { hadolint: ['DL3021'], trivy: ['DS-0011'], kics: ['6db6e0c2'] },
        description: 'With more than one source, Docker requires the destination to be a directory written with a trailing `/`; otherwise the build fails ("When using COPY with more than one source file, the destination must be a directory and end with a /").',
    },
    check({ model }) {
        const hits = [];
        for (const instr of model.instructions) {
            if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.stageIndex < 0)
                continue;
            const { sources, dest, heredoc } = copyParts(instr);
            if (heredoc || !dest || sources.length < 2)
                continue;
            const v = resolved(model, dest.value, instr);
            if (v === null)
                continue;
            if (v.endsWith('/') || v.endsWith('\\'))
                continue;
            const fix = `${dest.value}/`;
            if (v === '.' || v === '..' || v.endsWith('/.') || v.endsWith('/..')) {
                hits.push({
                    line: dest.line,
                    severity: 'warning',
                    message: `${instr.keyword} has ${sources.length} sources and the destination ${dest.value} has no trailing slash: BuildKit accepts it but the classic builder and Kaniko fail, so write ${fix}.`,
                });
                continue;
            }
            hits.push({
                line: dest.line,
                message: `${instr.keyword} has ${sources.length} sources but the destination ${dest.value} does not end with /, so the build fails: write ${fix}.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/ownership/hc410-copy-from-own-stage.ts

const hc410 = {
    meta: {
        id: 'HC410',
        title: 'COPY --from references its own stage',
        severity: 'error',
        anchors: { hadolint: ['DL3023'], trivy: ['DS-0006'], kics: ['cdddb86f'] },
        description: "A stage cannot copy from itself: BuildKit reports a circular dependency and the classic builder tries to pull an image with the stage's name. Copy from an earlier stage, or use the files already in this stage.",
    },
    check({ model }) {
        const hits = [];
        for (const { stage, from, value: v } of copyFromRefs(model)) {
            const self = /^\d+$/.test(v)
                ? Number(v) === stage.index
                : stage.name !== null && v.toLowerCase() === stage.name;
            if (!self)
                continue;
            hits.push({
                line: from.line,
                message: `COPY --from=${from.value} refers to the stage it is in (${stage.name ?? `stage ${stage.index}`}): copy from an earlier stage, or drop --from and use the files already in this stage.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/ownership/hc411-copy-from-undefined-stage.ts


const hc411 = {
    meta: {
        id: 'HC411',
        title: 'COPY --from references an undefined stage',
        severity: 'warning',
        anchors: { hadolint: ['DL3022'], kics: ['68a51e22'] },
        description: 'COPY --from must name an earlier stage (by alias or index) or a full image reference. A mistyped alias is silently treated as an image name and the build tries to pull it; an index that is out of range or not earlier fails or depends on the builder.',
    },
    check({ model }) {
        const hits = [];
        for (const { stage, from, value: v } of copyFromRefs(model)) {
            if (v === '')
                continue;
            if (/^\d+$/.test(v)) {
                const n = Number(v);
                if (n < stage.index)
                    continue;
                if (n === stage.index)
                    continue; // HC410
                const what = n >= model.stages.length
                    ? `there are only ${model.stages.length} stage(s), numbered from 0`
                    : `stage ${n} comes after this one`;
                hits.push({
                    line: from.line,
                    message: `COPY --from=${from.value} does not name an earlier stage (${what}): reference an earlier stage by its AS name.`,
                });
                continue;
            }
            const name = v.toLowerCase();
            if (stage.name === name)
                continue; // HC410
            const target = model.stages.find((s) => s.name === name);
            if (target && target.index < stage.index)
                continue;
            if (target) {
                hits.push({
                    line: from.line,
                    message: `COPY --from=${from.value} names a stage defined later (line ${target.line}): BuildKit resolves it but the classic builder pulls an image of that name, so move stage ${v} before this one.`,
                });
                continue;
            }
            // Not a stage: Docker treats it as an image reference.
            if (/[:/@.]/.test(v) || (0,base_images/* describeBaseImage */.w4)(v) !== null)
                continue;
            const names = model.stages
                .slice(0, stage.index)
                .map((s) => s.name)
                .filter((s) => s !== null);
            const known = names.length ? ` (earlier stages: ${names.join(', ')})` : ' (no earlier stage is named)';
            hits.push({
                line: from.line,
                message: `COPY --from=${from.value} names no earlier stage${known}, so Docker will try to pull an image called ${v}: fix the alias, or write a full image reference with a tag.`,
            });
        }
        return hits;
    },
};

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/rules/ownership/dockerignore.ts
// Docker's .dockerignore semantics (moby/patternmatcher): one pattern a line, `#` comments,
// surrounding whitespace trimmed, paths cleaned (leading `/` and `./` dropped, trailing `/`
// ignored), `*` and `?` within one path segment, `**` across any number of segments, `[…]`
// classes, `\` escapes, `!` re-includes; the last matching pattern wins, and a pattern that
// matches a parent directory matches everything below it.

function cleanPath(p) {
    let c = external_node_path_.posix.normalize(p.replace(/\\/g, '/'));
    c = c.replace(/^\/+/, '').replace(/\/+$/, '');
    if (c === '' || c === '.')
        return '.';
    return c.replace(/^\.\//, '');
}
function toRegExp(pattern) {
    let re = '^';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*') {
            if (pattern[i + 1] === '*') {
                i++;
                while (pattern[i + 1] === '*')
                    i++;
                if (pattern[i + 1] === '/') {
                    i++;
                    re += i + 1 >= pattern.length ? '.*' : '(?:.*/)?';
                }
                else if (i + 1 >= pattern.length)
                    re += '.*';
                else
                    re += '.*';
            }
            else
                re += '[^/]*';
        }
        else if (c === '?')
            re += '[^/]';
        else if (c === '[') {
            const end = pattern.indexOf(']', i + 1);
            if (end < 0)
                re += '\\[';
            else {
                let cls = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
                if (cls.startsWith('^') || cls.startsWith('!'))
                    cls = '^' + cls.slice(1);
                re += `[${cls}]`;
                i = end;
            }
        }
        else if (c === '\\' && i + 1 < pattern.length) {
            i++;
            re += pattern[i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        }
        else
            re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    return new RegExp(re + '$');
}
function parseDockerignore(text) {
    const out = [];
    text.split(/\r?\n/).forEach((raw, k) => {
        let t = raw.trim();
        if (t === '' || t.startsWith('#'))
            return;
        let exclusion = true;
        if (t.startsWith('!')) {
            exclusion = false;
            t = t.slice(1).trim();
        }
        const cleaned = cleanPath(t);
        if (cleaned === '.')
            return;
        out.push({ text: t, exclusion, re: toRegExp(cleaned), line: k + 1 });
    });
    return out;
}
/** The pattern that decides a path (last match on the path or one of its parents), or null. */
function decidingPattern(patterns, path) {
    const p = cleanPath(path);
    const parts = p.split('/');
    const candidates = [];
    for (let k = 1; k <= parts.length; k++)
        candidates.push(parts.slice(0, k).join('/'));
    let decided = null;
    for (const pat of patterns) {
        if (candidates.some((c) => pat.re.test(c)))
            decided = pat;
    }
    return decided;
}
/** Is the path excluded from the build context, with no `!` exception that could re-include something below it? */
function isExcluded(patterns, path) {
    const p = cleanPath(path);
    if (p === '.' || p.startsWith('..'))
        return null;
    const d = decidingPattern(patterns, p);
    if (!d || !d.exclusion)
        return null;
    const after = patterns.slice(patterns.indexOf(d) + 1);
    // An exception after it that names something inside (or uses wildcards) may re-include files below.
    if (after.some((x) => !x.exclusion && (cleanPath(x.text).startsWith(p + '/') || /[*?[]/.test(x.text))))
        return null;
    return d;
}

;// CONCATENATED MODULE: ./src/rules/ownership/hc412-copy-ignored-file.ts

const hc412 = {
    meta: {
        id: 'HC412',
        title: 'COPY/ADD source excluded by .dockerignore',
        severity: 'error',
        anchors: { buildkit: ['CopyIgnoredFile'] },
        description: 'Files excluded by .dockerignore are not sent to the builder: a COPY of them fails with "not found", or a wildcard silently copies nothing.',
    },
    check({ model, dockerignore }) {
        if (!dockerignore)
            return [];
        const patterns = parseDockerignore(dockerignore);
        if (patterns.length === 0)
            return [];
        const hits = [];
        for (const instr of model.instructions) {
            if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD')
                continue;
            if (instr.flags.some((f) => f.name === 'from') || instr.heredocs.length > 0)
                continue;
            const words = instr.json ?? instr.args;
            if (words.length < 2)
                continue;
            for (const src of words.slice(0, -1)) {
                if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src) || src.startsWith('git@') || src.startsWith('<<'))
                    continue;
                const r = model.resolveWord(src, instr);
                if (!r.complete || /[*?[]/.test(r.value))
                    continue;
                const pat = isExcluded(patterns, r.value);
                if (!pat)
                    continue;
                hits.push({
                    line: instr.line,
                    message: `${instr.keyword} source ${src} is excluded by .dockerignore line ${pat.line} (${pat.exclusion ? '' : '!'}${pat.text}), so it never reaches the builder: remove it from .dockerignore or add a !${r.value.replace(/^\.?\//, '')} exception.`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/ownership/hc413-add-instead-of-copy.ts


const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)/i;
/** Archives ADD auto-extracts: tar, optionally compressed (gzip, bzip2, xz, zstd). */
const ARCHIVE = /\.(?:tar|tgz|taz|tbz|tbz2|tb2|txz|tzst|tar\.(?:gz|bz2|xz|zst|lz|lzma|z|Z))$/i;
const hc413 = {
    meta: {
        id: 'HC413',
        title: 'ADD used where COPY suffices',
        severity: 'warning',
        anchors: {
            hadolint: ['DL3020'],
            trivy: ['DS-0005'],
            dockle: ['CIS-DI-0009'],
            checkov: ['CKV_DOCKER_4'],
            kics: ['9513a694', '4b410d24'],
        },
        description: 'ADD also fetches URLs and unpacks archives, so a later change of a source file name can change what the instruction does. For local files and directories COPY is explicit; keep ADD for remote URLs (with --checksum), git sources and tar archives you want unpacked.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of model.instructions) {
            if (instr.keyword !== 'ADD' || instr.stageIndex < 0)
                continue;
            if (instr.flags.some((f) => ['checksum', 'keep-git-dir', 'unpack'].includes(f.name)))
                continue;
            const { sources, heredoc } = copyParts(instr);
            if (sources.length === 0)
                continue;
            let needsAdd = false;
            let unknown = false;
            for (const s of sources) {
                if (heredoc && s.value.startsWith('<<'))
                    continue;
                const v = resolved(model, s.value, instr);
                if (v === null) {
                    unknown = true;
                    continue;
                }
                if (REMOTE.test(v) || ARCHIVE.test(v))
                    needsAdd = true;
            }
            if (needsAdd || unknown)
                continue;
            const hit = {
                line: instr.line,
                message: `ADD copies only local files here: use COPY, and keep ADD for remote URLs (with --checksum), git sources and tar archives to unpack.`,
            };
            if (instr.line === instr.endLine) {
                const text = model.lines[instr.line - 1] ?? '';
                const m = /^(\s*)(add)\b/i.exec(text);
                if (m) {
                    const kw = m[2] === 'add' ? 'copy' : m[2] === 'Add' ? 'Copy' : 'COPY';
                    hit.fix = replaceLine(instr.line, m[1] + kw + text.slice(m[0].length), 'Replace ADD with COPY');
                }
            }
            hits.push(hit);
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/ownership/hc414-dev-files-copied.ts


const DEV = /^(?:\.svn|\.hg|\.vscode|\.idea|\.DS_Store|\.cache|\.npm|node_modules|Dockerfile|Dockerfile\..+|.+\.Dockerfile|Containerfile|(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml)$/i;
const hc414 = {
    meta: {
        id: 'HC414',
        title: 'Development files copied into the final image',
        severity: 'note',
        anchors: { dockle: ['DKL-LI-0003'] },
        description: 'Repository metadata, editor settings, build files and a host node_modules add size, can leak history or credentials (.git), and do nothing at runtime. Copy only what the application needs, and exclude the rest in .dockerignore.',
    },
    check({ model }) {
        const hits = [];
        for (const stage of shippedStages(model)) {
            for (const instr of stage.instructions) {
                if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD')
                    continue;
                if (flag(instr, 'from'))
                    continue; // from a build stage, not the host
                const { sources, heredoc } = copyParts(instr);
                for (const s of sources) {
                    if (heredoc && s.value.startsWith('<<'))
                        continue;
                    const v = resolved(model, s.value, instr);
                    if (v === null || /^[a-z][a-z0-9+.-]*:\/\//i.test(v))
                        continue;
                    const base = v
                        .replace(/[\\/]+$/, '')
                        .split(/[\\/]/)
                        .pop() ?? '';
                    if (!DEV.test(base))
                        continue;
                    const why = /^node_modules$/i.test(base)
                        ? 'a host node_modules is built for the host platform and may hold dev dependencies: run npm ci in the image or copy it from a build stage'
                        : 'it is not needed at runtime: remove it from the COPY and list it in .dockerignore';
                    hits.push({
                        line: s.line,
                        message: `${instr.keyword} copies ${s.value} into the shipped image; ${why}.`,
                    });
                }
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/ownership/hc415-chown-on-windows.ts

const hc415 = {
    meta: {
        id: 'HC415',
        title: '--chown/--chmod on a Windows build',
        severity: 'error',
        anchors: {},
        description: 'COPY/ADD --chown and --chmod work only for Linux containers: Windows has no /etc/passwd to resolve names and no POSIX modes. Set permissions on Windows with icacls in a RUN step, or run as ContainerUser.',
    },
    check({ model }) {
        const hits = [];
        for (const stage of model.stages) {
            const win = windowsStage(model, stage);
            if (!win)
                continue;
            for (const instr of stage.instructions) {
                if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD')
                    continue;
                for (const f of instr.flags) {
                    if (f.name !== 'chown' && f.name !== 'chmod')
                        continue;
                    hits.push({
                        line: f.line,
                        message: `${instr.keyword} --${f.name} is not supported on Windows builds (${win.reason}): drop the flag and set permissions with icacls in a RUN step.`,
                    });
                }
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/practice/hc501-from-without-tag.ts
// HC501: FROM names an image without a tag (or digest), so Docker pulls `:latest`.
// Not for `scratch`, not for an earlier stage's name, and not for `FROM ${BASE}` whose
// value (ARG default or build arg) carries a tag; an ARG without a value is left alone.

const hc501 = {
    meta: {
        id: 'HC501',
        title: 'FROM without a tag',
        severity: 'warning',
        anchors: { hadolint: ['DL3006'], trivy: ['DS-0001'], checkov: ['CKV_DOCKER_7'], kics: ['9efb0b2d'] },
        description: 'An image without a tag means `:latest`, which moves: the next build silently gets another base image, another libc or another major version.',
    },
    check({ model }) {
        const hits = [];
        for (const stage of model.stages) {
            const { raw, resolved, stageRef } = stage.from;
            if (stageRef !== null || !raw)
                continue;
            if (!resolved.complete || !resolved.value)
                continue; // unknown build arg: not guessed
            if (resolved.value.toLowerCase() === 'scratch')
                continue;
            const ref = (0,base_images/* parseImageRef */.Q)(resolved.value);
            if (ref.tag !== null || ref.digest !== null)
                continue;
            const shown = raw === resolved.value ? raw : `${raw} (= ${resolved.value})`;
            hits.push({
                line: stage.fromInstr.line,
                message: `FROM ${shown} has no tag, so Docker pulls :latest: pin a version tag such as ${resolved.value}:<version> (or a digest).`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/practice/hc502-from-latest.ts
// HC502: FROM <image>:latest. A digest next to the tag pins the image, so it is not flagged.

const hc502 = {
    meta: {
        id: 'HC502',
        title: 'FROM uses the latest tag',
        severity: 'warning',
        anchors: {
            hadolint: ['DL3007'],
            trivy: ['DS-0001'],
            dockle: ['DKL-DI-0006'],
            checkov: ['CKV_DOCKER_7'],
            kics: ['f45ea400'],
        },
        description: '`:latest` is whatever was pushed last: builds are not reproducible and a new major version can break the image without any change in the repository.',
    },
    check({ model }) {
        const hits = [];
        for (const stage of model.stages) {
            const { raw, resolved, stageRef } = stage.from;
            if (stageRef !== null || !resolved.complete || !resolved.value)
                continue;
            const ref = (0,base_images/* parseImageRef */.Q)(resolved.value);
            if (ref.tag?.toLowerCase() !== 'latest' || ref.digest !== null)
                continue;
            const shown = raw === resolved.value ? raw : `${raw} (= ${resolved.value})`;
            hits.push({
                line: stage.fromInstr.line,
                message: `FROM ${shown} uses the moving :latest tag: pin a version tag (or a digest) so rebuilds get the same base image.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/practice/hc503-base-not-pinned-by-digest.ts
// HC503: the shipped image's base (root of the target stage's FROM chain) has no digest.
// Builder stages are not reported: their bytes do not ship.


const hc503 = {
    meta: {
        id: 'HC503',
        title: 'Final base image not pinned by digest',
        severity: 'note',
        anchors: { hadolint: ['(DL3007 exempts digests)'] },
        description: 'A tag can be re-pushed: only a digest (`image:tag@sha256:…`) guarantees that a rebuild ships the same base image. Let Renovate or Dependabot update the digest.',
    },
    check({ model, trustedBaseImages }) {
        const base = (0,dockerfile_facts/* externalBase */.dR)(model, trustedBaseImages);
        if (!base || !base.resolved.complete || !base.resolved.value)
            return [];
        const value = base.resolved.value;
        if (value.toLowerCase() === 'scratch')
            return [];
        if ((0,base_images/* parseImageRef */.Q)(value).digest !== null)
            return [];
        return [
            {
                line: base.stage.fromInstr.line,
                message: `The shipped image's base ${value} is not pinned by digest: use ${value}@sha256:<digest> and let Renovate or Dependabot keep it current.`,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/rules/practice/hc504-from-platform.ts
const hc504 = {
    meta: {
        id: 'HC504',
        title: 'FROM --platform with a constant or redundant value',
        severity: 'warning',
        anchors: {
            hadolint: ['DL3029', 'DL3065'],
            buildkit: ['FromPlatformFlagConstDisallowed', 'RedundantTargetPlatform', 'InvalidBaseImagePlatform'],
            kics: ['b16e8501'],
        },
        description: 'A hard-coded `--platform` makes multi-platform builds impossible and, on another host, emulates the wrong architecture; `$TARGETPLATFORM` is already the default.',
    },
    check({ model }) {
        const hits = [];
        for (const stage of model.stages) {
            const flag = stage.fromInstr.flags.find((f) => f.name === 'platform');
            if (!flag || flag.value === null)
                continue;
            const value = flag.value.replace(/^["']|["']$/g, '');
            if (/^\$\{?TARGETPLATFORM\}?$/.test(value)) {
                hits.push({
                    line: flag.line,
                    message: `FROM --platform=${value} is redundant (it is the default target platform): remove the flag.`,
                });
                continue;
            }
            if (value.includes('$'))
                continue;
            const parts = value.toLowerCase().split('/').filter(Boolean);
            const name = stage.name ?? '';
            if (name && parts.some((p) => p !== 'linux' && name.includes(p)))
                continue;
            hits.push({
                line: flag.line,
                message: `FROM --platform=${value} pins the stage to one platform: drop it and pass --platform at build time, or use $BUILDPLATFORM for cross-compiling builder stages.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/practice/hc507-casing.ts
function casing(word) {
    if (word === word.toUpperCase())
        return 'upper';
    if (word === word.toLowerCase())
        return 'lower';
    return 'mixed';
}
/** The keyword as written in the source line. */
function writtenKeyword(lines, instr) {
    return /^\s*([A-Za-z]+)/.exec(lines[instr.line - 1] ?? '')?.[1] ?? instr.keyword;
}
const hc507 = {
    meta: {
        id: 'HC507',
        title: 'Inconsistent casing',
        severity: 'note',
        anchors: { buildkit: ['StageNameCasing', 'FromAsCasing', 'ConsistentInstructionCasing'] },
        description: 'Stage names are case-insensitive but shown lowercase, and mixed keyword casing makes a Dockerfile harder to read and to grep; BuildKit warns about all three.',
    },
    check({ model }) {
        const hits = [];
        const written = model.instructions.map((i) => ({ instr: i, kw: writtenKeyword(model.lines, i) }));
        const upper = written.filter((w) => casing(w.kw) === 'upper').length;
        const lower = written.filter((w) => casing(w.kw) === 'lower').length;
        const majority = lower > upper ? 'lower' : 'upper';
        for (const { instr, kw } of written) {
            if (casing(kw) !== majority) {
                const want = majority === 'upper' ? kw.toUpperCase() : kw.toLowerCase();
                hits.push({
                    line: instr.line,
                    message: `Instruction ${kw} is not cased like the rest of the file: write ${want}.`,
                });
            }
        }
        for (const stage of model.stages) {
            const args = stage.fromInstr.args;
            const asIdx = args.findIndex((a) => a.toLowerCase() === 'as');
            if (asIdx < 0)
                continue;
            const asWord = args[asIdx];
            const fromWord = writtenKeyword(model.lines, stage.fromInstr);
            const fromCase = casing(fromWord);
            if (fromCase !== 'mixed' && casing(asWord) !== fromCase) {
                hits.push({
                    line: stage.fromInstr.line,
                    message: `'${asWord}' and '${fromWord}' are cased differently: write ${fromCase === 'upper' ? 'AS' : 'as'}.`,
                });
            }
            const name = args[asIdx + 1];
            if (name && name !== name.toLowerCase()) {
                hits.push({
                    line: stage.fromInstr.line,
                    message: `Stage name ${name} is not lowercase: write ${name.toLowerCase()} (and use that spelling in COPY --from and --target).`,
                });
            }
        }
        for (const d of model.directives) {
            if (d.name !== d.name.toLowerCase()) {
                hits.push({
                    line: d.line,
                    message: `Parser directive ${d.name} should be lowercase: write # ${d.name.toLowerCase()}=${d.value}.`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/practice/hc508-maintainer.ts
const hc508 = {
    meta: {
        id: 'HC508',
        title: 'MAINTAINER is deprecated',
        severity: 'warning',
        anchors: {
            hadolint: ['DL4000'],
            trivy: ['DS-0022'],
            checkov: ['CKV_DOCKER_6'],
            buildkit: ['MaintainerDeprecated'],
            kics: ['99614418'],
        },
        description: 'MAINTAINER has been deprecated since Docker 1.13; tools read the author from the `org.opencontainers.image.authors` label.',
    },
    check({ model }) {
        return model.instructions
            .filter((i) => i.keyword === 'MAINTAINER')
            .map((i) => {
            const who = i.text.replace(/"/g, '\\"');
            return {
                line: i.line,
                message: `MAINTAINER is deprecated: write LABEL org.opencontainers.image.authors="${who}" instead.`,
            };
        });
    },
};

;// CONCATENATED MODULE: ./src/rules/practice/hc509-first-instruction.ts
const hc509 = {
    meta: {
        id: 'HC509',
        title: 'Dockerfile does not start with FROM',
        severity: 'error',
        anchors: { hadolint: ['DL3061'] },
        description: 'Only ARG, comments and parser directives may precede the first FROM: any other instruction makes the build fail ("no build stage in current context").',
    },
    check({ model }) {
        const first = model.instructions.find((i) => i.keyword !== 'ARG');
        if (first && first.keyword !== 'FROM') {
            return [
                {
                    line: first.line,
                    message: `${first.keyword} comes before the first FROM: only ARG, comments and parser directives may precede FROM; move it into a stage.`,
                },
            ];
        }
        if (!first && model.instructions.length > 0) {
            const last = model.instructions[model.instructions.length - 1];
            return [
                { line: last.line, message: 'The Dockerfile has no FROM: add FROM <image> after the global ARGs.' },
            ];
        }
        return [];
    },
};

;// CONCATENATED MODULE: ./src/rules/practice/hc512-pipe-without-pipefail.ts
// HC512: a RUN pipes commands without `pipefail`, so only the last command's exit status
// counts (`curl … | tar -x` "succeeds" when the download fails). Pipefail counts when it is set
// by SHELL ["/bin/bash", "-o", "pipefail", "-c"], by `set -o pipefail` earlier in the same
// script, by the shell of a heredoc (`RUN <<EOF bash -o pipefail`, a shebang) or inside a
// heredoc body. Exec-form RUN has no pipes; powershell/cmd shells are out of scope.
// Pipelines fed only by echo/printf/yes/true are not reported (nothing to hide; `yes |` would
// even fail with pipefail when its reader exits).


const HARMLESS_SOURCES = new Set(['echo', 'printf', 'yes', 'true', 'cat']);
function setsPipefail(args) {
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (/^-[A-Za-z]*o$/.test(a) && args[i + 1] === 'pipefail')
            return true;
        if (/^\+[A-Za-z]*o$/.test(a) && args[i + 1] === 'pipefail')
            return false;
    }
    return null;
}
const hc512 = {
    meta: {
        id: 'HC512',
        title: 'Pipe without pipefail',
        severity: 'warning',
        anchors: { hadolint: ['DL4006'], kics: ['efbf148a'] },
        description: 'A shell pipeline returns the exit status of its last command: `curl -fsSL … | tar -xz` succeeds when the download fails, and the image ships without the files. `pipefail` makes any failing command fail the RUN.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of model.instructions) {
            if (instr.keyword !== 'RUN' || instr.json)
                continue;
            for (const script of (0,shell_script/* scriptsOf */.Sf)(instr, model)) {
                if (script.shell.kind !== 'posix')
                    continue;
                let pipefail = script.shell.pipefail;
                const cmds = (0,commands/* commandsOfScript */.FW)(script);
                const byPipeline = new Map();
                for (const x of cmds)
                    byPipeline.set(x.pipeline, [...(byPipeline.get(x.pipeline) ?? []), x]);
                let reported = false;
                for (let k = 0; k < cmds.length && !reported; k++) {
                    const c = cmds[k];
                    const eff = (0,commands/* effectiveCommand */.l1)(c);
                    if (eff.name === 'set' && c.depth === 0) {
                        const on = setsPipefail(eff.args);
                        if (on !== null)
                            pipefail = on;
                        continue;
                    }
                    if (!c.pipedTo || pipefail)
                        continue;
                    // the first command of this pipeline; skip pipelines whose feeders cannot fail
                    const members = byPipeline.get(c.pipeline) ?? [c];
                    const feeders = members.slice(0, -1);
                    if (feeders.every((f) => HARMLESS_SOURCES.has((0,commands/* effectiveCommand */.l1)(f).name) &&
                        !((0,commands/* effectiveCommand */.l1)(f).name === 'cat' && f.args.length > 0))) {
                        k += members.length - 1;
                        continue;
                    }
                    const last = members[members.length - 1];
                    const sh = script.shell.name;
                    const how = script.kind === 'heredoc'
                        ? 'add `set -o pipefail` at the top of the heredoc script'
                        : sh === 'bash' || sh === 'ash' || sh === 'zsh' || sh === 'ksh'
                            ? 'start the command with `set -o pipefail &&` or use SHELL ["/bin/' +
                                sh +
                                '", "-o", "pipefail", "-c"]'
                            : 'add SHELL ["/bin/bash", "-o", "pipefail", "-c"] before it (or `set -o pipefail &&` where /bin/sh supports it, e.g. BusyBox ash on Alpine)';
                    hits.push({
                        line: c.line,
                        message: `${eff.name} is piped into ${(0,commands/* effectiveCommand */.l1)(last).name} without pipefail, so a failure of ${eff.name} is hidden: ${how}.`,
                    });
                    reported = true;
                }
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/practice/hc514-run-cd.ts
// HC514: a RUN that starts with `cd dir && …` (or whose heredoc script starts with `cd dir`)
// moves the whole instruction into another directory: that is what WORKDIR is for.
// A `cd` later in the RUN (into a freshly unpacked source tree), inside a subshell
// `(cd x && make)`, or `cd -`/`cd ..` is not reported: WORKDIR is no replacement there.
// (hadolint DL3003 flags every `cd`; this rule reports the subset WORKDIR actually fixes.)


const hc514 = {
    meta: {
        id: 'HC514',
        title: 'RUN cd instead of WORKDIR',
        severity: 'note',
        anchors: { hadolint: ['DL3003'], trivy: ['DS-0013'], kics: ['f4a6bcd3'] },
        description: '`RUN cd /app && …` changes directory for one instruction only; WORKDIR sets it for every following instruction and for the container, and keeps RUN lines short.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of model.instructions) {
            if (instr.keyword !== 'RUN' || instr.json)
                continue;
            for (const script of (0,shell_script/* scriptsOf */.Sf)(instr, model)) {
                // `set -e` and friends before the cd do not change what the RUN does
                const cmds = (0,commands/* commandsOfScript */.FW)(script).filter((c, k, all) => !(c.name === 'set' && all.slice(0, k).every((p) => p.name === 'set')));
                const first = cmds[0];
                if (!first || first.name !== 'cd' || first.depth > 0 || first.inPipeline)
                    continue;
                const dir = first.args.filter((a) => a !== '-P' && a !== '-L' && a !== '--')[0];
                if (!dir || dir === '-' || dir.startsWith('..') || dir.startsWith('$(') || dir.startsWith('`'))
                    continue;
                if (cmds.length === 1 && script.kind === 'run') {
                    hits.push({
                        line: first.line,
                        message: `RUN cd ${dir} has no effect on later instructions: use WORKDIR ${dir}.`,
                    });
                    break;
                }
                hits.push({
                    line: first.line,
                    message: `The RUN starts with cd ${dir}: put WORKDIR ${dir} before it and drop the cd.`,
                });
                break;
            }
        }
        return hits;
    },
};

// EXTERNAL MODULE: ./src/shell/package-managers.ts
var package_managers = __webpack_require__(6459);
;// CONCATENATED MODULE: ./src/rules/practice/hc515-package-update-upgrade.ts

const UPDATE = {
    'apt-get': ['update'],
    apt: ['update'],
    apk: ['update'],
    zypper: ['refresh', 'ref'],
    yum: ['makecache'],
    dnf: ['makecache'],
};
const hc515 = {
    meta: {
        id: 'HC515',
        title: 'Package index update alone, dist-upgrade, or apt instead of apt-get',
        severity: 'warning',
        anchors: {
            hadolint: ['DL3027', 'DL3035'],
            trivy: ['DS-0017', 'DS-0024'],
            dockle: ['CIS-DI-0007', 'DKL-DI-0003'],
            checkov: ['CKV_DOCKER_5', 'CKV_DOCKER_9'],
            kics: ['9bae49be', '682fe378', 'b84a0b47'],
        },
        description: 'An `apt-get update` in its own RUN is cached as a layer: a later `apt-get install` uses a stale index and fails or installs old versions. `dist-upgrade` can move the image to another release; `apt` warns that its CLI is not stable for scripts.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of model.instructions) {
            if (instr.keyword !== 'RUN')
                continue;
            const calls = (0,package_managers/* pmCallsOf */.sS)(instr, model);
            for (const c of calls) {
                if (c.manager === 'apt' && c.sub) {
                    hits.push({
                        line: c.line,
                        message: `apt ${c.sub} uses apt's interactive CLI, which is not stable for scripts: use apt-get ${c.sub === 'full-upgrade' ? 'dist-upgrade' : c.sub} instead.`,
                    });
                }
                if (((c.manager === 'apt-get' || c.manager === 'apt') &&
                    (c.sub === 'dist-upgrade' || c.sub === 'full-upgrade')) ||
                    (c.manager === 'zypper' && (c.sub === 'dist-upgrade' || c.sub === 'dup'))) {
                    hits.push({
                        line: c.line,
                        message: `${c.manager} ${c.sub} can move the image to another distribution release: use a newer base image tag instead (or a plain upgrade for security fixes).`,
                    });
                }
            }
            const update = calls.find((c) => UPDATE[c.manager]?.includes(c.sub));
            if (update &&
                !calls.some(package_managers/* isInstall */.OK) &&
                !calls.some((c) => c.sub === 'upgrade' ||
                    c.sub === 'dist-upgrade' ||
                    c.sub === 'full-upgrade' ||
                    (c.sub === 'update' && (c.manager === 'yum' || c.manager === 'dnf')))) {
                hits.push({
                    line: update.line,
                    message: `${update.manager} ${update.sub} runs in a RUN that installs nothing: its cached layer makes later installs use a stale index; update and install in the same RUN.`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/practice/hc516-package-hygiene.ts



const MAX_NAMES = 3;
function hasYes(c) {
    if (c.options.some((o) => o === '--yes' ||
        o === '--assume-yes' ||
        o === '--assumeyes' ||
        o === '-qq' ||
        /^-[a-z]*y[a-z]*$/.test(o)))
        return true;
    if ((c.values.get('-q') ?? []).includes('2'))
        return true;
    if ((c.values.get('-o') ?? []).some((v) => /^APT::Get::Assume-Yes=(true|1|yes)$/i.test(v)))
        return true;
    return false;
}
function removes(cmds, paths) {
    return cmds.some((c) => {
        const e = (0,commands/* effectiveCommand */.l1)(c);
        return e.name === 'rm' && e.args.some((a) => paths.test(a));
    });
}
function runs(cmds, name, ...args) {
    return cmds.some((c) => {
        const e = (0,commands/* effectiveCommand */.l1)(c);
        return name.test(e.name) && args.every((a, k) => e.args.filter((x) => !x.startsWith('-'))[k] === a);
    });
}
function cacheIssue(c, instr, cmds, pipNoCache) {
    const mounts = (0,package_managers/* cacheMountTargets */.ug)(instr);
    const mounted = (re) => mounts.some((t) => re.test(t));
    switch (c.manager) {
        case 'apt-get':
        case 'apt':
            if (mounted(/^\/var\/lib\/apt/) ||
                removes(cmds, /^\/var\/lib\/apt\/lists/) ||
                runs(cmds, /^apt(-get)?$/, 'dist-clean'))
                return null;
            return 'remove /var/lib/apt/lists/* in the same RUN (or use --mount=type=cache,target=/var/lib/apt)';
        case 'apk':
            if (c.options.includes('--no-cache') ||
                mounted(/^\/(var\/cache\/apk|etc\/apk\/cache)/) ||
                removes(cmds, /^\/(var\/cache\/apk|etc\/apk\/cache)/))
                return null;
            return 'use apk add --no-cache (or a cache mount on /var/cache/apk)';
        case 'yum':
        case 'dnf':
        case 'microdnf':
        case 'tdnf':
            if (mounted(/^\/var\/cache\/(yum|dnf|libdnf5)/) ||
                removes(cmds, /^\/var\/cache\/(yum|dnf|libdnf5)/) ||
                runs(cmds, /^(yum|dnf|dnf5|microdnf|tdnf)$/, 'clean', 'all'))
                return null;
            return `run ${c.manager} clean all in the same RUN (or use a cache mount on /var/cache/${c.manager === 'yum' ? 'yum' : 'dnf'})`;
        case 'zypper':
            if (mounted(/^\/var\/cache\/zypp/) ||
                removes(cmds, /^\/var\/cache\/zypp/) ||
                runs(cmds, /^zypper$/, 'clean') ||
                runs(cmds, /^zypper$/, 'cc'))
                return null;
            return 'run zypper clean --all in the same RUN';
        case 'pip':
            if (pipNoCache ||
                c.options.includes('--no-cache-dir') ||
                c.cmd.assignments.some((a) => a.name === 'PIP_NO_CACHE_DIR'))
                return null;
            if (mounted(/\.cache(\/pip)?\/?$/) ||
                removes(cmds, /\.cache\/pip|^\/root\/\.cache/) ||
                runs(cmds, /^pip(\d+(\.\d+)?)?$/, 'cache', 'purge'))
                return null;
            return 'use pip install --no-cache-dir (or set PIP_NO_CACHE_DIR=1, or a cache mount on /root/.cache/pip)';
        case 'yarn':
            if (mounted(/yarn/) || runs(cmds, /^yarn$/, 'cache', 'clean'))
                return null;
            return 'run yarn cache clean in the same RUN (or use a cache mount)';
        default:
            return null;
    }
}
const hc516 = {
    meta: {
        id: 'HC516',
        title: 'Package-manager hygiene',
        severity: 'note',
        anchors: {
            hadolint: [
                'DL3008',
                'DL3009',
                'DL3013',
                'DL3014',
                'DL3015',
                'DL3016',
                'DL3018',
                'DL3019',
                'DL3028',
                'DL3030',
                'DL3032',
                'DL3033',
                'DL3034',
                'DL3036',
                'DL3037',
                'DL3038',
                'DL3040',
                'DL3041',
                'DL3042',
                'DL3060',
                'DL3062',
            ],
            trivy: ['DS-0015', 'DS-0019', 'DS-0020', 'DS-0021', 'DS-0025', 'DS-0027', 'DS-0029'],
            dockle: ['DKL-DI-0004', 'DKL-DI-0005'],
            kics: [
                '965a08d7',
                '77783205',
                'df746b39',
                '7384dfb2',
                'ae9c56a6',
                'd3499f6d',
                'f2f903fb',
                '02d9c71f',
                'e36d8880',
                '22cd11f7',
            ],
        },
        description: 'Installs that prompt abort the build; unpinned packages make rebuilds differ; recommended packages and package caches left in a shipped layer add size and attack surface. Builder stages only need the first two.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of model.instructions) {
            if (instr.keyword !== 'RUN')
                continue;
            const calls = (0,package_managers/* pmCallsOf */.sS)(instr, model).filter(package_managers/* isInstall */.OK);
            if (calls.length === 0)
                continue;
            const cmds = (0,commands/* commandsOf */.Kf)(instr, model);
            const ships = isShipped(model, instr);
            const pipEnv = model.scope(instr).get('PIP_NO_CACHE_DIR');
            const pipNoCache = pipEnv !== undefined && pipEnv !== null && pipEnv !== '';
            const issues = [];
            let line = null;
            const add = (c, issue) => {
                if (!issues.includes(issue))
                    issues.push(issue);
                line ??= c.line;
            };
            for (const c of calls) {
                const label = `${c.manager} ${c.sub}`.trim();
                const fedByYes = c.cmd.before === '|' &&
                    cmds.some((x) => x.pipeline === c.cmd.pipeline &&
                        x.script === c.cmd.script &&
                        (0,commands/* effectiveCommand */.l1)(x).name === 'yes');
                if ((c.manager === 'apt-get' ||
                    c.manager === 'apt' ||
                    c.manager === 'yum' ||
                    c.manager === 'dnf' ||
                    c.manager === 'tdnf') &&
                    !hasYes(c) &&
                    !fedByYes) {
                    add(c, `add -y to ${label} (a prompt aborts the build)`);
                }
                if (c.manager === 'zypper' &&
                    !c.options.some((o) => ['-n', '--non-interactive', '-y', '--no-confirm'].includes(o))) {
                    add(c, `add -n to zypper (zypper -n ${c.sub})`);
                }
                // packages: operands, plus gem's -v pins everything, go/npm/yarn/pip need explicit specs
                let packages = c.operands;
                if (c.manager === 'gem' && (c.values.has('-v') || c.values.has('--version')))
                    packages = [];
                if (c.manager === 'pip' && (c.options.includes('-U') || c.options.includes('--upgrade'))) {
                    packages = packages.filter((p) => !['pip', 'setuptools', 'wheel'].includes(p));
                }
                const unpinned = packages.filter((p) => !(0,package_managers/* isPinned */.T4)(c.manager, p));
                if (unpinned.length > 0) {
                    const shown = unpinned.slice(0, MAX_NAMES).join(', ') + (unpinned.length > MAX_NAMES ? ', …' : '');
                    add(c, `pin versions for ${label} (${shown})`);
                }
                if (!ships)
                    continue;
                if ((c.manager === 'apt-get' || c.manager === 'apt') &&
                    !c.options.includes('--no-install-recommends') &&
                    !(c.values.get('-o') ?? []).some((v) => /^APT::Install-Recommends=(false|0|no)$/i.test(v))) {
                    add(c, `add --no-install-recommends to ${label}`);
                }
                const cache = cacheIssue(c, instr, cmds, pipNoCache);
                if (cache)
                    add(c, cache);
            }
            if (issues.length > 0 && line !== null) {
                hits.push({ line, message: `Package-manager hygiene: ${issues.join('; ')}.` });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/practice/hc517-wget-and-curl.ts
// HC517: one stage runs both wget and curl. Per stage (trivy#10333: tools used in different
// stages are not a problem), and only commands actually run (`apt-get install curl wget` is not).

const hc517 = {
    meta: {
        id: 'HC517',
        title: 'Both wget and curl used in one stage',
        severity: 'note',
        anchors: { hadolint: ['DL4001'], trivy: ['DS-0014'], kics: ['fc775e75'] },
        description: 'Two download tools in one stage is one more package to install, patch and scan: pick one.',
    },
    check({ model }) {
        const hits = [];
        for (const stage of model.stages) {
            const first = { curl: null, wget: null };
            for (const instr of stage.instructions) {
                if (instr.keyword !== 'RUN')
                    continue;
                for (const c of (0,commands/* commandsOf */.Kf)(instr, model)) {
                    const name = (0,commands/* effectiveCommand */.l1)(c).name;
                    if ((name === 'curl' || name === 'wget') && first[name] === null)
                        first[name] = c.line;
                }
            }
            if (first.curl !== null && first.wget !== null) {
                const [later, other] = first.curl > first.wget ? ['curl', 'wget'] : ['wget', 'curl'];
                hits.push({
                    line: first[later],
                    message: `This stage uses ${later} here and ${other} on line ${first[other]}: use one download tool throughout the stage.`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/practice/hc518-interactive-command.ts
// HC518: commands that make no sense in a build step: interactive tools (vim, ssh, top), service
// management (service, shutdown) and host/process tools (kill, mount, ifconfig, free).
// Only command names count: `apt-get install vim` or `echo ssh` are not reported, and `ssh` with
// a `--mount=type=ssh` (e.g. `ssh-keyscan`/`ssh -T` for private git) is allowed.

const POINTLESS = {
    ssh: 'nothing answers an interactive session during a build; use RUN --mount=type=ssh for private git',
    vim: 'there is no terminal during a build; write files with COPY or a heredoc',
    vi: 'there is no terminal during a build; write files with COPY or a heredoc',
    nano: 'there is no terminal during a build; write files with COPY or a heredoc',
    top: 'it shows the build container, which is gone after the step',
    htop: 'it shows the build container, which is gone after the step',
    free: 'it reports the build host, not the runtime container',
    service: 'services started in a RUN stop when the step ends; start processes in CMD/ENTRYPOINT',
    shutdown: 'there is no init to shut down in a build step',
    reboot: 'there is no init to reboot in a build step',
    halt: 'there is no init to halt in a build step',
    poweroff: 'there is no init to power off in a build step',
    kill: 'processes of a RUN end with the step anyway',
    mount: 'mounting needs privileges a build does not have; use RUN --mount',
    ifconfig: 'the build network is not the runtime network',
};
const hc518 = {
    meta: {
        id: 'HC518',
        title: 'Interactive or pointless command in RUN',
        severity: 'note',
        anchors: { hadolint: ['DL3001'], kics: ['9b6b0f38'] },
        description: 'A RUN step has no terminal, no init and no lasting processes: editors hang, services stop when the step ends, and host tools report the build sandbox.',
    },
    check({ model }) {
        const hits = [];
        for (const instr of model.instructions) {
            if (instr.keyword !== 'RUN')
                continue;
            const sshMount = instr.flags.some((f) => f.name === 'mount' && /(^|,)type=ssh(,|$)/.test(f.value ?? ''));
            for (const c of (0,commands/* commandsOf */.Kf)(instr, model)) {
                const name = (0,commands/* effectiveCommand */.l1)(c).name;
                const why = Object.hasOwn(POINTLESS, name) ? POINTLESS[name] : undefined;
                if (!why || (name === 'ssh' && sshMount))
                    continue;
                hits.push({ line: c.line, message: `${name} in a RUN is pointless: ${why}.` });
                break;
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/practice/hc519-consecutive-run.ts
const plain = (i) => i.keyword === 'RUN' && i.json === null && i.flags.length === 0 && i.heredocs.length === 0;
const hc519 = {
    meta: {
        id: 'HC519',
        title: 'Consecutive RUN instructions',
        severity: 'note',
        anchors: { hadolint: ['DL3059'], kics: ['0008c003'] },
        description: 'Every RUN is a layer: files deleted in a later RUN still ship in the earlier layer, and many small layers slow pulls. Join related commands with `&&`.',
    },
    check({ model }) {
        const hits = [];
        for (const stage of model.chain()) {
            const list = stage.instructions;
            for (let k = 1; k < list.length; k++) {
                if (!plain(list[k]) || !plain(list[k - 1]))
                    continue;
                if (k >= 2 && plain(list[k - 2]))
                    continue; // one finding per run of RUNs
                let end = k;
                while (end + 1 < list.length && plain(list[end + 1]))
                    end++;
                hits.push({
                    line: list[k].line,
                    message: `${end - k + 2} consecutive RUN instructions (lines ${list[k - 1].line}–${list[end].line}) make ${end - k + 2} layers: join them with && unless they must stay separate for caching.`,
                });
            }
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/practice/hc520-oci-labels.ts
const OCI = 'org.opencontainers.image.';
const KNOWN = new Set([
    'created',
    'authors',
    'url',
    'documentation',
    'source',
    'version',
    'revision',
    'vendor',
    'licenses',
    'ref.name',
    'title',
    'description',
    'base.digest',
    'base.name',
]);
const REQUIRED = ['source', 'description', 'licenses'];
const RESERVED = /^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/;
const hc520 = {
    meta: {
        id: 'HC520',
        title: 'OCI image labels missing or invalid',
        severity: 'note',
        optIn: true,
        anchors: {
            hadolint: [
                'DL3048',
                'DL3049',
                'DL3050',
                'DL3051',
                'DL3052',
                'DL3053',
                'DL3054',
                'DL3055',
                'DL3056',
                'DL3058',
            ],
        },
        description: 'Registries and scanners read `org.opencontainers.image.*` labels: `source` links the image to its repository (GHCR does), `licenses` and `description` tell users what they run.',
    },
    check({ model }) {
        const hits = [];
        const chain = model.chain();
        if (chain.length === 0)
            return [];
        const seen = new Set();
        for (const stage of [...chain].reverse()) {
            for (const instr of stage.instructions) {
                if (instr.keyword !== 'LABEL')
                    continue;
                for (const p of instr.properties) {
                    const key = p.name.replace(/^["']|["']$/g, '');
                    if (RESERVED.test(key)) {
                        hits.push({
                            line: instr.line,
                            message: `Label ${key} uses a namespace reserved by Docker: use your own reverse-DNS prefix or ${OCI}*.`,
                        });
                        continue;
                    }
                    if (!key.startsWith(OCI))
                        continue;
                    const field = key.slice(OCI.length);
                    if (!KNOWN.has(field)) {
                        hits.push({
                            line: instr.line,
                            message: `Label ${key} is not an OCI annotation: check the spelling against ${OCI}{source,version,revision,licenses,…}.`,
                        });
                        continue;
                    }
                    seen.add(field);
                    const r = model.resolve(p.value ?? '', instr);
                    if (!r.complete)
                        continue;
                    const v = r.value;
                    let problem = null;
                    if (v === '')
                        problem = 'is empty';
                    else if (field === 'created' &&
                        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v))
                        problem = 'is not an RFC 3339 date-time';
                    else if ((field === 'source' || field === 'url' || field === 'documentation') &&
                        !/^(https?|git|ssh):\/\/\S+$/.test(v) &&
                        !/^git@/.test(v))
                        problem = 'is not a URL';
                    else if (field === 'revision' && !/^[0-9a-f]{7,64}$/i.test(v))
                        problem = 'is not a commit hash';
                    if (problem)
                        hits.push({
                            line: instr.line,
                            message: `Label ${key} ${problem}: fix the value or set it from the build (e.g. docker/metadata-action).`,
                        });
                }
            }
        }
        const missing = REQUIRED.filter((f) => !seen.has(f));
        if (missing.length > 0) {
            const stage = chain[0];
            hits.push({
                line: stage.fromInstr.line,
                message: `The shipped image has no ${missing.map((m) => OCI + m).join(', ')} label${missing.length > 1 ? 's' : ''}: add them with LABEL (or docker/metadata-action).`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/practice/hc525-description-comment.ts
const NOT_DESCRIPTION = /^\s*(harden-check|hadolint|check\s*=|syntax\s*=|escape\s*=|trivy:|checkov:|kics-scan|noqa|nosec)/i;
const hc525 = {
    meta: {
        id: 'HC525',
        title: 'Malformed description comment',
        severity: 'note',
        optIn: true,
        anchors: { buildkit: ['InvalidDefinitionDescription'] },
        description: 'BuildKit (`docker buildx build --call=outline`) shows the comment directly above a stage or ARG as its description when it starts with the name; other comments there trigger its InvalidDefinitionDescription check.',
    },
    check({ model }) {
        const hits = [];
        const commentAt = new Map(model.comments.map((c) => [c.line, c.text]));
        for (const instr of model.instructions) {
            let name = null;
            if (instr.keyword === 'ARG')
                name = instr.properties[0]?.name ?? null;
            else if (instr.keyword === 'FROM') {
                const asIdx = instr.args.findIndex((a) => a.toLowerCase() === 'as');
                name = asIdx >= 0 ? (instr.args[asIdx + 1] ?? null) : null;
            }
            if (!name || !commentAt.has(instr.line - 1))
                continue;
            let top = instr.line - 1;
            while (commentAt.has(top - 1))
                top--;
            const text = (commentAt.get(top) ?? '').replace(/^#\s?/, '');
            if (NOT_DESCRIPTION.test(text))
                continue;
            const firstWord = text.trim().split(/\s+/)[0] ?? '';
            if (firstWord === name)
                continue;
            hits.push({
                line: top,
                message: `The comment above ${instr.keyword} ${name} is read as its description but does not start with "${name}": write "# ${name} <description>", or separate it with an empty line.`,
            });
        }
        return hits;
    },
};

// EXTERNAL MODULE: ./src/suppress.ts
var suppress = __webpack_require__(1852);
// EXTERNAL MODULE: ./src/rules/registry.ts + 1 modules
var registry = __webpack_require__(3414);
;// CONCATENATED MODULE: ./src/rules/practice/hc526-suppression-hygiene.ts
// HC526: inline suppressions that hide findings without saying why, name no known rule, or
// cover nothing. Rule ids are checked against the registry at check time (a static import used
// lazily: the registry module has finished loading before any rule runs).


const hc526 = {
    meta: {
        id: 'HC526',
        title: 'Inline suppression without a reason or for an unknown rule',
        severity: 'note',
        anchors: { hadolint: ['DL1001'] },
        description: 'A suppression is a decision reviewers should be able to read: `# harden-check ignore=HC101 -- debug image only`. An unknown id suppresses nothing and usually hides a typo.',
    },
    check({ model, allowInlineIgnore }) {
        const hits = [];
        for (const s of (0,suppress/* inlineIgnores */.d3)(model)) {
            if (!allowInlineIgnore) {
                // hadolint#346: teams that forbid inline ignores want to see each one that no longer works
                hits.push({
                    line: s.line,
                    severity: 'warning',
                    message: `Inline ignores are disabled (allow-inline-ignore: false), so this comment suppresses nothing: fix the finding or ask for an entry in the config file.`,
                });
                continue;
            }
            const unknown = s.ids.filter((id) => !/^HC\d{3}$/.test(id) || !(0,registry.ruleMeta)(id));
            const problems = [];
            if (s.ids.length === 0)
                problems.push('names no rule id');
            if (unknown.length > 0)
                problems.push(`names unknown rule id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
            if (!s.reason)
                problems.push('gives no reason (add `-- why`)');
            if (s.scope === 'next' && s.from === s.line && s.to === s.line)
                problems.push('is not followed by an instruction it could cover');
            if (problems.length === 0)
                continue;
            hits.push({
                line: s.line,
                message: `This ${s.scope === 'next' ? '' : s.scope + ' '}ignore comment ${problems.join(', ')}: fix it so the suppression is deliberate and reviewable.`,
            });
        }
        return hits;
    },
};

;// CONCATENATED MODULE: ./src/rules/all.ts









































































const STATIC_RULES = [
    hc101,
    hc102,
    hc103,
    hc104,
    hc105,
    hc106,
    hc107,
    hc108,
    hc109,
    hc110,
    hc112,
    hc114,
    hc115,
    hc116,
    hc117,
    hc118,
    hc201,
    hc202,
    hc203,
    hc204,
    hc205,
    hc206,
    hc207,
    hc209,
    hc210,
    hc211,
    hc212,
    hc213,
    hc214,
    hc216,
    hc301,
    hc302,
    hc303,
    hc304,
    hc305,
    hc306,
    hc307,
    hc308,
    hc309,
    hc310,
    hc313,
    hc401,
    hc402,
    hc403,
    hc404,
    hc405,
    hc406,
    hc407,
    hc408,
    hc409,
    hc410,
    hc411,
    hc412,
    hc413,
    hc414,
    hc415,
    hc501,
    hc502,
    hc503,
    hc504,
    hc507,
    hc508,
    hc509,
    hc512,
    hc514,
    hc515,
    hc516,
    hc517,
    hc518,
    hc519,
    hc520,
    hc525,
    hc526,
];


/***/ }),

/***/ 3414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  allRuleMetas: () => (/* binding */ allRuleMetas),
  ruleMeta: () => (/* binding */ ruleMeta)
});

// EXTERNAL MODULE: ./src/rules/all.ts + 93 modules
var rules_all = __webpack_require__(2616);
// EXTERNAL MODULE: ./src/rules/syntax/validate.ts
var validate = __webpack_require__(2957);
// EXTERNAL MODULE: ./src/runtime/build-failure.ts
var build_failure = __webpack_require__(6432);
// EXTERNAL MODULE: ./src/runtime/checks/env-override.ts
var env_override = __webpack_require__(4672);
// EXTERNAL MODULE: ./src/runtime/checks/graceful-stop.ts + 1 modules
var graceful_stop = __webpack_require__(1419);
// EXTERNAL MODULE: ./src/runtime/checks/no-secrets.ts + 1 modules
var no_secrets = __webpack_require__(7301);
// EXTERNAL MODULE: ./src/runtime/checks/non-root.ts + 1 modules
var non_root = __webpack_require__(6896);
// EXTERNAL MODULE: ./src/runtime/health-diagnosis.ts
var health_diagnosis = __webpack_require__(9992);
// EXTERNAL MODULE: ./src/runtime/health/cause.ts
var cause = __webpack_require__(4360);
// EXTERNAL MODULE: ./src/runtime/checks/read-only-rootfs.ts
var read_only_rootfs = __webpack_require__(2941);
// EXTERNAL MODULE: ./src/runtime/checks/restricted-profile.ts
var restricted_profile = __webpack_require__(5111);
// EXTERNAL MODULE: ./src/runtime/checks/setuid-files.ts
var setuid_files = __webpack_require__(6626);
;// CONCATENATED MODULE: ./src/runtime/rules.ts










const RUNTIME_RULES = [
    {
        id: non_root/* RUNS_AS_ROOT */.Tj,
        title: 'Container runs as root',
        severity: 'error',
        check: 'non-root',
        description: 'A process of the running container has UID 0, as seen from the host (docker top).',
    },
    {
        id: health_diagnosis/* NEVER_HEALTHY */.re,
        title: 'Container never became healthy',
        severity: 'error',
        check: 'healthy',
        description: 'The HEALTHCHECK kept failing until the health-timeout or Docker marked the container unhealthy.',
    },
    {
        id: health_diagnosis/* PROBE_MISSING */.A,
        title: 'Health probe binary missing',
        severity: 'error',
        check: 'healthy',
        description: 'The HEALTHCHECK runs a program that is not in the image (exit 127 / executable file not found).',
    },
    {
        id: health_diagnosis/* WRONG_PROBE_PORT */.Z1,
        title: 'HEALTHCHECK port not listened on',
        severity: 'error',
        check: 'healthy',
        description: 'The probe connects to a port the process does not listen on; the process listens on other ports.',
    },
    {
        id: health_diagnosis/* HEAD_REFUSED */.yA,
        title: 'HEAD health probe refused with 405',
        severity: 'error',
        check: 'healthy',
        description: 'The probe sends HEAD (e.g. GNU wget --spider) to an endpoint that only allows GET.',
    },
    {
        id: health_diagnosis/* EXITED_BEFORE_HEALTHY */.U$,
        title: 'Container exited before becoming healthy',
        severity: 'error',
        check: 'healthy',
        description: 'The container stopped (or could not start) during the health wait.',
    },
    // Published as HC312 (docs/rules/HC312.md) before the HC9xx range held the runtime rules: keep its id.
    {
        id: env_override/* ENV_NOT_HONOURED */.JD,
        title: 'Environment override not honoured',
        severity: 'error',
        check: 'env-override',
        description: 'A value given with docker run -e does not reach the app: something in the image replaces it.',
    },
    {
        id: no_secrets/* SECRET_IN_IMAGE */.$,
        title: 'Secret in the image config or history',
        severity: 'error',
        check: 'no-secrets',
        description: 'A credential is readable from the image: Config.Env or a build argument/ENV value in docker history.',
    },
    {
        id: build_failure/* BUILD_FAILED */.x,
        title: 'Image build failed',
        severity: 'error',
        description: 'The image did not build, so nothing could be verified at runtime.',
    },
    {
        id: health_diagnosis/* HEALTH_URL_MISSING */.A4,
        title: 'Health endpoint returns 404',
        severity: 'error',
        check: 'healthy',
        description: 'The app answers on the probed port but the HEALTHCHECK URL does not exist.',
    },
    {
        id: cause/* HEALTHCHECK_CANNOT_FAIL */.oW,
        title: 'HEALTHCHECK cannot fail',
        severity: 'error',
        check: 'healthy',
        description: 'The probe exits 0 although its request fails (`|| true`, a trailing command, curl without -f): it reports a broken app healthy.',
    },
    {
        id: read_only_rootfs/* READ_ONLY_ROOT_FAILS */.Bx,
        title: 'Container fails on a read-only root filesystem',
        severity: 'error',
        check: 'read-only-rootfs',
        description: 'A side container with --read-only and a tmpfs on /tmp does not become healthy (or exits) while the main container does: the app writes to its root filesystem.',
    },
    {
        id: restricted_profile/* RESTRICTED_PROFILE_FAILS */.aC,
        title: "Container fails under Kubernetes' restricted profile",
        severity: 'error',
        check: 'restricted-profile',
        description: 'Run as the restricted Pod Security Standard demands (numeric non-root uid, --cap-drop ALL, no-new-privileges, default seccomp, low ports privileged), the container does not become healthy; or the image runs as root.',
    },
    {
        id: setuid_files/* SETUID_FILES_FOUND */.C4,
        title: 'Setuid or setgid files in the image',
        severity: 'error',
        check: 'setuid-files',
        description: "The image's filesystem (docker export, read on the host) holds setuid/setgid regular files: the way from a compromised non-root process to root.",
    },
    {
        id: non_root/* NAMED_USER */._w,
        title: 'USER is a name, not a numeric UID',
        severity: 'note',
        check: 'non-root',
        description: 'A checked prebuilt image runs as a named user; runAsNonRoot cannot verify a name.',
    },
    {
        id: graceful_stop/* IGNORES_STOP_SIGNAL */.qh,
        title: 'Container ignores the stop signal',
        severity: 'error',
        check: 'graceful-stop',
        description: 'Stopped as docker stop and Kubernetes stop it (STOPSIGNAL or SIGTERM), the container did not exit within stop-timeout and was SIGKILLed: a shell-form CMD, a wrapper script without exec, or an app without a handler as PID 1.',
    },
];

;// CONCATENATED MODULE: ./src/rules/registry.ts



// Built on first use: HC526 reads rule metadata and is itself in STATIC_RULES, so the map cannot
// be built while the rule modules are still loading.
let META = null;
function metas() {
    if (META)
        return META;
    const map = new Map();
    // Runtime-only findings (HC9xx, HC312) have no static counterpart to list.
    const runtimeMetas = RUNTIME_RULES.map((r) => ({ ...r, anchors: {} }));
    for (const m of [...rules_all/* STATIC_RULES */.$.map((r) => r.meta), ...validate/* syntaxRuleMetas */.Ox, ...runtimeMetas]) {
        if (map.has(m.id))
            throw new Error(`duplicate rule id ${m.id}`);
        map.set(m.id, m);
    }
    return (META = map);
}
/** Metadata of any rule, static, syntax or runtime. */
function ruleMeta(id) {
    return metas().get(id);
}
function allRuleMetas() {
    return [...metas().values()].sort((a, b) => a.id.localeCompare(b.id));
}


/***/ }),

/***/ 2957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ox: () => (/* binding */ syntaxRuleMetas),
/* harmony export */   kX: () => (/* binding */ validateSyntax)
/* harmony export */ });
/* unused harmony exports SYNTAX_RULE, SYNTAX_CODE_MAP */
/* harmony import */ var dockerfile_utils__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(285);
// The syntax layer: dockerfile-utils' validator (the one VS Code's Docker extension uses)
// mapped onto our ids, instead of re-writing the syntax checks. Codes that our own rules
// cover with better messages (casing, MAINTAINER, multiple CMD, relative WORKDIR, a file not
// starting with FROM: HC509, a COPY destination without `/`: HC409) are off or unmapped here.

/** The ids this layer emits (their metadata is syntaxRuleMetas below). */
const SYNTAX_RULE = {
    HEALTHCHECK_INVALID: 'HC208',
    STOPSIGNAL_INVALID: 'HC215',
    KEY_VALUE_MALFORMED: 'HC311',
    STAGE_NAME_DUPLICATE: 'HC505',
    STAGE_NAME_INVALID: 'HC506',
    ONBUILD_FORBIDDEN: 'HC510',
    EXPOSE_INVALID: 'HC511',
    SHELL_NOT_JSON: 'HC513',
    ESCAPE_DIRECTIVE_INVALID: 'HC521',
    EMPTY_CONTINUATION: 'HC522',
    JSON_SINGLE_QUOTES: 'HC523',
    SYNTAX_ERROR: 'HC524',
};
const R = SYNTAX_RULE;
/** dockerfile-utils' diagnostic codes mapped onto our ids; a code not here is not reported. */
const SYNTAX_CODE_MAP = {
    INVALID_ESCAPE_DIRECTIVE: R.ESCAPE_DIRECTIVE_INVALID,
    DUPLICATED_ESCAPE_DIRECTIVE: R.ESCAPE_DIRECTIVE_INVALID,
    EMPTY_CONTINUATION_LINE: R.EMPTY_CONTINUATION,
    JSON_IN_SINGLE_QUOTES: R.JSON_SINGLE_QUOTES,
    UNKNOWN_INSTRUCTION: R.SYNTAX_ERROR,
    UNKNOWN_ADD_FLAG: R.SYNTAX_ERROR,
    UNKNOWN_COPY_FLAG: R.SYNTAX_ERROR,
    UNKNOWN_FROM_FLAG: R.SYNTAX_ERROR,
    FLAG_DUPLICATE: R.SYNTAX_ERROR,
    FLAG_MISSING_VALUE: R.SYNTAX_ERROR,
    FLAG_INVALID_FROM_VALUE: R.SYNTAX_ERROR,
    FLAG_INVALID_LINK_VALUE: R.SYNTAX_ERROR,
    FLAG_EXPECTED_BOOLEAN_VALUE: R.SYNTAX_ERROR,
    ARGUMENT_MISSING: R.SYNTAX_ERROR,
    ARGUMENT_EXTRA: R.SYNTAX_ERROR,
    ARGUMENT_REQUIRES_ONE: R.SYNTAX_ERROR,
    ARGUMENT_REQUIRES_AT_LEAST_ONE: R.SYNTAX_ERROR,
    ARGUMENT_REQUIRES_TWO: R.SYNTAX_ERROR,
    ARGUMENT_REQUIRES_AT_LEAST_TWO: R.SYNTAX_ERROR,
    ARGUMENT_REQUIRES_ONE_OR_THREE: R.SYNTAX_ERROR,
    ARGUMENT_UNNECESSARY: R.SYNTAX_ERROR,
    INVALID_REFERENCE_FORMAT: R.SYNTAX_ERROR,
    INVALID_AS: R.SYNTAX_ERROR,
    BASE_NAME_EMPTY: R.SYNTAX_ERROR,
    INVALID_SYNTAX: R.SYNTAX_ERROR,
    UNSUPPORTED_MODIFIER: R.SYNTAX_ERROR,
    SHELL_REQUIRES_ONE: R.SYNTAX_ERROR,
    UNKNOWN_HEALTHCHECK_FLAG: R.HEALTHCHECK_INVALID,
    UNKNOWN_TYPE: R.HEALTHCHECK_INVALID,
    FLAG_INVALID_DURATION: R.HEALTHCHECK_INVALID,
    FLAG_LESS_THAN_1MS: R.HEALTHCHECK_INVALID,
    FLAG_MISSING_DURATION: R.HEALTHCHECK_INVALID,
    FLAG_UNKNOWN_UNIT: R.HEALTHCHECK_INVALID,
    FLAG_AT_LEAST_ONE: R.HEALTHCHECK_INVALID,
    HEALTHCHECK_CMD_ARGUMENT_MISSING: R.HEALTHCHECK_INVALID,
    INVALID_SIGNAL: R.STOPSIGNAL_INVALID,
    SYNTAX_MISSING_EQUALS: R.KEY_VALUE_MALFORMED,
    SYNTAX_MISSING_NAMES: R.KEY_VALUE_MALFORMED,
    SYNTAX_MISSING_SINGLE_QUOTE: R.KEY_VALUE_MALFORMED,
    SYNTAX_MISSING_DOUBLE_QUOTE: R.KEY_VALUE_MALFORMED,
    DUPLICATE_BUILD_STAGE_NAME: R.STAGE_NAME_DUPLICATE,
    INVALID_BUILD_STAGE_NAME: R.STAGE_NAME_INVALID,
    ONBUILD_CHAINING_DISALLOWED: R.ONBUILD_FORBIDDEN,
    ONBUILD_TRIGGER_DISALLOWED: R.ONBUILD_FORBIDDEN,
    INVALID_PORT: R.EXPOSE_INVALID,
    INVALID_PROTO: R.EXPOSE_INVALID,
    SHELL_JSON_FORM: R.SHELL_NOT_JSON,
};
const HINT = {
    [R.ESCAPE_DIRECTIVE_INVALID]: 'Use `# escape=\\` or `# escape=`` ` once, on the first line.',
    [R.EMPTY_CONTINUATION]: 'Remove the empty line or end the previous line without a continuation.',
    [R.JSON_SINGLE_QUOTES]: 'Use double quotes: single-quoted JSON silently runs in shell form.',
    [R.HEALTHCHECK_INVALID]: 'Fix the HEALTHCHECK flags and command.',
    [R.KEY_VALUE_MALFORMED]: 'Write it as KEY=value, quoting values with spaces.',
    [R.STAGE_NAME_DUPLICATE]: 'Give every stage a unique name.',
    [R.STAGE_NAME_INVALID]: 'Use a lowercase name of letters, digits, `-`, `_` and `.`.',
    [R.ONBUILD_FORBIDDEN]: 'ONBUILD cannot trigger FROM, MAINTAINER or ONBUILD.',
    [R.EXPOSE_INVALID]: 'Use a port 0–65535 with tcp, udp or sctp.',
    [R.SHELL_NOT_JSON]: 'Write SHELL as a JSON array, e.g. SHELL ["/bin/bash", "-o", "pipefail", "-c"].',
};
const OFF = dockerfile_utils__WEBPACK_IMPORTED_MODULE_0__.ValidationSeverity.IGNORE;
/** Validate the text; every problem mapped to a rule id with its line. */
function validateSyntax(text) {
    let diagnostics;
    try {
        // callers pass the text without leading BOMs (model.ts withoutBom: dockerfile-utils loops on two)
        diagnostics = validateWith(text);
    }
    catch {
        // dockerfile-utils/dockerfile-ast recurse without end or read a missing node on some
        // malformed files (found by __tests__/fuzz): the model and our rules still judge them.
        return [];
    }
    // Its ranges can end one line past the text (an empty continuation at the end).
    const lastLine = text.split(/\r\n|\r|\n/).length;
    const clamp = (line) => Math.min(Math.max(line, 1), lastLine);
    const hits = [];
    for (const d of diagnostics) {
        const name = dockerfile_utils__WEBPACK_IMPORTED_MODULE_0__.ValidationCode[d.code];
        const ruleId = name ? SYNTAX_CODE_MAP[name] : undefined;
        if (!ruleId)
            continue;
        const hint = HINT[ruleId];
        const raw = typeof d.message === 'string' ? d.message : d.message.value;
        const message = raw.replace(/\.?$/, '.') + (hint ? ' ' + hint : '');
        hits.push({
            ruleId,
            line: clamp(d.range.start.line + 1),
            endLine: clamp(d.range.end.line + 1),
            column: d.range.start.character + 1,
            endColumn: d.range.end.character + 1,
            message,
            // d.severity is an LSP DiagnosticSeverity: 1 = Error, 2 = Warning
            severity: d.severity === 2 ? 'warning' : 'error',
        });
    }
    return hits;
}
function validateWith(text) {
    return (0,dockerfile_utils__WEBPACK_IMPORTED_MODULE_0__.validate)(text, {
        // covered by our own rules with stage-aware messages
        instructionCasing: OFF,
        directiveCasing: OFF,
        deprecatedMaintainer: OFF,
        instructionCmdMultiple: OFF,
        instructionEntrypointMultiple: OFF,
        instructionHealthcheckMultiple: OFF,
        instructionWorkdirRelative: OFF,
        emptyContinuationLine: dockerfile_utils__WEBPACK_IMPORTED_MODULE_0__.ValidationSeverity.WARNING,
        instructionJSONInSingleQuotes: dockerfile_utils__WEBPACK_IMPORTED_MODULE_0__.ValidationSeverity.ERROR,
    });
}
const SYNTAX_ANCHOR = { hadolint: ['DL1000'], buildkit: ['(parse error)'] };
const syntaxRuleMetas = [
    {
        id: R.HEALTHCHECK_INVALID,
        title: 'Invalid HEALTHCHECK flags or command',
        severity: 'error',
        check: 'healthcheck-defined',
        anchors: { buildkit: ['(parse error)'] },
        description: 'An unknown flag, an invalid duration, --retries below 1 or a CMD without a command makes the build fail or the health check meaningless.',
    },
    {
        id: R.STOPSIGNAL_INVALID,
        title: 'Invalid STOPSIGNAL',
        severity: 'error',
        anchors: {},
        description: 'Docker cannot stop the container gracefully with a signal it does not know.',
    },
    {
        id: R.KEY_VALUE_MALFORMED,
        title: 'Malformed ENV, ARG or LABEL',
        severity: 'error',
        check: 'env-override',
        anchors: {},
        description: 'A missing `=`, an unbalanced quote or an empty name changes what the variable holds, or fails the build.',
    },
    {
        id: R.STAGE_NAME_DUPLICATE,
        title: 'Duplicate stage name',
        severity: 'error',
        anchors: {
            hadolint: ['DL3024'],
            trivy: ['DS-0012'],
            checkov: ['CKV_DOCKER_11'],
            buildkit: ['DuplicateStageName'],
        },
        description: 'Two stages with one name make `COPY --from` and `--target` ambiguous; BuildKit refuses the file.',
    },
    {
        id: R.STAGE_NAME_INVALID,
        title: 'Invalid stage name',
        severity: 'error',
        anchors: { hadolint: ['DL3063'], buildkit: ['ReservedStageName'] },
        description: 'Stage names must be lowercase letters, digits, `-`, `_` and `.`; some names are reserved.',
    },
    {
        id: R.ONBUILD_FORBIDDEN,
        title: 'Forbidden ONBUILD trigger',
        severity: 'error',
        anchors: { hadolint: ['DL3043'] },
        description: 'ONBUILD cannot trigger FROM, MAINTAINER or another ONBUILD.',
    },
    {
        id: R.EXPOSE_INVALID,
        title: 'Invalid EXPOSE',
        severity: 'error',
        anchors: {
            hadolint: ['DL3011'],
            trivy: ['DS-0008'],
            buildkit: ['ExposeInvalidFormat', 'ExposeProtoCasing'],
        },
        description: 'A port outside 0–65535 or an unknown protocol fails the build or exposes nothing.',
    },
    {
        id: R.SHELL_NOT_JSON,
        title: 'SHELL not in JSON form',
        severity: 'error',
        anchors: { hadolint: ['DL4005'] },
        description: 'SHELL only accepts a JSON array.',
    },
    {
        id: R.ESCAPE_DIRECTIVE_INVALID,
        title: 'Invalid or duplicate parser directive',
        severity: 'error',
        anchors: {},
        description: 'An escape directive other than `\\` or a backtick, or a second one, changes how every following line is read.',
    },
    {
        id: R.EMPTY_CONTINUATION,
        title: 'Empty continuation line',
        severity: 'warning',
        anchors: { buildkit: ['NoEmptyContinuation'] },
        description: 'Empty lines inside a continued instruction are deprecated and will become an error in future Docker versions.',
    },
    {
        id: R.JSON_SINGLE_QUOTES,
        title: 'JSON array written with single quotes',
        severity: 'error',
        anchors: {},
        description: "`CMD ['python', 'app.py']` is not JSON: Docker runs it through /bin/sh -c as a literal string, which fails or behaves differently.",
    },
    {
        id: R.SYNTAX_ERROR,
        title: 'Dockerfile syntax error',
        severity: 'error',
        anchors: { ...SYNTAX_ANCHOR },
        description: 'An unknown instruction, flag or missing argument makes the build fail.',
    },
];


/***/ })

};
