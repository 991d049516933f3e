export const id = 894;
export const ids = [894];
export const modules = {

/***/ 8607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HQ: () => (/* binding */ readHostProc),
/* harmony export */   K9: () => (/* binding */ logs),
/* harmony export */   Mn: () => (/* binding */ top),
/* harmony export */   Xm: () => (/* binding */ execIn),
/* harmony export */   zR: () => (/* binding */ runContainer)
/* harmony export */ });
/* unused harmony exports runArgs, parseTop */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9655);
/* harmony import */ var _labels_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65);
// The verification container and what can be observed about it from the host.



function runArgs(req) {
    const args = [
        'run',
        '--detach',
        '--label',
        `${_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .RUN_LABEL */ .j}=${req.runId}`,
        '--network',
        req.network || 'none',
        '--security-opt',
        'no-new-privileges',
        '--memory',
        '512m',
        '--pids-limit',
        '256',
    ];
    for (const [k, v] of Object.entries(req.env))
        args.push('--env', `${k}=${v}`);
    const h = req.health;
    if (h?.intervalSeconds !== undefined)
        args.push(`--health-interval=${h.intervalSeconds}s`);
    if (h?.timeoutSeconds !== undefined)
        args.push(`--health-timeout=${h.timeoutSeconds}s`);
    if (h?.startPeriodSeconds !== undefined)
        args.push(`--health-start-period=${h.startPeriodSeconds}s`);
    if (h?.retries !== undefined)
        args.push(`--health-retries=${h.retries}`);
    args.push(...req.runArgs, req.image);
    return args;
}
/** Starts the container; returns its id. The image's own ENTRYPOINT/CMD run. */
async function runContainer(req) {
    const out = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .docker */ .T3)(runArgs(req));
    const id = out.stdout.trim().split('\n').pop()?.trim() ?? '';
    if (/^[0-9a-f]{12,64}$/.test(id))
        return { id, error: out.exitCode === 0 ? '' : out.stderr.trim() };
    return { id: null, error: (out.stderr || out.stdout).trim() };
}
/** `docker top -o uid,pid,comm`: the real UIDs as the host sees them. */
function parseTop(stdout) {
    const lines = stdout.split('\n').filter((l) => l.trim());
    return lines
        .slice(1)
        .map((l) => l.trim().split(/\s+/))
        .filter((f) => f.length >= 3 && /^\d+$/.test(f[0]) && /^\d+$/.test(f[1]))
        .map((f) => ({ uid: Number(f[0]), pid: Number(f[1]), comm: f.slice(2).join(' ') }));
}
async function top(id) {
    return parseTop(await (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .dockerOk */ .XE)(['top', id, '-o', 'uid,pid,comm']));
}
async function logs(id, tail = 20) {
    const out = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .docker */ .T3)(['logs', '--tail', String(tail), id]);
    // stdout and stderr of the container arrive on both streams; keep them together.
    return [out.stdout, out.stderr]
        .filter((s) => s.trim())
        .join('\n')
        .trimEnd();
}
/** Run a command inside the container (only used as a fallback: needs the binary in the image). */
async function execIn(id, argv) {
    const out = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .docker */ .T3)(['exec', id, ...argv]);
    return { exitCode: out.exitCode, stdout: out.stdout };
}
/**
 * Read a file of the container's process namespace from the host (/proc/<pid>/...).
 * Works on scratch images. Falls back to `sudo -n cat` when we are not root (GitHub
 * runners run as `runner` with passwordless sudo), then reports null.
 */
async function readHostProc(pid, file) {
    const path = `/proc/${pid}/${file}`;
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'latin1');
    }
    catch {
        if (process.getuid?.() === 0)
            return null;
    }
    const { execFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1421, 23));
    return new Promise((resolve) => {
        execFile('sudo', ['-n', 'cat', path], { timeout: 5000, encoding: 'latin1' }, (err, stdout) => resolve(err ? null : stdout));
    });
}


/***/ }),

/***/ 65:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ runFilter),
/* harmony export */   j: () => (/* binding */ RUN_LABEL)
/* harmony export */ });
// Everything a run creates carries this label, so the post step can find and remove
// exactly that (and never anything else) even when the main step was killed.
const RUN_LABEL = 'harden-check.run';
function runFilter(runId) {
    return `label=${RUN_LABEL}=${runId}`;
}


/***/ }),

/***/ 6432:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ buildFailure),
/* harmony export */   x: () => (/* binding */ BUILD_FAILED)
/* harmony export */ });
const BUILD_FAILED = 'HC909';
/** The finding, and the reason every undecided check gets. */
function buildFailure(b) {
    const last = b.logTail.trim().split('\n').filter(Boolean).at(-1) ?? '';
    return {
        finding: {
            ruleId: BUILD_FAILED,
            severity: 'error',
            check: undefined,
            line: 1,
            message: `The image did not build (exit ${b.exitCode}); see the build log tail. ${last}`.slice(0, 400),
        },
        reason: `build failed (${b.builder}, exit ${b.exitCode}): ${last}`.slice(0, 300),
    };
}


/***/ }),

/***/ 4672:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JD: () => (/* binding */ ENV_NOT_HONOURED),
/* harmony export */   eR: () => (/* binding */ checkEnvOverride),
/* harmony export */   hp: () => (/* binding */ sentinelRefused)
/* harmony export */ });
/* harmony import */ var _docker_container_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8607);
/* harmony import */ var _secrets_detect_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5042);
/* harmony import */ var _env_probe_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4080);
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7408);
// env-override: does a value given with `docker run -e` reach the app's processes? Read
// from /proc/<pid>/environ on the host (or `cat /proc/1/environ` inside the image).




