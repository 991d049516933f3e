export const id = 241;
export const ids = [241];
export const modules = {

/***/ 4365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G: () => (/* binding */ settle)
});

// UNUSED EXPORTS: withoutRepeats

// EXTERNAL MODULE: ./src/report/types.ts
var types = __webpack_require__(2563);
;// CONCATENATED MODULE: ./src/report/order.ts
const SEVERITY_ORDER = { error: 0, warning: 1, note: 2 };
function byLine(a, b) {
    return (a.line - b.line ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        a.ruleId.localeCompare(b.ruleId));
}

// EXTERNAL MODULE: ./src/suppress.ts
var suppress = __webpack_require__(1852);
;// CONCATENATED MODULE: ./src/audit/merge-checks.ts
function mergeChecks(staticChecks, runtimeChecks) {
    return staticChecks.map((s) => {
        const r = runtimeChecks.find((c) => c.id === s.id);
        if (!r || r.status === 'skip') {
            return r && s.status === 'skip' ? r : s;
        }
        if (s.status !== 'skip' && s.status !== r.status && (s.status === 'pass' || s.status === 'fail')) {
            return { ...r, detail: `${r.detail} (the Dockerfile alone suggested ${s.status}: ${s.detail})` };
        }
        return r;
    });
}

// EXTERNAL MODULE: ./src/dockerfile/facts.ts
var facts = __webpack_require__(3981);
// EXTERNAL MODULE: ./src/dockerfile/base-images.ts
var base_images = __webpack_require__(3572);
;// CONCATENATED MODULE: ./src/audit/static-checks.ts



function staticChecks(model, findings, trusted) {
    return [
        nonRoot(model, trusted),
        healthcheckDefined(model),
        {
            id: 'healthy',
            status: 'skip',
            detail: 'needs a run (build: true and a Docker engine)',
            source: 'static',
        },
        noSecrets(model, findings),
        {
            id: 'env-override',
            status: 'skip',
            detail: 'needs a run (build: true and a Docker engine)',
            source: 'static',
        },
        // what an orchestrator demands is only ever proven by running the image
        ...types/* DEPLOY_CHECK_IDS */.Wi.map((id) => ({
            id,
            status: 'skip',
            detail: 'needs a run (build: true, run: true and a Docker engine)',
            source: 'static',
        })),
    ];
}
/** The lines of an instruction and its stage, for a check's location. */
function at(model, instr) {
    const lines = instr.endLine > instr.line ? { line: instr.line, endLine: instr.endLine } : { line: instr.line };
    const stage = model.stageOf(instr);
    return stage ? { ...lines, stage: stage.name ?? String(stage.index) } : lines;
}
/** A line a finding points at, with the stage it is in. */
function lineIn(model, line) {
    const stage = model.stages.find((s) => line >= s.line && line <= s.endLine);
    return stage ? { line, stage: stage.name ?? String(stage.index) } : { line };
}
/** No instruction explains the verdict: the shipped stage's FROM does. */
function atStage(model) {
    return model.target ? at(model, model.target.fromInstr) : {};
}
function nonRoot(model, trusted) {
    return { ...nonRootVerdict(model, trusted), ...nonRootLocation(model) };
}
function nonRootLocation(model) {
    const user = (0,facts/* effectiveUser */.d6)(model);
    return user ? at(model, user.instr) : atStage(model);
}
function nonRootVerdict(model, trusted) {
    const user = (0,facts/* effectiveUser */.d6)(model);
    if (user) {
        const where = `USER ${user.raw}, line ${user.instr.line}`;
        if (user.resolved.unknownVars.length > 0 && !user.resolved.value.trim()) {
            return {
                id: 'non-root',
                status: 'skip',
                source: 'static',
                detail: `USER comes from build argument ${user.resolved.unknownVars.join(', ')} (line ${user.instr.line}): needs a run`,
            };
        }
        if ((0,base_images/* isRootUser */.ar)(user.resolved.value)) {
            const why = user.resolved.undefinedVars.length
                ? ` (${user.resolved.undefinedVars.join(', ')} undefined in this stage: the user is empty, so root)`
                : '';
            return { id: 'non-root', status: 'fail', source: 'static', detail: `runs as root (${where})${why}` };
        }
        return { id: 'non-root', status: 'pass', source: 'static', detail: `user ${user.user} (${where})` };
    }
    const base = (0,facts/* externalBase */.dR)(model, trusted);
    if (!base)
        return { id: 'non-root', status: 'skip', source: 'static', detail: 'no FROM: nothing to check' };
    if (!base.resolved.complete) {
        return {
            id: 'non-root',
            status: 'skip',
            source: 'static',
            detail: `no USER, and the base image is a build argument (${base.raw}): needs a run`,
        };
    }
    const image = base.resolved.value;
    if (!base.info || base.info.user === undefined) {
        return {
            id: 'non-root',
            status: 'skip',
            source: 'static',
            detail: `no USER; default user of base image ${image} is unknown: needs a run`,
        };
    }
    if ((0,base_images/* isRootUser */.ar)(base.info.user)) {
        return {
            id: 'non-root',
            status: 'fail',
            source: 'static',
            detail: `no USER, and ${image} runs as root unless told otherwise`,
        };
    }
    return {
        id: 'non-root',
        status: 'pass',
        source: 'static',
        detail: `no USER; base image ${image} runs as ${base.info.user} (${base.info.family})`,
    };
}
function healthcheckDefined(model) {
    const hc = (0,facts/* finalHealthcheck */.Fp)(model);
    if (!hc) {
        return {
            id: 'healthcheck-defined',
            status: 'fail',
            source: 'static',
            detail: 'no HEALTHCHECK in the shipped stage',
            ...atStage(model),
        };
    }
    if (hc.none) {
        return {
            id: 'healthcheck-defined',
            status: 'fail',
            source: 'static',
            detail: `HEALTHCHECK NONE (line ${hc.instr.line}) disables it`,
            ...at(model, hc.instr),
        };
    }
    return {
        id: 'healthcheck-defined',
        status: 'pass',
        source: 'static',
        detail: `HEALTHCHECK on line ${hc.instr.line}${hc.port ? ` (port ${hc.port})` : ''}`,
        ...at(model, hc.instr),
    };
}
function noSecrets(model, findings) {
    const bad = findings.filter((f) => f.check === 'no-secrets' && f.severity === 'error');
    if (bad.length > 0) {
        const lines = [...new Set(bad.map((f) => f.line))].slice(0, 5).join(', ');
        return {
            id: 'no-secrets',
            status: 'fail',
            source: 'static',
            detail: `${bad.length} secret finding${bad.length > 1 ? 's' : ''} (line${bad.length > 1 ? 's' : ''} ${lines})`,
            ...lineIn(model, Math.min(...bad.map((f) => f.line))),
        };
    }
    const weak = findings.filter((f) => f.check === 'no-secrets').length;
    return {
        id: 'no-secrets',
        status: 'pass',
        source: 'static',
        detail: weak
            ? `no literal secret (${weak} warning${weak > 1 ? 's' : ''} to review)`
            : 'no secret in ENV, ARG or RUN',
    };
}

;// CONCATENATED MODULE: ./src/audit/settle.ts
// The last step of every target, with or without a runtime: one suppression pass over the
// static and runtime findings together, then the checklist from what is left. The static
// audit alone (--fix, rule specs) ends here too, so a suppression means the same everywhere.





/**
 * `required`: the checks the `checks` input requires (default: the lesson's five). Every
 * other check is advisory: its findings warn (never error) and its failure counts as a warning.
 */
function settle(scan, runtime, required = types/* CHECK_IDS */.Sh) {
    const keep = (0,suppress/* suppressor */.Fd)(scan.policy);
    const advisory = (id) => id !== undefined && !required.includes(id);
    const suppressed = [];
    const pass = (list) => list.flatMap((f) => {
        const kept = keep(f);
        if (!kept)
            suppressed.push(f);
        if (kept && kept.severity === 'error' && advisory(kept.check))
            return [{ ...kept, severity: 'warning' }];
        return kept ? [kept] : [];
    });
    const statics = pass(scan.findings);
    const runtimes = pass(runtime?.findings ?? []);
    const checks = staticChecks(scan.model, statics, scan.trustedBaseImages);
    return {
        findings: [...statics, ...withoutRepeats(runtimes, statics)].sort(byLine),
        suppressed,
        checks: (runtime ? mergeChecks(checks, runtime.checks) : checks).map((c) => ({
            ...c,
            required: required.includes(c.id),
        })),
    };
}
/**
 * A runtime finding that only repeats a static error on the same line for the same check
 * (e.g. the secret in ENV that docker inspect shows again) adds nothing for the reader.
 */
function withoutRepeats(runtime, statics) {
    return runtime.filter((r) => !statics.some((s) => s.severity === 'error' && s.line === r.line && s.check !== undefined && s.check === r.check));
}


/***/ }),

/***/ 5344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ stageAt),
/* harmony export */   x: () => (/* binding */ DEFAULT_STOP_TIMEOUT_SECONDS)
/* harmony export */ });
// The contract between the static audit (which knows the Dockerfile) and the runtime
// (which knows the container): what the audit learnt that the probes need. Plain data only.
// The other contract, the Report every renderer reads, is src/report/types.ts.
/** The graceful-stop bound when the stop-timeout input is not given: `docker stop`'s own default. */
const DEFAULT_STOP_TIMEOUT_SECONDS = 10;
/** The label of the stage a line is in, when it is in one. */
function stageAt(stages, line) {
    return stages.find((s) => line >= s.line && line <= s.endLine)?.label;
}


/***/ }),

/***/ 6556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nt: () => (/* binding */ hasBuildx),
/* harmony export */   lt: () => (/* binding */ probeEngine)
/* harmony export */ });
/* unused harmony export dockerAvailable */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9655);
// Is there an engine, and does the client have buildx? Both asked once, at start and at the
// same time, with execFile (it spawns at once, so the calls run while the static audit
// parses) and a hard timeout: a dead socket or a remote DOCKER_HOST can hang for minutes.


function answers(args, timeoutMs, ok) {
    return new Promise((resolve) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)((0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .dockerBin */ .k8)(), args, { env: (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .dockerEnv */ .gT)(), timeout: timeoutMs, killSignal: 'SIGKILL' }, (err, stdout) => resolve(!err && ok(stdout)));
    });
}
/** Does an engine answer `docker version`? */
function dockerAvailable(timeoutMs = 8000) {
    return answers(['version', '--format', '{{.Server.Version}}'], timeoutMs, (out) => out.trim() !== '');
}
const buildxCache = new Map();
/** Does this docker client have the buildx plugin? (asked once per client binary) */
function hasBuildx() {
    const bin = (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .dockerBin */ .k8)();
    let p = buildxCache.get(bin);
    if (!p) {
        p = answers(['buildx', 'version'], 8000, () => true);
        buildxCache.set(bin, p);
    }
    return p;
}
/** The start-of-run engine probe: the buildx question rides along (a build will ask it). */
async function probeEngine() {
    const [engine] = await Promise.all([dockerAvailable(), hasBuildx()]);
    return engine;
}


/***/ }),

/***/ 9655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ DockerError),
/* harmony export */   Pc: () => (/* binding */ traceDockerCalls),
/* harmony export */   T3: () => (/* binding */ docker),
/* harmony export */   XE: () => (/* binding */ dockerOk),
/* harmony export */   gT: () => (/* binding */ dockerEnv),
/* harmony export */   k8: () => (/* binding */ dockerBin)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2876);
// The one place that starts the docker client. Argument arrays only (never a shell
// string), a configurable client binary, and an explicit minimal environment so the
// GitHub token, INPUT_* values and the rest of the runner env never reach a build or
// a container (`docker run -e NAME` without a value would otherwise copy it in).


// Where the time goes, one line per docker call (the host's debug log, when it has one);
// arguments may hold build-arg values, so only the subcommand is traced.
let trace = null;
/** Send a timing line per docker call to `fn` (null: none). */
function traceDockerCalls(fn) {
    trace = fn;
}
/** The docker client: env HARDEN_CHECK_DOCKER (a path) or `docker` on PATH. */
function dockerBin() {
    return process.env.HARDEN_CHECK_DOCKER?.trim() || 'docker';
}
// What the docker client itself needs to find and talk to the engine; nothing else.
const PASSTHROUGH = [
    'PATH',
    'HOME',
    'TMPDIR',
    'XDG_RUNTIME_DIR',
    'DOCKER_HOST',
    'DOCKER_CONTEXT',
    'DOCKER_CONFIG',
    'DOCKER_CERT_PATH',
    'DOCKER_TLS_VERIFY',
    'DOCKER_API_VERSION',
    'DOCKER_BUILDKIT',
    'BUILDKIT_PROGRESS',
    'BUILDX_BUILDER',
    'BUILDX_CONFIG',
    'BUILDX_NO_DEFAULT_LOAD',
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'http_proxy',
    'https_proxy',
    'no_proxy',
];
/** The environment every docker client call gets. */
function dockerEnv(source = process.env) {
    const env = {};
    for (const k of PASSTHROUGH) {
        const v = source[k];
        if (v !== undefined && v !== '')
            env[k] = v;
    }
    // No "What's next" hints or update notices mixed into output we parse.
    env.DOCKER_CLI_HINTS = 'false';
    return env;
}
/** Run `docker <args>` silently; never throws on a non-zero exit (callers decide). */
async function docker(args, opts = {}) {
    if (opts.timeoutMs !== undefined)
        return dockerWithTimeout(args, opts, opts.timeoutMs);
    const listeners = opts.onLine ? { stdline: opts.onLine, errline: opts.onLine } : undefined;
    const t0 = Date.now();
    try {
        return await _actions_exec__WEBPACK_IMPORTED_MODULE_1__/* .getExecOutput */ .H(dockerBin(), args, {
            silent: true,
            ignoreReturnCode: true,
            env: { ...dockerEnv(), ...(opts.env ?? {}) },
            input: opts.input,
            listeners,
        });
    }
    catch (err) {
        // The client binary itself is missing or not executable.
        return { exitCode: 127, stdout: '', stderr: err instanceof Error ? err.message : String(err) };
    }
    finally {
        trace?.(`docker ${args.slice(0, 2).join(' ')}: ${Date.now() - t0} ms`);
    }
}
/** docker() with a deadline (@actions/exec has none): same argv, same minimal env. */
function dockerWithTimeout(args, opts, timeoutMs) {
    const t0 = Date.now();
    return new Promise((resolve) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(dockerBin(), args, {
            env: { ...dockerEnv(), ...(opts.env ?? {}) },
            stdio: [opts.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        const lineSplitter = () => {
            let rest = '';
            return {
                push(chunk) {
                    if (!opts.onLine)
                        return;
                    const parts = (rest + chunk).split(/\r?\n/);
                    rest = parts.pop() ?? '';
                    for (const l of parts)
                        opts.onLine(l);
                },
                end() {
                    if (opts.onLine && rest)
                        opts.onLine(rest);
                    rest = '';
                },
            };
        };
        const outLines = lineSplitter();
        const errLines = lineSplitter();
        child.stdout.setEncoding('utf8').on('data', (d) => {
            stdout += d;
            outLines.push(d);
        });
        child.stderr.setEncoding('utf8').on('data', (d) => {
            stderr += d;
            errLines.push(d);
        });
        if (opts.input && child.stdin)
            child.stdin.end(opts.input);
        let killer;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
            killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        }, timeoutMs);
        const done = (exitCode, extra = '') => {
            clearTimeout(timer);
            if (killer)
                clearTimeout(killer);
            outLines.end();
            errLines.end();
            trace?.(`docker ${args.slice(0, 2).join(' ')}: ${Date.now() - t0} ms`);
            resolve(timedOut
                ? {
                    exitCode: 124,
                    stdout,
                    stderr: `${stderr}${stderr.endsWith('\n') || !stderr ? '' : '\n'}timed out after ${Math.round(timeoutMs / 1000)} s`,
                    timedOut: true,
                }
                : { exitCode, stdout, stderr: stderr + extra });
        };
        child.on('error', (err) => done(127, err.message));
        child.on('close', (code) => done(code ?? 1));
    });
}
/** Like docker(), but throws a DockerError with the command and stderr on failure. */
async function dockerOk(args, opts = {}) {
    const out = await docker(args, opts);
    if (out.exitCode !== 0)
        throw new DockerError(args, out);
    return out.stdout;
}
class DockerError extends Error {
    args;
    output;
    constructor(args, output) {
        const why = (output.stderr || output.stdout).trim().split('\n').slice(-3).join(' / ');
        super(`docker ${args.slice(0, 2).join(' ')} failed (exit ${output.exitCode}): ${why}`);
        this.args = args;
        this.output = output;
        this.name = 'DockerError';
    }
}


/***/ }),

/***/ 3572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HX: () => (/* binding */ baseImageAccounts),
/* harmony export */   Q: () => (/* binding */ parseImageRef),
/* harmony export */   ar: () => (/* binding */ isRootUser),
/* harmony export */   w4: () => (/* binding */ describeBaseImage)
/* harmony export */ });
/* harmony import */ var _lines_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7541);
// What we know about well-known base images without pulling them: their default user,
// whether they ship a shell, curl and which wget, the ENV that changes what a Dockerfile
// means (uids for USER $APP_UID, listening ports), and the accounts in their /etc/passwd and
// /etc/group. Used by the model (variables in scope), the static checklist (non-root without
// a USER line), the health-check rules (probe binary present? app port?) and the USER/--chown
// rules (does this name exist?). Each row names the upstream Dockerfile it was read from.

/** Split `registry/repo:tag@digest` (registry only when the first part looks like a host). */
function parseImageRef(ref) {
    let rest = ref.trim();
    let digest = null;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
    }
    let registry = null;
    const slash = rest.indexOf('/');
    if (slash > 0) {
        const first = rest.slice(0, slash);
        if (first.includes('.') || first.includes(':') || first === 'localhost') {
            registry = first;
            rest = rest.slice(slash + 1);
        }
    }
    let tag = null;
    const colon = rest.lastIndexOf(':');
    if (colon > 0) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
    }
    let repo = rest.toLowerCase();
    if (repo.startsWith('library/'))
        repo = repo.slice('library/'.length);
    return { registry: registry?.toLowerCase() ?? null, repo, tag, digest };
}
const OFFICIAL_ROOT = new Set([
    'python',
    'node',
    'golang',
    'openjdk',
    'eclipse-temurin',
    'amazoncorretto',
    'ruby',
    'php',
    'perl',
    'rust',
    'debian',
    'ubuntu',
    'alpine',
    'centos',
    'fedora',
    'rockylinux',
    'almalinux',
    'amazonlinux',
    'archlinux',
    'busybox',
    'buildpack-deps',
    'gradle',
    'maven',
    'nginx',
    'httpd',
    'postgres',
    'redis',
    'mysql',
    'mariadb',
    'mongo',
    'elixir',
    'erlang',
    'haskell',
    'julia',
    'swift',
    'dart',
    'clojure',
    'groovy',
    'tomcat',
    'jetty',
    'traefik',
    'caddy',
    'bash',
    'docker',
    'r-base',
    'pypy',
    'bun',
    'oven/bun',
    'denoland/deno',
    'opensuse/leap',
    'opensuse/tumbleweed',
]);
function matchesPattern(repoAndTag, pattern) {
    // `*` matches any run of characters: `myorg/*:nonroot`, `ghcr.io/acme/base*`
    const re = new RegExp('^' + pattern.split('*').map(_lines_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeRegExp */ .Nt).join('.*') + '$', 'i');
    return re.test(repoAndTag);
}
function describeBaseImage(ref, trusted = []) {
    if (ref.trim().toLowerCase() === 'scratch') {
        return { family: 'scratch', user: '', shell: false, curl: false, wget: 'none' };
    }
    const r = parseImageRef(ref);
    const full = (r.registry ? r.registry + '/' : '') + r.repo + (r.tag ? ':' + r.tag : '');
    for (const t of trusted) {
        if (matchesPattern(full, t.image) || matchesPattern(r.repo + (r.tag ? ':' + r.tag : ''), t.image)) {
            return { family: 'trusted (config)', user: t.user, shell: 'unknown', curl: 'unknown', wget: 'unknown' };
        }
    }
    const tag = (r.tag ?? 'latest').toLowerCase();
    const path = (r.registry ? r.registry + '/' : '') + r.repo;
    // Distroless: `:nonroot` tags (`:debug-nonroot` too) set User 65532; `:latest` and `:debug`
    // run as root; only `:debug` adds busybox (sh, wget). No curl in any tag.
    if (path.startsWith('gcr.io/distroless/') || path.startsWith('gcr.io/distroless')) {
        const nonroot = tag.includes('nonroot');
        const debug = tag.includes('debug');
        return {
            family: 'distroless',
            user: nonroot ? '65532' : '',
            shell: debug,
            curl: false,
            wget: debug ? 'busybox' : 'none',
        };
    }
    // chainguard-images/images images/*/config/main.tf (apko `accounts.run-as: 65532`): every
    // image runs as nonroot; only `-dev` tags add a shell, apk and busybox.
    if (path.startsWith('cgr.dev/chainguard/')) {
        const dev = tag.includes('-dev');
        return {
            family: 'chainguard',
            user: '65532',
            shell: dev,
            curl: dev ? 'unknown' : false,
            wget: dev ? 'busybox' : 'none',
        };
    }
    // bitnami/containers bitnami/*/*/debian-12/Dockerfile: `USER 1001` at the end of each.
    if (r.repo.startsWith('bitnami/')) {
        return { family: 'bitnami', user: '1001', shell: true, curl: 'unknown', wget: 'unknown' };
    }
    // nginxinc/docker-nginx-unprivileged mainline/debian/Dockerfile: `ARG UID=101` … `USER $UID`,
    // `EXPOSE 8080`, curl installed with nginx (Debian tags; alpine tags: busybox wget).
    if (r.repo === 'nginxinc/nginx-unprivileged' || r.repo === 'nginx/nginx-unprivileged') {
        const alpine = tag.includes('alpine');
        return {
            family: 'nginx-unprivileged',
            user: '101',
            shell: true,
            curl: !alpine,
            wget: alpine ? 'busybox' : 'none',
        };
    }
    // astral-sh/uv Dockerfile: `:latest` and version tags are FROM scratch with /uv and /uvx only
    // (no USER, no shell). .github/workflows/build-docker.yml: the other tags are
    // `FROM <alpine|debian:*-slim|buildpack-deps|python:*> ` + `COPY /uv /uvx /usr/local/bin/`,
    // named after that base (`python3.12-bookworm-slim`, `alpine`, `debian`): root, its tools.
    if (path === 'ghcr.io/astral-sh/uv' || r.repo === 'astral/uv') {
        if (tag === 'latest' || /^\d+(?:\.\d+)*$/.test(tag))
            return { family: 'uv', user: '', shell: false, curl: false, wget: 'none' };
        const alpine = tag.includes('alpine');
        const slim = tag.includes('slim');
        return {
            family: 'uv',
            user: '',
            shell: true,
            curl: !alpine && !slim,
            wget: alpine ? 'busybox' : slim ? 'none' : 'gnu',
        };
    }
    // tiangolo/uvicorn-gunicorn-docker docker-images/python3.11.dockerfile (and the fastapi,
    // meinheld and uwsgi-nginx images built the same way): FROM python:<version>, no USER.
    if (r.repo.startsWith('tiangolo/') && !r.registry) {
        return { family: 'tiangolo', user: '', ...toolsOfOfficial('python', tag) };
    }
    // golang-migrate/migrate Dockerfile: FROM alpine, no USER.
    if (r.repo === 'migrate/migrate' && !r.registry) {
        return { family: 'migrate', user: '', shell: true, curl: false, wget: 'busybox' };
    }
    // sclorg/s2i-python-container 3.8/Dockerfile (the s2i images for every language: centos/*-centos7,
    // quay.io/sclorg/*): `USER 1001` at the end, OpenShift's arbitrary-uid pattern.
    if ((!r.registry && /^centos\/[\w.-]+-centos[78]$/.test(r.repo)) ||
        (r.registry === 'quay.io' && r.repo.startsWith('sclorg/'))) {
        return { family: 'sclorg', user: '1001', shell: true, curl: 'unknown', wget: 'unknown' };
    }
    // Windows: Nano Server runs as ContainerUser, Server Core (and windows, iis) as
    // ContainerAdministrator, the container's administrator. The docker-library Windows images
    // show it: golang 1.2x/windows/nanoserver-ltsc2022/Dockerfile switches to
    // `USER ContainerAdministrator` for `setx /m` and back to `USER ContainerUser`, its base's
    // default; the windowsservercore variants set no USER.
    const windows = windowsBase(path, r.repo, tag);
    if (windows)
        return windows;
    // dotnet/dotnet-docker src/runtime-deps/8.0/{bookworm-slim,noble-chiseled}/amd64/Dockerfile:
    // ENV APP_UID=1654, ASPNETCORE_HTTP_PORTS=8080 in every .NET 8+ image (runtime, aspnet, sdk
    // build on runtime-deps); only chiseled/distroless images end with `USER $APP_UID`.
    // src/sdk/8.0/bookworm-slim/amd64/Dockerfile installs curl and wget; the others ship neither
    // (alpine: busybox wget).
    if (path.startsWith('mcr.microsoft.com/dotnet/')) {
        const chiseled = tag.includes('chiseled') || tag.includes('distroless');
        const sdk = /(?:^|\/)sdk$/.test(r.repo);
        const legacy = /^(?:[1-7])\./.test(tag); // .NET 7 and older: port 80, no app user
        return {
            family: chiseled ? 'dotnet-chiseled' : 'dotnet',
            user: chiseled ? '1654' : '',
            shell: !chiseled,
            curl: sdk && !tag.includes('alpine'),
            wget: chiseled ? 'none' : tag.includes('alpine') ? 'busybox' : sdk ? 'gnu' : 'none',
            env: legacy
                ? { ASPNETCORE_URLS: 'http://+:80', DOTNET_RUNNING_IN_CONTAINER: 'true' }
                : { APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080', DOTNET_RUNNING_IN_CONTAINER: 'true' },
        };
    }
    if (path.startsWith('registry.access.redhat.com/ubi') ||
        r.repo.startsWith('ubi8/') ||
        r.repo.startsWith('ubi9/')) {
        const minimal = r.repo.includes('minimal') || r.repo.includes('micro');
        const lang = /ubi\d\/(python|nodejs|ruby|php|openjdk|go-toolset)/.test(r.repo);
        return { family: 'ubi', user: lang ? '1001' : '', shell: true, curl: !minimal, wget: 'none' };
    }
    const name = r.registry && r.registry !== 'docker.io' ? null : r.repo;
    if (name && OFFICIAL_ROOT.has(name)) {
        return {
            family: name,
            user: '',
            officialRoot: true,
            ...toolsOfOfficial(name, tag),
        };
    }
    return null;
}
function toolsOfOfficial(name, tag) {
    if (name === 'alpine' || tag.includes('alpine'))
        return { shell: true, curl: false, wget: 'busybox' };
    if (name === 'busybox')
        return { shell: true, curl: false, wget: 'busybox' };
    if (tag.includes('slim') || ['debian', 'ubuntu'].includes(name))
        return { shell: true, curl: false, wget: 'none' };
    if (['fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux'].includes(name))
        return { shell: true, curl: true, wget: 'none' };
    // Full Debian-based language images (python:3.12, node:20, golang:1.22) come from buildpack-deps
    // (docker-library/buildpack-deps */curl/Dockerfile installs curl and wget); their -slim tags
    // (docker-library/python 3.12/slim-bookworm/Dockerfile) neither; alpine tags busybox wget.
    if ([
        'python',
        'node',
        'golang',
        'ruby',
        'perl',
        'rust',
        'buildpack-deps',
        'php',
        'openjdk',
        'maven',
        'gradle',
    ].includes(name))
        return { shell: true, curl: true, wget: 'gnu' };
    // adoptium/containers 21/jre/ubuntu/noble/Dockerfile installs curl and wget.
    if (name === 'eclipse-temurin')
        return { shell: true, curl: true, wget: 'gnu' };
    if (name === 'amazoncorretto')
        return { shell: true, curl: 'unknown', wget: 'unknown' };
    if (name === 'nginx' || name === 'httpd')
        return { shell: true, curl: name === 'nginx', wget: 'none' };
    return { shell: true, curl: 'unknown', wget: 'unknown' };
}
function windowsBase(path, repo, tag) {
    const nano = /^mcr\.microsoft\.com\/windows\/nanoserver$/.test(path) ||
        repo === 'microsoft/nanoserver' ||
        (path.startsWith('mcr.microsoft.com/') && tag.includes('nanoserver'));
    if (nano)
        return {
            family: 'windows-nanoserver',
            user: 'ContainerUser',
            shell: true,
            curl: 'unknown',
            wget: 'none',
        };
    const core = /^mcr\.microsoft\.com\/windows(?:\/servercore(?:\/[\w-]+)?|\/server)?$/.test(path) ||
        ['microsoft/windowsservercore', 'windowsservercore', 'microsoft/iis'].includes(repo) ||
        (path.startsWith('mcr.microsoft.com/') && tag.includes('windowsservercore'));
    if (core)
        return {
            family: 'windows-servercore',
            user: 'ContainerAdministrator',
            shell: true,
            curl: 'unknown',
            wget: 'none',
        };
    return null;
}
/**
 * Is a USER value root? `root`, `0`, `root:x`, `0:x`; an empty user is root too, and so is
 * Windows' ContainerAdministrator (names are case-insensitive there).
 */
function isRootUser(user) {
    const u = user.trim().split(':')[0];
    return u === '' || u === 'root' || u === '0' || u.toLowerCase() === 'containeradministrator';
}
const list = (s) => s.split(/\s+/).filter(Boolean);
/** `name:uid` pairs. */
const ids = (s) => list(s).map((e) => e.split(':'));
// gnats was dropped in Debian 12 but older Debian and Ubuntu still ship it.
const DEBIAN_USERS = ids('root:0 daemon:1 bin:2 sys:3 sync:4 games:5 man:6 lp:7 mail:8 news:9 uucp:10 proxy:13 www-data:33 backup:34 list:38 irc:39 gnats:41 _apt:42 nobody:65534');
const DEBIAN_GROUPS = list('root daemon bin sys adm tty disk lp mail news uucp man proxy kmem dialout fax voice cdrom floppy tape sudo audio dip www-data backup operator list irc src gnats shadow utmp video sasl plugdev staff games users nogroup');
const ALPINE_USERS = ids('root:0 bin:1 daemon:2 adm:3 lp:4 sync:5 shutdown:6 halt:7 mail:8 news:9 uucp:10 operator:11 man:13 postmaster:14 cron:16 ftp:21 sshd:22 at:25 squid:31 xfs:33 games:35 cyrus:85 vpopmail:89 ntp:123 smmsp:209 guest:405 nobody:65534');
const ALPINE_GROUPS = list('root bin daemon sys adm tty disk lp mem kmem wheel floppy mail news uucp man cron console audio cdrom dialout ftp sshd input at tape video netdev readproc squid xfs kvm games shadow cdrw www-data usb vpopmail users ntp nofiles smmsp locate abuild utmp ping nogroup nobody');
const RHEL_USERS = ids('root:0 bin:1 daemon:2 adm:3 lp:4 sync:5 shutdown:6 halt:7 mail:8 operator:11 games:12 ftp:14 nobody:65534');
const RHEL_GROUPS = list('root bin daemon sys adm tty disk lp mem kmem wheel cdrom mail man dialout floppy games tape video ftp lock audio users nobody utmp utempter input kvm render systemd-journal');
const BUSYBOX_USERS = ids('root:0 daemon:1 bin:2 sys:3 sync:4 mail:8 www-data:33 operator:37 nobody:65534');
const BUSYBOX_GROUPS = list('root daemon bin sys adm tty disk lp mail kmem wheel cdrom dialout floppy video audio tape www-data operator utmp users staff nogroup');
const RHEL_FAMILIES = new Set([
    'fedora',
    'centos',
    'rockylinux',
    'almalinux',
    'amazonlinux',
    'amazoncorretto',
]);
const DEBIAN_FAMILIES = new Set(list('debian ubuntu python node golang ruby perl rust php buildpack-deps httpd nginx nginx-unprivileged postgres redis mysql mariadb mongo eclipse-temurin dotnet'));
/** Service users the images add on top of their distribution (docker-library Dockerfiles). */
function serviceUsers(family, alpine) {
    switch (family) {
        case 'node':
        case 'ubuntu':
            return [[family, '1000']];
        case 'nginx':
        case 'nginx-unprivileged':
            return [['nginx', '101']];
        case 'postgres':
            return [['postgres', alpine ? '70' : '999']]; // Alpine's standard postgres id is 70
        case 'redis':
        case 'mysql':
        case 'mongo':
            return [[family === 'mongo' ? 'mongodb' : family, '999']];
        case 'mariadb':
            return [['mysql', '999']];
        case 'dotnet':
            return [['app', '1654']];
        default:
            return [];
    }
}
/** Accounts a known base image ships; null when we cannot tell (unknown, trusted or bitnami base). */
function baseImageAccounts(info, ref) {
    if (!info)
        return null;
    const users = new Map();
    const fixed = (u, g) => {
        for (const [n, uid, gid] of u)
            users.set(n, { uid, gid });
        return { users, groups: new Set(g) };
    };
    switch (info.family) {
        case 'scratch':
            return fixed([], []);
        case 'distroless':
        case 'chainguard':
            return fixed([
                ['root', '0', '0'],
                ['nonroot', '65532', '65532'],
                ['nobody', '65534', '65534'],
            ], list('root nonroot nobody tty staff'));
        case 'dotnet-chiseled':
            return fixed([
                ['root', '0', '0'],
                ['app', '1654', '1654'],
            ], ['root', 'app']);
    }
    const family = info.family;
    if (!info.officialRoot && !['ubi', 'nginx-unprivileged', 'dotnet'].includes(family))
        return null;
    const alpine = family === 'alpine' || (parseImageRef(ref).tag ?? '').toLowerCase().includes('alpine');
    let base;
    if (family === 'busybox')
        base = [BUSYBOX_USERS, BUSYBOX_GROUPS];
    else if (alpine)
        base = [ALPINE_USERS, ALPINE_GROUPS];
    else if (family === 'ubi' || RHEL_FAMILIES.has(family))
        base = [RHEL_USERS, RHEL_GROUPS];
    else if (DEBIAN_FAMILIES.has(family))
        base = [DEBIAN_USERS, DEBIAN_GROUPS];
    else
        return null;
    for (const [n, id] of base[0])
        users.set(n, { uid: id, gid: n === 'nobody' ? '65534' : id });
    if (family === 'ubi')
        users.set('default', { uid: '1001', gid: '0' });
    const groups = new Set(base[1]);
    for (const [n, id] of serviceUsers(family, alpine)) {
        users.set(n, { uid: id, gid: id });
        groups.add(n);
    }
    return { users, groups };
}


/***/ }),

