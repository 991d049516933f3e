export const id = 661;
export const ids = [661];
export const modules = {

/***/ 7220:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P9: () => (/* binding */ STATE_RUN_IDS),
/* harmony export */   Vx: () => (/* binding */ RunResources),
/* harmony export */   l: () => (/* binding */ STATE_IMAGES),
/* harmony export */   wX: () => (/* binding */ cleanupRun),
/* harmony export */   z_: () => (/* binding */ STATE_CONTAINERS)
/* harmony export */ });
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9655);
/* harmony import */ var _labels_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65);


const STATE_RUN_IDS = 'harden-check-run-ids';
const STATE_CONTAINERS = 'harden-check-containers';
const STATE_IMAGES = 'harden-check-images';
function lines(s) {
    return s
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
}
function readList(host, name) {
    return (host.getState(name) || '').split(',').filter(Boolean);
}
function addToState(host, name, value) {
    const list = readList(host, name);
    if (!list.includes(value))
        list.push(value);
    host.saveState(name, list.join(','));
}
function removeFromState(host, name, values) {
    host.saveState(name, readList(host, name)
        .filter((v) => !values.includes(v))
        .join(','));
}
/** What one run created; recorded in the step state as soon as it exists. */
class RunResources {
    runId;
    host;
    containers = [];
    images = [];
    /** Could the run have created something we hold no id of (a failed build or run)? */
    unaccounted = false;
    /** `host` keeps the ids in its step state, for the post step of a killed run. */
    constructor(runId, host) {
        this.runId = runId;
        this.host = host;
        addToState(host, STATE_RUN_IDS, runId);
    }
    addContainer(id) {
        this.containers.push(id);
        addToState(this.host, STATE_CONTAINERS, id);
    }
    addImage(id) {
        this.images.push(id);
        addToState(this.host, STATE_IMAGES, id);
    }
    /** A build or run failed part-way: it may have left labelled things whose ids we never got. */
    markUnaccounted() {
        this.unaccounted = true;
    }
    /**
     * Containers then images; never throws (cleanup must not hide the real result). The
     * labelled listings run only when something may be unaccounted for: on the normal path
     * every id is known, and the post step still lists by label if this step is killed.
     */
    async cleanup() {
        const problems = await cleanupRun(this.runId, this.images, this.containers, {
            byLabel: this.unaccounted,
        });
        if (problems.length === 0) {
            // Done: the post step has nothing left to do for this run.
            removeFromState(this.host, STATE_CONTAINERS, this.containers);
            removeFromState(this.host, STATE_IMAGES, this.images);
            removeFromState(this.host, STATE_RUN_IDS, [this.runId]);
        }
        return problems;
    }
}
/**
 * Remove every container and image labelled with this run id, plus the given image ids
 * (images this run built). Used at the end of a run and by the post step.
 */
async function cleanupRun(runId, builtImages = [], knownContainers = [], { byLabel = true } = {}) {
    const problems = [];
    const removeContainers = async (ids) => {
        if (ids.length === 0)
            return;
        const out = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .docker */ .T3)(['rm', '--force', '--volumes', ...ids]);
        if (out.exitCode !== 0 && !/No such container/i.test(out.stderr))
            problems.push(out.stderr.trim());
    };
    // The known containers go while both listings run: each docker call costs a client start.
    const none = Promise.resolve({ exitCode: 0, stdout: '', stderr: '' });
    const [ps, imgs] = await Promise.all([
        byLabel ? (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .docker */ .T3)(['ps', '--all', '--quiet', '--no-trunc', '--filter', (0,_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .runFilter */ .K)(runId)]) : none,
        byLabel ? (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .docker */ .T3)(['images', '--quiet', '--no-trunc', '--filter', (0,_labels_js__WEBPACK_IMPORTED_MODULE_1__/* .runFilter */ .K)(runId)]) : none,
        removeContainers(knownContainers),
    ]);
    // Labelled containers we never learnt the id of (created as this step was killed).
    await removeContainers(lines(ps.stdout).filter((id) => !knownContainers.includes(id)));
    const images = [...new Set([...builtImages, ...lines(imgs.stdout)])];
    if (images.length > 0) {
        const out = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .docker */ .T3)(['image', 'rm', '--force', ...images]);
        if (out.exitCode !== 0 && !/No such image/i.test(out.stderr))
            problems.push(out.stderr.trim());
    }
    return problems;
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

/***/ 6661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4436);
/* harmony import */ var _docker_cleanup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7220);
/* harmony import */ var _docker_exec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9655);
// The post step: remove what the main step created when it was cancelled or killed
// before its own cleanup ran. Finds everything by the run ids saved in the step state
// (core.saveState in src/docker/cleanup.ts) and the run label; images the run did not
// build are never touched.



function list(name) {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(name)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}
async function post() {
    const runIds = list(_docker_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .STATE_RUN_IDS */ .P9);
    const containers = list(_docker_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .STATE_CONTAINERS */ .z_);
    const images = list(_docker_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .STATE_IMAGES */ .l);
    if (runIds.length === 0 && containers.length === 0) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz('harden-check post: nothing recorded, nothing to clean');
        return;
    }
    try {
        const problems = [];
        // Ids are recorded per step, not per run: pass them with the first run id.
        for (const [i, runId] of (runIds.length > 0 ? runIds : ['']).entries()) {
            if (runId === '') {
                if (containers.length > 0)
                    await (0,_docker_exec_js__WEBPACK_IMPORTED_MODULE_2__/* .docker */ .T3)(['rm', '--force', '--volumes', ...containers]);
                continue;
            }
            problems.push(...(await (0,_docker_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .cleanupRun */ .wX)(runId, i === 0 ? images : [], i === 0 ? containers : [])));
        }
        for (const p of problems)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`harden-check cleanup: ${p}`);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`harden-check: cleaned up run ${runIds.join(', ')}`);
    }
    catch (err) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`harden-check cleanup failed: ${err instanceof Error ? err.message : String(err)}`);
    }
}


/***/ })

};