const ENV_NOT_HONOURED = 'HC312';
async function processEnvs(id, procs) {
    const envs = await Promise.all(procs.map(async (p) => {
        const raw = await (0,_docker_container_js__WEBPACK_IMPORTED_MODULE_0__/* .readHostProc */ .HQ)(p.pid, 'environ');
        return { pid: p.pid, comm: p.comm, env: raw === null ? null : (0,_env_probe_js__WEBPACK_IMPORTED_MODULE_2__/* .parseEnviron */ .BE)(raw) };
    }));
    if (envs.some((e) => e.env !== null))
        return { envs, via: 'read from /proc/<pid>/environ on the host' };
    const e = await (0,_docker_container_js__WEBPACK_IMPORTED_MODULE_0__/* .execIn */ .Xm)(id, ['cat', '/proc/1/environ']);
    if (e.exitCode === 0)
        return {
            envs: [{ pid: 1, comm: 'pid 1', env: (0,_env_probe_js__WEBPACK_IMPORTED_MODULE_2__/* .parseEnviron */ .BE)(e.stdout) }],
            via: 'read with docker exec cat /proc/1/environ',
        };
    return { envs, via: 'unreadable' };
}
/** The app refused our sentinel values but became healthy without them: the override stays unproven. */
function sentinelRefused(sentinelKeys) {
    return {
        check: {
            id: 'env-override',
            status: 'error',
            detail: `the app does not start with sentinel values for ${sentinelKeys.join(', ')}; it does without them`,
            diagnosis: `harden-check replaced ${sentinelKeys.join(', ')} with sentinel values (hc-sentinel-…) and the container did not become healthy; started again without them, it did. The app validates these values, so a sentinel cannot prove the override. Give the env-overrides input valid values (e.g. ${sentinelKeys[0]}=<another valid value>) to prove that -e reaches the app.`,
        },
        findings: [],
    };
}
async function checkEnvOverride(e) {
    const { choice, state, procs } = e;
    const keys = Object.keys(choice.overrides);
    const skippedText = choice.skipped.length
        ? ` Not overridden: ${choice.skipped.map((s) => `${s.key} (${s.reason})`).join('; ')}.`
        : '';
    const how = choice.derived
        ? `Started the container with a sentinel value (hc-sentinel-…) for ${keys.join(', ')}.`
        : `Started the container with the env-overrides input: ${keys.join(', ')}.`;
    if (!state.running || !procs || procs.length === 0) {
        return {
            check: {
                id: 'env-override',
                status: 'error',
                detail: `the container exited (code ${state.exitCode}) before its environment could be read`,
                diagnosis: how + skippedText,
            },
            findings: [],
        };
    }
    const { envs, via } = await processEnvs(e.containerId, procs);
    const v = (0,_env_probe_js__WEBPACK_IMPORTED_MODULE_2__/* .judgeOverrides */ .H5)(choice.overrides, envs);
    if (v.unreadable) {
        return {
            check: {
                id: 'env-override',
                status: 'error',
                detail: 'the process environment could not be read (/proc not readable, no cat in the image)',
                diagnosis: how + skippedText,
            },
            findings: [],
        };
    }
    const show = (key, value) => value === null
        ? 'unset'
        : (0,_secrets_detect_js__WEBPACK_IMPORTED_MODULE_1__/* .secretNameMatch */ .Jv)(key)
            ? (0,_secrets_detect_js__WEBPACK_IMPORTED_MODULE_1__/* .maskSecret */ .$l)(value)
            : JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value);
    if (v.replaced.length === 0) {
        return {
            check: {
                id: 'env-override',
                status: 'pass',
                detail: `${v.honoured.join(', ')} reached the process (${via})`,
                diagnosis: how + skippedText,
            },
            findings: [],
        };
    }
    const replacedText = v.replaced.map((r) => `${r.key} is ${show(r.key, r.seen)} in ${r.comm}`).join('; ');
    const lines = v.replaced.map((r) => (0,_outcome_js__WEBPACK_IMPORTED_MODULE_3__/* .declaredLine */ .j)(e.facts, r.key, e.stageLine));
    return {
        check: {
            id: 'env-override',
            status: 'fail',
            line: Math.min(...lines),
            detail: `override not honoured: ${replacedText}${v.honoured.length ? `; honoured: ${v.honoured.join(', ')}` : ''}`,
            diagnosis: `${how} The process sees another value, so something in the image (an entrypoint script that exports or hard-codes it, or a config file read instead) replaces what the operator sets with -e. ${via}.${skippedText}`,
        },
        findings: v.replaced.map((r, i) => ({
            ruleId: ENV_NOT_HONOURED,
            severity: 'error',
            check: 'env-override',
            line: lines[i],
            message: `docker run -e ${r.key}=… does not reach the app: ${r.comm} sees ${show(r.key, r.seen)}. Let the environment win (e.g. \`: "\${${r.key}:=default}"\` in the entrypoint instead of export ${r.key}=…).`,
        })),
    };
}


/***/ }),

/***/ 7301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $: () => (/* binding */ SECRET_IN_IMAGE),
  B: () => (/* binding */ checkNoSecrets)
});

// EXTERNAL MODULE: ./src/secrets/detect.ts
var detect = __webpack_require__(5042);
;// CONCATENATED MODULE: ./src/runtime/secret-probe.ts
// Credentials baked into the image: Config.Env (what every container starts with) and
// `docker history` (build args consumed by RUN appear as `|N KEY=value ...`; ENV values
// overwritten later survive in their layer's CreatedBy). Uses the shared detector;
// only masked values leave this module.