/***/ 2343:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ TargetNotFoundError)
/* harmony export */ });
// Errors of the Dockerfile model that callers turn into input errors; kept apart from the
// model so the pipeline can name them without loading the parser.
class TargetNotFoundError extends Error {
}


/***/ }),

/***/ 1424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EH: () => (/* binding */ referencedVars),
/* harmony export */   Vo: () => (/* binding */ expandWord),
/* harmony export */   fT: () => (/* binding */ expand)
/* harmony export */ });
// Shell-style variable expansion as Docker applies it to Dockerfile instructions:
// $VAR, ${VAR}, ${VAR:-word}, ${VAR-word}, ${VAR:+word}, ${VAR+word}, ${VAR:?msg}.
// One linear scan; nesting in `word` is bounded so hostile input cannot recurse deeply.
const MAX_DEPTH = 32;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
function expand(text, lookup, escapeChar = '\\') {
    const scan = { lookup, esc: escapeChar, undef: [], unknown: [] };
    return expansionOf(expandAt(text, scan, 0), scan.undef, scan.unknown);
}
function expansionOf(value, undefinedVars, unknownVars) {
    return {
        value,
        undefinedVars: [...new Set(undefinedVars)],
        unknownVars: [...new Set(unknownVars)],
        complete: undefinedVars.length === 0 && unknownVars.length === 0,
    };
}
function expandAt(text, scan, depth) {
    const esc = scan.esc;
    if (depth > MAX_DEPTH || text.indexOf('$') < 0)
        return text;
    let out = '';
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === esc && text[i + 1] === '$') {
            out += '$';
            i += 2;
            continue;
        }
        if (c !== '$') {
            out += c;
            i++;
            continue;
        }
        if (text[i + 1] === '{') {
            const close = matchingBrace(text, i + 1);
            if (close < 0) {
                out += text.slice(i);
                break;
            }
            out += expandBraced(text.slice(i + 2, close), scan, depth);
            i = close + 1;
            continue;
        }
        NAME.lastIndex = i + 1;
        const m = NAME.exec(text);
        if (!m) {
            out += c;
            i++;
            continue;
        }
        out += resolveName(m[0], scan);
        i = NAME.lastIndex;
    }
    return out;
}
function matchingBrace(text, open) {
    let depth = 0;
    for (let j = open; j < text.length; j++) {
        if (text[j] === '{')
            depth++;
        else if (text[j] === '}') {
            depth--;
            if (depth === 0)
                return j;
        }
    }
    return -1;
}
function resolveName(name, scan) {
    const v = scan.lookup(name);
    if (v === undefined) {
        scan.undef.push(name);
        return '';
    }
    if (v === null) {
        scan.unknown.push(name);
        return '';
    }
    return v;
}
function expandBraced(inner, scan, depth) {
    NAME.lastIndex = 0;
    const m = NAME.exec(inner);
    if (!m)
        return '${' + inner + '}';
    const name = m[0];
    const rest = inner.slice(name.length);
    if (rest === '')
        return resolveName(name, scan);
    const op = /^(:?[-+?])/.exec(rest);
    if (!op) {
        // ${VAR#pat}, ${VAR%pat} and friends: keep the value, we do not evaluate patterns.
        return resolveName(name, scan);
    }
    const word = rest.slice(op[1].length);
    const v = scan.lookup(name);
    const colon = op[1].startsWith(':');
    const isSet = v !== undefined && (!colon || (v !== null && v !== ''));
    const sub = () => expandAt(word, scan, depth + 1);
    switch (op[1].replace(':', '')) {
        case '-':
            if (v === null && !colon) {
                scan.unknown.push(name);
                return '';
            }
            if (v === null) {
                // declared without value: at build time it may be set or empty, so the default is the best guess
                return sub();
            }
            return isSet ? v : sub();
        case '+':
            if (v === null) {
                scan.unknown.push(name);
                return '';
            }
            return isSet ? sub() : '';
        default: // '?'
            return resolveName(name, scan);
    }
}
/** Names of the variables a text references (for "used but undefined" rules). */
function referencedVars(text, escapeChar = '\\') {
    const names = [];
    expand(text, (n) => {
        names.push(n);
        return '';
    }, escapeChar);
    return [...new Set(names)];
}
/**
 * Docker's processing of one ENV/ARG/LABEL value as written: quotes removed, escapes
 * applied, `$VAR` expanded except inside single quotes or after the escape character.
 * With `lookup` null, only quotes and escapes are processed.
 */
function expandWord(raw, lookup, escapeChar = '\\') {
    const undefinedVars = [];
    const unknownVars = [];
    let out = '';
    let i = 0;
    let quote = null;
    while (i < raw.length) {
        const c = raw[i];
        if (quote === "'") {
            if (c === "'")
                quote = null;
            else
                out += c;
            i++;
            continue;
        }
        if (c === escapeChar && i + 1 < raw.length) {
            const next = raw[i + 1];
            // inside double quotes only ", $, the escape char and newline are escapable
            if (quote === '"' && !['"', '$', escapeChar, '\n'].includes(next))
                out += c;
            out += next;
            i += 2;
            continue;
        }
        if ((c === '"' || c === "'") && quote === null) {
            quote = c;
            i++;
            continue;
        }
        if (c === '"' && quote === '"') {
            quote = null;
            i++;
            continue;
        }
        if (c === '$') {
            // find the extent of this reference and expand it alone
            let end = i + 1;
            if (raw[end] === '{') {
                const close = matchingBrace(raw, end);
                end = close < 0 ? raw.length : close + 1;
            }
            else {
                NAME.lastIndex = end;
                const m = NAME.exec(raw);
                end = m ? NAME.lastIndex : end;
            }
            if (lookup === null) {
                // unquote only: keep the reference as written
                out += raw.slice(i, end);
                i = end;
                continue;
            }
            const part = expand(raw.slice(i, end), lookup, escapeChar);
            out += part.value;
            undefinedVars.push(...part.undefinedVars);
            unknownVars.push(...part.unknownVars);
            i = end;
            continue;
        }
        out += c;
        i++;
    }
    return expansionOf(out, undefinedVars, unknownVars);
}


/***/ }),

/***/ 3981:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fp: () => (/* binding */ finalHealthcheck),
/* harmony export */   Kd: () => (/* binding */ probePort),
/* harmony export */   Pk: () => (/* binding */ lastInChain),
/* harmony export */   S2: () => (/* binding */ splitUser),
/* harmony export */   S7: () => (/* binding */ finalEnv),
/* harmony export */   d6: () => (/* binding */ effectiveUser),
/* harmony export */   dR: () => (/* binding */ externalBase),
/* harmony export */   dv: () => (/* binding */ chainInstructions),
/* harmony export */   ty: () => (/* binding */ chainBefore),
/* harmony export */   w1: () => (/* binding */ appPorts),
/* harmony export */   zA: () => (/* binding */ installsPackage)
/* harmony export */ });
/* unused harmony exports describeHealthcheck, parseDuration, commandPorts, runText */
/* harmony import */ var _expand_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1424);
/* harmony import */ var _base_images_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3572);
/* harmony import */ var _shell_package_managers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6459);



/** Last instruction with this keyword in the target image (nearest stage of the chain first). */
function lastInChain(model, keyword, stage) {
    for (const s of model.chain(stage)) {
        for (let i = s.instructions.length - 1; i >= 0; i--) {
            if (s.instructions[i].keyword === keyword)
                return s.instructions[i];
        }
    }
    return null;
}
/** All instructions of the target image in build order (root of the chain first). */
function chainInstructions(model, stage) {
    return model
        .chain(stage)
        .reverse()
        .flatMap((s) => s.instructions);
}
/** Stage chain instructions in build order, up to (excluding) `before` when given. */
function chainBefore(model, stage, before) {
    const out = [];
    for (const s of model.chain(stage).reverse()) {
        for (const i of s.instructions) {
            if (i === before)
                return out;
            out.push(i);
        }
    }
    return out;
}
function effectiveUser(model, stage) {
    const instr = lastInChain(model, 'USER', stage);
    if (!instr)
        return null;
    const raw = instr.args.join(' ');
    const resolved = model.resolveWord(raw, instr);
    const [user, group] = splitUser(resolved.value);
    return { instr, raw, resolved, user, group };
}
function splitUser(value) {
    const i = value.indexOf(':');
    return i < 0 ? [value.trim(), null] : [value.slice(0, i).trim(), value.slice(i + 1).trim()];
}
function externalBase(model, trusted = [], stage) {
    const chain = model.chain(stage);
    const root = chain[chain.length - 1];
    if (!root)
        return null;
    const resolved = root.from.resolved;
    const info = resolved.complete && resolved.value ? (0,_base_images_js__WEBPACK_IMPORTED_MODULE_0__/* .describeBaseImage */ .w4)(resolved.value, trusted) : null;
    return { stage: root, raw: root.from.raw, resolved, info };
}
function finalHealthcheck(model, stage) {
    const instr = lastInChain(model, 'HEALTHCHECK', stage);
    return instr ? describeHealthcheck(model, instr) : null;
}
function describeHealthcheck(model, instr) {
    const sub = (instr.args[0] ?? '').toUpperCase();
    const none = sub === 'NONE';
    const rest = instr.text.replace(/^\s*(CMD|NONE)\b\s*/i, '');
    let json = null;
    if (rest.startsWith('[')) {
        try {
            const parsed = JSON.parse(rest);
            if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string'))
                json = parsed;
        }
        catch {
            json = null;
        }
    }
    // Docker does not expand variables in HEALTHCHECK at build time: an exec-form probe gets
    // its argv verbatim, a shell-form probe is expanded by /bin/sh at run time, where only the
    // image's ENV (not ARG) exists. Flags are taken as written.
    const env = new Map(finalEnv(model, model.stageOf(instr)).map((e) => [e.key, e.value]));
    const resolved = json ? json.join(' ') : (0,_expand_js__WEBPACK_IMPORTED_MODULE_2__/* .expand */ .fT)(rest, (n) => env.get(n), model.escapeChar).value;
    const rawFlags = {};
    const timings = {};
    for (const f of instr.flags) {
        rawFlags[f.name] = f.value;
        const v = f.value;
        if (v === null)
            continue;
        if (f.name === 'retries') {
            if (/^\d+$/.test(v))
                timings.retries = Number(v);
        }
        else if (['interval', 'timeout', 'start-period', 'start-interval'].includes(f.name)) {
            const s = parseDuration(v);
            if (s !== null)
                timings[f.name] = s;
        }
    }
    return {
        instr,
        none,
        test: none ? ['NONE'] : json ? ['CMD', ...json] : ['CMD-SHELL', rest],
        command: resolved,
        execForm: json !== null,
        timings,
        rawFlags,
        port: none ? null : probePort(resolved),
    };
}
/** Go duration syntax as Docker accepts it (`1m30s`, `500ms`, `10s`). Seconds, or null when invalid. */
function parseDuration(text) {
    const t = text.trim();
    if (t === '0')
        return 0;
    const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
    let total = 0;
    let pos = 0;
    let m;
    const unit = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
    while ((m = re.exec(t)) !== null) {
        total += Number(m[1]) * unit[m[2]];
        pos = re.lastIndex;
    }
    return pos === t.length && pos > 0 ? total : null;
}
/** The TCP port a probe command targets: URLs, host:port, `nc -z host port`, `--port N`. */
function probePort(command) {
    const url = /\b(https?):\/\/(?:\[[^\]]+\]|[^\s/:'"]+)(?::(\d{1,5}))?/i.exec(command);
    if (url)
        return url[2] ? Number(url[2]) : url[1].toLowerCase() === 'https' ? 443 : 80;
    const hostPort = /\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|::1):(\d{1,5})\b/.exec(command);
    if (hostPort)
        return Number(hostPort[1]);
    const nc = /\b(?:nc|netcat|ncat)\b[^|;&]*?\s(?:localhost|127\.0\.0\.1)\s+(\d{1,5})\b/.exec(command);
    if (nc)
        return Number(nc[1]);
    const flag = /(?:--port|-p)[=\s]+(\d{1,5})\b/.exec(command);
    if (flag)
        return Number(flag[1]);
    return null;
}
const PORT_ENV = /^(PORT|APP_PORT|HTTP_PORT|SERVER_PORT|LISTEN_PORT|WEB_PORT|ASPNETCORE_HTTP_PORTS|UVICORN_PORT|GUNICORN_PORT|FLASK_RUN_PORT)$/;
/** Ports the Dockerfile says the app listens on, strongest evidence first. */
function appPorts(model, stage) {
    const out = [];
    const add = (port, source, line) => {
        if (port > 0 && port < 65536 && !out.some((p) => p.port === port && p.source === source)) {
            out.push({ port, source, line });
        }
    };
    for (const key of ['ENTRYPOINT', 'CMD']) {
        const instr = lastInChain(model, key, stage);
        if (!instr)
            continue;
        const cmd = model.resolve(instr.json ? instr.json.join(' ') : instr.text, instr).value;
        for (const p of commandPorts(cmd))
            add(p, `${key} ${p}`, instr.line);
    }
    // The base image's ENV (ASPNETCORE_HTTP_PORTS=8080 on .NET 8+) counts unless the file sets it.
    const base = externalBase(model, [], stage);
    const setHere = new Set(chainInstructions(model, stage)
        .filter((i) => i.keyword === 'ENV')
        .flatMap((i) => i.properties.map((p) => p.name)));
    // ASPNETCORE_URLS set here overrides the image's ASPNETCORE_HTTP_PORTS.
    if (setHere.has('ASPNETCORE_URLS'))
        setHere.add('ASPNETCORE_HTTP_PORTS');
    for (const [key, value] of Object.entries(base?.info?.env ?? {})) {
        const n = envPort(key, value);
        if (n !== null && !setHere.has(key))
            add(n, `ENV ${key} (base image ${base.resolved.value})`, base.stage.line);
    }
    for (const instr of chainInstructions(model, stage)) {
        if (instr.keyword === 'ENV') {
            for (const p of instr.properties) {
                if (p.raw === null)
                    continue;
                const n = envPort(p.name, model.resolveWord(p.raw, instr).value);
                if (n !== null)
                    add(n, `ENV ${p.name}`, instr.line);
            }
        }
    }
    for (const instr of chainInstructions(model, stage)) {
        if (instr.keyword !== 'EXPOSE')
            continue;
        for (const a of instr.args) {
            const v = model.resolveWord(a, instr).value;
            const m = /^(?:[\d.]+:)?(\d{1,5})(?:-\d+)?(?:\/(tcp|udp|sctp))?$/i.exec(v);
            if (m && (m[2] ?? 'tcp').toLowerCase() === 'tcp')
                add(Number(m[1]), 'EXPOSE', instr.line);
        }
    }
    return out;
}
/** The port a PORT-style variable gives (`8080`, `8080;8081`, ASPNETCORE_URLS `http://+:80`), or null. */
function envPort(name, value) {
    if (name === 'ASPNETCORE_URLS') {
        const m = /^[a-z]+:\/\/[^/;:]*:(\d{1,5})/i.exec(value.trim());
        return m ? Number(m[1]) : null;
    }
    if (!PORT_ENV.test(name))
        return null;
    const n = Number(value.split(/[;,]/)[0]);
    return Number.isInteger(n) && value.trim() !== '' ? n : null;
}
/** Ports in a server command line: `--port 8000`, `-p 8000`, `--bind 0.0.0.0:8000`, `-b :8000`, `--listen`. */
function commandPorts(cmd) {
    const out = [];
    const re = /(?:^|\s)(?:--port|-p|--http-port|--listen-port)(?:=|\s+)(\d{1,5})\b|(?:^|\s)(?:--bind|-b|--listen|--host-port|--addr|--address)(?:=|\s+)['"]?(?:[\w.-]*|\[[^\]]*\]):(\d{1,5})\b/g;
    let m;
    while ((m = re.exec(cmd)) !== null)
        out.push(Number(m[1] ?? m[2]));
    return out;
}
/** ENV of the target image in effect at its end (later ENV wins), with the line that set each key. */
function finalEnv(model, stage) {
    const env = new Map();
    for (const instr of chainInstructions(model, stage)) {
        if (instr.keyword !== 'ENV')
            continue;
        for (const p of instr.properties) {
            // the value as written, expanded against the scope *before* this instruction, as Docker does
            const value = p.raw === null ? '' : model.resolveWord(p.raw, instr).value;
            env.set(p.name, { key: p.name, value, line: instr.line, instr });
        }
    }
    return [...env.values()];
}
/** Words of a RUN's shell text(s), heredoc bodies included, for simple "is X installed" questions. */
function runText(instr) {
    if (instr.json)
        return instr.json.join(' ');
    return [instr.text, ...instr.heredocs.map((h) => h.body)].join('\n');
}
/** Does a RUN in the target image install this OS package (apt/apk/yum/dnf/microdnf/tdnf/zypper)? */
function installsPackage(model, pkg, stage) {
    for (const instr of chainInstructions(model, stage)) {
        if (instr.keyword !== 'RUN')
            continue;
        for (const call of (0,_shell_package_managers_js__WEBPACK_IMPORTED_MODULE_1__/* .pmCallsOf */ .sS)(instr, model)) {
            if (!_shell_package_managers_js__WEBPACK_IMPORTED_MODULE_1__/* .OS_MANAGERS */ .sB.has(call.manager) || !(0,_shell_package_managers_js__WEBPACK_IMPORTED_MODULE_1__/* .isInstall */ .OK)(call))
                continue;
            // `curl=8.5.0-r0`, `wget>1.21`: the package name without its version
            if (call.operands.some((w) => w.replace(/[=<>].*$/, '') === pkg))
                return instr;
        }
    }
    return null;
}


/***/ }),

/***/ 3826:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ leadingFlagsLength),
/* harmony export */   s: () => (/* binding */ instructionWords)
/* harmony export */ });
// How Docker splits an instruction's arguments, before any shell sees them: leading
// `--flag[=value]` words, then words on whitespace outside quotes, with the escape directive's
// character (`\\` or a backtick) escaping the next one. Not the shell tokenizer (src/shell/):
// Docker knows no operators here, so `ARG A=x|y` is one word, and the escape may be a backtick.
/** Length of the leading `--flag[=value]` words and the whitespace around them. */
function leadingFlagsLength(text) {
    let at = 0;
    for (;;) {
        const m = /^\s*--[A-Za-z-]+(?:=(?:"[^"]*"|'[^']*'|\S*))?(?=\s|$)\s*/.exec(text.slice(at));
        if (!m)
            return at;
        at += m[0].length;
    }
}
/** Split on whitespace outside quotes; quotes and escapes are kept for later processing. */
function instructionWords(text, escapeChar = '\\') {
    const out = [];
    let cur = '';
    let quote = null;
    let has = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === escapeChar && i + 1 < text.length) {
            cur += c + text[i + 1];
            i++;
            has = true;
        }
        else if (quote) {
            cur += c;
            if (c === quote)
                quote = null;
        }
        else if (c === '"' || c === "'") {
            quote = c;
            cur += c;
            has = true;
        }
        else if (/\s/.test(c)) {
            if (has)
                out.push(cur);
            cur = '';
            has = false;
        }
        else {
            cur += c;
            has = true;
        }
    }
    if (has)
        out.push(cur);
    return out;
}


/***/ }),

/***/ 7541:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nt: () => (/* binding */ escapeRegExp),
/* harmony export */   kD: () => (/* binding */ lineMatching),
/* harmony export */   mn: () => (/* binding */ lineOfWord),
/* harmony export */   vc: () => (/* binding */ physicalLines),
/* harmony export */   zo: () => (/* binding */ codeLines)
/* harmony export */ });
/** Every physical line of the instruction, as written. */
function physicalLines(model, instr) {
    const out = [];
    for (let n = instr.line; n <= instr.endLine; n++)
        out.push({ line: n, text: model.lines[n - 1] ?? '' });
    return out;
}
/** First physical line whose text matches, else the instruction's first line. */
function lineMatching(model, instr, re) {
    // a global/sticky regexp would carry lastIndex from one line to the next
    const test = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
    for (const l of physicalLines(model, instr))
        if (test.test(l.text))
            return l.line;
    return instr.line;
}
/** First physical line where `word` stands as a whole word (`chown`, not `chowned` or `my-chown`). */
function lineOfWord(model, instr, word) {
    return lineMatching(model, instr, new RegExp(`(^|[^\\w-])${escapeRegExp(word)}($|[^\\w-])`));
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** The physical lines that are not comment lines (`# …` inside a continuation or a heredoc body). */
function codeLines(model, instr) {
    return physicalLines(model, instr).filter((l) => !/^\s*#/.test(l.text));
}


/***/ }),

/***/ 5241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(4436);
// EXTERNAL MODULE: ./src/report/types.ts
var types = __webpack_require__(2563);
;// CONCATENATED MODULE: ./src/option-parsers.ts
// Parsing and validating option values, shared by the action's inputs and the CLI's
// arguments: every problem is one line naming the input or option and the values it
// accepts, thrown as InputError and printed without a stack.
class InputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InputError';
    }
}
/** `Input "fail-on"` for the action, `Option --fail-on` for the CLI. */
function label(name) {
    return name.startsWith('-') ? `Option ${name}` : `Input "${name}"`;
}
/** Lines of a multi-line input, trimmed, without blanks and `#` comments. */
function lines(value) {
    return value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
}
/** A list input: newline- or comma-separated. */
function list(value) {
    return lines(value)
        .flatMap((l) => l.split(','))
        .map((s) => s.trim())
        .filter(Boolean);
}
function parseBoolean(name, value, fallback) {
    const v = value.trim();
    if (v === '')
        return fallback;
    if (/^(true|yes|on|1)$/i.test(v))
        return true;
    if (/^(false|no|off|0)$/i.test(v))
        return false;
    throw new InputError(`${label(name)} must be true or false, got "${v}".`);
}
function parseEnum(name, value, allowed, fallback) {
    const v = value.trim().toLowerCase();
    if (v === '')
        return fallback;
    if (allowed.includes(v))
        return v;
    throw new InputError(`${label(name)} must be one of ${allowed.join(', ')}; got "${value.trim()}".`);
}
function parseSeconds(name, value, fallback) {
    const v = value.trim();
    if (v === '')
        return fallback;
    // Accept "90" or "90s"; nothing else, so a typo never silently becomes the default.
    const m = /^(\d+(?:\.\d+)?)s?$/.exec(v);
    if (!m || Number(m[1]) <= 0) {
        throw new InputError(`${label(name)} must be a positive number of seconds (e.g. 60); got "${v}".`);
    }
    return Number(m[1]);
}
/** KEY=VALUE lines; values may contain '=' and ','. */
function parseKeyValues(name, value) {
    const out = {};
    for (const line of lines(value)) {
        const eq = line.indexOf('=');
        if (eq <= 0) {
            throw new InputError(`${label(name)}: "${line}" is not KEY=VALUE (one per line).`);
        }
        const key = line.slice(0, eq).trim();
        if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) {
            throw new InputError(`${label(name)}: "${key}" is not a valid variable name.`);
        }
        out[key] = line.slice(eq + 1);
    }
    return out;
}
const RULE_ID = /^HC\d{3}$/;
function parseRuleIds(name, value) {
    const ids = list(value).map((s) => s.toUpperCase());
    for (const id of ids) {
        if (!RULE_ID.test(id))
            throw new InputError(`${label(name)}: "${id}" is not a rule id like HC101.`);
    }
    return ids;
}
/**
 * The checks a run must pass (the `checks` input): any of `allowed`, comma- or
 * newline-separated, `all` for every one; empty gives the default list.
 */
function parseCheckIds(name, value, allowed, fallback) {
    const ids = list(value).map((s) => s.toLowerCase());
    if (ids.length === 0)
        return [...fallback];
    if (ids.includes('all'))
        return [...allowed];
    for (const id of ids) {
        if (!allowed.includes(id))
            throw new InputError(`${label(name)}: "${id}" is not a check id; use all or any of ${allowed.join(', ')}.`);
    }
    // report order, once each
    return allowed.filter((a) => ids.includes(a));
}
// Docker's own rule for network names; `container:<name>` shares another container's stack.
const NETWORK_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
/** `docker run --network`: none (default), bridge, host, container:<name> or a network's name. */
function parseNetwork(name, value) {
    const v = value.trim();
    if (v === '')
        return 'none';
    const target = v.startsWith('container:') ? v.slice('container:'.length) : v;
    if (NETWORK_NAME.test(target))
        return v;
    throw new InputError(`${label(name)} must be none, bridge, host, container:<name> or the name of a network ` +
        `(letters, digits, _ . -); got "${v}".`);
}

;// CONCATENATED MODULE: ./src/inputs.ts
// Read the action's inputs into one typed object whose keys are the exact input names
// of action.yml, validated by the parsers the CLI shares (option-parsers.ts).




const REVIEW_VALUES = ['off', 'changed', 'all'];
const fromCore = (name) => core/* getInput */.V4(name);
function getInputs(read = fromCore) {
    const dockerfile = lines(read('dockerfile'));
    return {
        dockerfile: dockerfile.length > 0 ? dockerfile : ['Dockerfile'],
        context: read('context').trim(),
        'build-args': parseKeyValues('build-args', read('build-args')),
        target: read('target').trim(),
        'build-flags': lines(read('build-flags')),
        image: read('image').trim(),
        build: parseBoolean('build', read('build'), true),
        run: parseBoolean('run', read('run'), true),
        'env-overrides': parseKeyValues('env-overrides', read('env-overrides')),
        'health-timeout': parseSeconds('health-timeout', read('health-timeout'), 60),
        'run-args': lines(read('run-args')),
        network: parseNetwork('network', read('network')),
        'fail-on': parseEnum('fail-on', read('fail-on'), types/* FAIL_ON_VALUES */.Qm, 'error'),
        ignore: parseRuleIds('ignore', read('ignore')),
        config: read('config').trim(),
        comment: parseBoolean('comment', read('comment'), true),
        'comment-tag': read('comment-tag').trim(),
        'github-token': read('github-token').trim(),
        review: parseEnum('review', read('review'), REVIEW_VALUES, 'changed'),
        'sarif-file': read('sarif-file').trim(),
        summary: parseBoolean('summary', read('summary'), true),
        report: read('report').trim(),
        plan: parseBoolean('plan', read('plan'), false),
        checks: parseCheckIds('checks', read('checks'), types/* ALL_CHECK_IDS */.aV, types/* CHECK_IDS */.Sh),
        'stop-timeout': parseSeconds('stop-timeout', read('stop-timeout'), 10),
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/config.ts
// `.harden-check.yml`: ignores, severity overrides, opt-in rules and trusted base images.
// Validated strictly: an unknown key or a wrong type is an error naming the file and line,
// because a typo in a security tool's config must never silently disable nothing.


const DEFAULT_CONFIG = {
    path: null,
    ignore: [],
    severity: {},
    enable: [],
    trustedBaseImages: [],
    allowInlineIgnore: true,
    allowedRegistries: [],
};
class ConfigError extends Error {
}
const KEYS = [
    'ignore',
    'severity',
    'enable',
    'trusted-base-images',
    'allow-inline-ignore',
    'allowed-registries',
];
const config_RULE_ID = /^HC\d{3}$/;
const SEVERITY_VALUES = ['error', 'warning', 'note', 'off'];
/** Load the config: an explicit path must exist; the default path is optional. */
function loadConfig(explicitPath, defaultPath) {
    const path = explicitPath || defaultPath;
    if (!(0,external_node_fs_.existsSync)(path)) {
        if (explicitPath)
            throw new ConfigError(`${explicitPath}: config file not found.`);
        return { ...DEFAULT_CONFIG };
    }
    return parseConfig((0,external_node_fs_.readFileSync)(path, 'utf8'), path);
}
function parseConfig(text, path) {
    const counter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: counter, prettyErrors: false });
    const lineOf = (node) => {
        const range = node?.range;
        return range ? counter.linePos(range[0]).line : 1;
    };
    const fail = (node, msg) => {
        throw new ConfigError(`${path}:${lineOf(node)}: ${msg}`);
    };
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const line = e.linePos?.[0]?.line ?? 1;
        throw new ConfigError(`${path}:${line}: invalid YAML: ${e.message.split('\n')[0]}`);
    }
    const config = {
        ...DEFAULT_CONFIG,
        path,
        ignore: [],
        severity: {},
        enable: [],
        trustedBaseImages: [],
        allowedRegistries: [],
    };
    const root = doc.contents;
    if (root === null || ((0,dist/* isScalar */.jn)(root) && (root.value === null || root.value === '')))
        return config;
    if (!(0,dist/* isMap */.jh)(root))
        return fail(root, 'the config must be a mapping of keys (ignore, severity, ...).');
    const ruleList = (node, key) => {
        if (!(0,dist/* isSeq */.oP)(node))
            return fail(node, `"${key}" must be a list of rule ids like HC101.`);
        return node.items.map((item) => {
            const v = (0,dist/* isScalar */.jn)(item) ? String(item.value).toUpperCase() : '';
            if (!config_RULE_ID.test(v))
                fail(item, `"${key}": "${(0,dist/* isScalar */.jn)(item) ? item.value : '?'}" is not a rule id like HC101.`);
            return v;
        });
    };
    for (const pair of root.items) {
        const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '';
        const value = pair.value;
        switch (key) {
            case 'ignore':
                config.ignore = ruleList(value, key);
                break;
            case 'enable':
                config.enable = ruleList(value, key);
                break;
            case 'severity': {
                if (!(0,dist/* isMap */.jh)(value))
                    fail(value, '"severity" must map rule ids to error, warning, note or off.');
                for (const p of value.items) {
                    const id = (0,dist/* isScalar */.jn)(p.key) ? String(p.key.value).toUpperCase() : '';
                    const sev = (0,dist/* isScalar */.jn)(p.value) ? String(p.value.value).toLowerCase() : '';
                    if (!config_RULE_ID.test(id))
                        fail(p.key, `"severity": "${id}" is not a rule id like HC101.`);
                    if (!SEVERITY_VALUES.includes(sev)) {
                        fail(p.value, `"severity.${id}" must be one of ${SEVERITY_VALUES.join(', ')}; got "${sev}".`);
                    }
                    config.severity[id] = sev;
                }
                break;
            }
            case 'trusted-base-images': {
                if (!(0,dist/* isSeq */.oP)(value))
                    fail(value, '"trusted-base-images" must be a list of {image, user}.');
                for (const item of value.items) {
                    if (!(0,dist/* isMap */.jh)(item))
                        fail(item, 'each trusted base image is a mapping with "image" and "user".');
                    const m = item;
                    for (const p of m.items) {
                        const k = (0,dist/* isScalar */.jn)(p.key) ? String(p.key.value) : '';
                        if (k !== 'image' && k !== 'user')
                            fail(p.key, `unknown key "${k}" in trusted-base-images (use image, user).`);
                    }
                    const image = m.get('image');
                    const user = m.get('user');
                    if (typeof image !== 'string' || image === '')
                        fail(item, 'trusted base image needs "image" (e.g. myorg/base:*).');
                    if ((typeof user !== 'string' && typeof user !== 'number') || String(user) === '') {
                        fail(item, 'trusted base image needs "user" (the uid it runs as, e.g. 1000).');
                    }
                    config.trustedBaseImages.push({ image: image, user: String(user) });
                }
                break;
            }
            case 'allowed-registries': {
                if (!(0,dist/* isSeq */.oP)(value))
                    fail(value, '"allowed-registries" must be a list such as [ghcr.io/acme/, docker.io].');
                for (const item of value.items) {
                    if (!(0,dist/* isScalar */.jn)(item) || typeof item.value !== 'string' || item.value.trim() === '') {
                        fail(item, '"allowed-registries" entries are registry hosts or prefixes, e.g. ghcr.io/acme/.');
                    }
                    config.allowedRegistries.push(String(item.value).trim());
                }
                break;
            }
            case 'allow-inline-ignore': {
                if (!(0,dist/* isScalar */.jn)(value) || typeof value.value !== 'boolean')
                    fail(value, '"allow-inline-ignore" must be true or false.');
                config.allowInlineIgnore = value.value;
                break;
            }
            default:
                fail(pair.key, `unknown key "${key}" (allowed: ${KEYS.join(', ')}).`);
        }
    }
    return config;
}

// EXTERNAL MODULE: ./src/audit/settle.ts + 3 modules
var settle = __webpack_require__(4365);
// EXTERNAL MODULE: ./src/dockerfile/errors.ts
var errors = __webpack_require__(2343);
// EXTERNAL MODULE: ./src/report/verdict.ts
var verdict = __webpack_require__(687);
;// CONCATENATED MODULE: ./src/report/finalize.ts

/** The report of these targets under this threshold. */
function finalizeReport(targets, failOn) {
    return judged({
        version: 1,
        targets,
        checks: targets.length === 1 ? targets[0].checks : mergeAcrossTargets(targets),
        findings: targets.flatMap((t) => t.findings),
    }, failOn);
}
/** A report's content judged under this threshold (the result in a file is never trusted). */
function judged(content, failOn) {
    const report = {
        version: 1,
        result: 'pass',
        failOn,
        targets: content.targets,
        checks: content.checks,
        findings: content.findings,
    };
    return deepFreeze({ ...report, result: (0,verdict/* decideResult */._s)(report, failOn) });
}
/** With several targets, the top-level checklist shows the worst status per check. */
function mergeAcrossTargets(targets) {
    const rank = { fail: 0, error: 1, pass: 2, skip: 3 };
    const ids = targets[0]?.checks.map((c) => c.id) ?? [];
    return ids.map((id) => {
        const all = targets.map((t) => ({ t, c: t.checks.find((c) => c.id === id) })).filter((x) => x.c);
        all.sort((a, b) => rank[a.c.status] - rank[b.c.status]);
        const worst = all[0];
        return { ...worst.c, detail: `${worst.t.dockerfile}: ${worst.c.detail}` };
    });
}
function deepFreeze(value) {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const v of Object.values(value))
            deepFreeze(v);
    }
    return value;
}

;// CONCATENATED MODULE: ./src/targets.ts
// Resolve the `dockerfile` input (paths, lists, globs) into existing files.
// A small glob matcher (`*`, `**`, `?`, `{a,b}`) keeps the bundle free of a glob dependency.



const SKIP_DIRS = new Set(['node_modules', '.git']);
const MAX_FILES_WALKED = 200_000;
function hasGlob(pattern) {
    return /[*?{[]/.test(pattern);
}
function globToRegExp(pattern) {
    let re = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*') {
            if (pattern[i + 1] === '*') {
                // `**/` matches zero or more folders
                const slash = pattern[i + 2] === '/';
                re += slash ? '(?:.*/)?' : '.*';
                i += slash ? 2 : 1;
            }
            else
                re += '[^/]*';
        }
        else if (c === '?')
            re += '[^/]';
        else if (c === '{') {
            const close = pattern.indexOf('}', i);
            if (close < 0)
                re += '\\{';
            else {
                re +=
                    '(?:' +
                        pattern
                            .slice(i + 1, close)
                            .split(',')
                            .map(targets_escape)
                            .join('|') +
                        ')';
                i = close;
            }
        }
        else
            re += targets_escape(c);
    }
    return new RegExp('^' + re + '$');
}
function targets_escape(s) {
    return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}
/** Workspace-relative POSIX paths of the Dockerfiles, in input order, without duplicates. */
function resolveDockerfiles(patterns, workspace, inputName = 'dockerfile') {
    const out = [];
    const where = inputName ? `Input "${inputName}": ` : '';
    const add = (rel) => {
        // Outside the workspace, show the absolute path rather than a chain of `../`.
        const shown = rel.startsWith('..') ? external_node_path_.resolve(workspace, rel) : rel;
        const p = shown.split(external_node_path_.sep).join('/');
        if (!out.includes(p))
            out.push(p);
    };
    for (const raw of patterns) {
        const pattern = raw.replace(/\\/g, '/').replace(/^\.\//, '');
        if (!hasGlob(pattern)) {
            const abs = external_node_path_.resolve(workspace, pattern);
            if (!(0,external_node_fs_.existsSync)(abs))
                throw new InputError(`${where}${raw}: Dockerfile not found (looked in ${workspace}).`);
            if ((0,external_node_fs_.statSync)(abs).isDirectory()) {
                const inside = external_node_path_.join(abs, 'Dockerfile');
                if (!(0,external_node_fs_.existsSync)(inside))
                    throw new InputError(`${where}${raw} is a folder without a Dockerfile.`);
                add(external_node_path_.relative(workspace, inside));
            }
            else
                add(external_node_path_.relative(workspace, abs) || pattern);
            continue;
        }
        const re = globToRegExp(pattern);
        // Walk only below the glob's fixed prefix.
        const fixed = pattern.split('/').findIndex((seg) => hasGlob(seg));
        const base = pattern.split('/').slice(0, fixed).join('/');
        const matches = [];
        walk(external_node_path_.resolve(workspace, base || '.'), workspace, (rel) => {
            if (re.test(rel))
                matches.push(rel);
        });
        if (matches.length === 0) {
            throw new InputError(`${where}the pattern "${raw}" matched no file.`);
        }
        matches.sort().forEach(add);
    }
    return out;
}
function walk(dir, workspace, visit) {
    let seen = 0;
    const stack = [dir];
    while (stack.length > 0) {
        const d = stack.pop();
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(d, { withFileTypes: true });
        }
        catch {
            continue;
        }
        for (const e of entries) {
            if (++seen > MAX_FILES_WALKED)
                return;
            const abs = external_node_path_.join(d, e.name);
            if (e.isDirectory()) {
                if (!SKIP_DIRS.has(e.name))
                    stack.push(abs);
            }
            else if (e.isFile()) {
                visit(external_node_path_.relative(workspace, abs).split(external_node_path_.sep).join('/'));
            }
        }
    }
}

// EXTERNAL MODULE: ./src/contracts.ts
var contracts = __webpack_require__(5344);
;// CONCATENATED MODULE: ./src/pipeline.ts
// The pipeline both entry points run: targets -> static audit -> (build, run, probes)
// -> one Report. No GitHub here: publishing is the caller's job.