function judgePair(key, value) {
    const byValue = (0,detect/* findSecretValues */.sD)(value);
    if (byValue.length > 0)
        return { reason: byValue[0].kind };
    const token = (0,detect/* secretNameMatch */.Jv)(key);
    if (token && !(0,detect/* isPlaceholder */.wK)(value))
        return { reason: `name contains "${token}"` };
    return null;
}
function splitPair(kv) {
    const i = kv.indexOf('=');
    if (i <= 0)
        return null;
    return [kv.slice(0, i), kv.slice(i + 1)];
}
/** KEY=VALUE pairs a history line carries: `|N K=V ...` build args and ENV instructions. */
function historyPairs(createdBy) {
    const out = [];
    const args = /(?:^|\s)\|(\d+)\s+(.*)$/.exec(createdBy);
    if (args) {
        const n = Number(args[1]);
        const words = args[2].split(/\s+/);
        for (const w of words.slice(0, n)) {
            const p = splitPair(w);
            if (p)
                out.push(p);
        }
    }
    const env = /(?:#\(nop\)\s+|^)ENV\s+(.*)$/.exec(createdBy.trim());
    if (env) {
        for (const w of env[1].split(/\s+/)) {
            const p = splitPair(w);
            if (p)
                out.push([p[0], p[1].replace(/^(['"])(.*)\1$/, '$2')]);
        }
    }
    return out;
}
function scanImageSecrets(configEnv, history) {
    const hits = new Map();
    const add = (key, value, reason, where) => {
        const id = `${key ?? ''}=${value}`;
        const h = hits.get(id);
        if (h) {
            if (!h.where.includes(where))
                h.where.push(where);
            return;
        }
        hits.set(id, { key, masked: (0,detect/* maskSecret */.$l)(value), reason, where: [where], raw: value });
    };
    for (const kv of configEnv) {
        const p = splitPair(kv);
        if (!p)
            continue;
        const j = judgePair(p[0], p[1]);
        if (j)
            add(p[0], p[1], j.reason, 'image Config.Env');
    }
    for (const h of history) {
        const pairValues = new Set();
        for (const [k, v] of historyPairs(h.createdBy)) {
            const j = judgePair(k, v);
            if (j) {
                add(k, v, j.reason, 'docker history');
                pairValues.add(v);
            }
        }
        // Credentials anywhere else in the command (e.g. a token in a curl URL).
        for (const m of (0,detect/* findSecretValues */.sD)(h.createdBy)) {
            const v = h.createdBy.slice(m.index, m.index + m.length);
            if ([...pairValues].some((pv) => pv.includes(v)))
                continue;
            add(null, v, m.kind, 'docker history');
        }
    }
    return [...hits.values()];
}
function describeHit(h) {
    const what = h.key ? `${h.key}=${h.masked}` : h.masked;
    return `${what} (${h.reason}; ${h.where.join(', ')})`;
}

// EXTERNAL MODULE: ./src/runtime/checks/outcome.ts
var outcome = __webpack_require__(7408);
;// CONCATENATED MODULE: ./src/runtime/checks/no-secrets.ts


const SECRET_IN_IMAGE = 'HC908';
const round = (n) => Math.round(n * 100) / 100;
function checkNoSecrets(info, history, facts) {
    const t = Date.now();
    const hits = scanImageSecrets(info.env, history);
    const secrets = hits.map((h) => h.raw);
    const seconds = round((Date.now() - t) / 1000);
    if (hits.length === 0) {
        return {
            check: {
                id: 'no-secrets',
                status: 'pass',
                seconds,
                detail: `no credential in image Config.Env (${info.env.length} vars) or docker history (${history.length} layers)`,
            },
            findings: [],
            secrets,
        };
    }
    const lines = hits.map((h) => (h.key ? (0,outcome/* declaredLine */.j)(facts, h.key, 1) : 1));
    return {
        check: {
            id: 'no-secrets',
            status: 'fail',
            seconds,
            line: Math.min(...lines),
            detail: hits.map(describeHit).join('; ').slice(0, 500),
            diagnosis: 'Anyone who can pull the image can read these (docker inspect / docker history). Pass secrets at run time (env from the orchestrator, mounted files such as /run/secrets/NAME with a *_FILE variable) and at build time with `RUN --mount=type=secret`, never ENV or ARG.',
        },
        findings: hits.map((h, i) => ({
            ruleId: SECRET_IN_IMAGE,
            severity: 'error',
            check: 'no-secrets',
            line: lines[i],
            message: `Secret in the image: ${describeHit(h)}. Use a build secret or a runtime secret instead.`,
        })),
        secrets,
    };
}


/***/ }),

/***/ 6896:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _w: () => (/* binding */ NAMED_USER),
  Tj: () => (/* binding */ RUNS_AS_ROOT),
  SN: () => (/* binding */ checkNonRoot)
});

;// CONCATENATED MODULE: ./src/runtime/user-probe.ts
/** "1000:1000" -> "1000"; "" when unset. */
function userPart(u) {
    return u.trim().split(':')[0];
}
function isRootUser(u) {
    const p = userPart(u);
    return p === '' || p === '0' || p === 'root';
}
function source(e) {
    if (e.facts)
        return `USER ${e.facts.raw}, line ${e.facts.line}`;
    if (e.configUser)
        return `image Config.User ${e.configUser}`;
    return 'no USER in the image';
}
function decideUser(e) {
    const nonNumericUser = /^[^\d:][^:]*/.test(e.configUser.trim()) && !isRootUser(e.configUser);
    if (e.processes && e.processes.length > 0) {
        const roots = e.processes.filter((p) => p.uid === 0);
        const uids = [...new Set(e.processes.map((p) => p.uid))];
        const what = e.processes.length === 1 ? 'running process' : `${e.processes.length} running processes`;
        if (roots.length > 0) {
            const names = [...new Set(roots.map((p) => p.comm))].join(', ');
            return {
                check: {
                    id: 'non-root',
                    status: 'fail',
                    source: 'runtime',
                    detail: `uid 0 (${what}: ${names} as root; ${source(e)})`,
                },
                rootProcesses: roots,
                nonNumericUser,
            };
        }
        return {
            check: {
                id: 'non-root',
                status: 'pass',
                source: 'runtime',
                detail: `uid ${uids.join(', ')} (${what}; ${source(e)})`,
            },
            rootProcesses: [],
            nonNumericUser,
        };
    }
    // Nothing to observe: fall back to what the image says, and say so.
    const why = e.unobservedReason ?? 'no running process to observe';
    const root = isRootUser(e.configUser);
    return {
        check: {
            id: 'non-root',
            status: root ? 'fail' : 'pass',
            source: 'runtime',
            detail: root
                ? `runs as root (${e.configUser ? `Config.User ${e.configUser}` : 'no USER in the image'}; ${why})`
                : `Config.User ${e.configUser} (${source(e)}; ${why})`,
        },
        rootProcesses: [],
        nonNumericUser,
    };
}

;// CONCATENATED MODULE: ./src/runtime/checks/non-root.ts

const RUNS_AS_ROOT = 'HC901';
const NAMED_USER = 'HC911';
function checkNonRoot(e) {
    const u = decideUser({
        processes: e.processes,
        configUser: e.configUser,
        facts: e.facts.user,
        unobservedReason: e.unobservedReason,
    });
    const root = u.check.status === 'fail';
    const line = e.facts.user?.line ?? e.stageLine;
    const findings = [];
    if (root) {
        findings.push({
            ruleId: RUNS_AS_ROOT,
            severity: 'error',
            check: 'non-root',
            line,
            message: 'The container runs as root. Add `USER <uid>` (numeric, e.g. 10001) as the last USER of the final stage.',
        });
    }
    // The static audit reports a named USER from the Dockerfile; only an image checked
    // without one (image input) needs this note.
    if (u.nonNumericUser && !root && !e.facts.user) {
        findings.push({
            ruleId: NAMED_USER,
            severity: 'note',
            check: 'non-root',
            line,
            message: `USER "${e.configUser}" is a name, not a numeric UID: Kubernetes runAsNonRoot cannot verify it. Prefer USER <uid>:<gid>.`,
        });
    }
    return { check: u.check, findings };
}


/***/ }),

/***/ 7408:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ declaredLine)
/* harmony export */ });
/** The line that sets a variable: its ENV in the shipped stage, else the last ARG/ENV declaring it. */
function declaredLine(facts, key, fallback) {
    return (facts.env.find((e) => e.key === key)?.line ?? facts.declared.find((d) => d.key === key)?.line ?? fallback);
}


/***/ }),

/***/ 4080:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ parseEnviron),
/* harmony export */   H5: () => (/* binding */ judgeOverrides),
/* harmony export */   J8: () => (/* binding */ chooseOverrides),
/* harmony export */   fY: () => (/* binding */ FALLBACK_KEY)
/* harmony export */ });
/* unused harmony exports ENV_DENYLIST, sentinel */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _secrets_detect_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5042);
// Does a value given with `docker run -e` reach the app? We start the verification
// container with overrides and read the environment each container process really got
// from the host's /proc/<pid>/environ (works on scratch). An entrypoint script that
// re-exports the variable shows up as a different value in the process it exec'd.


/**
 * Keys never overridden with a sentinel, because a wrong value breaks the process
 * before it can prove anything (loader paths, locale, runtime homes, network binding).
 * Documented in docs/rules/HC312.md.
 */