/** A Dockerfile that cannot be read: reported with its path, never a stack trace. */
class DockerfileReadError extends Error {
}
/** The text of a target (`file` as the user named it, `abs` resolved); DockerfileReadError when unreadable. */
function readDockerfile(file, abs) {
    try {
        return (0,external_node_fs_.readFileSync)(abs, 'utf8');
    }
    catch (e) {
        throw new DockerfileReadError(`${file}: cannot read the Dockerfile (${e.code ?? e}).`);
    }
}
async function runPipeline(opts) {
    const files = resolveDockerfiles(opts.dockerfile, opts.workspace, opts.dockerfileInput ?? 'dockerfile');
    checkContext(opts);
    // Asked once for all targets; each awaits it before starting its build.
    const engine = checkEngine(opts);
    engine.catch(() => undefined); // a read error may come first; the rejection is then moot
    const targets = [];
    for (const file of files) {
        targets.push(await auditTarget(file, opts, engine));
    }
    return finalizeReport(targets, opts.failOn);
}
/** A build context that is not a directory fails the build with docker's words; say it as an input error. */
function checkContext(opts) {
    if (!opts.build || opts.image !== '' || opts.context === '')
        return;
    const dir = external_node_path_.resolve(opts.workspace, opts.context);
    if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory()) {
        throw new InputError(`${opts.contextInput ?? 'Input "context"'}: "${opts.context}" is not a directory (looked in ${opts.workspace}).`);
    }
}
/** A build or an image to check: the runtime half is asked for. */
function wantsRuntime(opts) {
    return opts.image !== '' || opts.build;
}
/** Does an engine answer (warned once when not)? Throws InputError for a missing `image`. */
async function checkEngine(opts) {
    if (!wantsRuntime(opts) || !opts.runtime)
        return false;
    const engine = await opts.runtime.available();
    if (!engine) {
        opts.host.warning('No Docker engine answered: static audit only (the healthy and env-override checks are skipped).');
        return false;
    }
    if (opts.image !== '' && opts.runtime.imageExists && !(await opts.runtime.imageExists(opts.image))) {
        throw new InputError(`${opts.imageInput ?? 'Input "image"'}: "${opts.image}" is not in the Docker engine; pull or build it before this step, or leave it empty to build the Dockerfile.`);
    }
    return true;
}
async function auditTarget(file, opts, engineCheck) {
    const abs = external_node_path_.resolve(opts.workspace, file);
    const text = readDockerfile(file, abs);
    const context = external_node_path_.resolve(opts.workspace, opts.context || external_node_path_.dirname(file));
    // The build does not need the audit, only the probes after it do: start the build, then
    // load the audit modules (the parser, the validator, every rule) and audit while it runs.
    const facts = deferred();
    let verifying = null;
    // false at once when no runtime is asked for (checkEngine)
    if (opts.runtime && (await engineCheck)) {
        opts.host.info(`${file}: ${opts.image ? `verifying image ${opts.image}` : 'building and verifying the image'}…`);
        verifying = opts.runtime.verify({
            dockerfile: abs,
            displayPath: file,
            context,
            buildArgs: opts.buildArgs,
            target: opts.target,
            buildFlags: opts.buildFlags,
            image: opts.image,
            run: opts.run,
            envOverrides: opts.envOverrides,
            healthTimeoutSeconds: opts.healthTimeout,
            stopTimeoutSeconds: opts.stopTimeout ?? contracts/* DEFAULT_STOP_TIMEOUT_SECONDS */.x,
            runArgs: opts.runArgs,
            network: opts.network,
            runId: opts.runId,
            host: opts.host,
            facts: facts.promise,
        });
    }
    let scan;
    let auditSeconds;
    try {
        const { scanDockerfile } = await Promise.all(/* import() */[__webpack_require__.e(804), __webpack_require__.e(967), __webpack_require__.e(983), __webpack_require__.e(461)]).then(__webpack_require__.bind(__webpack_require__, 2461));
        const t0 = process.hrtime.bigint();
        scan = scanDockerfile({
            file,
            text,
            target: opts.target || undefined,
            buildArgs: opts.buildArgs,
            buildFlags: opts.buildFlags,
            config: opts.config,
            ignore: opts.ignore,
            dockerignore: readDockerignore(abs, context),
        });
        auditSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
        facts.resolve(scan.facts);
    }
    catch (e) {
        // The verification stops at the facts and removes what it built before we report.
        facts.reject(e);
        await verifying?.catch(() => undefined);
        if (e instanceof errors/* TargetNotFoundError */.n) {
            throw new InputError(`${opts.targetInput ?? 'Input "target"'}: ${e.message}`);
        }
        throw e;
    }
    const timings = { audit: round(auditSeconds) };
    if (!wantsRuntime(opts) || !verifying) {
        const { checks, findings } = (0,settle/* settle */.G)(scan, null, opts.checks ?? types/* CHECK_IDS */.Sh);
        const note = wantsRuntime(opts)
            ? 'No Docker engine answered: static audit only.'
            : 'Static audit only (build: false).';
        return { dockerfile: file, image: null, checks, findings, timings, notes: [note] };
    }
    const runtime = await verifying;
    const { checks, findings } = (0,settle/* settle */.G)(scan, runtime, opts.checks ?? types/* CHECK_IDS */.Sh);
    const target = {
        dockerfile: file,
        image: runtime.imageId,
        checks,
        findings,
        timings,
        notes: [],
    };
    target.timings.build = runtime.timings.build;
    target.timings.verify = runtime.timings.verify;
    target.buildLogTail = runtime.buildLogTail;
    target.healthLog = runtime.healthLog;
    if (runtime.kubernetes)
        target.kubernetes = runtime.kubernetes;
    target.notes.push(...runtime.notes);
    return target;
}
/** A promise with its resolve and reject at hand (the facts the verification waits for). */
function deferred() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
        resolve = res;
        reject = rej;
    });
    promise.catch(() => undefined); // a verification that never asks must not leave it unhandled
    return { promise, resolve, reject };
}
/** `.dockerignore` of the context, or `<Dockerfile>.dockerignore` next to the Dockerfile (BuildKit). */
function readDockerignore(dockerfile, context) {
    for (const candidate of [`${dockerfile}.dockerignore`, external_node_path_.join(context, '.dockerignore')]) {
        if ((0,external_node_fs_.existsSync)(candidate)) {
            try {
                return (0,external_node_fs_.readFileSync)(candidate, 'utf8');
            }
            catch {
                return null;
            }
        }
    }
    return null;
}
function round(n) {
    return Math.round(n * 1000) / 1000;
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(4285);
// EXTERNAL MODULE: ./src/secrets/detect.ts
var detect = __webpack_require__(5042);
;// CONCATENATED MODULE: ./src/report/json.ts
// The report JSON: written by every run, read back by the `report` input (the
// workflow_run half of the fork-PR recipe). A report file from a fork is untrusted input,
// so reading it checks every field the renderers rely on and fails with one line that
// names the first bad field.




class ReportFormatError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ReportFormatError';
    }
}
/** The report JSON; a published report carries its origin (comment tag, PR) beside it. */
function serializeReport(report, origin = {}) {
    return `${JSON.stringify({ ...report, ...origin }, null, 2)}\n`;
}
/** `${RUNNER_TEMP}/harden-check-report-<tag>.json`, the tag reduced to file-name characters. */
function reportJsonPath(dir, tag) {
    const safe = (0,markdown/* sanitizeTag */.iP)(tag).replace(/[^A-Za-z0-9._-]+/g, '_');
    return external_node_path_.join(dir, `harden-check-report-${safe}.json`);
}
const STATUSES = ['pass', 'fail', 'skip', 'error'];
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
// Small structural checks with a path in every message: the first problem wins.
function fail(where, what) {
    throw new ReportFormatError(`${where} ${what}`);
}
function str(o, key, where, optional = false) {
    if (optional && o[key] === undefined)
        return;
    if (typeof o[key] !== 'string')
        fail(`${where}.${key}`, 'must be a string');
}
function positiveInt(o, key, where, optional = false) {
    if (optional && o[key] === undefined)
        return;
    const v = o[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
        fail(`${where}.${key}`, 'must be a positive integer');
}
function oneOf(o, key, allowed, where, optional = false) {
    if (optional && o[key] === undefined)
        return;
    if (!allowed.includes(o[key]))
        fail(`${where}.${key}`, `must be one of ${allowed.join(', ')}`);
}
function array(o, key, where) {
    const v = o[key];
    if (!Array.isArray(v))
        fail(`${where}.${key}`, 'must be an array');
    return v;
}
function optionalStrings(o, key, where) {
    if (o[key] === undefined)
        return;
    if (!Array.isArray(o[key]) || !o[key].every((s) => typeof s === 'string')) {
        fail(`${where}.${key}`, 'must be an array of strings');
    }
}
function checkCheck(c, where) {
    if (!isObject(c))
        fail(where, 'must be an object');
    oneOf(c, 'id', types/* ALL_CHECK_IDS */.aV, where);
    oneOf(c, 'status', STATUSES, where);
    str(c, 'detail', where);
    str(c, 'diagnosis', where, true);
    positiveInt(c, 'line', where, true);
    positiveInt(c, 'endLine', where, true);
    str(c, 'stage', where, true);
    if (c.seconds !== undefined && typeof c.seconds !== 'number')
        fail(`${where}.seconds`, 'must be a number');
    if (c.required !== undefined && typeof c.required !== 'boolean')
        fail(`${where}.required`, 'must be true or false');
}
function checkFinding(f, where) {
    if (!isObject(f))
        fail(where, 'must be an object');
    str(f, 'ruleId', where);
    oneOf(f, 'severity', types/* SEVERITIES */.oC, where);
    str(f, 'file', where);
    positiveInt(f, 'line', where);
    positiveInt(f, 'endLine', where, true);
    positiveInt(f, 'column', where, true);
    positiveInt(f, 'endColumn', where, true);
    str(f, 'message', where);
    oneOf(f, 'check', types/* ALL_CHECK_IDS */.aV, where, true);
}
/** Check that a parsed value has the Report shape; throws ReportFormatError naming the first bad field. */
function validateReport(value) {
    if (!isObject(value))
        fail('report', 'must be a JSON object');
    if (value.version !== 1)
        fail('report.version', 'must be 1');
    oneOf(value, 'result', ['pass', 'fail'], 'report');
    oneOf(value, 'failOn', types/* FAIL_ON_VALUES */.Qm, 'report', true);
    str(value, 'commentTag', 'report', true);
    array(value, 'targets', 'report').forEach((t, i) => {
        const where = `report.targets[${i}]`;
        if (!isObject(t))
            fail(where, 'must be an object');
        str(t, 'dockerfile', where);
        if (t.image !== null && typeof t.image !== 'string')
            fail(`${where}.image`, 'must be a string or null');
        array(t, 'checks', where).forEach((c, j) => checkCheck(c, `${where}.checks[${j}]`));
        array(t, 'findings', where).forEach((f, j) => checkFinding(f, `${where}.findings[${j}]`));
        if (!isObject(t.timings))
            fail(`${where}.timings`, 'must be an object');
        str(t, 'buildLogTail', where, true);
        str(t, 'healthLog', where, true);
        str(t, 'kubernetes', where, true);
        optionalStrings(t, 'notes', where);
    });
    array(value, 'checks', 'report').forEach((c, j) => checkCheck(c, `report.checks[${j}]`));
    array(value, 'findings', 'report').forEach((f, j) => checkFinding(f, `report.findings[${j}]`));
    if (value.pullRequest !== undefined) {
        const pr = value.pullRequest;
        if (!isObject(pr))
            fail('report.pullRequest', 'must be an object');
        positiveInt(pr, 'number', 'report.pullRequest');
        if (typeof pr.headSha !== 'string' || !/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(pr.headSha)) {
            fail('report.pullRequest.headSha', 'must be a full commit sha');
        }
    }
    const { version, result, failOn, targets, checks, findings, commentTag, pullRequest } = value;
    const report = { version, result, failOn, targets, checks, findings };
    const origin = {};
    if (commentTag !== undefined)
        origin.commentTag = commentTag;
    if (pullRequest !== undefined)
        origin.pullRequest = pullRequest;
    return { report, origin };
}
/** Parse report JSON text; `source` names the file in the error message. */
function parseReport(text, source) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (e) {
        // The parser may quote the text; redact in case the file holds a credential.
        const why = (0,detect/* redact */.E$)(e.message.split('\n')[0]).slice(0, 200);
        throw new ReportFormatError(`${source} is not valid JSON: ${why}`);
    }
    try {
        return validateReport(value);
    }
    catch (e) {
        if (e instanceof ReportFormatError) {
            throw new ReportFormatError(`${source} is not a harden-check report: ${e.message}.`);
        }
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/report/gather.ts
// Gather: the reports of many matrix legs (downloaded artifacts) published as one. Each
// file is read and validated on its own (a leg's report is untrusted input), then the
// targets are put together into one Report whose verdict covers them all.






/** A gathered run carries at most this many reports: beyond it a comment says little per service. */
const MAX_REPORTS = 500;
/** The files the `report` input names: one per line (or comma), globs allowed, in a stable order. */
function resolveReportFiles(spec, workspace) {
    const files = [];
    for (const entry of spec) {
        const found = hasGlob(entry)
            ? resolveDockerfiles([entry], workspace, 'report')
            : [
                (0,external_node_fs_.statSync)(external_node_path_.resolve(workspace, entry), { throwIfNoEntry: false })?.isDirectory()
                    ? // A folder (e.g. download-artifact's path): every report JSON below it.
                        resolveDockerfiles([`${entry.replace(/\/+$/, '')}/**/*.json`], workspace, 'report')
                    : entry,
            ].flat();
        for (const f of found)
            if (!files.includes(f))
                files.push(f);
    }
    if (files.length > MAX_REPORTS) {
        throw new InputError(`Input "report": ${files.length} files, more than the ${MAX_REPORTS} one run publishes.`);
    }
    return files;
}
function readReportFile(file, workspace) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(external_node_path_.resolve(workspace, file), 'utf8');
    }
    catch (e) {
        throw new InputError(`Input "report": cannot read ${file} (${e.code ?? e.message}).`);
    }
    return parseReport(text, file);
}
/**
 * One final Report from several files: every target, judged again (a result written in a
 * file is never trusted) under the legs' common fail-on, or under the gather step's own
 * when the legs disagree; the origin's pull request only when every file that names one
 * names the same.
 */
function mergeReports(files, fallbackFailOn) {
    const failOns = new Set(files.map(({ report }) => report.failOn ?? fallbackFailOn));
    const failOn = failOns.size === 1 ? [...failOns][0] : fallbackFailOn;
    const claimed = files.filter(({ origin }) => origin.pullRequest);
    const first = claimed[0];
    for (const { file, origin } of claimed) {
        const pr = origin.pullRequest;
        const firstPr = first.origin.pullRequest;
        if (pr.number !== firstPr.number || pr.headSha.toLowerCase() !== firstPr.headSha.toLowerCase()) {
            throw new ReportFormatError(`${file} is for PR ${pr.number} (${pr.headSha.slice(0, 7)}), but ${first.file} is for PR ` +
                `${firstPr.number} (${firstPr.headSha.slice(0, 7)}): gather the reports of one pull request run.`);
        }
    }
    const tags = new Set(files.map(({ origin }) => origin.commentTag).filter(Boolean));
    const origin = {
        ...(first ? { pullRequest: first.origin.pullRequest } : {}),
        ...(tags.size === 1 ? { commentTag: [...tags][0] } : {}),
    };
    if (files.length === 1) {
        return { report: judged(files[0].report, failOn), origin };
    }
    const targets = files.flatMap(({ report }) => report.targets);
    return { report: finalizeReport(targets, failOn), origin };
}

// EXTERNAL MODULE: ./src/report/check-findings.ts
var check_findings = __webpack_require__(7549);
// EXTERNAL MODULE: ./src/report/docs.ts
var report_docs = __webpack_require__(6267);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
// EXTERNAL MODULE: ./src/report/paths.ts
var paths = __webpack_require__(4278);
;// CONCATENATED MODULE: ./src/report/annotations.ts
// Which findings become GitHub annotations. GitHub shows 10 error and 10 warning
// annotations per step, so we choose: most severe first, then by file and line, at most
// `limit` per level, and count what was left out so the summary can say so.





const LEVEL = { error: 'error', warning: 'warning', note: 'notice' };
const RANK = { error: 0, warning: 1, note: 2 };
const ANNOTATIONS_PER_LEVEL = 10;
function planAnnotations(report, opts = {}) {
    const limit = opts.limit ?? ANNOTATIONS_PER_LEVEL;
    const sorted = (0,check_findings/* findingsWithFailedChecks */.Nd)(report).sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.file.localeCompare(b.file) || a.line - b.line);
    const perLevel = { error: 0, warning: 0, notice: 0 };
    const annotations = [];
    let omitted = 0;
    for (const f of sorted) {
        const level = LEVEL[f.severity];
        if (perLevel[level] >= limit) {
            omitted++;
            continue;
        }
        perLevel[level]++;
        const doc = (0,report_docs/* ruleDocUrl */.Cg)(f.ruleId);
        const text = (0,report_escape/* truncate */.xv)((0,report_escape/* stripControl */.kU)((0,detect/* redact */.E$)(f.message, opts.secrets ?? [])), 1000);
        const startLine = Math.max(1, Math.trunc(f.line) || 1);
        annotations.push({
            level,
            message: doc ? `${text}\n${doc}` : text,
            properties: {
                title: (0,report_escape/* stripControl */.kU)(f.ruleId).slice(0, 60),
                file: (0,paths/* toRepoPath */.x)(f.file, opts.workspace),
                startLine,
                ...(f.endLine && f.endLine > startLine ? { endLine: f.endLine } : {}),
            },
        });
    }
    return { annotations, omitted };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/rules/types.ts
var rules_types = __webpack_require__(3182);
;// CONCATENATED MODULE: ./src/report/rule-meta.ts
const noRuleMeta = () => undefined;
/** Anchors as "tool: ID, ID" pairs, ignoring anything that is not a list of strings. */
function anchorEntries(anchors) {
    if (!anchors)
        return [];
    return Object.entries(anchors)
        .filter((e) => Array.isArray(e[1]) && e[1].length > 0 && e[1].every((x) => typeof x === 'string'))
        .sort((a, b) => a[0].localeCompare(b[0]));
}

;// CONCATENATED MODULE: ./src/report/sarif.ts
// SARIF 2.1.0 for github/codeql-action/upload-sarif: one run, rules with full metadata,
// results in a deterministic order with repository-relative locations and
// fingerprints that survive unrelated edits (they hash the line's content, not its number).








const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL_NAME = 'harden-check';
const TOOL_URI = 'https://github.com/harden-check/harden-check';
// security-severity is a CVSS-like score: only error rules claim one ("high").
const SECURITY_SEVERITY = { error: '8.0' };
const PROBLEM_SEVERITY = {
    error: 'error',
    warning: 'warning',
    note: 'recommendation',
};
const CHECKLIST_URI = `${rules_types/* DOCS_BASE */.M.replace(/docs\/rules\/$/, '')}README.md#the-checklist`;
function ruleInfo(id, fallbackSeverity, lookup) {
    const check = types/* ALL_CHECK_IDS */.aV.find((c) => (0,check_findings/* checkRuleId */.cd)(c) === id);
    if (check) {
        return {
            id,
            title: `Check failed: ${check_findings/* CHECK_LABELS */.Bt[check]}`,
            description: `The runtime checklist item "${check_findings/* CHECK_LABELS */.Bt[check]}" (${check}) failed for the built container.`,
            severity: 'error',
            helpUri: CHECKLIST_URI,
            check,
            anchors: [],
        };
    }
    const meta = lookup(id);
    const docs = meta?.docs && /^https:\/\//.test(meta.docs) ? meta.docs : ((0,report_docs/* ruleDocUrl */.Cg)(id) ?? TOOL_URI);
    return {
        id,
        title: meta?.title ?? id,
        description: meta?.description ?? meta?.title ?? `harden-check rule ${id}.`,
        severity: meta?.severity ?? fallbackSeverity,
        helpUri: docs,
        check: meta?.check,
        anchors: anchorEntries(meta?.anchors),
    };
}
function sarifRule(r) {
    const tags = ['security', 'dockerfile', 'container'];
    if (r.check)
        tags.push(`check:${r.check}`);
    const anchorList = r.anchors.map(([tool, ids]) => `${tool}: ${ids.join(', ')}`);
    const helpMarkdown = [
        `**${r.title}**`,
        r.description,
        anchorList.length > 0 ? `Counterparts: ${anchorList.join('; ')}.` : '',
        `[Rule documentation](${r.helpUri})`,
    ]
        .filter(Boolean)
        .join('\n\n');
    const properties = {
        tags,
        precision: 'high',
        'problem.severity': PROBLEM_SEVERITY[r.severity],
    };
    if (SECURITY_SEVERITY[r.severity])
        properties['security-severity'] = SECURITY_SEVERITY[r.severity];
    if (r.anchors.length > 0)
        properties.anchors = Object.fromEntries(r.anchors);
    return {
        id: r.id,
        name: r.id.replace(/[^A-Za-z0-9]/g, ''),
        shortDescription: { text: r.title },
        fullDescription: { text: r.description },
        help: { text: `${r.description}\n\nDocumentation: ${r.helpUri}`, markdown: helpMarkdown },
        helpUri: r.helpUri,
        defaultConfiguration: { level: r.severity },
        properties,
    };
}
function safeText(text, secrets) {
    return (0,report_escape/* truncate */.xv)((0,report_escape/* stripControl */.kU)((0,detect/* redact */.E$)(text, secrets)), 2000);
}
/**
 * primaryLocationLineHash-like: rule + file + the line's normalized (and redacted) content,
 * plus an occurrence counter for identical lines. Moving the line keeps the fingerprint;
 * editing it changes it. Without the source, the message (digits removed) stands in.
 */
function fingerprintBase(f, uri, read, secrets) {
    const line = read?.(f.file)?.[f.line - 1];
    const content = line !== undefined
        ? `line:${(0,detect/* redact */.E$)(line, secrets).trim().replace(/\s+/g, ' ')}`
        : `message:${(0,detect/* redact */.E$)(f.message, secrets).replace(/\d+/g, '').trim()}`;
    return (0,external_node_crypto_.createHash)('sha256').update(`${f.ruleId}\0${uri}\0${content}`).digest('hex').slice(0, 32);
}
function region(f) {
    const r = { startLine: Math.max(1, Math.trunc(f.line) || 1) };
    if (f.endLine && f.endLine > r.startLine)
        r.endLine = f.endLine;
    const singleLine = !r.endLine;
    if (singleLine && f.column && f.column >= 1) {
        r.startColumn = f.column;
        if (f.endColumn && f.endColumn > f.column)
            r.endColumn = f.endColumn;
    }
    return r;
}
function renderSarif(report, opts = {}) {
    const lookup = opts.ruleMeta ?? noRuleMeta;
    const secrets = opts.secrets ?? [];
    const findings = (0,check_findings/* findingsWithFailedChecks */.Nd)(report)
        // A URI reference: percent-encoded (spaces, `|`, `<`), relative to the repository root.
        .map((f) => ({ f, uri: (0,report_escape/* encodePath */.O0)((0,paths/* toRepoPath */.x)(f.file, opts.workspace)) }))
        .sort((a, b) => a.uri.localeCompare(b.uri) ||
        a.f.line - b.f.line ||
        a.f.ruleId.localeCompare(b.f.ruleId) ||
        a.f.message.localeCompare(b.f.message));
    const ruleIds = [...new Set(findings.map(({ f }) => f.ruleId))].sort();
    const rules = ruleIds.map((id) => ruleInfo(id, findings.find(({ f }) => f.ruleId === id)?.f.severity ?? 'warning', lookup));
    const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
    const seen = new Map();
    const results = findings.map(({ f, uri }) => {
        const base = fingerprintBase(f, uri, opts.readSource, secrets);
        const occurrence = (seen.get(base) ?? 0) + 1;
        seen.set(base, occurrence);
        return {
            ruleId: f.ruleId,
            ruleIndex: ruleIndex.get(f.ruleId),
            level: f.severity,
            message: { text: safeText(f.message, secrets) || f.ruleId },
            locations: [
                {
                    physicalLocation: {
                        artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
                        region: region(f),
                    },
                },
            ],
            partialFingerprints: { primaryLocationLineHash: `${base}:${occurrence}` },
        };
    });
    const driver = {
        name: TOOL_NAME,
        informationUri: TOOL_URI,
        rules: rules.map(sarifRule),
    };
    if (opts.toolVersion)
        driver.semanticVersion = opts.toolVersion;
    const run = {
        tool: { driver },
        results,
        columnKind: 'unicodeCodePoints',
    };
    // The property is automationDetails; its type is runAutomationDetails in __tests__/fixtures/sarif-schema-2.1.0.json.
    if (opts.category)
        run.automationDetails = { id: `${opts.category.replace(/\/+$/, '')}/` };
    return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}

;// CONCATENATED MODULE: ./src/report/source.ts
// Reading Dockerfile lines for SARIF fingerprints and review placement, relative to the workspace.
// Cached per file; a file that cannot be read gives undefined, never an exception.


function fileSourceReader(workspace) {
    const cache = new Map();
    return (file) => {
        if (!cache.has(file)) {
            try {
                const abs = external_node_path_.isAbsolute(file) ? file : external_node_path_.join(workspace, file);
                cache.set(file, (0,external_node_fs_.readFileSync)(abs, 'utf8').split(/\r?\n/));
            }
            catch {
                cache.set(file, undefined);
            }
        }
        return cache.get(file);
    };
}

;// CONCATENATED MODULE: ./src/version.ts
// Kept equal to package.json's version by __tests__/project.test.ts.
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/github/annotations.ts
// Emit planned annotations as workflow commands (::error file=…,line=…,title=…::message).
// @actions/core escapes newlines and `%`, so a message cannot start another command.

function emitAnnotations(plan) {
    for (const a of plan.annotations) {
        const props = {
            title: a.properties.title,
            file: a.properties.file,
            startLine: a.properties.startLine,
            endLine: a.properties.endLine,
        };
        if (a.level === 'error')
            core/* error */.z3(a.message, props);
        else if (a.level === 'warning')
            core/* warning */.$e(a.message, props);
        else
            core/* notice */.lm(a.message, props);
    }
    if (plan.omitted > 0) {
        core/* info */.pq(`${plan.omitted} more finding(s) were not annotated (GitHub shows 10 per type per step): see the job summary.`);
    }
}

;// CONCATENATED MODULE: ./src/github/comment-tag.ts
// The comment tag tells the comments of several jobs apart (a matrix over Dockerfiles).
// Default: the Dockerfile path(s) as the user wrote them, so it is stable across runs.


function deriveCommentTag(dockerfiles) {
    const paths = [...new Set(dockerfiles.map((p) => p.replace(/\\/g, '/').replace(/^(\.\/)+/, '')))].sort();
    if (paths.length === 0)
        return 'Dockerfile';
    const joined = paths.join('+');
    if (joined.length <= 80)
        return (0,markdown/* sanitizeTag */.iP)(joined);
    const hash = (0,external_node_crypto_.createHash)('sha256').update(joined).digest('hex').slice(0, 10);
    return (0,markdown/* sanitizeTag */.iP)(`${paths[0].slice(0, 50)}+${paths.length - 1}-more-${hash}`);
}
/** The `comment-tag` input when given, else the derived default; always sanitized. */
function commentTag(input, dockerfiles) {
    return input.trim() ? (0,markdown/* sanitizeTag */.iP)(input.trim()) : deriveCommentTag(dockerfiles);
}

;// CONCATENATED MODULE: ./src/github/context.ts
// What the publishers need to know about the run, read from the runner's environment
// at call time (not at import time, as @actions/github's context is), so tests and the
// CLI can build one by hand.

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
function readPayload(file) {
    if (!file)
        return {};
    try {
        const v = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
        return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {};
    }
    catch {
        return {};
    }
}
function contextFromEnv(env = process.env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    const hasRepo = Boolean(owner && repo);
    const runUrl = hasRepo && env.GITHUB_RUN_ID
        ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        owner: hasRepo ? owner : null,
        repo: hasRepo ? repo : null,
        serverUrl,
        apiUrl: env.GITHUB_API_URL || undefined,
        runUrl,
        workspace: env.GITHUB_WORKSPACE || process.cwd(),
        runnerTemp: env.RUNNER_TEMP || env.TMPDIR || '/tmp',
        payload: readPayload(env.GITHUB_EVENT_PATH),
        sha: env.GITHUB_SHA ?? '',
    };
}
function asRecord(v) {
    return typeof v === 'object' && v !== null ? v : undefined;
}
const FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;
/**
 * The PR of a pull_request / pull_request_target event (number and head commit), from the
 * payload GitHub wrote. main() stores it in report.pullRequest, so the workflow_run
 * publisher knows which PR the report belongs to.
 */
function pullRequestFromContext(ctx) {
    if (!PULL_REQUEST_EVENTS.has(ctx.eventName))
        return undefined;
    const pr = asRecord(ctx.payload.pull_request);
    const number = pr?.number;
    const headSha = asRecord(pr?.head)?.sha;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 1)
        return undefined;
    if (typeof headSha !== 'string' || !FULL_SHA.test(headSha))
        return undefined;
    return { number, headSha };
}
function workflowRunFromContext(ctx) {
    if (ctx.eventName !== 'workflow_run')
        return undefined;
    const run = asRecord(ctx.payload.workflow_run);
    if (!run)
        return undefined;
    const headSha = typeof run.head_sha === 'string' && FULL_SHA.test(run.head_sha) ? run.head_sha : null;
    const prs = Array.isArray(run.pull_requests) ? run.pull_requests : [];
    const pullRequests = prs
        .map((p) => asRecord(p)?.number)
        .filter((n) => typeof n === 'number' && Number.isInteger(n) && n > 0);
    return { headSha, pullRequests };
}
/** Line links into the PR head, when the repository and a full sha are known. */
function linkContext(ctx, headSha) {
    const sha = headSha || ctx.sha;
    if (!ctx.owner || !ctx.repo || !sha)
        return null;
    return { serverUrl: ctx.serverUrl, owner: ctx.owner, repo: ctx.repo, sha };
}

;// CONCATENATED MODULE: ./src/github/pull-request.ts

const no = (reason) => ({ ok: false, reason });
/** `claimed`: the PR the report file names (its `pullRequest` field), only a claim. */
async function resolvePullRequest(claimed, ctx, client) {
    if (PULL_REQUEST_EVENTS.has(ctx.eventName)) {
        const pr = pullRequestFromContext(ctx);
        if (!pr)
            return no(`the ${ctx.eventName} payload has no pull request number and head sha`);
        if (claimed && claimed.number !== pr.number) {
            return no(`the report is for PR ${claimed.number}, but this run is for PR ${pr.number}`);
        }
        return { ok: true, pr };
    }
    if (ctx.eventName !== 'workflow_run')
        return no(`a ${ctx.eventName || 'local'} event has no pull request`);
    const run = workflowRunFromContext(ctx);
    if (!run?.headSha)
        return no('the workflow_run payload has no head_sha');
    if (!claimed)
        return no('the report has no pullRequest field (write it on the pull_request run)');
    if (claimed.headSha.toLowerCase() !== run.headSha.toLowerCase()) {
        return no(`the report is for commit ${claimed.headSha.slice(0, 7)}, but the workflow run built ${run.headSha.slice(0, 7)}`);
    }
    if (run.pullRequests.length > 0) {
        if (!run.pullRequests.includes(claimed.number)) {
            return no(`the report names PR ${claimed.number}, but the workflow run belongs to PR ${run.pullRequests.join(', ')}`);
        }
        return { ok: true, pr: { number: claimed.number, headSha: run.headSha } };
    }
    // Runs from forks list no pull request: ask GitHub whether the claimed PR's head is this commit.
    if (!ctx.owner || !ctx.repo)
        return no('GITHUB_REPOSITORY is not set');
    try {
        const { data } = await client().rest.pulls.get({
            owner: ctx.owner,
            repo: ctx.repo,
            pull_number: claimed.number,
        });
        if (data.head.sha.toLowerCase() !== run.headSha.toLowerCase()) {
            return no(`PR ${claimed.number} is now at ${data.head.sha.slice(0, 7)}, not at the reported commit ${run.headSha.slice(0, 7)}`);
        }
    }
    catch (e) {
        return no(`could not look up PR ${claimed.number}: ${e.message}`);
    }
    return { ok: true, pr: { number: claimed.number, headSha: run.headSha } };
}

;// CONCATENATED MODULE: ./src/github/summary.ts
// The job summary: the renderer's markdown appended to $GITHUB_STEP_SUMMARY. The renderer
// already bounds the size (SUMMARY_BUDGET_BYTES); this only refuses to write more than the
// step limit in case a caller passes something else.

const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Throws when the summary file is missing or unwritable; publish() turns that into a warning. */
async function writeJobSummary(markdown) {
    const size = Buffer.byteLength(markdown, 'utf8');
    if (size > SUMMARY_LIMIT_BYTES) {
        throw new Error(`the summary is ${size} bytes, over the 1 MiB step limit`);
    }
    core/* summary */.z.emptyBuffer();
    await core/* summary */.z.addRaw(markdown, true).write();
}

;// CONCATENATED MODULE: ./src/github/actions-host.ts
// The Actions runner as the Host: the one adapter that turns the run's log, groups,
// masks and step state into workflow commands through @actions/core.



/**
 * Untrusted text (a Dockerfile or a container can print `::set-output ...`, `::add-mask::`
 * or `::error ...`) goes between `::stop-commands::<token>` and `::<token>::`, where the
 * runner treats everything as plain text. The token is random per block so the text
 * cannot guess it and resume commands early.
 */
function untrustedBlock(secrets) {
    const token = (0,external_node_crypto_.randomBytes)(16).toString('hex');
    let open = false;
    return {
        line(text) {
            if (!open)
                core/* info */.pq(`::stop-commands::${token}`);
            open = true;
            core/* info */.pq((0,detect/* redact */.E$)(text, secrets));
        },
        end() {
            if (open)
                core/* info */.pq(`::${token}::`);
            open = false;
        },
    };
}
const actionsHost = {
    info: (m) => core/* info */.pq(m),
    warning: (m) => core/* warning */.$e(m),
    debug: (m) => {
        if (core/* isDebug */._o())
            core/* debug */.Yz(m);
    },
    group: (title, fn) => core/* group */.Os(title, fn),
    untrusted: (secrets = []) => untrustedBlock(secrets),
    mask: (secret) => {
        // Outside a runner `::add-mask::VALUE` would print the value itself.
        if (process.env.GITHUB_ACTIONS === 'true')
            core/* setSecret */.Pq(secret);
    },
    saveState: (name, value) => {
        // saveState writes GITHUB_STATE; getState reads STATE_<name>, which only the post step
        // gets, so keep our own copy in the process env for the next read in this step.
        process.env[`STATE_${name}`] = value;
        // Outside a runner there is no post step, and saveState would print a command instead.
        if (!process.env.GITHUB_STATE)
            return;
        try {
            core/* saveState */.LZ(name, value);
        }
        catch {
            // GITHUB_STATE points at a missing file: nothing we can save.
        }
    },
    getState: (name) => core/* getState */.Gu(name),
};

;// CONCATENATED MODULE: ./src/github/publish.ts
// Publishing a finished Report: JSON, SARIF, annotations, job summary, PR comment, PR review,
// outputs, then the verdict. The verdict came with the Report (report/finalize.ts) and is
// applied last; every publishing step in between is fenced, so a failure in the reporting
// path (unwritable summary, API down) becomes a warning and never flips or hides the verdict.

















// The GitHub client (@actions/github, Octokit and its plugins) is about half of the bundle's
// load time: loaded only when a comment or review is really posted (static push runs, the
// CLI and local runs never pay for it). ncc emits these as chunks next to dist/index.js.
const loadComment = () => Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(239), __webpack_require__.e(620)]).then(__webpack_require__.bind(__webpack_require__, 9239));
const loadReview = () => Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(239), __webpack_require__.e(120)]).then(__webpack_require__.bind(__webpack_require__, 8120));
const loadClient = () => Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(239), __webpack_require__.e(584)]).then(__webpack_require__.bind(__webpack_require__, 6584));



/** The gathered report, written beside the legs' (report-json output) for later steps. */
function writeGathered(report, origin, ctx) {
    const dir = process.env.RUNNER_TEMP || ctx.workspace;
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const file = reportJsonPath(dir, 'gathered');
    (0,external_node_fs_.writeFileSync)(file, serializeReport(report, origin));
    return file;
}
/** Run one publishing step; its failure is a warning, never an exception. */
async function fenced(what, fn) {
    try {
        await fn();
    }
    catch (e) {
        core/* warning */.$e(`harden-check could not ${what}: ${(0,detect/* redact */.E$)(e?.message ?? String(e))}`);
    }
}
/** Input values that must never be shown: build args and overrides with secret-looking names. */
function secretInputValues(inputs) {
    return [...Object.entries(inputs['build-args']), ...Object.entries(inputs['env-overrides'])]
        .filter(([key, value]) => value.length >= 4 && (0,detect/* secretNameMatch */.Jv)(key) !== null)
        .map(([, value]) => value);
}
/**
 * Where this run's report is published: its comment tag and, on pull_request events, the PR
 * (written beside the report in its JSON for the fork-PR publish step; the Report itself is final).
 */
function reportOrigin(inputs, ctx) {
    const pullRequest = pullRequestFromContext(ctx);
    return {
        commentTag: commentTag(inputs['comment-tag'], inputs.dockerfile),
        ...(pullRequest ? { pullRequest } : {}),
    };
}
function imageIds(report) {
    return report.targets
        .map((t) => t.image)
        .filter((id) => typeof id === 'string' && id !== '')
        .join('\n');
}
function setOutputs(outcome, report) {
    core/* setOutput */.uH('result', outcome.result);
    core/* setOutput */.uH('errors', String(outcome.errors));
    core/* setOutput */.uH('warnings', String(outcome.warnings));
    core/* setOutput */.uH('report-json', outcome.reportJson ?? '');
    core/* setOutput */.uH('sarif-file', outcome.sarifFile ?? '');
    core/* setOutput */.uH('image-id', imageIds(report));
}
/**
 * Publish a report produced by this run (its verdict already decided by the pipeline),
 * everywhere, and call core.setFailed when the verdict fails.
 */
async function publish(report, inputs, ctx = contextFromEnv(), deps = {}) {
    const origin = reportOrigin(inputs, ctx);
    const tag = origin.commentTag;
    const pr = origin.pullRequest;
    const counts = (0,verdict/* tally */.N4)(report);
    const secrets = secretInputValues(inputs);
    const readSource = fileSourceReader(ctx.workspace);
    const links = linkContext(ctx, pr?.headSha);
    const outcome = {
        result: report.result,
        errors: counts.errors,
        warnings: counts.warnings,
        reportJson: null,
        sarifFile: null,
        comment: null,
    };
    await fenced('write the JSON report', () => {
        const file = reportJsonPath(ctx.runnerTemp, tag);
        (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(file), { recursive: true });
        (0,external_node_fs_.writeFileSync)(file, serializeReport(report, origin));
        outcome.reportJson = file;
    });
    if (inputs['sarif-file']) {
        await fenced('write the SARIF file', async () => {
            const file = external_node_path_.resolve(ctx.workspace, inputs['sarif-file']);
            const sarif = renderSarif(report, {
                // the rule catalogue (every rule module) loads only for SARIF
                ruleMeta: deps.ruleMeta ?? (await Promise.all(/* import() */[__webpack_require__.e(804), __webpack_require__.e(967), __webpack_require__.e(983)]).then(__webpack_require__.bind(__webpack_require__, 3414))).ruleMeta,
                readSource,
                workspace: ctx.workspace,
                category: `harden-check/${tag}`,
                toolVersion: deps.toolVersion ?? VERSION,
                secrets,
            });
            (0,external_node_fs_.mkdirSync)(external_node_path_.dirname(file), { recursive: true });
            (0,external_node_fs_.writeFileSync)(file, `${JSON.stringify(sarif, null, 2)}\n`);
            outcome.sarifFile = file;
        });
    }
    const notes = [];
    await fenced('write annotations', () => {
        const plan = planAnnotations(report, { workspace: ctx.workspace, secrets });
        emitAnnotations(plan);
        if (plan.omitted > 0) {
            notes.push(`_${plan.omitted} more finding${plan.omitted === 1 ? ' was' : 's were'} not annotated: GitHub shows 10 annotations per type per step. All are listed above._`);
        }
    });
    if (inputs.summary) {
        await fenced('write the job summary', () => writeJobSummary((0,markdown/* renderSummary */.Br)(report, { links, runUrl: ctx.runUrl, notes, secrets })));
    }
    let commentDenied = false;
    if (inputs.comment && PULL_REQUEST_EVENTS.has(ctx.eventName)) {
        await fenced('post the PR comment', async () => {
            if (!pr || !ctx.owner || !ctx.repo) {
                core/* warning */.$e('harden-check did not post a PR comment: the event payload names no pull request.');
                return;
            }
            outcome.comment = await (await loadComment()).postStickyComment({
                token: inputs['github-token'],
                target: { owner: ctx.owner, repo: ctx.repo, issueNumber: pr.number },
                tag,
                body: (0,markdown/* renderComment */.wQ)(report, tag, { links, runUrl: ctx.runUrl, secrets }),
                client: { baseUrl: ctx.apiUrl, ...deps.client },
                log: actionsHost,
                onFailure: (e) => {
                    const status = e?.status;
                    if (status === 404 || (status === 403 && !/rate limit/i.test(e?.message ?? ''))) {
                        commentDenied = true;
                    }
                },
            });
        });
    }
    if (inputs.review !== 'off' && PULL_REQUEST_EVENTS.has(ctx.eventName)) {
        await fenced('post review comments', async () => {
            if (!pr || !ctx.owner || !ctx.repo)
                return; // the comment step already said so, or comments are off
            if (commentDenied) {
                // One warning per run names the missing permission; the review would only repeat it.
                core/* info */.pq('Review comments skipped: the token cannot write to this pull request.');
                return;
            }
            outcome.review = await (await loadReview()).postReview({
                token: inputs['github-token'],
                target: { owner: ctx.owner, repo: ctx.repo, pullNumber: pr.number, headSha: pr.headSha },
                tag,
                scope: inputs.review === 'all' ? 'all' : 'changed',
                report,
                readSource,
                workspace: ctx.workspace,
                secrets,
                client: { baseUrl: ctx.apiUrl, ...deps.client },
                log: actionsHost,
            });
        });
    }
    await fenced('set the outputs', () => setOutputs(outcome, report));
    if (report.result === 'fail')
        core/* setFailed */.C1(`${(0,verdict/* verdictSentence */.BT)(report, counts)}.`);
    else
        core/* info */.pq(`${(0,verdict/* verdictSentence */.BT)(report, counts)}.`);
    return outcome;
}
/**
 * The `report` input: publish report JSON written by earlier runs — summary, comment and
 * outputs; nothing is built, run or annotated here. One file is the workflow_run half of
 * the fork-PR recipe (its verdict belongs to the run that built the image); several are
 * the gather job of a matrix, which fails when any leg failed.
 * Throws a one-line error when a file cannot be read or is not a report.
 */
async function publishOnly(inputs, ctx = contextFromEnv(), deps = {}) {
    // One file, or the reports of every matrix leg (a list, globs or a folder) gathered into one.
    const files = resolveReportFiles(lines(inputs.report), ctx.workspace);
    const saved = mergeReports(files.map((file) => ({ file, ...readReportFile(file, ctx.workspace) })), inputs['fail-on']);
    const report = saved.report;
    const file = files.length === 1 ? external_node_path_.resolve(ctx.workspace, files[0]) : writeGathered(report, saved.origin, ctx);
    const tag = commentTag(inputs['comment-tag'] || saved.origin.commentTag || '', report.targets.map((t) => t.dockerfile));
    const counts = (0,verdict/* tally */.N4)(report);
    const outcome = {
        result: report.result,
        errors: counts.errors,
        warnings: counts.warnings,
        reportJson: file,
        sarifFile: null,
        comment: null,
    };
    // Links only to the commit GitHub says was built, never to one the file claims.
    let headSha;
    let prNumber;
    if (inputs.comment) {
        await fenced('post the PR comment', async () => {
            // Only a workflow_run from a fork asks GitHub (synchronously created client).
            const client = ctx.eventName === 'workflow_run' ? await loadClient() : null;
            const resolved = await resolvePullRequest(saved.origin.pullRequest, ctx, () => client.createGitHubClient(inputs['github-token'], { baseUrl: ctx.apiUrl, ...deps.client }));
            if (!resolved.ok) {
                core/* warning */.$e(`harden-check did not post the PR comment: ${resolved.reason}.`);
                return;
            }
            headSha = resolved.pr.headSha;
            prNumber = resolved.pr.number;
            if (!ctx.owner || !ctx.repo)
                return;
            const links = linkContext(ctx, headSha);
            outcome.comment = await (await loadComment()).postStickyComment({
                token: inputs['github-token'],
                target: { owner: ctx.owner, repo: ctx.repo, issueNumber: prNumber },
                tag,
                body: (0,markdown/* renderComment */.wQ)(report, tag, { links, runUrl: ctx.runUrl }),
                client: { baseUrl: ctx.apiUrl, ...deps.client },
                log: actionsHost,
            });
        });
    }
    if (inputs.summary) {
        await fenced('write the job summary', () => writeJobSummary((0,markdown/* renderSummary */.Br)(report, { links: headSha ? linkContext(ctx, headSha) : null, runUrl: ctx.runUrl })));
    }
    await fenced('set the outputs', () => setOutputs(outcome, report));
    core/* info */.pq(`Published the report of ${prNumber ? `PR ${prNumber}` : 'an earlier run'}: ${report.result}, ${(0,verdict/* describeTally */.O1)(counts)}.`);
    // Gathering matrix legs makes this job the one status check a branch can require (the
    // legs' job names change with the targets): it fails when any leg's report fails. One
    // report (the fork-PR recipe) only publishes; its verdict belongs to the run that built it.
    if (files.length > 1 && report.result === 'fail') {
        const failing = report.targets.filter((t) => (0,verdict/* verdictOf */.Vj)((0,verdict/* tallyOf */.sv)(t.findings, t.checks), report.failOn ?? inputs['fail-on']) === 'fail');
        core/* setFailed */.C1(`harden-check failed: ${failing.length} of ${report.targets.length} Dockerfiles fail (${(0,verdict/* describeTally */.O1)(counts)}).`);
    }
    return outcome;
}

;// CONCATENATED MODULE: ./src/run-id.ts
// A lowercase id for everything one run creates (tags, labels, state): unique per run,
// attempt and process, so two runs on one engine never touch each other's objects.

function newRunId(env = process.env) {
    const parts = [env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter(Boolean);
    parts.push((0,external_node_crypto_.randomBytes)(4).toString('hex'));
    return parts
        .join('-')
        .toLowerCase()
        .replace(/[^a-z0-9_.-]/g, '');
}

// EXTERNAL MODULE: ./src/docker/engine.ts
var engine = __webpack_require__(6556);
;// CONCATENATED MODULE: ./src/plan.ts
// Plan mode: resolve the `dockerfile` globs into the targets a matrix fans out over, one
// leg per Dockerfile. Builds nothing and changes nothing; the same resolution the audit
// uses, so a leg given one planned path audits exactly that file.


/** `services/api/Dockerfile` -> `services-api-dockerfile`; the same path always gives the same id. */
function targetId(dockerfile) {
    const slug = dockerfile
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return slug || 'dockerfile';
}
function planTargets(opts) {
    const files = resolveDockerfiles(opts.dockerfile, opts.workspace, opts.dockerfileInput ?? 'dockerfile');
    const taken = new Map();
    return files.map((dockerfile) => {
        // Two paths can slug alike (`a-b/Dockerfile`, `a/b/Dockerfile`): number the later ones.
        const base = targetId(dockerfile);
        const n = (taken.get(base) ?? 0) + 1;
        taken.set(base, n);
        const dir = opts.context || external_node_path_.posix.dirname(dockerfile);
        return {
            id: n === 1 ? base : `${base}-${n}`,
            dockerfile,
            context: external_node_path_.posix.normalize(dir.replace(/\\/g, '/')),
            target: opts.target,
        };
    });
}

// EXTERNAL MODULE: ./src/docker/exec.ts
var exec = __webpack_require__(9655);
;// CONCATENATED MODULE: ./src/main.ts
// The action's main step: inputs -> pipeline -> publish (outputs, summary, comment,
// annotations, SARIF) -> verdict. Does nothing at import: index.ts calls run().













// The runtime half (docker adapter, probes, @actions/exec) loads only when a build or an
// image is asked for: a static run never pays for it.
const runtime = () => Promise.all(/* import() */[__webpack_require__.e(967), __webpack_require__.e(986)]).then(__webpack_require__.bind(__webpack_require__, 4986));
async function run() {
    // Timing of every docker call in the debug log (ACTIONS_STEP_DEBUG).
    if (core/* isDebug */._o())
        (0,exec/* traceDockerCalls */.Pc)(actionsHost.debug);
    try {
        const inputs = getInputs();
        if (inputs.plan) {
            await plan(inputs);
            return;
        }
        if (inputs.report) {
            await publishOnly(inputs);
            return;
        }
        await audit(inputs);
    }
    catch (e) {
        main_fail(e);
    }
}
async function audit(inputs) {
    // The runtime half loads first, so the build can start before the audit modules finish loading.
    if (inputs.build || inputs.image)
        void runtime();
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const config = loadConfig(inputs.config ? external_node_path_.resolve(workspace, inputs.config) : '', external_node_path_.join(workspace, '.harden-check.yml'));
    if (config.path)
        core/* info */.pq(`Config: ${external_node_path_.relative(workspace, config.path) || config.path}`);
    const report = await runPipeline({
        workspace,
        dockerfile: inputs.dockerfile,
        context: inputs.context,
        buildArgs: inputs['build-args'],
        target: inputs.target,
        buildFlags: inputs['build-flags'],
        image: inputs.image,
        build: inputs.build,
        run: inputs.run,
        envOverrides: inputs['env-overrides'],
        healthTimeout: inputs['health-timeout'],
        checks: inputs.checks,
        stopTimeout: inputs['stop-timeout'],
        runArgs: inputs['run-args'],
        network: inputs.network,
        ignore: inputs.ignore,
        failOn: inputs['fail-on'],
        config,
        runId: newRunId(),
        host: actionsHost,
        runtime: {
            available: engine/* probeEngine */.lt,
            verify: async (o) => (await runtime()).verifyRuntime(o),
            imageExists: async (ref) => (await runtime()).imageExists(ref),
        },
    });
    await publish(report, inputs);
}
/** Plan mode: the targets output for a matrix, a list in the log and the job summary; nothing else. */
async function plan(inputs) {
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    // A broken config fails the plan job, before forty legs each fail on it.
    loadConfig(inputs.config ? external_node_path_.resolve(workspace, inputs.config) : '', external_node_path_.join(workspace, '.harden-check.yml'));
    const targets = planTargets({
        dockerfile: inputs.dockerfile,
        workspace,
        context: inputs.context,
        target: inputs.target,
    });
    core/* setOutput */.uH('targets', JSON.stringify(targets));
    core/* info */.pq(`Planned ${targets.length} target${targets.length === 1 ? '' : 's'}:`);
    for (const t of targets)
        core/* info */.pq(`  ${t.id}: ${t.dockerfile} (context ${t.context}${t.target ? `, target ${t.target}` : ''})`);
    if (inputs.summary) {
        await core/* summary */.z
            .addHeading('harden-check plan', 3)
            .addTable([
            [
                { data: 'id', header: true },
                { data: 'Dockerfile', header: true },
                { data: 'context', header: true },
                { data: 'target', header: true },
            ],
            ...targets.map((t) => [t.id, t.dockerfile, t.context, t.target || '(last stage)'].map((cell) => (0,report_escape/* inlineText */.ln)(cell))),
        ])
            .write();
    }
}
/** Known problems are one line; anything else gets its stack only in debug mode. */
function main_fail(e) {
    if (e instanceof InputError ||
        e instanceof ConfigError ||
        e instanceof DockerfileReadError ||
        e instanceof ReportFormatError) {
        core/* setFailed */.C1(e.message);
        return;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    core/* setFailed */.C1(`harden-check failed: ${err.message}`);
    if (core/* isDebug */._o() && err.stack)
        core/* debug */.Yz(err.stack);
}


/***/ }),

/***/ 7549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bt: () => (/* binding */ CHECK_LABELS),
/* harmony export */   Nd: () => (/* binding */ findingsWithFailedChecks),
/* harmony export */   cd: () => (/* binding */ checkRuleId)
/* harmony export */ });
/* unused harmony export failedCheckFindings */
/** Rule id of the synthetic finding of a failed check, e.g. `harden-check/healthy`. */
function checkRuleId(id) {
    return `harden-check/${id}`;
}
const CHECK_LABELS = {
    'non-root': 'Runs as non-root',
    'healthcheck-defined': 'HEALTHCHECK defined',
    healthy: 'Container becomes healthy',
    'no-secrets': 'No secrets in the image',
    'env-override': 'Environment override reaches the process',
    'graceful-stop': 'Stops gracefully on SIGTERM',
    'read-only-rootfs': 'Runs with a read-only root filesystem',
    'restricted-profile': "Runs under Kubernetes' restricted profile",
    'setuid-files': 'No unexpected setuid/setgid files',
};
/** Synthetic error findings for the failed checks of a target that no finding already covers. */
function failedCheckFindings(target) {
    const coveredAt = (severities) => new Set(target.findings.filter((f) => f.check && severities.includes(f.severity)).map((f) => f.check));
    const covered = coveredAt(['error']);
    const coveredAdvisory = coveredAt(['error', 'warning']);
    return target.checks
        .filter((c) => c.status === 'fail' && !(c.required === false ? coveredAdvisory : covered).has(c.id))
        .map((c) => ({
        ruleId: checkRuleId(c.id),
        // an advisory check (not required by the `checks` input) warns
        severity: c.required === false ? 'warning' : 'error',
        file: target.dockerfile,
        // Where the verdict was made; a report without it (an older JSON) points at the file.
        line: c.line ?? 1,
        ...(c.endLine !== undefined ? { endLine: c.endLine } : {}),
        message: `Check "${CHECK_LABELS[c.id]}" failed: ${c.detail}`,
        check: c.id,
    }));
}
/** Every finding of a report plus one per failed check no finding covers (annotations, SARIF). */
function findingsWithFailedChecks(report) {
    if (report.targets.length === 0)
        return [...report.findings];
    return report.targets.flatMap((t) => [...t.findings, ...failedCheckFindings(t)]);
}


/***/ }),

/***/ 6267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ ruleDocUrl)
/* harmony export */ });
/* unused harmony export isRuleId */
/* harmony import */ var _rules_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3182);
// Where the rule pages live. DOCS_BASE is defined once, with the rules (src/rules/types.ts):
// absolute, because the comment and the summary are read outside the action's repository.


const RULE_ID = /^HC\d{3}$/;
/** Is this a rule id that has a page (HC101), rather than free text from a report file? */
function isRuleId(id) {
    return RULE_ID.test(id);
}
/** URL of a rule's page, or null for ids that have none. */
function ruleDocUrl(id) {
    return isRuleId(id) ? `${_rules_types_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCS_BASE */ .M}${id}.md` : null;
}


/***/ }),

/***/ 4031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   Lo: () => (/* binding */ messageText),
/* harmony export */   O0: () => (/* binding */ encodePath),
/* harmony export */   kU: () => (/* binding */ stripControl),
/* harmony export */   ln: () => (/* binding */ inlineText),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony export neutralizeMentions */
/* harmony import */ var _secrets_detect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5042);
// Making user-controlled text (Dockerfile content, file names, labels, probe output)
// safe to put into GitHub-flavoured markdown. Every piece goes through redact() first,
// so a credential never reaches a comment, a summary or an annotation.

// C0 controls except tab/newline, DEL, C1 controls, and the bidi overrides / isolates
// that make text display differently from what it is ("trojan source").
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// Terminal colour codes in build and container logs.
const ANSI = /\u001B\[[0-?]*[ -/]*[@-~]/g;
const ZWJ = '\u200D';
/** Remove ANSI sequences and control characters; keep tabs and newlines. */
function stripControl(text) {
    return text.replace(ANSI, '').replace(/\r\n?/g, '\n').replace(CONTROL, '');
}
/** Cut to at most `max` characters, marking the cut with an ellipsis. Never splits a surrogate pair. */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    let end = Math.max(0, max - 1);
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end -= 1;
    return `${text.slice(0, end)}…`;
}
/**
 * Stop GitHub from linking `@user`, `@org/team` (a ping) and `#123` (a cross-reference
 * on somebody else's issue): a zero-width joiner after the sigil keeps the text readable.
 */
function neutralizeMentions(text) {
    return text.replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWJ}`).replace(/#(?=\d)/g, `#${ZWJ}`);
}
// Markdown punctuation that can start emphasis, links, images, code, tables or headings
// inside a line (`(`, `!` and `+` are harmless once `[` is escaped and nothing starts a line).
// `&<>` become entities, the rest get a backslash (GFM allows escaping any ASCII punctuation).
const MARKDOWN_SPECIAL = /[\\`*_[\]#|~]/g;
/**
 * One line of user text for a table cell, a list item or a link label: redacted,
 * control characters removed, newlines folded, truncated, then escaped so it cannot
 * break the table, open HTML (`</details>`), start code or ping anyone.
 */
function inlineText(raw, max = 300, secrets = []) {
    const flat = stripControl((0,_secrets_detect_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(raw, secrets))
        .replace(/\s*\n\s*/g, ' ')
        .replace(/\t/g, ' ');
    const cut = truncate(flat.trim(), max);
    const escaped = cut
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
    return neutralizeMentions(escaped);
}
/**
 * A finding message: like inlineText, but `backticked` parts (commands, instructions the
 * rules quote) become real code spans. Inside a code span nothing is markdown, HTML, a
 * link or a mention, so the quoted Dockerfile text stays inert and reads as code.
 */
function messageText(raw, max = 1000, secrets = []) {
    const flat = truncate(stripControl((0,_secrets_detect_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(raw, secrets))
        .replace(/\s*\n\s*/g, ' ')
        .replace(/\t/g, ' ')
        .trim(), max);
    let out = '';
    let pos = 0;
    for (const m of flat.matchAll(/`([^`]+)`/g)) {
        out += escapePlain(flat.slice(pos, m.index));
        const code = m[1].trim();
        out += code ? `\`${neutralizeMentions(code)}\`` : '';
        pos = m.index + m[0].length;
    }
    return out + escapePlain(flat.slice(pos));
}
function escapePlain(text) {
    const escaped = text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
    return neutralizeMentions(escaped);
}
/**
 * A multi-line block (a log) as a fenced code block. Inside a fence nothing is markdown
 * or HTML, so `</details>` and `@team` are inert; the fence is one backtick longer than
 * any backtick run in the text, so the text cannot close it.
 */