const ENV_DENYLIST = [
    /^(PATH|HOME|USER|LOGNAME|SHELL|PWD|HOSTNAME|TERM|TZ|LANG|LANGUAGE|DEBIAN_FRONTEND)$/,
    /^LC_/,
    /^LD_/,
    /^SSL_/,
    /^(PYTHON|PIP_|VIRTUAL_ENV|NODE_|NPM_|YARN_|JAVA_|JDK_|JRE_|MAVEN_|GRADLE_|GO|CARGO_|RUSTUP_|RUBY|GEM_|BUNDLE_|PHP|DOTNET_|ASPNETCORE_|CONDA|UV_|POETRY_)/,
    /_HOME$/,
    /(^|_)(PATH|DIR|ROOT)$/,
    /(^|_)(PORT|HOST|ADDR|ADDRESS|BIND|LISTEN)$/,
    /_VERSION$/,
];
/** When nothing else is left to prove with. */
const FALLBACK_KEY = 'HARDEN_CHECK_SENTINEL';
function sentinel() {
    return `hc-sentinel-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
}
function chooseOverrides(ctx) {
    if (Object.keys(ctx.given).length > 0)
        return { overrides: { ...ctx.given }, derived: false, skipped: [] };
    const skipped = [];
    const overrides = {};
    const candidates = ctx.facts.env.length > 0
        ? ctx.facts.env.map((e) => ({ key: e.key, value: e.value, secret: e.secret }))
        : ctx.imageEnv.map((kv) => {
            const i = kv.indexOf('=');
            const key = i < 0 ? kv : kv.slice(0, i);
            return { key, value: i < 0 ? '' : kv.slice(i + 1), secret: (0,_secrets_detect_js__WEBPACK_IMPORTED_MODULE_1__/* .secretNameMatch */ .Jv)(key) !== null };
        });
    const healthText = (ctx.healthTest ?? []).join(' ');
    const seen = new Set();
    for (const c of candidates) {
        if (seen.has(c.key))
            continue;
        seen.add(c.key);
        if (c.secret || (0,_secrets_detect_js__WEBPACK_IMPORTED_MODULE_1__/* .secretNameMatch */ .Jv)(c.key)) {
            skipped.push({ key: c.key, reason: 'looks secret: never echoed or replaced' });
        }
        else if (ENV_DENYLIST.some((re) => re.test(c.key))) {
            skipped.push({ key: c.key, reason: 'runtime/locale/network setting: a sentinel would break the app' });
        }
        else if (new RegExp(`\\$\\{?${c.key}\\b`).test(healthText)) {
            skipped.push({ key: c.key, reason: 'the HEALTHCHECK uses it' });
        }
        else if (/^\d+$/.test(c.value.trim()) && ctx.ports.includes(Number(c.value.trim()))) {
            skipped.push({ key: c.key, reason: `its value ${c.value.trim()} is the app/HEALTHCHECK port` });
        }
        else if (/^(\d+(\.\d+)?|true|false|yes|no|on|off)$/i.test(c.value.trim())) {
            skipped.push({ key: c.key, reason: 'number/boolean value: a sentinel string could stop the app' });
        }
        else {
            overrides[c.key] = sentinel();
        }
    }
    if (Object.keys(overrides).length === 0)
        overrides[FALLBACK_KEY] = sentinel();
    return { overrides, derived: true, skipped };
}
/** /proc/<pid>/environ: NUL-separated KEY=VALUE. */
function parseEnviron(raw) {
    const env = {};
    for (const kv of raw.split('\0')) {
        const i = kv.indexOf('=');
        if (i > 0)
            env[kv.slice(0, i)] = kv.slice(i + 1);
    }
    return env;
}
/**
 * Honoured: PID 1 has the value we passed and no other process has another one.
 * Replaced: some process (the app an entrypoint exec'd or started) sees a different
 * value or none.
 */
function judgeOverrides(overrides, procs) {
    const readable = procs.filter((p) => p.env !== null);
    if (readable.length === 0)
        return { honoured: [], replaced: [], unreadable: true };
    const honoured = [];
    const replaced = [];
    for (const [key, want] of Object.entries(overrides)) {
        const bad = readable.find((p) => p.env[key] !== want);
        if (bad)
            replaced.push({ key, seen: bad.env[key] ?? null, comm: bad.comm });
        else
            honoured.push(key);
    }
    return { honoured, replaced, unreadable: false };
}


/***/ }),

/***/ 9992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ PROBE_MISSING),
/* harmony export */   A4: () => (/* binding */ HEALTH_URL_MISSING),
/* harmony export */   CL: () => (/* binding */ probeCommand),
/* harmony export */   FJ: () => (/* binding */ classifyProbe),
/* harmony export */   Kd: () => (/* binding */ probePort),
/* harmony export */   U$: () => (/* binding */ EXITED_BEFORE_HEALTHY),
/* harmony export */   Z1: () => (/* binding */ WRONG_PROBE_PORT),
/* harmony export */   d1: () => (/* binding */ sameFailure),
/* harmony export */   h4: () => (/* binding */ diagnose),
/* harmony export */   re: () => (/* binding */ NEVER_HEALTHY),
/* harmony export */   yA: () => (/* binding */ HEAD_REFUSED)
/* harmony export */ });
/* unused harmony export probeBinary */
// Why did the HEALTHCHECK fail? A pure classifier over the probe's exit code and
// output (as Docker records them in State.Health.Log), then a diagnosis in plain
// words that names the fix. Kept free of docker calls so it is tested on strings.
// Rule ids of the healthy check's verdicts (metadata in runtime/rules.ts).
const NEVER_HEALTHY = 'HC902';
const PROBE_MISSING = 'HC903';
const WRONG_PROBE_PORT = 'HC904';
const HEAD_REFUSED = 'HC905';
const EXITED_BEFORE_HEALTHY = 'HC906';
const HEALTH_URL_MISSING = 'HC910';
/** The command a HEALTHCHECK runs, as one readable string. */
function probeCommand(test) {
    if (test[0] === 'CMD-SHELL')
        return test.slice(1).join(' ');
    if (test[0] === 'CMD')
        return test.slice(1).join(' ');
    return test.join(' ');
}
/** The first program the probe runs (for "command not found" when the output names none). */
function probeBinary(test) {
    const cmd = probeCommand(test).trim();
    const first = cmd.split(/\s+/)[0] ?? '';
    return first.replace(/^.*\//, '') || first;
}
/** The port the probe targets, read from the command (URL, `-p`/`--port`, `nc host port`). */
function probePort(test) {
    const cmd = probeCommand(test);
    const url = /\b(?:https?:\/\/)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|::1)(?::(\d{1,5}))?(?=[/\s'"]|$)/.exec(cmd);
    if (url) {
        if (url[1])
            return Number(url[1]);
        if (/https:\/\/(?:localhost|127\.0\.0\.1)/.test(cmd))
            return 443;
        if (/http:\/\/(?:localhost|127\.0\.0\.1)/.test(cmd))
            return 80;
    }
    const anyUrl = /\bhttps?:\/\/[^/\s:'"]+:(\d{1,5})/.exec(cmd);
    if (anyUrl)
        return Number(anyUrl[1]);
    const nc = /\bnc\b(?:\s+-\S+)*\s+\S+\s+(\d{1,5})\b/.exec(cmd);
    if (nc)
        return Number(nc[1]);
    return null;
}
const STATUS_PATTERNS = [
    /HTTP\/\d(?:\.\d)?\s+(\d{3})/i,
    /returned error:?\s*(?:HTTP\/\d(?:\.\d)?\s+)?(\d{3})/i,
    /HTTP Error (\d{3})/i,
    /awaiting response\.\.\.\s*(\d{3})/i,
    /status(?: code)?[:= ]+(\d{3})\b/i,
];
function classifyProbe(exitCode, output, test = []) {
    const out = output ?? '';
    // Docker could not start the probe at all (exec form) or the shell did not find it.
    const execMissing = /exec: "([^"]+)": (?:executable file not found|stat [^:]+: no such file)/i.exec(out);
    if (execMissing)
        return { kind: 'not-found', binary: execMissing[1].replace(/^.*\//, '') };
    const shMissing = /(?:^|\n|:\s)(?:[\w/.-]+:\s+)?(?:\d+:\s+)?([\w./-]+): (?:command )?not found/i.exec(out);
    if (shMissing && (exitCode === 127 || /not found\s*$/i.test(out.trim()))) {
        return { kind: 'not-found', binary: shMissing[1].replace(/^.*\//, '') };
    }
    if (exitCode === 127)
        return { kind: 'not-found', binary: probeBinary(test) };
    if (/Health check exceeded timeout|timed out|Operation timed out/i.test(out))
        return { kind: 'timeout' };
    let status;
    for (const re of STATUS_PATTERNS) {
        const m = re.exec(out);
        if (m) {
            status = Number(m[1]);
            break;
        }
    }
    if (status === undefined && /\b405\b|Method Not Allowed/i.test(out))
        status = 405;
    if (status === undefined && /\b404\b[^\n]*Not Found|Not Found[^\n]*\b404\b/i.test(out))
        status = 404;
    if (status === 405)
        return { kind: 'http-405', status };
    if (status === 404)
        return { kind: 'http-404', status };
    if (status !== undefined && status >= 300)
        return { kind: 'http-status', status };
    if (/connection refused|couldn'?t connect|failed to connect|ECONNREFUSED|Errno 111|can't connect/i.test(out)) {
        return { kind: 'connection-refused' };
    }
    // curl's exit codes when -s hides the message: 7 = could not connect, 28 = timeout, 22 = HTTP >= 400.
    if (/\bcurl\b/.test(probeCommand(test))) {
        if (exitCode === 7)
            return { kind: 'connection-refused' };
        if (exitCode === 28)
            return { kind: 'timeout' };
    }
    if (/bad address|could not resolve|Name or service not known|unable to resolve|Temporary failure in name resolution/i.test(out)) {
        return { kind: 'dns' };
    }
    return { kind: 'unknown' };
}
/** Two failures are "the same" when the kind and the status agree. */
function sameFailure(a, b) {
    return a.kind === b.kind && a.status === b.status;
}
function ports(list) {
    return list.length === 1 ? `port ${list[0]}` : `ports ${list.join(', ')}`;
}
function lastOutput(p) {
    if (!p)
        return '';
    const text = p.output.trim().split('\n').slice(-6).join('\n');
    return text
        ? `\nLast probe (exit ${p.exitCode}):\n${text}`
        : `\nLast probe: exit ${p.exitCode}, no output.`;
}
/** The diagnosis for a container that did not become healthy. Input text must be masked already. */
function diagnose(d) {
    const cmd = probeCommand(d.test);
    const secs = d.seconds.toFixed(1);
    if (d.outcome === 'exited') {
        const oom = d.container.oomKilled ? ' It was killed for using more than the 512 MB memory limit.' : '';
        const code137 = !oom && d.container.exitCode === 137 ? ' (137 = killed by SIGKILL)' : '';
        const logs = d.container.logTail.trim()
            ? `\nLast log lines:\n${d.container.logTail.trim()}`
            : '\nIt printed no log lines.';
        return {
            ruleId: EXITED_BEFORE_HEALTHY,
            summary: `container exited with code ${d.container.exitCode}${code137} after ${secs} s, before it became healthy`,
            text: `The container stopped with exit code ${d.container.exitCode}${code137} ${secs} s after it started, so it can never report healthy.${oom} Run the image locally and fix the start-up error.${logs}`,
        };
    }
    const cls = d.lastProbe
        ? classifyProbe(d.lastProbe.exitCode, d.lastProbe.output, d.test)
        : { kind: 'unknown' };
    const portWord = d.probePort !== null ? `port ${d.probePort}` : 'its port';
    const listenText = d.listening === null
        ? 'The ports the process listens on could not be read.'
        : d.listening.length === 0
            ? 'The container listens on no TCP port at all.'
            : `The process listens on ${ports(d.listening)} (read from /proc/<pid>/net/tcp and tcp6).`;
    // A probe on a port nothing listens on is the root cause whatever the probe printed:
    // `wget -q` prints nothing, and a probe that resolves localhost to ::1 first may time out.
    const wrongPort = d.probePort !== null &&
        d.listening !== null &&
        d.listening.length > 0 &&
        !d.listening.includes(d.probePort);
    if (wrongPort && !['not-found', 'http-405', 'http-404', 'http-status'].includes(cls.kind)) {
        const how = cls.kind === 'connection-refused'
            ? 'Connection refused: the'
            : cls.kind === 'timeout'
                ? 'Every probe timed out: the'
                : 'The';
        return {
            ruleId: WRONG_PROBE_PORT,
            summary: `HEALTHCHECK probes port ${d.probePort}, the process listens on ${ports(d.listening)}`,
            text: `${how} HEALTHCHECK \`${cmd}\` connects to port ${d.probePort}, but nothing listens there. ${listenText} Point the HEALTHCHECK at ${ports(d.listening)}, or make the app listen on port ${d.probePort}.${lastOutput(d.lastProbe)}`,
        };
    }
    switch (cls.kind) {
        case 'not-found': {
            const bin = cls.binary ?? probeBinary(d.test);
            if (bin === 'sh' && d.test[0] === 'CMD-SHELL') {
                // Shell form on scratch/distroless: Docker runs `/bin/sh -c`, which is not there.
                return {
                    ruleId: PROBE_MISSING,
                    summary: 'probe cannot run: the shell-form HEALTHCHECK needs /bin/sh, which the image lacks',
                    text: `The HEALTHCHECK is written in shell form (\`HEALTHCHECK CMD ${probeCommand(d.test)}\`), so Docker runs it with \`/bin/sh -c\`, and the image has no /bin/sh. Use the exec form with a binary the image has: \`HEALTHCHECK CMD ["/app", "healthcheck"]\`.${lastOutput(d.lastProbe)}`,
                };
            }
            return {
                ruleId: PROBE_MISSING,
                summary: `probe command not found: \`${bin}\` is not in the image`,
                text: `The HEALTHCHECK runs \`${cmd}\`, but \`${bin}\` does not exist in the image (exit 127 / executable file not found), so the check can never pass. Install \`${bin}\` in the final stage, or probe with a tool the image has (busybox: \`wget -q -O /dev/null http://127.0.0.1:PORT/health\`), or ship a small static health-probe binary for distroless/scratch images.${lastOutput(d.lastProbe)}`,
            };
        }
        case 'http-405':
            return {
                ruleId: HEAD_REFUSED,
                summary: `probe refused with HTTP 405: it sends HEAD, the endpoint only allows GET`,
                text: `The app answers on ${portWord}, but with 405 Method Not Allowed: the probe \`${cmd}\` sends a HEAD request${/--spider/.test(cmd) ? ' (GNU `wget --spider` does)' : ''} and the endpoint only allows GET (FastAPI/Starlette routes do). Probe with GET instead: \`wget -q -O /dev/null URL\` or \`curl -fsS URL\`, or allow HEAD on the health route.${lastOutput(d.lastProbe)}`,
            };
        case 'http-404':
            return {
                ruleId: HEALTH_URL_MISSING,
                summary: `health endpoint missing: HTTP 404 on ${portWord}`,
                text: `The app answers on ${portWord}, but the URL in \`${cmd}\` returns 404 Not Found: the endpoint does not exist. Point the HEALTHCHECK at a route the app serves, or add the health route.${lastOutput(d.lastProbe)}`,
            };
        case 'http-status':
            return {
                ruleId: NEVER_HEALTHY,
                summary: `probe got HTTP ${cls.status} on ${portWord}`,
                text: `The app answers on ${portWord}, but with HTTP ${cls.status}; the probe \`${cmd}\` treats that as a failure. Check the health route's response.${lastOutput(d.lastProbe)}`,
            };
        case 'connection-refused': {
            if (d.probePort !== null &&
                d.listening &&
                d.listening.length > 0 &&
                !d.listening.includes(d.probePort)) {
                return {
                    ruleId: WRONG_PROBE_PORT,
                    summary: `HEALTHCHECK probes port ${d.probePort}, the process listens on ${ports(d.listening)}`,
                    text: `Connection refused: the HEALTHCHECK \`${cmd}\` connects to port ${d.probePort}, but nothing listens there. ${listenText} Point the HEALTHCHECK at ${ports(d.listening)}, or make the app listen on port ${d.probePort}.${lastOutput(d.lastProbe)}`,
                };
            }
            if (d.probePort !== null && d.listening && d.listening.includes(d.probePort)) {
                return {
                    ruleId: NEVER_HEALTHY,
                    summary: `connection refused on port ${d.probePort}, though the process listens on it`,
                    text: `Connection refused on port ${d.probePort}, although the process listens on that port: it probably binds another address than the probe uses (e.g. ::1 versus 127.0.0.1, or a container IP). Make the app bind 0.0.0.0 or probe the address it binds.${lastOutput(d.lastProbe)}`,
                };
            }
            return {
                ruleId: NEVER_HEALTHY,
                summary: `never healthy: connection refused on ${portWord} for ${secs} s`,
                text: `The probe \`${cmd}\` was refused on ${portWord} for ${secs} s: the app never started listening. ${listenText} Check that the app starts and listens on the port the HEALTHCHECK uses, or give it a longer --start-period / the health-timeout input more time.${lastOutput(d.lastProbe)}`,
            };
        }
        case 'timeout':
            return {
                ruleId: NEVER_HEALTHY,
                summary: `never healthy: every probe timed out`,
                text: `Each run of \`${cmd}\` exceeded its timeout: the app accepts connections but does not answer in time, or the probe hangs. ${listenText}${lastOutput(d.lastProbe)}`,
            };
        default: {
            const atTimeout = d.outcome === 'timeout';
            return {
                ruleId: NEVER_HEALTHY,
                summary: atTimeout
                    ? `never healthy within the ${d.timeoutSeconds} s health-timeout`
                    : `unhealthy: the probe kept failing`,
                text: `${atTimeout ? `The container did not become healthy within ${d.timeoutSeconds} s (health-timeout).` : 'Docker marked the container unhealthy.'} ${d.lastProbe ? `The probe \`${cmd}\` kept failing.` : `The probe \`${cmd}\` had not completed once.`} ${listenText}${lastOutput(d.lastProbe)}`,
            };
        }
    }
}


/***/ }),

/***/ 4360:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dm: () => (/* binding */ isTransientStatus),
/* harmony export */   UK: () => (/* binding */ failingCause),
/* harmony export */   k9: () => (/* binding */ hiddenFailureCause),
/* harmony export */   oW: () => (/* binding */ HEALTHCHECK_CANNOT_FAIL),
/* harmony export */   rS: () => (/* binding */ evidenceText)
/* harmony export */ });
/* harmony import */ var _health_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9992);
/* harmony import */ var _own_request_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3563);
// The one-line cause of a health verdict, from evidence beyond the probe's own output: the
// app's access-log lines for the probe path and harden-check's own GET/HEAD from inside the
// container. Pure: every input is already gathered (and masked) by the caller.


/** A probe that exits 0 whatever the app answers (metadata in runtime/rules.ts). */
const HEALTHCHECK_CANNOT_FAIL = 'HC912';
/** Statuses a warming-up app or its proxy answers before it is ready: never an early verdict. */
function isTransientStatus(status) {
    return status === 502 || status === 503 || status === 504;
}
const GET_FIX = (url) => `\`wget -q -O /dev/null ${url}\` or \`curl -fsS ${url}\``;
/** What the app answered to `method` (own request to the probe's host first, then the access log). */
function statusOf(e, method) {
    const host = e.shape.url?.host;
    if (e.own?.ran) {
        const a = e.own.answers.find((x) => x.method === method && x.status !== undefined && (x.host === host || host === '0.0.0.0'));
        if (a)
            return { status: a.status, how: 'own', location: a.location };
    }
    const line = [...e.access].reverse().find((l) => l.method === method);
    return line ? { status: line.status, how: 'log' } : null;
}
/** The evidence lines shown under the diagnosis. */
function evidenceText(e) {
    const out = [];
    if (e.access.length) {
        out.push(`The app's access log for ${e.shape.url?.path ?? 'the probe path'}:`);
        for (const l of e.access.slice(-3))
            out.push(`  ${l.raw.slice(0, 200)}`);
    }
    if (e.own?.ran) {
        const byHost = new Map();
        for (const a of e.own.answers)
            byHost.set(a.host, [...(byHost.get(a.host) ?? []), a]);
        for (const [host, as] of byHost) {
            const u = e.shape.url;
            out.push(`harden-check's own request inside the container to ${u.scheme}://${host.includes(':') ? `[${host}]` : host}:${u.port}${u.path}: ${as.map(_own_request_js__WEBPACK_IMPORTED_MODULE_0__/* .answerText */ .y).join(', ')}`);
        }
        const body = e.own.answers.find((a) => a.body)?.body;
        if (body)
            out.push(`  body: ${body.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
    else if (e.own && !e.own.ran) {
        out.push(`(no request of harden-check's own: ${e.own.reason})`);
    }
    return out.join('\n');
}
function withEvidence(text, e) {
    const ev = evidenceText(e);
    return ev ? `${text}\nEvidence:\n${ev}` : text;
}
/** Why did a failing probe fail? null when the evidence names nothing the probe did not. */
function failingCause(cls, e) {
    const u = e.shape.url;
    if (!u)
        return null;
    const head = statusOf(e, 'HEAD');
    const get = statusOf(e, 'GET');
    const sendsHead = e.shape.method === 'HEAD' ||
        (e.shape.tool === 'wget-spider' &&
            (e.access.some((l) => l.method === 'HEAD') ||
                (head !== null && head.status >= 400 && get !== null && get.status < 400)));
    const toolWord = e.shape.tool === 'wget-spider' ? 'GNU `wget --spider`' : 'curl -I/--head';
    if (sendsHead && head && head.status === 405) {
        const getText = get ? `, GET ${get.status}` : '';
        return {
            ruleId: _health_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .HEAD_REFUSED */ .yA,
            status: 405,
            summary: `HEAD answered 405${getText}: the probe sends HEAD (${toolWord}), the app allows only GET on ${u.path}; probe with ${GET_FIX(u.text)}`,
            text: withEvidence(`The probe (${toolWord}) sends a HEAD request and the app answers 405 Method Not Allowed${get ? `, while GET on the same URL answers ${get.status}` : ''} (FastAPI/Starlette and many routers allow only the declared method). The container can never become healthy. Probe with GET: ${GET_FIX(u.text)}, or allow HEAD on the health route.`, e),
        };
    }
    // the status the probe's own method gets
    const probe = sendsHead ? head : (get ?? head);
    const method = sendsHead ? 'HEAD' : 'GET';
    if (probe) {
        const s = probe.status;
        const where = `${method} ${u.path}`;
        if (s >= 300 && s < 400) {
            const to = probe.location ? ` to ${probe.location}` : '';
            const https = /^https:/i.test(probe.location ?? '');
            return {
                ruleId: _health_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .NEVER_HEALTHY */ .re,
                status: s,
                summary: `${where} answered ${s} (redirect${to}): the health route redirects${https ? ' to HTTPS' : ''}, the probe does not reach a 2xx`,
                text: withEvidence(`The app answers the health URL with a redirect (${s}${to}). The probe either refuses to follow it or follows it to an address that does not answer${https ? ' (HTTPS inside the container)' : ''}. Exempt the health route from the redirect (e.g. from force-HTTPS middleware), or probe the URL the app really serves.`, e),
            };
        }
        if (s === 401 || s === 403) {
            return {
                ruleId: _health_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .NEVER_HEALTHY */ .re,
                status: s,
                summary: `${where} answered ${s} (${s === 401 ? 'authentication required' : 'forbidden'}): the health route is behind auth`,
                text: withEvidence(`The health route answers ${s}: it requires ${s === 401 ? 'credentials' : 'a permission'} the probe does not have. Exempt the health route from authentication (it should reveal nothing), or probe a public liveness route; never put a credential into the HEALTHCHECK (it is readable with docker inspect).`, e),
            };
        }
        if (s >= 500) {
            return {
                ruleId: _health_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .NEVER_HEALTHY */ .re,
                status: s,
                ...(isTransientStatus(s) ? { transient: true } : {}),
                summary: `${where} answered ${s}: the app's health route fails${e.appError ? `: ${e.appError.slice(0, 120)}` : ''}`,
                text: withEvidence(`The app is up and listening, but its health route answers ${s} every time: the app itself reports a failure (often a dependency it checks, such as a database, that is absent in this sandbox).${e.appError ? `\nThe app's error line: ${e.appError}\n` : ' '}Fix the error, or make the liveness probe check only the process and move dependency checks to a readiness endpoint.`, e),
            };
        }
        if (s === 404) {
            return {
                ruleId: _health_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .HEALTH_URL_MISSING */ .A4,
                status: s,
                summary: `${where} answered 404: the health route does not exist`,
                text: withEvidence(`The app answers on port ${u.port}, but ${u.path} returns 404 Not Found. Point the HEALTHCHECK at a route the app serves, or add the health route.`, e),
            };
        }
        if (s === 405) {
            return {
                ruleId: _health_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .HEAD_REFUSED */ .yA,
                status: s,
                summary: `${where} answered 405: the route does not allow ${method}`,
                text: withEvidence(`The app answers 405 Method Not Allowed to the probe's ${method}. Allow ${method} on the health route or probe with the method it serves.`, e),
            };
        }
        if (s >= 400) {
            return {
                ruleId: _health_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .NEVER_HEALTHY */ .re,
                status: s,
                summary: `${where} answered ${s}`,
                text: withEvidence(`The app answers the health URL with ${s}; the probe treats that as a failure. Check the health route's response.`, e),
            };
        }
    }
    // refused on the probe's address while the app listens on that port at another address
    const refused = e.own?.ran && e.own.answers.some((a) => a.host === u.host && a.error === 'ECONNREFUSED');
    const other = (e.sockets ?? []).filter((s) => s.port === u.port && !['0.0.0.0', '::'].includes(s.address));
    if ((refused || cls.kind === 'connection-refused') && other.length > 0) {
        const addrs = other.map((s) => s.address.includes(':') ? `[${s.address}]:${s.port}` : `${s.address}:${s.port}`);
        const reached = e.own?.ran
            ? e.own.answers.find((a) => a.host !== u.host && a.status !== undefined)
            : undefined;
        return {
            ruleId: _health_diagnosis_js__WEBPACK_IMPORTED_MODULE_1__/* .NEVER_HEALTHY */ .re,
            summary: `the app listens on ${addrs.join(', ')} only, the probe connects to ${u.host}:${u.port}: bind 0.0.0.0 (or probe that address)`,
            text: withEvidence(`Connection refused on ${u.host}:${u.port}, though the process listens on port ${u.port}: it binds only ${addrs.join(', ')}${reached ? `, where it answers ${reached.method} with ${reached.status}` : ''}. Make the app bind 0.0.0.0 (all addresses of the container), or point the HEALTHCHECK at the address it binds.`, e),
        };
    }
    return null;
}
/** A probe that passed although the app answers an error: it cannot fail. null: the pass is real. */
function hiddenFailureCause(e) {
    const u = e.shape.url;
    if (!u || !e.shape.hidesFailure || !e.own?.ran)
        return null;
    const method = e.shape.method === 'HEAD' ? 'HEAD' : 'GET';
    const a = e.own.answers.find((x) => x.method === method && (x.host === u.host || u.host === '0.0.0.0'));
    if (!a)
        return null;
    const failed = a.status === undefined || a.status >= 400;
    if (!failed)
        return null;
    const answer = a.status !== undefined ? `answers ${a.status}` : `is ${(0,_own_request_js__WEBPACK_IMPORTED_MODULE_0__/* .answerText */ .y)(a).replace(/^\w+ → /, '')}`;
    return {
        ruleId: HEALTHCHECK_CANNOT_FAIL,
        summary: `the probe passes only because ${e.shape.hidesFailure} hides its failure: ${method} ${u.path} ${answer}`,
        text: withEvidence(`Docker reports the container healthy, but the health URL ${answer}: the probe exits 0 whatever the app answers, so it can never report a broken app. Let the request's failure be the probe's exit status: \`HEALTHCHECK CMD curl -fsS ${u.text} || exit 1\` (or \`wget -q -O /dev/null ${u.text} || exit 1\`), without ${e.shape.hidesFailure}.`, e),
    };
}


/***/ }),

/***/ 3563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ ownRequest),
/* harmony export */   y: () => (/* binding */ answerText)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _probe_shape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4381);
// harden-check's own HTTP request to the probe URL, made from inside the container's network
// namespace (`nsenter --net`, running this Node binary: no tool of the image is trusted or
// needed, scratch works). It tells what the app answers to GET and to HEAD even when the app
// logs nothing and the probe prints nothing. Needs root or passwordless `sudo -n` (GitHub's
// runners have it) and a local engine; otherwise it reports why it was skipped.
// Only loopback addresses are ever requested: traffic never leaves the container.



// Runs inside the namespace: one request per target, in parallel, no redirect following.
const SCRIPT = `
const targets = JSON.parse(process.argv[1]);
const out = [];
let left = targets.length;
const done = (a) => { out.push(a); if (--left === 0) process.stdout.write('HC-OWN ' + JSON.stringify(out) + '\\n'); };
for (const t of targets) {
  const mod = require(t.scheme === 'https' ? 'node:https' : 'node:http');
  const a = { method: t.method, host: t.host };
  const req = mod.request({ host: t.host, port: t.port, path: t.path, method: t.method,
    headers: { Host: t.hostHeader, 'User-Agent': 'harden-check' }, timeout: 2000, rejectUnauthorized: false },
    (res) => {
      a.status = res.statusCode;
      if (res.headers.location) a.location = String(res.headers.location).slice(0, 200);
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { if (body.length < 300) body += d; });
      res.on('end', () => { if (t.method === 'GET' && a.status >= 400 && body.trim()) a.body = body.trim().slice(0, 200); done(a); });
      res.on('error', () => done(a));
    });
  req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
  req.on('error', (e) => { if (a.status === undefined) { a.error = e.code || e.message; done(a); } });
  req.end();
}
`;
function run(cmd, args) {
    return new Promise((resolve) => (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(cmd, args, { timeout: 8000, killSignal: 'SIGKILL', encoding: 'utf8' }, (err, stdout, stderr) => resolve({ ok: !err, stdout: String(stdout ?? ''), stderr: String(stderr ?? err?.message ?? '') })));
}
/** Is `pid` a process of this container on this host (not a remote engine's pid)? */
async function pidBelongsTo(pid, containerId) {
    const cg = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(`/proc/${pid}/cgroup`, 'utf8').catch(() => null);
    return cg !== null && containerId.length >= 12 && cg.includes(containerId);
}
/**
 * GET and HEAD on the probe URL (and on `alsoHosts`, e.g. the address the app listens on)
 * from inside the network namespace of the container process `pid`.
 */
async function ownRequest(pid, containerId, url, alsoHosts = []) {
    if (!(0,_probe_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .isLoopbackHost */ .cW)(url.host))
        return { ran: false, reason: `the probe's host ${url.host} is not loopback` };
    if (process.platform !== 'linux')
        return { ran: false, reason: 'not on Linux' };
    if (!(pid > 0) || !(await pidBelongsTo(pid, containerId)))
        return { ran: false, reason: 'the container process is not visible on this host (remote engine?)' };
    const hosts = [...new Set([url.host === '0.0.0.0' ? '127.0.0.1' : url.host, ...alsoHosts])].filter(_probe_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .isLoopbackHost */ .cW);
    const hostHeader = `${url.host.includes(':') ? `[${url.host}]` : url.host}:${url.port}`;
    const targets = hosts.flatMap((host) => ['GET', 'HEAD'].map((method) => ({
        method,
        host,
        port: url.port,
        path: url.path,
        scheme: url.scheme,
        hostHeader,
    })));
    const argv = [
        '--target',
        String(pid),
        '--net',
        '--',
        process.execPath,
        '-e',
        SCRIPT,
        JSON.stringify(targets),
    ];
    const root = process.getuid?.() === 0;
    const r = root ? await run('nsenter', argv) : await run('sudo', ['-n', 'nsenter', ...argv]);
    const line = r.stdout.split('\n').find((l) => l.startsWith('HC-OWN '));
    if (!line) {
        const why = r.stderr.trim().split('\n')[0] || 'no answer';
        return {
            ran: false,
            reason: `nsenter into the container's network is not allowed here (${why.slice(0, 120)})`,
        };
    }
    try {
        const answers = JSON.parse(line.slice(7));
        // stable order: as requested
        const key = (a) => `${hosts.indexOf(a.host)}${a.method}`;
        return { ran: true, answers: answers.sort((a, b) => key(a).localeCompare(key(b))) };
    }
    catch {
        return { ran: false, reason: 'unreadable answer from the request in the container namespace' };
    }
}
/** "GET → 200, HEAD → 405" for one host. */
function answerText(a) {
    if (a.status !== undefined)
        return `${a.method} → ${a.status}${a.location ? ` (Location: ${a.location})` : ''}`;
    return `${a.method} → ${a.error === 'ECONNREFUSED' ? 'connection refused' : (a.error ?? 'no answer')}`;
}


/***/ }),