function codeBlock(raw, opts = {}) {
    const { maxLines = 80, maxLineLength = 400, maxChars = 8000, secrets = [], lang = 'text' } = opts;
    let lines = stripControl((0,_secrets_detect_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(raw, secrets))
        .replace(/\t/g, '  ')
        .split('\n')
        .map((l) => truncate(l.trimEnd(), maxLineLength));
    while (lines.length > 0 && lines[lines.length - 1] === '')
        lines.pop();
    // Logs matter at their end: keep the tail.
    if (lines.length > maxLines)
        lines = [`… ${lines.length - maxLines} earlier lines`, ...lines.slice(-maxLines)];
    let body = lines.join('\n');
    if (body.length > maxChars)
        body = `…${body.slice(body.length - maxChars + 1)}`;
    // Mentions do not ping inside code, but a copy-paste of the text should not either.
    body = neutralizeMentions(body);
    const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
    const fence = '`'.repeat(Math.max(3, longestRun + 1));
    return `${fence}${/^[a-z]+$/.test(lang) ? lang : 'text'}\n${body}\n${fence}`;
}
/** Percent-encode a repository path for a URL, one segment at a time (parentheses too, for markdown links). */
function encodePath(path) {
    return path
        .split('/')
        .map((seg) => encodeURIComponent(seg).replace(/[()'*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
        .join('/');
}


/***/ }),

/***/ 4285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   Ql: () => (/* binding */ commentMarker),
/* harmony export */   W$: () => (/* binding */ COMMENT_LIMIT),
/* harmony export */   iP: () => (/* binding */ sanitizeTag),
/* harmony export */   wQ: () => (/* binding */ renderComment)
/* harmony export */ });
/* unused harmony exports COMMENT_BUDGET, lineUrl, renderMarkdown, SUMMARY_BUDGET_BYTES */
/* harmony import */ var _check_findings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7549);
/* harmony import */ var _docs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6267);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4031);
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(687);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2563);
// The one markdown renderer behind the job summary and the PR comment.
//
// Layout: title with the verdict; per Dockerfile the checklist table, the findings
// grouped by severity (linked to the PR head's lines and to the rule pages), then
// collapsed details (diagnosis, build log tail, health log). Several Dockerfiles (a
// gathered matrix) get a Dockerfiles x checks table first, worst first, and each one's
// checklist and findings collapsed under its heading. Everything that came from
// the user's repository or the container goes through escape.ts. The output stays within
// `budget` by dropping findings (with a "… N more" line) and then logs — never the checklist.





/** GitHub's hard limit for an issue comment body. */
const COMMENT_LIMIT = 65_536;
/** Our budget for the comment, with room to spare below the limit. */
const COMMENT_BUDGET = 60_000;
const STATUS_ICON = { pass: '✅', fail: '❌', skip: '⏭️', error: '⚠️' };
const SEVERITY_HEADING = {
    error: '❌ Errors',
    warning: '⚠️ Warnings',
    note: 'ℹ️ Notes',
};
const SEVERITY_RANK = { error: 0, warning: 1, note: 2 };
/** A tag reduced to characters that cannot end an HTML comment or break a file name. */
function sanitizeTag(tag) {
    const clean = tag
        .replace(/[^A-Za-z0-9._/:+=-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^-+|-+$/g, '');
    return clean.slice(0, 100) || 'default';
}
function commentMarker(tag) {
    return `<!-- harden-check:${sanitizeTag(tag)} -->`;
}
/** A link context is used only when every part of it has the shape it should have. */
function validLinks(links) {
    if (!links)
        return null;
    const ok = /^https?:\/\/[^\s()<>]+$/.test(links.serverUrl) &&
        /^[A-Za-z0-9_.-]+$/.test(links.owner) &&
        /^[A-Za-z0-9_.-]+$/.test(links.repo) &&
        /^[0-9a-f]{7,64}$/i.test(links.sha);
    return ok ? { ...links, serverUrl: links.serverUrl.replace(/\/+$/, '') } : null;
}
/** A repository-relative POSIX path, or null when the path cannot be linked (absolute, `..`). */
function repoPath(file) {
    const p = file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
    if (p === '' || p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.split('/').includes('..'))
        return null;
    return p;
}
function lineUrl(links, file, line, endLine) {
    const p = repoPath(file);
    if (p === null || !Number.isInteger(line) || line < 1)
        return null;
    const range = endLine && Number.isInteger(endLine) && endLine > line ? `-L${endLine}` : '';
    return `${links.serverUrl}/${links.owner}/${links.repo}/blob/${links.sha}/${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .encodePath */ .O0)(p)}#L${line}${range}`;
}
function location(f, links, secrets) {
    const label = (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(`${f.file}:${f.line}`, 200, secrets);
    const url = links ? lineUrl(links, f.file, f.line, f.endLine) : null;
    return url ? `[${label}](${url})` : label;
}
function ruleRef(id, secrets) {
    const url = (0,_docs_js__WEBPACK_IMPORTED_MODULE_3__/* .ruleDocUrl */ .Cg)(id);
    return url ? `[${id}](${url})` : (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(id, 60, secrets);
}
function findingLine(f, links, secrets) {
    return `- ${location(f, links, secrets)} · **${ruleRef(f.ruleId, secrets)}** · ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .messageText */ .Lo)(f.message, 1000, secrets)}`;
}
function checkRow(c, evidenceMax, secrets) {
    // Durations matter when they are long (a slow health check), not for instant checks.
    const seconds = typeof c.seconds === 'number' && Number.isFinite(c.seconds) && c.seconds >= 1
        ? ` (${c.seconds.toFixed(1)} s)`
        : '';
    const evidence = (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(c.detail, evidenceMax, secrets) + seconds;
    return `| ${_check_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .CHECK_LABELS */ .Bt[c.id]} | ${statusCell(c)} | ${evidence || ' '} |`;
}
/** An advisory check (not required by the `checks` input) warns: its failure shows as one. */
function statusCell(c) {
    if (c.required !== false)
        return `${STATUS_ICON[c.status]} ${c.status}`;
    return `${c.status === 'fail' ? '⚠️' : STATUS_ICON[c.status]} ${c.status} (advisory)`;
}
const TABLE_HEAD = ['| Check | Result | Evidence |', '| :-- | :-- | :-- |'];
/** The lesson's checklist, then the deploy checks as their own table (absent in older reports). */
function checklist(target, evidenceMax, secrets) {
    const rows = (ids) => ids
        .flatMap((id) => target.checks.filter((c) => c.id === id))
        .map((c) => checkRow(c, evidenceMax, secrets));
    const lesson = rows(_types_js__WEBPACK_IMPORTED_MODULE_2__/* .CHECK_IDS */ .Sh);
    const deploy = rows(_types_js__WEBPACK_IMPORTED_MODULE_2__/* .DEPLOY_CHECK_IDS */ .Wi);
    if (lesson.length + deploy.length === 0)
        return '_No checklist results._';
    const parts = [];
    if (lesson.length > 0)
        parts.push([...TABLE_HEAD, ...lesson].join('\n'));
    if (deploy.length > 0) {
        const advisory = target.checks.some((c) => _types_js__WEBPACK_IMPORTED_MODULE_2__/* .DEPLOY_CHECK_IDS */ .Wi.includes(c.id) && c.required === false);
        parts.push(`**Deploy readiness**${advisory ? ' · advisory checks warn unless the `checks` input requires them' : ''}`, [...TABLE_HEAD, ...deploy].join('\n'));
    }
    return parts.join('\n\n');
}
function shortImage(image, secrets) {
    if (!image)
        return null;
    const m = /^(?:sha256:)?([0-9a-f]{12})[0-9a-f]*$/i.exec(image);
    return m ? `image \`${m[1]}\`` : `image ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(image, 80, secrets)}`;
}
function timingText(target) {
    const t = target.timings;
    if (!t)
        return null;
    const parts = ['audit', 'build', 'verify']
        .filter((k) => typeof t[k] === 'number' && Number.isFinite(t[k]))
        .map((k) => `${k} ${t[k].toFixed(1)} s`);
    return parts.length > 0 ? parts.join(' · ') : null;
}
function targetIcon(target) {
    const t = (0,_verdict_js__WEBPACK_IMPORTED_MODULE_4__/* .tallyOf */ .sv)(target.findings, target.checks);
    if (t.errors > 0)
        return '❌';
    if (t.warnings > 0 || t.undecided > 0)
        return '⚠️';
    return '✅';
}
function detailBlocks(target) {
    const blocks = [];
    for (const id of _types_js__WEBPACK_IMPORTED_MODULE_2__/* .ALL_CHECK_IDS */ .aV) {
        for (const c of target.checks) {
            if (c.id === id && c.diagnosis)
                blocks.push({ summary: `Diagnosis: ${_check_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .CHECK_LABELS */ .Bt[c.id]}`, raw: c.diagnosis });
        }
    }
    if (target.kubernetes)
        blocks.push({ summary: 'Verified Kubernetes snippet', raw: target.kubernetes, lang: 'yaml' });
    if (target.healthLog)
        blocks.push({ summary: 'Health probe log', raw: target.healthLog });
    if (target.buildLogTail)
        blocks.push({ summary: 'Build log (tail)', raw: target.buildLogTail });
    return blocks;
}
function renderDetails(block, maxChars, secrets) {
    const code = (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .codeBlock */ .DV)(block.raw, { maxChars, secrets, lang: block.lang });
    return `<details><summary>${block.summary}</summary>\n\n${code}\n\n</details>`;
}
function sortFindings(findings) {
    return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.ruleId.localeCompare(b.ruleId));
}
/** Several Dockerfiles: the failing ones first (most errors first), then warnings; stable otherwise. */
function worstFirst(targets) {
    const rank = (t) => {
        const c = (0,_verdict_js__WEBPACK_IMPORTED_MODULE_4__/* .tallyOf */ .sv)(t.findings, t.checks);
        return [c.errors > 0 ? 0 : c.warnings + c.undecided > 0 ? 1 : 2, -c.errors, -(c.warnings + c.undecided)];
    };
    return targets
        .map((t, i) => ({ t, i, r: rank(t) }))
        .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2] || a.i - b.i)
        .map(({ t }) => t);
}
// The lesson's five each get a column; the deploy group shares one, its worst status.
const OVERVIEW_HEAD = [
    `| | Dockerfile | ${_types_js__WEBPACK_IMPORTED_MODULE_2__/* .CHECK_IDS */ .Sh.map((id) => _check_findings_js__WEBPACK_IMPORTED_MODULE_0__/* .CHECK_LABELS */ .Bt[id]).join(' | ')} | Deploy | Findings |`,
    `| :-: | :-- | ${_types_js__WEBPACK_IMPORTED_MODULE_2__/* .CHECK_IDS */ .Sh.map(() => ':-:').join(' | ')} | :-: | :-- |`,
];
/** The worst of a target's deploy checks as one icon ('–' for a report without them). */
function deployCell(target) {
    const deploy = target.checks.filter((c) => _types_js__WEBPACK_IMPORTED_MODULE_2__/* .DEPLOY_CHECK_IDS */ .Wi.includes(c.id));
    if (deploy.length === 0)
        return '–';
    const failed = deploy.filter((c) => c.status === 'fail');
    if (failed.some((c) => c.required !== false))
        return STATUS_ICON.fail;
    if (failed.length > 0)
        return '⚠️';
    const status = ['error', 'pass', 'skip'].find((st) => deploy.some((c) => c.status === st));
    return STATUS_ICON[status];
}
function overviewRow(target, secrets) {
    const cells = _types_js__WEBPACK_IMPORTED_MODULE_2__/* .CHECK_IDS */ .Sh.map((id) => {
        const c = target.checks.find((x) => x.id === id);
        return c ? STATUS_ICON[c.status] : '–';
    });
    cells.push(deployCell(target));
    const t = (0,_verdict_js__WEBPACK_IMPORTED_MODULE_4__/* .tallyOf */ .sv)(target.findings, target.checks);
    return `| ${targetIcon(target)} | ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(target.dockerfile, 120, secrets)} | ${cells.join(' | ')} | ${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_4__/* .describeTally */ .O1)(t)} |`;
}
/** Dockerfiles x checks at the top of a multi-target report, rows cut to `maxSize` (worst rows kept). */
function overview(targets, secrets, maxSize, measure) {
    const rows = [];
    let size = measure(OVERVIEW_HEAD.join('\n')) + 120;
    for (const t of targets) {
        const row = overviewRow(t, secrets);
        if (size + measure(row) + 1 > maxSize)
            break;
        rows.push(row);
        size += measure(row) + 1;
    }
    const cut = targets.length - rows.length;
    const more = cut > 0 ? `\n\n… ${cut} more Dockerfile${cut === 1 ? '' : 's'} in the table (size limit).` : '';
    return [...OVERVIEW_HEAD, ...rows].join('\n') + more;
}
/** Render a report as markdown within the budget (see RenderOptions). */
function renderMarkdown(report, opts = {}) {
    const measure = opts.measure ?? ((s) => s.length);
    const budget = opts.budget ?? COMMENT_BUDGET;
    const secrets = opts.secrets ?? [];
    const links = validLinks(opts.links);
    const marker = opts.tag !== undefined ? commentMarker(opts.tag) : null;
    const moreHint = opts.moreHint ?? 'see the job summary and the JSON report';
    const multi = report.targets.length > 1;
    const targets = multi ? worstFirst(report.targets) : report.targets;
    const t = (0,_verdict_js__WEBPACK_IMPORTED_MODULE_4__/* .tally */ .N4)(report);
    const verdict = report.result === 'fail' ? '❌ harden-check failed' : '✅ harden-check passed';
    const subject = multi
        ? `${report.targets.length} Dockerfiles`
        : report.targets[0]
            ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(report.targets[0].dockerfile, 200, secrets)
            : 'no Dockerfile';
    const failOn = report.failOn ? ` · fail-on: ${report.failOn}` : '';
    const title = `## ${verdict} · ${subject}\n\n${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_4__/* .describeTally */ .O1)(t)}${failOn}`;
    // The table is what a reader of forty services looks at first; at most a third of the budget.
    const header = multi ? `${title}\n\n${overview(targets, secrets, budget / 3, measure)}` : title;
    const runUrl = opts.runUrl && /^https?:\/\/[^\s()<>]+$/.test(opts.runUrl) ? opts.runUrl : null;
    const footerParts = ['<sub>harden-check', runUrl ? ` · [workflow run](${runUrl})` : '', '</sub>'];
    const footer = [...(opts.notes ?? []), footerParts.join('')].join('\n\n');
    const makeHead = (target, evidenceMax, withNotes) => {
        const parts = [];
        if (multi) {
            const tt = (0,_verdict_js__WEBPACK_IMPORTED_MODULE_4__/* .tallyOf */ .sv)(target.findings, target.checks);
            parts.push(`### ${targetIcon(target)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(target.dockerfile, 200, secrets)}\n\n${(0,_verdict_js__WEBPACK_IMPORTED_MODULE_4__/* .describeTally */ .O1)(tt)}`);
            // Collapsed, closed after the section's findings and logs: the overview table leads.
            parts.push('<details><summary>Checklist and findings</summary>');
        }
        const facts = [shortImage(target.image, secrets), timingText(target)].filter(Boolean);
        if (facts.length > 0)
            parts.push(`<sub>${facts.join(' · ')}</sub>`);
        if (withNotes)
            for (const n of target.notes ?? [])
                parts.push(`> ℹ️ ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(n, 300, secrets)}`);
        parts.push(checklist(target, evidenceMax, secrets));
        return parts.join('\n\n');
    };
    // Room kept for each section's group headings and "… N more" lines.
    const RESERVE_PER_SECTION = 400;
    const fixedCost = (heads) => measure([marker ?? '', header, ...heads, footer, marker ?? ''].join('\n\n')) +
        heads.length * RESERVE_PER_SECTION;
    // Degrade the fixed part step by step until it fits: shorter evidence, no notes,
    // finally fewer targets (the checklist of a target is never cut in half).
    let heads = targets.map((tg) => makeHead(tg, 300, true));
    if (fixedCost(heads) > budget)
        heads = targets.map((tg) => makeHead(tg, 60, false));
    let shownTargets = targets.length;
    while (shownTargets > 0 && fixedCost(heads.slice(0, shownTargets)) + 200 > budget)
        shownTargets--;
    heads = heads.slice(0, shownTargets);
    const sections = targets.slice(0, shownTargets).map((target, i) => {
        const findings = sortFindings(target.findings);
        return {
            target,
            head: heads[i],
            findings,
            lines: findings.map((f) => findingLine(f, links, secrets)),
            shown: new Set(),
            details: detailBlocks(target),
            renderedDetails: [],
            omittedDetails: 0,
        };
    });
    let remaining = budget - fixedCost(heads) - (shownTargets < targets.length ? 200 : 0);
    // Findings, most severe first across all targets; stop at the first that does not fit
    // so what is shown is always "the most severe N".
    const order = sections
        .flatMap((s, si) => s.findings.map((f, fi) => ({ si, fi, rank: SEVERITY_RANK[f.severity] })))
        .sort((a, b) => a.rank - b.rank || a.si - b.si || a.fi - b.fi);
    for (const { si, fi } of order) {
        const cost = measure(sections[si].lines[fi]) + 1;
        if (cost > remaining)
            break;
        sections[si].shown.add(fi);
        remaining -= cost;
    }
    // Details with what is left; a log is shortened to fit before it is dropped.
    for (const s of sections) {
        for (const block of s.details) {
            let text = renderDetails(block, 8000, secrets);
            if (measure(text) + 2 > remaining && remaining > 1500)
                text = renderDetails(block, remaining - 1000, secrets);
            if (measure(text) + 2 <= remaining) {
                s.renderedDetails.push(text);
                remaining -= measure(text) + 2;
            }
            else {
                s.omittedDetails++;
            }
        }
    }
    const body = [];
    if (marker)
        body.push(marker);
    body.push(header);
    for (const s of sections) {
        body.push(s.head);
        const hidden = s.findings.length - s.shown.size;
        for (const sev of _types_js__WEBPACK_IMPORTED_MODULE_2__/* .SEVERITIES */ .oC) {
            const idx = s.findings
                .map((f, i) => (f.severity === sev && s.shown.has(i) ? i : -1))
                .filter((i) => i >= 0);
            if (idx.length === 0)
                continue;
            const total = s.findings.filter((f) => f.severity === sev).length;
            body.push(`#### ${SEVERITY_HEADING[sev]} (${total})\n\n${idx.map((i) => s.lines[i]).join('\n')}`);
        }
        if (hidden > 0)
            body.push(`… ${hidden} more finding${hidden === 1 ? '' : 's'} not shown here (size limit): ${moreHint}.`);
        body.push(...s.renderedDetails);
        if (s.omittedDetails > 0)
            body.push(`… ${s.omittedDetails} log section${s.omittedDetails === 1 ? '' : 's'} left out (size limit).`);
        if (multi)
            body.push('</details>');
    }
    const missing = targets.length - shownTargets;
    if (missing > 0)
        body.push(`… ${missing} more Dockerfile${missing === 1 ? '' : 's'} not shown here (size limit): ${moreHint}.`);
    body.push(footer);
    if (marker)
        body.push(marker);
    const out = body.join('\n\n') + '\n';
    if (measure(out) <= budget)
        return out;
    // Unreachable by construction; a last guard so a limit is never exceeded.
    const end = marker ? `\n\n${marker}\n` : '\n';
    let keep = out.length;
    let cut = out;
    while (keep > 0 && measure(cut) > budget) {
        keep = Math.floor(keep * 0.9);
        cut = `${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(out, keep)}${end}`;
    }
    return cut;
}
/** The PR comment: marker-wrapped, within the comment budget, with a pointer to the run. */
function renderComment(report, tag, opts = {}) {
    return renderMarkdown(report, { budget: COMMENT_BUDGET, moreHint: 'see the job summary', ...opts, tag });
}
/** The job summary: same content, bounded in UTF-8 bytes (the step limit is 1 MiB). */
const SUMMARY_BUDGET_BYTES = 900 * 1024;
function renderSummary(report, opts = {}) {
    return renderMarkdown(report, {
        moreHint: 'see the JSON report (report-json output)',
        ...opts,
        budget: SUMMARY_BUDGET_BYTES,
        measure: (s) => Buffer.byteLength(s, 'utf8'),
    });
}


/***/ }),

/***/ 4278:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ toRepoPath)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
// Paths as GitHub wants them in annotations and SARIF: relative to the repository
// root (GITHUB_WORKSPACE), POSIX separators, no leading "./".

function toRepoPath(file, workspace) {
    let p = file;
    if (workspace && (node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute(p) || node_path__WEBPACK_IMPORTED_MODULE_0__.win32.isAbsolute(p))) {
        const rel = node_path__WEBPACK_IMPORTED_MODULE_0__.relative(workspace, p);
        // Outside the workspace: keep the absolute path rather than invent "../.." URIs.
        if (rel !== '' && !rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute(rel))
            p = rel;
    }
    return p.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}


/***/ }),

/***/ 2563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qm: () => (/* binding */ FAIL_ON_VALUES),
/* harmony export */   Sh: () => (/* binding */ CHECK_IDS),
/* harmony export */   Wi: () => (/* binding */ DEPLOY_CHECK_IDS),
/* harmony export */   aV: () => (/* binding */ ALL_CHECK_IDS),
/* harmony export */   oC: () => (/* binding */ SEVERITIES)
/* harmony export */ });
// The Report: the one data structure every renderer and publisher reads.
// Its JSON form is a public contract (docs/report-schema.md): add fields, never rename.
const SEVERITIES = ['error', 'warning', 'note'];
const CHECK_IDS = [
    'non-root',
    'healthcheck-defined',
    'healthy',
    'no-secrets',
    'env-override',
];
const DEPLOY_CHECK_IDS = [
    'graceful-stop',
    'read-only-rootfs',
    'restricted-profile',
    'setuid-files',
];
/** Every check id, in report order: the lesson's five, then the deploy group. */
const ALL_CHECK_IDS = [...CHECK_IDS, ...DEPLOY_CHECK_IDS];
const FAIL_ON_VALUES = ['error', 'warning', 'note', 'never'];


/***/ }),

/***/ 687:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BT: () => (/* binding */ verdictSentence),
/* harmony export */   N4: () => (/* binding */ tally),
/* harmony export */   O1: () => (/* binding */ describeTally),
/* harmony export */   Vj: () => (/* binding */ verdictOf),
/* harmony export */   _s: () => (/* binding */ decideResult),
/* harmony export */   c4: () => (/* binding */ allFindings),
/* harmony export */   sv: () => (/* binding */ tallyOf)
/* harmony export */ });
/* unused harmony exports allChecks, failsUnder */
/** All findings of a report: per target when there are targets, else the top-level list. */
function allFindings(report) {
    return report.targets.length > 0 ? report.targets.flatMap((t) => t.findings) : report.findings;
}
/** All checks of a report: per target when there are targets, else the top-level list. */
function allChecks(report) {
    return report.targets.length > 0 ? report.targets.flatMap((t) => t.checks) : report.checks;
}
/** The counts of a list of findings and checks (a target, a report, what --fix leaves). */
function tallyOf(findings, checks) {
    const count = (s) => findings.filter((f) => f.severity === s).length;
    const failed = checks.filter((c) => c.status === 'fail');
    const failedChecks = failed.filter((c) => c.required !== false).length;
    const failedAdvisory = failed.length - failedChecks;
    return {
        errors: count('error') + failedChecks,
        warnings: count('warning') + failedAdvisory,
        notes: count('note'),
        // an advisory check that could not be decided is no reason to fail `fail-on: warning`
        undecided: checks.filter((c) => c.status === 'error' && c.required !== false).length,
        failedChecks,
        ...(failedAdvisory > 0 ? { failedAdvisory } : {}),
    };
}
function tally(report) {
    return tallyOf(allFindings(report), allChecks(report));
}
/** Does a finding of this severity fail a run under this threshold? (inclusive, as verdictOf counts) */
function failsUnder(severity, failOn) {
    const rank = { error: 0, warning: 1, note: 2 };
    const limit = { error: 0, warning: 1, note: 2, never: -1 };
    return rank[severity] <= limit[failOn];
}
/** pass or fail for these counts under this threshold (the rule at the top of this file). */
function verdictOf(t, failOn) {
    const errors = t.errors;
    const warnings = t.warnings + t.undecided;
    switch (failOn) {
        case 'never':
            return 'pass';
        case 'error':
            return errors > 0 ? 'fail' : 'pass';
        case 'warning':
            return errors + warnings > 0 ? 'fail' : 'pass';
        case 'note':
            return errors + warnings + t.notes > 0 ? 'fail' : 'pass';
    }
}
function decideResult(report, failOn) {
    return verdictOf(tally(report), failOn);
}
/**
 * "2 failed checks, 1 error, 1 warning" — for titles and the failure message. Failed checks
 * are named apart so the numbers match the lists a reader sees (the `errors` output adds them).
 */
function describeTally(t) {
    const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const failed = t.failedChecks ?? 0;
    const parts = [plural(t.errors - failed, 'error'), plural(t.warnings, 'warning')];
    if (failed > 0)
        parts.unshift(plural(failed, 'failed check'));
    if (t.notes > 0)
        parts.push(plural(t.notes, 'note'));
    if (t.undecided > 0)
        parts.push(`${t.undecided} undecided check${t.undecided === 1 ? '' : 's'}`);
    return parts.join(', ');
}
/** "harden-check failed: 1 failed check, 2 errors, 0 warnings (fail-on: error)": the one verdict sentence. */
function verdictSentence(report, t) {
    const failOn = report.failOn ? ` (fail-on: ${report.failOn})` : '';
    return `harden-check ${report.result === 'fail' ? 'failed' : 'passed'}: ${describeTally(t)}${failOn}`;
}


/***/ }),

/***/ 3182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ DOCS_BASE)
/* harmony export */ });
/* unused harmony export docsUrl */
const DOCS_BASE = 'https://github.com/harden-check/harden-check/blob/v1/docs/rules/';
function docsUrl(id) {
    return `${DOCS_BASE}${id}.md`;
}


/***/ }),

/***/ 5042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $l: () => (/* binding */ maskSecret),
/* harmony export */   DK: () => (/* binding */ isPathValue),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   Jv: () => (/* binding */ secretNameMatch),
/* harmony export */   sD: () => (/* binding */ findSecretValues),
/* harmony export */   vA: () => (/* binding */ isDummyCredentialUrl),
/* harmony export */   wK: () => (/* binding */ isPlaceholder)
/* harmony export */ });
/* unused harmony export nameTokens */
// One secret detector shared by the static rules (HC301/HC302/HC305) and the runtime
// probes (image Config.Env, docker history). Names are matched on token boundaries,
// not substrings (the anchors' main source of false positives); values are matched
// against provider patterns, so a credential is found even under an innocent name.
/** Split a variable name into lowercase tokens on `_`, `-`, `.` and camelCase boundaries. */
function nameTokens(name) {
    return name
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((t) => t.toLowerCase());
}
// Tokens that alone make a name secret-bearing.
const SECRET_TOKENS = new Set([
    'password',
    'passwd',
    'pwd',
    'pword',
    'pass',
    'passphrase',
    'secret',
    'secrets',
    'token',
    'apikey',
    'credential',
    'credentials',
    'creds',
    'privatekey',
    'accesskey',
    'secretkey',
]);
// `key` is secret only with one of these in front (API_KEY, PRIVATE_KEY, ACCESS_KEY, ...):
// a bare KEY or GPG_KEY / KEYCLOAK are not (dockle#130).
const KEY_QUALIFIERS = new Set([
    'api',
    'private',
    'secret',
    'access',
    'signing',
    'encryption',
    'master',
    'client',
    'license',
    'auth',
    'app',
    'service',
    'account',
    'session',
    'jwt',
    'hmac',
    'cookie',
    'crypt',
    'decryption',
    'deploy',
    'sign',
    // API vendors: OPENAI_KEY, STRIPE_KEY, SENDGRID_KEY are API keys
    'openai',
    'anthropic',
    'claude',
    'gemini',
    'groq',
    'mistral',
    'cohere',
    'deepseek',
    'openrouter',
    'replicate',
    'elevenlabs',
    'stripe',
    'sendgrid',
    'mailgun',
    'mailchimp',
    'twilio',
    'pusher',
    'pinecone',
    'supabase',
    'firebase',
    'algolia',
    'mapbox',
    'sentry',
    'datadog',
]);
// A last token that names something *about* a secret, not the secret itself: the
// recommended `*_FILE` pattern, paths, versions, modes, ids (BuildKit PR #6501 & co).
const ALLOWED_LAST = new Set([
    'file',
    'files',
    'path',
    'dir',
    'directory',
    'url',
    'uri',
    'endpoint',
    'host',
    'port',
    'version',
    'ver',
    'mode',
    'enabled',
    'enable',
    'disabled',
    'required',
    'name',
    'names',
    'id',
    'type',
    'length',
    'len',
    'size',
    'min',
    'max',
    'count',
    'timeout',
    'ttl',
    'expiry',
    'expires',
    'header',
    'prefix',
    'location',
    'alias',
    'arn',
    'format',
    'algorithm',
    'algo',
    'method',
    'provider',
    'manager',
    'prompt',
    'string',
    'policy',
    'user',
    'username',
    'env',
    'ref',
    'hash',
    'fingerprint',
    'issuer',
    'audience',
    'scope',
    'scopes',
    'realm',
    'lifetime',
    'duration',
    'interval',
    'helper',
    'store',
    'backend',
    'label',
    'kind',
    'log',
    'logs',
    'sha',
]);
// Anywhere in the name, these make it about public material.
const PUBLIC_TOKENS = new Set(['public', 'pub', 'gpg', 'pgp', 'publishable']);
// Words that merely end like a secret word.
const UNGLUED_WORDS = new Set(['detoken', 'retoken', 'untoken']);
/**
 * Does this variable name say it holds a secret? Returns the token that decided, or null.
 * `AWS_ACCESS_KEY_ID` is flagged (conventional), `FACEBOOK_APP_ID`, `PASSWORD_FILE`,
 * `TOKEN_URL`, `GPG_KEY`, `PUBLIC_KEY`, `AUTH_MODE`, `GOPRIVATE` are not.
 */
function secretNameMatch(name) {
    const tokens = nameTokens(name);
    if (tokens.length === 0)
        return null;
    if (tokens.some((t) => PUBLIC_TOKENS.has(t)))
        return null;
    const joined = tokens.join('_');
    if (/(^|_)access_key_id$/.test(joined))
        return 'access_key';
    const last = tokens[tokens.length - 1];
    if (ALLOWED_LAST.has(last) && tokens.length > 1)
        return null;
    // `PWD` alone is the shell's working directory, not a password (MYSQL_PWD is one).
    if (tokens.length === 1 && tokens[0] === 'pwd')
        return null;
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (SECRET_TOKENS.has(t))
            return t;
        if (t === 'key' && i > 0 && KEY_QUALIFIERS.has(tokens[i - 1]))
            return `${tokens[i - 1]}_key`;
        // apikey / secretkey / authtoken glued together
        if (/^(api|secret|access|private|auth)(key|token)$/.test(t))
            return t;
        // PGPASSWORD, DBPASSWORD, CLIENTSECRET, AUTHTOKEN, ACCESSTOKEN: a glued secret word at the end
        if (/^[a-z]{2,}(password|passwd|secret|token)$/.test(t) && !UNGLUED_WORDS.has(t))
            return t;
    }
    return null;
}
/** Random-looking: letters of both cases and a digit (real API keys; not kebab-case words). */
function mixed(body) {
    return /[0-9]/.test(body) && /[a-z]/.test(body) && /[A-Z]/.test(body);
}
/** The password of `scheme://user:password@host` is not a placeholder (`<password>`, `***`, `$VAR`). */
function urlPasswordIsReal(match) {
    const m = /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@'"]+:([^\s/@'"]+)@/i.exec(match);
    if (!m)
        return false;
    return !isPlaceholder(m[1]) && !/^[$%{]/.test(m[1]);
}
// Passwords of connection URLs written as stand-ins (`postgresql://user:pass@localhost/dummy`
// for a build step that needs a URL but no database).
const DUMMY_PASSWORDS = new Set('pass password passwd pwd secret test testing dummy fake example sample changeme placeholder postgres mysql root admin user guest foo bar baz xxx build'.split(' '));
/**
 * A URL with credentials written as a stand-in: a stand-in password (`pass`, `dummy`, the user
 * name again). The host does not decide (`postgres:mysecretpassword@localhost` ships a real
 * literal). Still redacted everywhere (findSecretValues finds it); only the rules do not call it
 * a leaked secret.
 */
function isDummyCredentialUrl(url) {
    const m = /^[a-z][a-z0-9+.-]*:\/\/([^\s/:@'"]+):([^\s/@'"]+)@/i.exec(url);
    if (!m)
        return false;
    const [, user, password] = m;
    return DUMMY_PASSWORDS.has(password.toLowerCase()) || password === user;
}
// Provider patterns: precise enough that a match is a credential whatever the name.
const VALUE_PATTERNS = [
    {
        kind: 'AWS access key id',
        re: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\b/g,
        // AKIAIOSFODNN7EXAMPLE is the documentation's example key
        valid: (m) => !m.endsWith('EXAMPLE'),
    },
    { kind: 'GitHub token', re: /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g },
    { kind: 'GitHub fine-grained token', re: /\bgithub_pat_[A-Za-z0-9_]{60,255}\b/g },
    { kind: 'GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,}\b/g },
    {
        kind: 'OpenAI/Anthropic-style API key',
        re: /\bsk-(?:proj-|ant-|live-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}/g,
        valid: (m) => mixed(m.slice(3)),
    },
    { kind: 'Stripe key', re: /\b[sr]k_(?:live|test)_[0-9A-Za-z]{16,}\b/g },
    { kind: 'Slack token', re: /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g },
    { kind: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
    { kind: 'npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/g },
    { kind: 'Hugging Face token', re: /\bhf_[A-Za-z0-9]{34,}\b/g, valid: (m) => mixed(m.slice(3)) },
    { kind: 'Docker Hub token', re: /\bdckr_pat_[A-Za-z0-9_-]{27,}/g },
    { kind: 'PyPI token', re: /\bpypi-AgE[A-Za-z0-9_-]{50,}/g },
    { kind: 'SendGrid key', re: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g },
    { kind: 'DigitalOcean token', re: /\bdo[por]_v1_[a-f0-9]{64}\b/g },
    { kind: 'Shopify token', re: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/g },
    {
        kind: 'private key',
        re: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/g,
    },
    { kind: 'JSON web token', re: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g },
    // scheme://user:password@host, but not a $VAR / ${VAR} placeholder as the password
    {
        kind: 'URL with credentials',
        re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@'"]+:(?!\$)[^\s/@'"]+@[^\s'"]+/gi,
        valid: urlPasswordIsReal,
    },
];
/** Every credential-shaped value in free text (a value, a history line, a log). */
function findSecretValues(text) {
    const out = [];
    for (const { kind, re, valid } of VALUE_PATTERNS) {
        re.lastIndex = 0;
        let m;
        while ((m = re.exec(text)) !== null) {
            if (!valid || valid(m[0]))
                out.push({ kind, index: m.index, length: m[0].length });
            if (m[0].length === 0)
                re.lastIndex++;
        }
    }
    return out.sort((a, b) => a.index - b.index);
}
/**
 * A file path (`/run/secrets/api_key`, `./keys.json`, `C:\\keys\\sa.json`): where a secret
 * is read from, the recommended pattern, not the secret. Segments of word characters only,
 * so base64 (`+`, `=`) is never taken for a path.
 */
function isPathValue(value) {
    const v = value.trim();
    return ((/^(?:~|\.{1,2})?\/(?:[\w.@-]+\/?)*$/.test(v) || /^[A-Za-z]:\\(?:[\w .@-]+\\?)*$/.test(v)) && v.length > 1);
}
/** Values that are not literal secrets: empty, a variable reference, a file path, an obvious placeholder. */
function isPlaceholder(value) {
    if (value === null || value === undefined)
        return true;
    const v = value.trim().replace(/^(['"])(.*)\1$/, '$2');
    if (v === '')
        return true;
    if (isPathValue(v))
        return true;
    if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*(?::?[-?][^}]*)?\}?$/.test(v))
        return true;
    // `${VAR}` parts only (`${USER}:${PASS}`), templates (`{{ .Token }}`, `%(token)s`)
    if (/^(?:\$\{?[A-Za-z_][A-Za-z0-9_]*\}?[:@/._-]?)+$/.test(v))
        return true;
    // templates: `{{ .Token }}`, `%(token)s`, `$(cat …)`, CI replace tokens `#{TOKEN}#`, `__TOKEN__`
    if (/^(\{\{.*\}\}|%\(?\w*\)?s|\$\(.*\)|#\{[\w.-]+\}#?|__[A-Z][A-Z0-9_]*__)$/.test(v))
        return true;
    if (/^(<.*>|\[.*\]|\*+|x+|\.{3}|…|changeme|change[_-]?me|replace[_-]?me|your[_-][\w-]*|todo|tbd|fixme|none|null|nil|undefined|unset|n\/a|false|true|0|-|dummy|placeholder|example|sample)$/i.test(v)) {
        return true;
    }
    return false;
}
/** `sk-l…(redacted)`: enough to recognise which value, never enough to use it. */
function maskSecret(value) {
    const v = value;
    if (v.length >= 16)
        return `${v.slice(0, 4)}…(redacted)`;
    return '…(redacted)';
}
/** Replace every credential-shaped value in free text by its masked form. */
function redact(text, extraValues = []) {
    let out = text;
    // Known literal values first (e.g. ENV values flagged by name), longest first.
    for (const v of [...extraValues].filter((x) => x.length >= 4).sort((a, b) => b.length - a.length)) {
        out = out.split(v).join(maskSecret(v));
    }
    const matches = findSecretValues(out);
    if (matches.length === 0)
        return out;
    let result = '';
    let pos = 0;
    for (const m of matches) {
        if (m.index < pos)
            continue; // overlapping pattern
        result += out.slice(pos, m.index) + maskSecret(out.slice(m.index, m.index + m.length));
        pos = m.index + m.length;
    }
    return result + out.slice(pos);
}


/***/ }),

/***/ 8974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FW: () => (/* binding */ commandsOfScript),
/* harmony export */   Kf: () => (/* binding */ commandsOf),
/* harmony export */   l1: () => (/* binding */ effectiveCommand)
/* harmony export */ });
/* harmony import */ var _script_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7207);
/* harmony import */ var _wrappers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9496);


/** Every command of a RUN in order (command part first, then shell heredoc bodies). */
function commandsOf(instr, model) {
    if (instr.keyword !== 'RUN')
        return [];
    if (instr.json) {
        if (instr.json.length === 0)
            return [];
        return [
            {
                name: instr.json[0],
                args: instr.json.slice(1),
                words: instr.json.map((value) => ({ value, line: instr.line, quoted: true })),
                line: instr.line,
                inPipeline: false,
                assignments: [],
                before: null,
                after: null,
                depth: 0,
                pipeline: 0,
                script: 'run',
                redirects: [],
            },
        ];
    }
    return (0,_script_js__WEBPACK_IMPORTED_MODULE_0__/* .scriptsOf */ .Sf)(instr, model).flatMap((s) => commandsOfScript(s));
}
function commandsOfScript(s) {
    if (s.shell.kind !== 'posix')
        return [];
    const sizes = new Map();
    for (const c of s.commands)
        sizes.set(c.pipeline, (sizes.get(c.pipeline) ?? 0) + 1);
    return s.commands
        .filter((c) => c.words.length > 0)
        .map((c) => ({
        name: c.words[0].value,
        args: c.words.slice(1).map((w) => w.value),
        words: c.words.map((w) => ({ value: w.value, line: s.lineAt(w.offset), quoted: w.quoted })),
        line: s.lineAt(c.words[0].offset),
        pipedTo: c.after === '|' || c.after === '|&' ? true : undefined,
        inPipeline: (sizes.get(c.pipeline) ?? 0) > 1,
        assignments: c.assignments,
        before: c.before,
        after: c.after,
        depth: c.depth,
        pipeline: c.pipeline,
        script: s.kind === 'run' ? 'run' : (s.heredoc ?? 'heredoc'),
        redirects: c.redirects,
    }));
}
/**
 * The command a wrapper runs: `sudo -E apt-get install` → apt-get, `env A=1 pip install` → pip,
 * `timeout 60 curl …` → curl, `/usr/bin/apt-get` → apt-get. Returns the basename and the
 * remaining arguments; see ./wrappers.ts for the wrappers and their options.
 */
function effectiveCommand(cmd) {
    const u = (0,_wrappers_js__WEBPACK_IMPORTED_MODULE_1__/* .unwrap */ .o)([cmd.name, ...cmd.args].map((value) => ({ value, line: 0, quoted: false })));
    return u ? { name: u.name, args: u.args.map((w) => w.value) } : { name: (0,_script_js__WEBPACK_IMPORTED_MODULE_0__/* .basename */ .P8)(cmd.name), args: [] };
}


/***/ }),

/***/ 6459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OK: () => (/* binding */ isInstall),
/* harmony export */   T4: () => (/* binding */ isPinned),
/* harmony export */   sB: () => (/* binding */ OS_MANAGERS),
/* harmony export */   sS: () => (/* binding */ pmCallsOf),
/* harmony export */   ug: () => (/* binding */ cacheMountTargets)
/* harmony export */ });
/* unused harmony export parsePmCall */
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8974);

const YUM_VALUE_OPTIONS = [
    '-x',
    '--exclude',
    '--enablerepo',
    '--disablerepo',
    '--setopt',
    '--installroot',
    '--releasever',
    '--repo',
    '-c',
    '--config',
];
// Options that take a separate value, per manager.
const VALUE_OPTS = {
    'apt-get': new Set([
        '-o',
        '-t',
        '-c',
        '--option',
        '--target-release',
        '--config-file',
        '--default-release',
    ]),
    apt: new Set(['-o', '-t', '-c', '--option', '--target-release', '--config-file', '--default-release']),
    apk: new Set([
        '-X',
        '--repository',
        '-t',
        '--virtual',
        '-p',
        '--root',
        '--keys-dir',
        '--arch',
        '--cache-dir',
        '--repositories-file',
    ]),
    yum: new Set(YUM_VALUE_OPTIONS),
    // dnf takes yum's, and a repository given by path
    dnf: new Set([...YUM_VALUE_OPTIONS, '--repofrompath']),
    microdnf: new Set([
        '--enablerepo',
        '--disablerepo',
        '--setopt',
        '--installroot',
        '--releasever',
        '--config',
    ]),
    tdnf: new Set([
        '--enablerepo',
        '--disablerepo',
        '--setopt',
        '--installroot',
        '--releasever',
        '-c',
        '--config',
    ]),
    zypper: new Set([
        '-r',
        '--repo',
        '--from',
        '-t',
        '--type',
        '--root',
        '-R',
        '-D',
        '--reposd-dir',
        '-C',
        '--cache-dir',
        '--raw-cache-dir',
        '--solv-cache-dir',
        '--pkg-cache-dir',
    ]),
    pip: new Set([
        '-r',
        '--requirement',
        '-c',
        '--constraint',
        '-e',
        '--editable',
        '-i',
        '--index-url',
        '--extra-index-url',
        '-f',
        '--find-links',
        '-t',
        '--target',
        '--prefix',
        '--root',
        '--trusted-host',
        '--platform',
        '--python-version',
        '--implementation',
        '--abi',
        '--only-binary',
        '--no-binary',
        '--progress-bar',
        '--src',
        '--upgrade-strategy',
        '--cache-dir',
        '--report',
        '--log',
        '--proxy',
        '--cert',
        '--client-cert',
        '--timeout',
        '--retries',
        '--exists-action',
        '--global-option',
        '--config-settings',
        '-C',
    ]),
    npm: new Set([
        '--registry',
        '--prefix',
        '-w',
        '--workspace',
        '--cache',
        '--omit',
        '--include',
        '--tag',
        '--userconfig',
        '--loglevel',
    ]),
    gem: new Set([
        '-v',
        '--version',
        '-i',
        '--install-dir',
        '-n',
        '--bindir',
        '-s',
        '--source',
        '--platform',
        '-g',
        '--file',
    ]),
    go: new Set([
        '-tags',
        '-ldflags',
        '-gcflags',
        '-asmflags',
        '-o',
        '-mod',
        '-modfile',
        '-p',
        '-C',
        '-pkgdir',
        '-overlay',
        '-toolexec',
    ]),
    yarn: new Set([
        '--cwd',
        '--registry',
        '--cache-folder',
        '--modules-folder',
        '--network-timeout',
        '--mutex',
    ]),
};
function managerOf(name, args) {
    if (name === 'apt-get' ||
        name === 'apt' ||
        name === 'apk' ||
        name === 'yum' ||
        name === 'dnf' ||
        name === 'microdnf' ||
        name === 'tdnf' ||
        name === 'zypper' ||
        name === 'npm' ||
        name === 'gem' ||
        name === 'go' ||
        name === 'yarn') {
        return { manager: name, args };
    }
    if (name === 'dnf5' || name === 'dnf4')
        return { manager: 'dnf', args };
    if (/^pip(\d+(\.\d+)?)?$/.test(name))
        return { manager: 'pip', args };
    if (/^python(\d+(\.\d+)?)?$/.test(name)) {
        const m = args.indexOf('-m');
        if (m >= 0 && /^pip(\d+(\.\d+)?)?$/.test(args[m + 1] ?? ''))
            return { manager: 'pip', args: args.slice(m + 2) };
    }
    return null;
}
function parsePmCall(cmd) {
    const eff = (0,_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .effectiveCommand */ .l1)(cmd);
    const m = managerOf(eff.name, eff.args);
    if (!m)
        return null;
    const valueOpts = VALUE_OPTS[m.manager];
    const options = [];
    const operands = [];
    const values = new Map();
    let sub = '';
    for (let k = 0; k < m.args.length; k++) {
        const a = m.args[k];
        if (a.startsWith('-') && a.length > 1) {
            const eq = a.indexOf('=');
            const optName = eq > 0 ? a.slice(0, eq) : a;
            options.push(optName);
            if (eq > 0)
                values.set(optName, [...(values.get(optName) ?? []), a.slice(eq + 1)]);
            else if (valueOpts.has(a) && k + 1 < m.args.length) {
                values.set(a, [...(values.get(a) ?? []), m.args[k + 1]]);
                k++;
            }
            continue;
        }
        if (!sub)
            sub = a;
        else
            operands.push(a);
    }
    return { manager: m.manager, sub, options, operands, values, cmd, line: cmd.line };
}
/** Every package-manager call of a RUN, in order. */
function pmCallsOf(instr, model) {
    return (0,_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .commandsOf */ .Kf)(instr, model)
        .map(parsePmCall)
        .filter((c) => c !== null);
}
/** System package managers (they install into the image's OS, not a language environment). */
const OS_MANAGERS = new Set([
    'apt-get',
    'apt',
    'apk',
    'yum',
    'dnf',
    'microdnf',
    'tdnf',
    'zypper',
]);
function isInstall(c) {
    switch (c.manager) {
        case 'apt-get':
        case 'apt':
        case 'yum':
        case 'dnf':
        case 'microdnf':
        case 'tdnf':
        case 'pip':
        case 'gem':
        case 'go':
            return c.sub === 'install';
        case 'zypper':
            return c.sub === 'install' || c.sub === 'in';
        case 'apk':
            return c.sub === 'add';
        case 'npm':
            return c.sub === 'install' || c.sub === 'i' || c.sub === 'add';
        case 'yarn':
            return c.sub === 'add' || c.sub === 'install' || c.sub === '';
    }
}
/** Cache-mount targets of a RUN (`--mount=type=cache,target=/var/cache/apt`). */
function cacheMountTargets(instr) {
    const out = [];
    for (const f of instr.flags) {
        if (f.name !== 'mount' || !f.value)
            continue;
        const parts = Object.fromEntries(f.value.split(',').map((kv) => {
            const i = kv.indexOf('=');
            return i < 0 ? [kv, ''] : [kv.slice(0, i), kv.slice(i + 1)];
        }));
        if (parts.type !== 'cache')
            continue;
        const target = parts.target ?? parts.dst ?? parts.destination;
        if (target)
            out.push(target.replace(/^["']|["']$/g, ''));
    }
    return out;
}
/** Is this package operand pinned to a version (or not a registry name at all: a file, URL, variable)? */
function isPinned(manager, pkg) {
    if (pkg.includes('$') || pkg.includes('://'))
        return true;
    switch (manager) {
        case 'apt-get':
        case 'apt':
            return pkg.includes('=') || pkg.includes('/') || pkg.endsWith('.deb');
        case 'apk':
            return /[=~<>]/.test(pkg) || pkg.endsWith('.apk');
        case 'yum':
        case 'dnf':
        case 'microdnf':
        case 'tdnf':
            return (/-\d/.test(pkg) ||
                pkg.endsWith('.rpm') ||
                pkg.startsWith('@') ||
                pkg.startsWith('/') ||
                pkg.includes('='));
        case 'zypper':
            return /[=<>]/.test(pkg) || pkg.endsWith('.rpm') || pkg.startsWith('/');
        case 'pip':
            return (/[=<>~!@]/.test(pkg) ||
                /^[./~]/.test(pkg) ||
                /\.(whl|zip|tar\.gz|tgz)$/.test(pkg) ||
                pkg.startsWith('git+'));
        case 'npm':
        case 'yarn': {
            if (/^[./~]/.test(pkg) || pkg.startsWith('git') || pkg.endsWith('.tgz') || pkg.includes(':'))
                return true;
            const at = pkg.lastIndexOf('@');
            if (at <= 0)
                return false;
            const version = pkg.slice(at + 1);
            return version !== '' && version !== 'latest' && version !== 'next';
        }
        case 'gem':
            return pkg.includes(':');
        case 'go': {
            if (/^[./]/.test(pkg))
                return true;
            const at = pkg.lastIndexOf('@');
            return at > 0 && pkg.slice(at + 1) !== 'latest' && pkg.slice(at + 1) !== '';
        }
    }
}


/***/ }),

/***/ 6485:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ parseShell)
});