/***/ 4381:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   el: () => (/* binding */ probeShape)
/* harmony export */ });
/* unused harmony exports parseProbeUrl, failureHidden */
/* harmony import */ var _health_diagnosis_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9992);
// What a HEALTHCHECK command asks for, read from its text: the URL, the HTTP method the tool
// sends, and whether the command can exit 0 although the request failed. Pure: no docker.

const URL_RE = /\b(https?):\/\/(\[[0-9a-f:]+\]|[^\s/:'"$`]+)(?::(\d{1,5}))?(\/[^\s'"`;|&)]*)?/i;
function parseProbeUrl(cmd) {
    const m = URL_RE.exec(cmd);
    if (!m)
        return null;
    const scheme = m[1].toLowerCase();
    const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
    if (!(port > 0 && port < 65536))
        return null;
    return { scheme, host: m[2].replace(/^\[|\]$/g, ''), port, path: m[4] || '/', text: m[0] };
}
function isLoopbackHost(host) {
    return /^(localhost|ip6-localhost|127(?:\.\d{1,3}){3}|::1|0\.0\.0\.0|::)$/i.test(host);
}
/** The segment of a shell command that runs the HTTP tool, and what follows it. */
function toolSegment(cmd) {
    const m = /(^|[\s;&|(])((?:\/[\w./-]*\/)?(wget|curl))\s/.exec(cmd);
    if (!m)
        return { tool: 'other', seg: '', rest: '' };
    const start = m.index + m[1].length;
    const after = cmd.slice(start);
    // the tool's arguments end at the first shell operator
    const end = after.search(/\s(?:\|\||&&|;|\||&)\s?|;/);
    const seg = end < 0 ? after : after.slice(0, end);
    const rest = end < 0 ? '' : after.slice(end).trim();
    if (m[3] === 'wget')
        return { tool: /\s--spider\b/.test(seg) ? 'wget-spider' : 'wget', seg, rest };
    return { tool: /\s(?:-I|--head|-[a-zA-Z]*I[a-zA-Z]*)\b/.test(seg) ? 'curl-head' : 'curl', seg, rest };
}
/** Why a command may exit 0 although its request failed (null: it fails when the request does). */
function failureHidden(test, tool, seg, rest) {
    if (tool === 'other')
        return null;
    if (/^\|\|\s*(?:true\b|:(?=\s|;|$)|exit\s+0\b)/.test(rest))
        return `\`${rest.split(/\s*(?:;|&&)\s*/)[0].trim()}\``;
    if (/^;/.test(rest) && !/^;\s*exit\s+\$\?/.test(rest))
        return `\`; ${rest.replace(/^;\s*/, '').slice(0, 40)}\` after the request (its exit status replaces the request's)`;
    if (/^\|(?!\|)/.test(rest) && !/^\|\s*grep\b/.test(rest))
        return `the pipe \`${rest.slice(0, 40)}\` (the last command's status replaces the request's)`;
    if ((tool === 'curl' || tool === 'curl-head') &&
        !/\s(?:-f|--fail|--fail-with-body|-[a-zA-Z]*f[a-zA-Z]*)\b/.test(seg))
        return 'curl without `-f`/`--fail` (curl exits 0 on an HTTP error status)';
    void test;
    return null;
}
function probeShape(test) {
    const cmd = (0,_health_diagnosis_js__WEBPACK_IMPORTED_MODULE_0__/* .probeCommand */ .CL)(test);
    const url = parseProbeUrl(cmd);
    const { tool, seg, rest } = toolSegment(cmd);
    const method = tool === 'curl-head' ? 'HEAD' : tool === 'curl' || tool === 'wget' ? 'GET' : null;
    return {
        url,
        tool,
        method,
        hidesFailure: failureHidden(test, tool, seg, rest),
        loopback: url !== null && isLoopbackHost(url.host),
    };
}


/***/ })

};