;// CONCATENATED MODULE: ./src/shell/tokenize.ts
// A small POSIX-ish shell tokenizer for RUN commands: words (quotes and escapes removed),
// control operators (`&&` `||` `;` `;;` `|` `|&` `&` newline `(` `)`), redirections with
// their target, comments, and shell here-documents (skipped). Command substitutions
// (`$(…)`, backticks), parameter expansions (`${…}`) and process substitutions stay
// verbatim inside their word: the commands they run are not reported.
//
// Why hand-written: the maintained npm parser (sh-syntax, mvdan/sh in wasm) only parses
// asynchronously and loads its wasm file from disk relative to its module, which breaks in
// our ncc bundle; rules are synchronous. The Dockerfile side (continuations, heredocs,
// escape directive) is handled before this tokenizer sees the text (see script.ts).
// Every step advances at least one character, so hostile input stays linear.
const OPERATORS = ['&&', '||', ';;', '|&', ';', '|', '&', '(', ')'];
const REDIR = /^(\d*)(&>>|&>|<<<|<<-|<<|>>|>&|<&|<>|>\||>|<)/;
const WORD_END = new Set([' ', '\t', '\r', '\n', ';', '&', '|', '(', ')', '<', '>']);
function tokenize(src, opts = {}) {
    const tokens = [];
    const pending = [];
    let i = 0;
    const n = src.length;
    while (i < n) {
        const c = src[i];
        if (c === ' ' || c === '\t' || c === '\r') {
            i++;
            continue;
        }
        if (c === '\\' && src[i + 1] === '\n') {
            i += 2;
            continue;
        }
        if (c === '\n') {
            tokens.push({ t: 'op', value: '\n', offset: i });
            i++;
            if (pending.length > 0) {
                i = skipHeredocBodies(src, i, pending);
                pending.length = 0;
            }
            continue;
        }
        if (c === '#') {
            while (i < n && src[i] !== '\n')
                i++;
            continue;
        }
        // Redirections (an fd number directly before counts as part of it), but not process substitution.
        const rest = src.slice(i, i + 12);
        const r = REDIR.exec(rest);
        if (r && !((r[2] === '<' || r[2] === '>') && src[i + r[0].length] === '(')) {
            const offset = i;
            i += r[0].length;
            while (i < n && (src[i] === ' ' || src[i] === '\t'))
                i++;
            let target = null;
            if (i < n && !WORD_END.has(src[i])) {
                const w = readWord(src, i);
                target = w.token;
                i = w.end;
            }
            else if (r[2] === '>&' || r[2] === '<&') {
                target = null;
            }
            if ((r[2] === '<<' || r[2] === '<<-') && target && opts.shellHeredocs) {
                pending.push({ delim: target.value, stripTabs: r[2] === '<<-' });
            }
            tokens.push({ t: 'redir', op: r[2], target, offset });
            continue;
        }
        const op = OPERATORS.find((o) => src.startsWith(o, i));
        if (op) {
            tokens.push({ t: 'op', value: op, offset: i });
            i += op.length;
            continue;
        }
        const w = readWord(src, i);
        tokens.push(w.token);
        i = w.end;
    }
    return tokens;
}
function skipHeredocBodies(src, start, pending) {
    let i = start;
    for (const h of pending) {
        for (;;) {
            if (i >= src.length)
                return i;
            let eol = src.indexOf('\n', i);
            if (eol < 0)
                eol = src.length;
            let line = src.slice(i, eol).replace(/\r$/, '');
            if (h.stripTabs)
                line = line.replace(/^\t+/, '');
            i = eol + 1;
            if (line === h.delim)
                break;
        }
    }
    return Math.min(i, src.length);
}
/** Read one word starting at `start`. */
function readWord(src, start) {
    let i = start;
    let value = '';
    let quoted = false;
    const substitutions = [];
    const n = src.length;
    // `$(…)` (not arithmetic `$((…))`) and `…`: the body from `from` up to the closing
    // character, or to the end of the text when it is missing.
    const substitution = (from, end, close) => {
        if (src[from - 1] === '(' && src[from] === '(')
            return;
        const stop = end > from && src[end - 1] === close ? end - 1 : end;
        substitutions.push({ text: src.slice(from, stop), offset: from });
    };
    while (i < n) {
        const c = src[i];
        if (WORD_END.has(c)) {
            // `<(…)` / `>(…)` process substitution inside a word
            if ((c === '<' || c === '>') && src[i + 1] === '(' && i === start) {
                const end = skipBalanced(src, i + 1, '(', ')');
                value += src.slice(i, end);
                i = end;
                continue;
            }
            break;
        }
        if (c === '\\') {
            if (src[i + 1] === '\n') {
                i += 2;
                continue;
            }
            quoted = true;
            if (i + 1 < n)
                value += src[i + 1];
            i += 2;
            continue;
        }
        if (c === "'") {
            quoted = true;
            const end = src.indexOf("'", i + 1);
            const stop = end < 0 ? n : end;
            value += src.slice(i + 1, stop);
            i = stop + 1;
            continue;
        }
        if (c === '$' && src[i + 1] === "'") {
            quoted = true;
            let j = i + 2;
            while (j < n && src[j] !== "'")
                j += src[j] === '\\' ? 2 : 1;
            value += src.slice(i + 2, Math.min(j, n)).replace(/\\(.)/g, '$1');
            i = j + 1;
            continue;
        }
        if (c === '"') {
            quoted = true;
            let j = i + 1;
            while (j < n && src[j] !== '"') {
                const d = src[j];
                if (d === '\\' && j + 1 < n) {
                    const e = src[j + 1];
                    if (e === '\n') {
                        j += 2;
                        continue;
                    }
                    value += '$`"\\'.includes(e) ? e : d + e;
                    j += 2;
                    continue;
                }
                if (d === '$' && (src[j + 1] === '(' || src[j + 1] === '{')) {
                    const end = skipBalanced(src, j + 1, src[j + 1], src[j + 1] === '(' ? ')' : '}');
                    if (src[j + 1] === '(')
                        substitution(j + 2, end, ')');
                    value += src.slice(j, end);
                    j = end;
                    continue;
                }
                if (d === '`') {
                    const end = skipBacktick(src, j);
                    substitution(j + 1, end, '`');
                    value += src.slice(j, end);
                    j = end;
                    continue;
                }
                value += d;
                j++;
            }
            i = j + 1;
            continue;
        }
        if (c === '$' && (src[i + 1] === '(' || src[i + 1] === '{')) {
            const end = skipBalanced(src, i + 1, src[i + 1], src[i + 1] === '(' ? ')' : '}');
            if (src[i + 1] === '(')
                substitution(i + 2, end, ')');
            value += src.slice(i, end);
            i = end;
            continue;
        }
        if (c === '`') {
            const end = skipBacktick(src, i);
            substitution(i + 1, end, '`');
            value += src.slice(i, end);
            i = end;
            continue;
        }
        value += c;
        i++;
    }
    const end = Math.max(Math.min(i, n), start + 1);
    return {
        token: { t: 'word', value, raw: src.slice(start, end), quoted, offset: start, substitutions },
        end,
    };
}
/** From an opening bracket at `open`, the offset just after its match (quotes and nesting respected). */
function skipBalanced(src, openAt, open, close) {
    let depth = 0;
    let i = openAt;
    const n = src.length;
    while (i < n) {
        const c = src[i];
        if (c === '\\') {
            i += 2;
            continue;
        }
        if (c === "'" && open === '(') {
            const end = src.indexOf("'", i + 1);
            i = end < 0 ? n : end + 1;
            continue;
        }
        if (c === '"') {
            let j = i + 1;
            while (j < n && src[j] !== '"')
                j += src[j] === '\\' ? 2 : 1;
            i = j + 1;
            continue;
        }
        if (c === '`') {
            i = skipBacktick(src, i);
            continue;
        }
        if (c === open)
            depth++;
        else if (c === close) {
            depth--;
            if (depth === 0)
                return i + 1;
        }
        i++;
    }
    return n;
}
function skipBacktick(src, at) {
    let j = at + 1;
    while (j < src.length && src[j] !== '`')
        j += src[j] === '\\' ? 2 : 1;
    return Math.min(j + 1, src.length);
}

;// CONCATENATED MODULE: ./src/shell/parse.ts
// Tokens to simple commands: name, arguments, leading assignments, redirections, and the
// operators around each command, so rules see `&&`/`;`/`|` boundaries instead of substrings.
// Compound-command keywords (if/then/while/do/…, `{`, `}`, `!`) are skipped so the commands
// inside them are still seen; `for … in …` and `case … esac` headers are not commands.

const RESERVED_SKIP = new Set([
    'if',
    'then',
    'else',
    'elif',
    'fi',
    'do',
    'done',
    'while',
    'until',
    '!',
    '{',
    '}',
    'esac',
]);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;
function parseShell(src, opts = {}) {
    const tokens = tokenize(src, opts);
    const out = [];
    let cur = null;
    let before = null;
    let depth = 0;
    let pipeline = 0;
    let skipUntilSep = false; // `for x in a b c` header
    let inCase = false; // `case … esac`: too irregular to split, skipped
    const finish = (after) => {
        if (cur &&
            (cur.words.length > 0 ||
                cur.redirects.length > 0 ||
                cur.assignments.length > 0 ||
                cur.substitutions.length > 0)) {
            cur.after = after;
            out.push(cur);
        }
        cur = null;
    };
    const start = (tok) => {
        cur = {
            words: [],
            assignments: [],
            redirects: [],
            offset: tok.offset,
            before,
            after: null,
            depth,
            pipeline,
            substitutions: [],
        };
        return cur;
    };
    for (let k = 0; k < tokens.length; k++) {
        const tok = tokens[k];
        if (inCase) {
            if (tok.t === 'word' && tok.value === 'esac' && !tok.quoted)
                inCase = false;
            continue;
        }
        if (tok.t === 'op') {
            if (skipUntilSep && (tok.value === ';' || tok.value === '\n')) {
                skipUntilSep = false;
                finish(tok.value);
                before = tok.value;
                continue;
            }
            if (tok.value === '(') {
                // `name() {` is a function definition: drop the pending name.
                if (cur &&
                    cur.words.length === 1 &&
                    tokens[k + 1]?.t === 'op' &&
                    tokens[k + 1].value === ')') {
                    cur = null;
                    k++;
                    continue;
                }
                finish(tok.value);
                depth++;
                before = '(';
                continue;
            }
            if (tok.value === ')') {
                finish(')');
                depth = Math.max(0, depth - 1);
                before = ')';
                continue;
            }
            const wasPipe = tok.value === '|' || tok.value === '|&';
            finish(tok.value);
            if (!wasPipe)
                pipeline++;
            before = tok.value;
            continue;
        }
        if (skipUntilSep) {
            // `for f in $(ls)`: the header is no command, but its substitutions run.
            if (tok.t === 'word' && tok.substitutions.length > 0)
                (cur ?? start(tok)).substitutions.push(...tok.substitutions);
            continue;
        }
        if (tok.t === 'redir') {
            const c = cur ?? start(tok);
            c.redirects.push({ op: tok.op, target: tok.target?.value ?? null });
            if (tok.target)
                c.substitutions.push(...tok.target.substitutions);
            continue;
        }
        // a word
        const c = cur ?? start(tok);
        c.substitutions.push(...tok.substitutions);
        if (c.words.length === 0 && !tok.quoted) {
            if (RESERVED_SKIP.has(tok.value)) {
                if (c.assignments.length === 0 && c.redirects.length === 0)
                    cur = null;
                continue;
            }
            if (tok.value === 'for' || tok.value === 'select') {
                cur = null;
                skipUntilSep = true;
                continue;
            }
            if (tok.value === 'case') {
                cur = null;
                inCase = true;
                continue;
            }
            if (tok.value === 'function') {
                cur = null;
                skipUntilSep = true;
                continue;
            }
            if (ASSIGNMENT.test(tok.raw)) {
                const eq = tok.value.indexOf('=');
                c.assignments.push({
                    name: tok.value.slice(0, eq).replace(/\+$/, ''),
                    value: tok.value.slice(eq + 1),
                });
                continue;
            }
        }
        c.words.push(tok);
    }
    finish(null);
    return out;
}


/***/ }),

/***/ 7207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P8: () => (/* binding */ basename),
/* harmony export */   Sf: () => (/* binding */ scriptsOf),
/* harmony export */   X6: () => (/* binding */ inlineScript),
/* harmony export */   gV: () => (/* binding */ substitutionScripts),
/* harmony export */   vm: () => (/* binding */ shellKind)
/* harmony export */ });
/* unused harmony exports hasPipefailOption, shellAt */
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6485);
/* harmony import */ var _dockerfile_lines_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7541);
/* harmony import */ var _dockerfile_instruction_words_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3826);



const DEFAULT_SHELL = ['/bin/sh', '-c'];
const WINDOWS_SHELL = ['cmd', '/S', '/C'];
/** Windows base images run RUN with `cmd /S /C` unless SHELL says otherwise. */
function isWindowsBase(model, stage) {
    const chain = model.chain(stage);
    const root = chain[chain.length - 1];
    const ref = root?.from.resolved.value.toLowerCase() ?? '';
    return /(^|\/)(windows\/(servercore|nanoserver|server)|windows(servercore|nanoserver)?)([:@/]|$)|nanoserver|servercore/.test(ref);
}
const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);
function basename(p) {
    const s = p.replace(/\\/g, '/');
    return s
        .slice(s.lastIndexOf('/') + 1)
        .replace(/\.exe$/i, '')
        .toLowerCase();
}
function shellKind(name) {
    if (POSIX_SHELLS.has(name))
        return 'posix';
    if (name === 'powershell' || name === 'pwsh')
        return 'powershell';
    if (name === 'cmd')
        return 'cmd';
    return 'other';
}
/** `-o pipefail`, `-eo pipefail`, `-euxo pipefail`, `-opipefail` among shell options. */
function hasPipefailOption(args) {
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (/^-[A-Za-z]*o$/.test(a) && args[i + 1] === 'pipefail')
            return true;
        if (a === '-opipefail' || a === '--pipefail')
            return true;
    }
    return false;
}
// One pass per model instead of a scan per instruction (quadratic on long files, found by
// the fuzz scaling check): the last JSON SHELL before each instruction of its own stage.
const shellsCache = new WeakMap();
function shells(model) {
    let c = shellsCache.get(model);
    if (!c) {
        c = { before: new Map(), last: new Map() };
        for (const s of model.stages) {
            let last = null;
            for (const i of s.instructions) {
                c.before.set(i, last);
                if (i.keyword === 'SHELL' && i.json)
                    last = i;
            }
            c.last.set(s, last);
        }
        shellsCache.set(model, c);
    }
    return c;
}
/** The SHELL in effect at an instruction: last SHELL before it in its stage, else inherited through FROM <stage>. */
function shellAt(instr, model) {
    const stage = model.stageOf(instr);
    let found = null;
    if (stage) {
        for (const s of model.chain(stage)) {
            found = (s === stage ? shells(model).before.get(instr) : shells(model).last.get(s)) ?? null;
            if (found)
                break;
        }
    }
    let argv = found?.json && found.json.length > 0 ? found.json : DEFAULT_SHELL;
    if (!found && stage && isWindowsBase(model, stage))
        argv = WINDOWS_SHELL;
    const name = basename(argv[0]);
    return { argv, instr: found, kind: shellKind(name), pipefail: hasPipefailOption(argv.slice(1)), name };
}
/** Lines of an instruction's command part, joined as Docker joins continuations. */
function commandPart(instr, model) {
    const esc = model.escapeChar;
    let text = '';
    const lines = [];
    let l = instr.line;
    let first = true;
    for (;;) {
        const raw = model.lines[l - 1] ?? '';
        let content = raw;
        if (first) {
            content = raw.replace(/^\s*[A-Za-z]+/, (m) => ' '.repeat(m.length));
            first = false;
        }
        const cont = new RegExp(`${(0,_dockerfile_lines_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeRegExp */ .Nt)(esc)}[ \\t]*$`).exec(content);
        if (cont)
            content = content.slice(0, cont.index);
        for (const _ of content)
            lines.push(l);
        text += content;
        if (!cont || l >= instr.endLine) {
            text += '\n';
            lines.push(l);
            return { text, lines, lastLine: l };
        }
        // Docker drops comment lines and empty lines inside a continuation.
        l++;
        while (l < instr.endLine && /^\s*(#.*)?$/.test(model.lines[l - 1] ?? ''))
            l++;
    }
}
/** Remove leading `--flag[=value]` words, keeping the line map aligned. */
function stripFlags(text, lines) {
    const n = (0,_dockerfile_instruction_words_js__WEBPACK_IMPORTED_MODULE_2__/* .leadingFlagsLength */ .i)(text);
    return { text: text.slice(n), lines: lines.slice(n) };
}
const cache = new WeakMap();
/** The shell scripts of a RUN (or ONBUILD RUN) instruction; [] for exec form or other instructions. */
function scriptsOf(instr, model) {
    const hit = cache.get(instr);
    if (hit)
        return hit;
    const out = computeScripts(instr, model);
    cache.set(instr, out);
    return out;
}
function computeScripts(instr, model) {
    if (instr.keyword !== 'RUN' || instr.json)
        return [];
    const sh = shellAt(instr, model);
    const part = commandPart(instr, model);
    const { text, lines } = stripFlags(part.text, part.lines);
    const lineAtOf = (ls, fallback) => (o) => ls[Math.max(0, Math.min(o, ls.length - 1))] ?? fallback;
    const runCommands = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .parseShell */ .a)(text, { shellHeredocs: false });
    const run = {
        kind: 'run',
        text,
        lineAt: lineAtOf(lines, instr.line),
        shell: { name: sh.name, kind: sh.kind, pipefail: sh.pipefail, source: 'SHELL' },
        commands: runCommands,
        line: instr.line,
    };
    const out = [run];
    // Heredoc bodies follow the command part, in order, each closed by its terminator line.
    let next = part.lastLine + 1;
    for (const h of instr.heredocs) {
        const bodyLines = h.body === '' ? [] : h.body.split(/\r?\n/);
        let start = next;
        if (bodyLines.length > 0 && model.lines[start - 1] !== bodyLines[0]) {
            // Defensive: find the body's first line within the instruction.
            for (let l = next; l <= instr.endLine; l++) {
                if (model.lines[l - 1] === bodyLines[0]) {
                    start = l;
                    break;
                }
            }
        }
        next = start + bodyLines.length + 1;
        const consumer = runCommands.find((c) => c.redirects.some((r) => (r.op === '<<' || r.op === '<<-') && r.target === h.name));
        const shell = heredocShell(consumer, bodyLines[0] ?? '', sh);
        if (!shell)
            continue;
        const ls = [];
        bodyLines.forEach((b, k) => {
            for (let c = 0; c <= b.length; c++)
                ls.push(start + k);
        });
        const body = bodyLines.join('\n') + '\n';
        out.push({
            kind: 'heredoc',
            heredoc: h.name,
            text: body,
            lineAt: lineAtOf(ls, start),
            shell,
            commands: (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .parseShell */ .a)(body, { shellHeredocs: true }),
            line: start,
        });
    }
    return out;
}
/**
 * The scripts of the command substitutions (`$(…)`, backticks) in a script, nested ones
 * included, with Dockerfile lines; they run in the same shell and belong to the same part
 * of the RUN (`kind`, `heredoc`) as the script that contains them.
 */
function substitutionScripts(s) {
    if (s.shell.kind !== 'posix')
        return [];
    const out = [];
    for (const c of s.commands) {
        for (const sub of c.substitutions) {
            const nested = {
                ...s,
                text: sub.text,
                lineAt: (o) => s.lineAt(sub.offset + o),
                commands: (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .parseShell */ .a)(sub.text, { shellHeredocs: true }),
                line: s.lineAt(sub.offset),
            };
            out.push(nested, ...substitutionScripts(nested));
        }
    }
    return out;
}
/** A script given as an argument (`sh -c '…'`), all of it on one Dockerfile line. */
function inlineScript(text, line, parent) {
    return {
        kind: parent.kind,
        heredoc: parent.heredoc,
        text,
        lineAt: () => line,
        shell: { name: 'sh', kind: 'posix', pipefail: false, source: 'command' },
        commands: (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .parseShell */ .a)(text, { shellHeredocs: true }),
        line,
    };
}
function heredocShell(consumer, firstLine, sh) {
    const shebang = /^#!\s*(\S+)(?:\s+(.*))?$/.exec(firstLine);
    const fromShebang = () => {
        if (!shebang)
            return null;
        let name = basename(shebang[1]);
        let rest = (shebang[2] ?? '').split(/\s+/).filter(Boolean);
        if (name === 'env') {
            rest = rest.filter((a) => !a.startsWith('-'));
            name = basename(rest[0] ?? '');
            rest = rest.slice(1);
        }
        return { name, kind: shellKind(name), pipefail: hasPipefailOption(rest), source: 'shebang' };
    };
    if (!consumer || consumer.words.length === 0) {
        // `RUN <<EOF`: BuildKit runs the body with the SHELL, or as an executable when it has a shebang.
        if (shebang)
            return fromShebang();
        return { name: sh.name, kind: sh.kind, pipefail: sh.pipefail, source: 'SHELL' };
    }
    const argv = consumer.words.map((w) => w.value);
    const name = basename(argv[0]);
    if (shellKind(name) === 'posix') {
        // `bash <<EOF`, `sh -e <<EOF`, `bash -s <<EOF`: the body is the script (no script file, no -c).
        const args = name === 'busybox' ? argv.slice(2) : argv.slice(1);
        const scriptArg = args.some((a, k) => !a.startsWith('-') && !(k > 0 && /^-[A-Za-z]*o$/.test(args[k - 1])) && a !== 'pipefail');
        if (args.includes('-c') || scriptArg)
            return null;
        return { name, kind: 'posix', pipefail: hasPipefailOption(args), source: 'command' };
    }
    return null; // data for another program (cat, tee, python3, …)
}


/***/ }),

/***/ 9496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ unwrap)
/* harmony export */ });
/* harmony import */ var _script_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7207);

const WRAPPERS = new Set([
    'sudo',
    'doas',
    'env',
    'exec',
    'nohup',
    'time',
    'nice',
    'ionice',
    'command',
    'builtin',
    'xargs',
    'stdbuf',
    'timeout',
    'gosu',
    'su-exec',
    'chroot',
    'eatmydata',
]);
/** Wrapper options that take a separate value (`sudo -u app`, `nice -n 10`, `xargs -I {}`). */
const VALUE_OPTIONS = {
    sudo: /^-[ugUCDhpTr]$|^--(user|group|chdir|host|prompt|close-from|role|type)$/,
    doas: /^-[uC]$/,
    nice: /^-n$/,
    ionice: /^-[cnp]$/,
    xargs: /^-[IiLlnPsdEa]$/,
    env: /^-[uCS]$/,
    timeout: /^-[sk]$/,
    stdbuf: /^-[ioe]$/,
};
/** Wrappers whose first operand is not the command (`gosu USER cmd`, `chroot DIR cmd`, `timeout 30 cmd`). */
const FIRST_OPERAND = {
    gosu: () => true,
    'su-exec': () => true,
    chroot: () => true,
    timeout: (w) => /^\d/.test(w),
};
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** The program a command runs behind its wrappers; null when it runs nothing (`A=1`). */
function unwrap(words) {
    const assignments = [];
    const wrappers = [];
    let i = 0;
    for (;;) {
        while (i < words.length && ASSIGNMENT.test(words[i].value)) {
            const eq = words[i].value.indexOf('=');
            assignments.push({
                name: words[i].value.slice(0, eq),
                value: words[i].value.slice(eq + 1),
                word: words[i],
            });
            i++;
        }
        if (i >= words.length) {
            // `sudo -v`, `env`: the last wrapper is the program
            const last = wrappers.pop();
            if (!last)
                return null;
            return {
                name: (0,_script_js__WEBPACK_IMPORTED_MODULE_0__/* .basename */ .P8)(last.value),
                nameWord: last,
                args: words.slice(words.indexOf(last) + 1),
                wrappers,
                assignments,
            };
        }
        const name = (0,_script_js__WEBPACK_IMPORTED_MODULE_0__/* .basename */ .P8)(words[i].value);
        if (!WRAPPERS.has(name))
            break;
        wrappers.push(words[i]);
        i++;
        while (i < words.length && words[i].value.startsWith('-') && words[i].value !== '-') {
            const opt = words[i].value;
            i++;
            if (opt === '--')
                break;
            if (VALUE_OPTIONS[name]?.test(opt) && i < words.length)
                i++;
        }
        if (i < words.length && FIRST_OPERAND[name]?.(words[i].value))
            i++;
    }
    const nameWord = words[i];
    return { name: (0,_script_js__WEBPACK_IMPORTED_MODULE_0__/* .basename */ .P8)(nameWord.value), nameWord, args: words.slice(i + 1), wrappers, assignments };
}


/***/ }),

/***/ 1852:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fd: () => (/* binding */ suppressor),
/* harmony export */   _d: () => (/* binding */ suppressionPolicy),
/* harmony export */   d3: () => (/* binding */ inlineIgnores)
/* harmony export */ });
const DIRECTIVE = /^\s*harden-check\s+(?:(global|stage)\s+)?ignore\s*=\s*([A-Za-z0-9_,\s]*?)\s*(?:--\s*(.*))?$/i;
function inlineIgnores(model) {
    const out = [];
    for (const c of model.comments) {
        const text = c.text.replace(/^#/, '');
        const m = DIRECTIVE.exec(text);
        if (!m)
            continue;
        const ids = m[2]
            .split(/[\s,]+/)
            .map((s) => s.trim().toUpperCase())
            .filter(Boolean);
        const scope = (m[1]?.toLowerCase() ?? 'next');
        const reason = m[3]?.trim() || null;
        let from = c.line;
        let to = c.line;
        if (scope === 'global') {
            from = 1;
            to = model.lines.length;
        }
        else if (scope === 'stage') {
            const stage = [...model.stages].reverse().find((s) => s.line <= c.line);
            from = stage ? stage.line : 1;
            to = stage ? stage.endLine : (model.preamble.at(-1)?.endLine ?? c.line);
        }
        else {
            // The next instruction after the comment (other comments and blank lines may sit between).
            const next = model.instructions.find((i) => i.line > c.line);
            if (next && onlyCommentsBetween(model, c.line, next.line)) {
                from = next.line;
                to = next.endLine;
            }
        }
        out.push({ scope, ids, reason, line: c.line, from, to });
    }
    return out;
}
function onlyCommentsBetween(model, a, b) {
    for (let l = a + 1; l < b; l++) {
        const t = model.lines[l - 1]?.trim() ?? '';
        if (t !== '' && !t.startsWith('#'))
            return false;
    }
    return true;
}
/** Every suppression that applies to one Dockerfile: its comments (when allowed), the lists, the overrides. */
function suppressionPolicy(model, config, ignore = []) {
    return {
        inline: config.allowInlineIgnore ? inlineIgnores(model) : [],
        ignore: [...ignore, ...config.ignore],
        severity: config.severity,
    };
}
/**
 * The one suppression decision, for static and runtime findings alike: null when the
 * finding is ignored (inline comment covering its line, a list, severity `off`), else the
 * finding with its severity override applied.
 */
function suppressor(policy) {
    const ignore = new Set(policy.ignore);
    return (f) => {
        const override = policy.severity[f.ruleId];
        const inline = policy.inline.some((s) => s.ids.includes(f.ruleId) && f.line >= s.from && f.line <= s.to);
        if (ignore.has(f.ruleId) || override === 'off' || inline)
            return null;
        return override ? { ...f, severity: override } : f;
    };
}


/***/ })

};
