export const id = 869;
export const ids = [869];
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
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4436);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9655);
/* harmony import */ var _labels_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65);
// Remove what a run created: tracked ids first, then everything carrying the run's
// label (covers what was created between `docker run` and us learning its id).
// Images the run did not build are never touched: only ids we tracked as built, or
// images carrying our run label, are removed.



const STATE_RUN_IDS = 'harden-check-run-ids';
const STATE_CONTAINERS = 'harden-check-containers';
const STATE_IMAGES = 'harden-check-images';
function lines(s) {
    return s
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
}
function readList(name) {
    return (_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(name) || '').split(',').filter(Boolean);
}
function writeState(name, list) {
    // saveState writes GITHUB_STATE; getState reads STATE_<name> which only the post step
    // gets, so keep our own copy in the process env for the next append in this step.
    process.env[`STATE_${name}`] = list.join(',');
    // Outside a runner (CLI, tests) there is no post step, and saveState would print
    // a `::save-state` command instead.
    if (!process.env.GITHUB_STATE)
        return;
    try {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(name, list.join(','));
    }
    catch {
        // GITHUB_STATE points at a missing file: nothing we can save.
    }
}
function addToState(name, value) {
    const list = readList(name);
    if (!list.includes(value))
        list.push(value);
    writeState(name, list);
}
function removeFromState(name, values) {
    writeState(name, readList(name).filter((v) => !values.includes(v)));
}
/** What one run created; recorded in the step state as soon as it exists. */
class RunResources {
    runId;
    containers = [];
    images = [];
    /** Could the run have created something we hold no id of (a failed build or run)? */
    unaccounted = false;
    constructor(runId) {
        this.runId = runId;
        addToState(STATE_RUN_IDS, runId);
    }
    addContainer(id) {
        this.containers.push(id);
        addToState(STATE_CONTAINERS, id);
    }
    addImage(id) {
        this.images.push(id);
        addToState(STATE_IMAGES, id);
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
            removeFromState(STATE_CONTAINERS, this.containers);
            removeFromState(STATE_IMAGES, this.images);
            removeFromState(STATE_RUN_IDS, [this.runId]);
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
        const out = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .docker */ .T3)(['rm', '--force', '--volumes', ...ids]);
        if (out.exitCode !== 0 && !/No such container/i.test(out.stderr))
            problems.push(out.stderr.trim());
    };
    // The known containers go while both listings run: each docker call costs a client start.
    const none = Promise.resolve({ exitCode: 0, stdout: '', stderr: '' });
    const [ps, imgs] = await Promise.all([
        byLabel ? (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .docker */ .T3)(['ps', '--all', '--quiet', '--no-trunc', '--filter', (0,_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .runFilter */ .K)(runId)]) : none,
        byLabel ? (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .docker */ .T3)(['images', '--quiet', '--no-trunc', '--filter', (0,_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .runFilter */ .K)(runId)]) : none,
        removeContainers(knownContainers),
    ]);
    // Labelled containers we never learnt the id of (created as this step was killed).
    await removeContainers(lines(ps.stdout).filter((id) => !knownContainers.includes(id)));
    const images = [...new Set([...builtImages, ...lines(imgs.stdout)])];
    if (images.length > 0) {
        const out = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .docker */ .T3)(['image', 'rm', '--force', ...images]);
        if (out.exitCode !== 0 && !/No such image/i.test(out.stderr))
            problems.push(out.stderr.trim());
    }
    return problems;
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

/***/ 7869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanupRun: () => (/* reexport */ cleanup/* cleanupRun */.wX),
  imageExists: () => (/* binding */ imageExists),
  verifyRuntime: () => (/* binding */ verifyRuntime)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(4436);
// EXTERNAL MODULE: ./src/report/types.ts
var types = __webpack_require__(2563);
// EXTERNAL MODULE: ./src/secrets/detect.ts
var detect = __webpack_require__(5042);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/docker/engine.ts
var engine = __webpack_require__(6556);
// EXTERNAL MODULE: ./src/docker/exec.ts
var exec = __webpack_require__(9655);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/docker/log.ts
// Echoing untrusted text (build output, container logs, probe output) into the job log.
// A Dockerfile or a container can print `::set-output ...`, `::add-mask::` or
// `::error ...`; between `::stop-commands::<token>` and `::<token>::` the runner
// treats all of it as plain text. The token is random per block so the untrusted
// text cannot guess it and resume commands early.



class UntrustedEcho {
    extraSecrets;
    token = (0,external_node_crypto_.randomBytes)(16).toString('hex');
    open = false;
    constructor(extraSecrets = []) {
        this.extraSecrets = extraSecrets;
    }
    start() {
        if (this.open)
            return;
        core/* info */.pq(`::stop-commands::${this.token}`);
        this.open = true;
    }
    line(text) {
        this.start();
        core/* info */.pq((0,detect/* redact */.E$)(text, this.extraSecrets));
    }
    end() {
        if (!this.open)
            return;
        core/* info */.pq(`::${this.token}::`);
        this.open = false;
    }
}
/** Print a block of untrusted text, masked, with workflow commands disabled. */
function echoUntrusted(text, extraSecrets = []) {
    const echo = new UntrustedEcho(extraSecrets);
    for (const l of text.split('\n'))
        echo.line(l);
    echo.end();
}
/** Keeps the last `max` lines of a stream (the build log tail for the report). */
class TailBuffer {
    max;
    lines = [];
    constructor(max = 50) {
        this.max = max;
    }
    push(line) {
        this.lines.push(line);
        if (this.lines.length > this.max)
            this.lines.shift();
    }
    text(extraSecrets = []) {
        return (0,detect/* redact */.E$)(this.lines.join('\n'), extraSecrets);
    }
}

// EXTERNAL MODULE: ./src/docker/labels.ts
var labels = __webpack_require__(65);
;// CONCATENATED MODULE: ./src/docker/build.ts
// Build the image the way the user's workflow would: buildx (`--load`, so the image
// lands in the engine we then run) when the client has it, else the classic
// `docker build` (BuildKit when DOCKER_BUILDKIT=1). The image id comes from
// --iidfile, never from parsing the log. A build that runs past the build timeout (15 min,
// or HARDEN_CHECK_BUILD_TIMEOUT seconds) is stopped and reported as a failed build.










async function detectBuilder(env = process.env) {
    if (await (0,engine/* hasBuildx */.Nt)())
        return 'buildx';
    return env.DOCKER_BUILDKIT === '1' ? 'buildkit' : 'classic';
}
/** Default build deadline: 15 minutes, or HARDEN_CHECK_BUILD_TIMEOUT seconds (e.g. for tests). */
const DEFAULT_BUILD_TIMEOUT_SECONDS = 900;
function buildTimeoutSeconds(env = process.env) {
    const v = Number(env.HARDEN_CHECK_BUILD_TIMEOUT);
    return Number.isFinite(v) && v > 0 ? v : DEFAULT_BUILD_TIMEOUT_SECONDS;
}
/** Docker tags must be lowercase; the run id may not be. */
function localTag(runId) {
    const safe = runId
        .toLowerCase()
        .replace(/[^a-z0-9_.-]+/g, '-')
        .replace(/^[.-]+/, '')
        .slice(0, 120);
    return `harden-check-local:${safe || 'run'}`;
}
/** Build-arg values whose name says "secret": masked in every echoed line. */
function secretBuildArgValues(buildArgs) {
    return Object.entries(buildArgs)
        .filter(([k, v]) => (0,detect/* secretNameMatch */.Jv)(k) !== null && v.length >= 4)
        .map(([, v]) => v);
}
function buildArgs(req, builder, iidfile) {
    const args = builder === 'buildx' ? ['buildx', 'build', '--load'] : ['build'];
    // The legacy builder leaves intermediate containers behind on failure without this.
    if (builder === 'classic')
        args.push('--force-rm');
    args.push('--file', req.dockerfile, '--iidfile', iidfile);
    args.push('--label', `${labels/* RUN_LABEL */.j}=${req.runId}`, '--tag', localTag(req.runId));
    for (const [k, v] of Object.entries(req.buildArgs))
        args.push('--build-arg', `${k}=${v}`);
    if (req.target)
        args.push('--target', req.target);
    args.push(...req.flags, req.context);
    return args;
}
function echoLine(line) {
    core/* info */.pq(line);
}
async function buildImage(req) {
    const builder = await detectBuilder();
    // sync on purpose: nothing between the call and the spawn yields to other work (the audit
    // modules load meanwhile), so the build starts at once
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'harden-check-'));
    const iidfile = (0,external_node_path_.join)(dir, 'iid');
    const secrets = secretBuildArgValues(req.buildArgs);
    // On a runner, also let the runner mask them anywhere (e.g. in other steps' logs).
    // Not elsewhere: outside Actions `::add-mask::VALUE` would print the value itself.
    if (process.env.GITHUB_ACTIONS === 'true')
        for (const s of secrets)
            core/* setSecret */.Pq(s);
    const tail = new TailBuffer(req.tailLines ?? 50);
    const started = Date.now();
    const timeoutSeconds = req.timeoutSeconds ?? buildTimeoutSeconds();
    try {
        const out = await core/* group */.Os(`Build ${req.dockerfile} (${builder})`, async () => {
            const echo = new UntrustedEcho(secrets);
            try {
                return await (0,exec/* docker */.T3)(buildArgs(req, builder, iidfile), {
                    // Plain progress: one line per event, readable in the log and in the tail.
                    env: builder === 'classic' ? {} : { BUILDKIT_PROGRESS: 'plain' },
                    // A hung build (a RUN waiting forever, a stalled pull) must not hold the job.
                    timeoutMs: timeoutSeconds * 1000,
                    onLine: (line) => {
                        echo.line(line);
                        tail.push(line);
                    },
                });
            }
            finally {
                echo.end();
            }
        });
        if (out.timedOut) {
            const msg = `build timed out after ${timeoutSeconds} s (HARDEN_CHECK_BUILD_TIMEOUT) and was stopped`;
            echoLine(msg);
            tail.push(msg);
        }
        const imageId = out.exitCode === 0 ? (await (0,promises_.readFile)(iidfile, 'utf8').catch(() => '')).trim() || null : null;
        return {
            ok: out.exitCode === 0 && imageId !== null,
            imageId,
            tag: localTag(req.runId),
            builder,
            seconds: (Date.now() - started) / 1000,
            logTail: tail.text(secrets),
            exitCode: out.exitCode,
            timedOut: out.timedOut === true,
        };
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./src/docker/cleanup.ts
var cleanup = __webpack_require__(7220);
;// CONCATENATED MODULE: ./src/docker/container.ts
// The verification container and what can be observed about it from the host.



function runArgs(req) {
    const args = [
        'run',
        '--detach',
        '--label',
        `${labels/* RUN_LABEL */.j}=${req.runId}`,
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
    const out = await (0,exec/* docker */.T3)(runArgs(req));
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
async function container_top(id) {
    return parseTop(await (0,exec/* dockerOk */.XE)(['top', id, '-o', 'uid,pid,comm']));
}
async function logs(id, tail = 20) {
    const out = await (0,exec/* docker */.T3)(['logs', '--tail', String(tail), id]);
    // stdout and stderr of the container arrive on both streams; keep them together.
    return [out.stdout, out.stderr]
        .filter((s) => s.trim())
        .join('\n')
        .trimEnd();
}
/** Run a command inside the container (only used as a fallback: needs the binary in the image). */
async function execIn(id, argv) {
    const out = await (0,exec/* docker */.T3)(['exec', id, ...argv]);
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
        return await (0,promises_.readFile)(path, 'latin1');
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

;// CONCATENATED MODULE: ./src/docker/history.ts
// `docker history`: the command that created each layer. Build args used by a RUN show
// up here (`|1 NPM_TOKEN=... /bin/sh -c ...`), and ENV values later overwritten in
// Config.Env survive here too.

function parseHistory(stdout) {
    const out = [];
    for (const line of stdout.split('\n')) {
        if (!line.trim())
            continue;
        try {
            const j = JSON.parse(line);
            out.push({ createdBy: String(j.CreatedBy ?? ''), comment: String(j.Comment ?? '') });
        }
        catch {
            // a line that is not JSON (client warnings): not history
        }
    }
    return out;
}
async function imageHistory(ref) {
    return parseHistory(await (0,exec/* dockerOk */.XE)(['history', '--no-trunc', '--format', '{{json .}}', ref]));
}

;// CONCATENATED MODULE: ./src/docker/inspect.ts
// Typed views of `docker inspect`: the facts the probes need, read from the engine's
// JSON (works on distroless/scratch; nothing runs inside the image).

/* eslint-disable @typescript-eslint/no-explicit-any -- raw docker JSON, narrowed below */
function toHealth(h) {
    if (!h || !Array.isArray(h.Test) || h.Test.length === 0)
        return null;
    return {
        test: h.Test.map(String),
        interval: Number(h.Interval ?? 0),
        timeout: Number(h.Timeout ?? 0),
        startPeriod: Number(h.StartPeriod ?? 0),
        retries: Number(h.Retries ?? 0),
    };
}
function parseImageInspect(json) {
    const raw = JSON.parse(json);
    const img = Array.isArray(raw) ? raw[0] : raw;
    const c = img?.Config ?? {};
    return {
        id: String(img?.Id ?? ''),
        user: String(c.User ?? ''),
        env: Array.isArray(c.Env) ? c.Env.map(String) : [],
        entrypoint: Array.isArray(c.Entrypoint) ? c.Entrypoint.map(String) : null,
        cmd: Array.isArray(c.Cmd) ? c.Cmd.map(String) : null,
        exposedPorts: Object.keys(c.ExposedPorts ?? {})
            .map((p) => parseInt(p, 10))
            .filter((n) => Number.isFinite(n)),
        labels: { ...(c.Labels ?? {}) },
        healthcheck: toHealth(c.Healthcheck),
    };
}
function parseContainerInspect(json) {
    const raw = JSON.parse(json);
    const c = Array.isArray(raw) ? raw[0] : raw;
    const s = c?.State ?? {};
    const h = s.Health;
    return {
        id: String(c?.Id ?? ''),
        status: String(s.Status ?? ''),
        running: Boolean(s.Running),
        exitCode: Number(s.ExitCode ?? 0),
        oomKilled: Boolean(s.OOMKilled),
        error: String(s.Error ?? ''),
        pid: Number(s.Pid ?? 0),
        startedAt: String(s.StartedAt ?? ''),
        finishedAt: String(s.FinishedAt ?? ''),
        health: h
            ? {
                status: String(h.Status ?? ''),
                failingStreak: Number(h.FailingStreak ?? 0),
                log: (Array.isArray(h.Log) ? h.Log : []).map((e) => ({
                    start: String(e.Start ?? ''),
                    end: String(e.End ?? ''),
                    exitCode: Number(e.ExitCode ?? 0),
                    output: String(e.Output ?? ''),
                })),
            }
            : null,
        env: Array.isArray(c?.Config?.Env) ? c.Config.Env.map(String) : [],
    };
}
/* eslint-enable @typescript-eslint/no-explicit-any */
/** `Test: ["NONE"]` disables an inherited HEALTHCHECK: treat it as absent. */
function healthcheckOf(info) {
    const h = info.healthcheck;
    if (!h || h.test[0] === 'NONE')
        return null;
    return h;
}
async function inspectImage(ref) {
    const out = await (0,exec/* docker */.T3)(['image', 'inspect', '--format', '{{json .}}', ref]);
    if (out.exitCode !== 0)
        return null;
    return parseImageInspect(out.stdout);
}
async function inspectContainer(id) {
    const args = ['container', 'inspect', '--format', '{{json .}}', id];
    const out = await (0,exec/* docker */.T3)(args);
    if (out.exitCode !== 0)
        throw new exec/* DockerError */.Bi(args, out);
    return parseContainerInspect(out.stdout);
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:readline"
var external_node_readline_ = __webpack_require__(481);
;// CONCATENATED MODULE: ./src/docker/events.ts
// Wake-ups from `docker events` for the containers of one run: the health wait reacts the
// moment a probe finishes, the health status changes or the container dies, instead of at
// its next poll (polling stays as the fallback, e.g. for an engine that streams no events).




/** Event actions after which the container's state is worth reading again. */
const WAKING = /^(health_status|exec_die|die|oom|stop|kill)\b/;
/**
 * Starts listening before the container is created, so nothing is missed. `--until` bounds
 * the client's life even if this process is killed without running stop().
 */
function watchRunEvents(runId, lifetimeSeconds) {
    const until = Math.ceil(Date.now() / 1000 + lifetimeSeconds);
    let child = null;
    const waiters = new Set();
    let count = 0;
    const wakeAll = () => {
        for (const w of [...waiters])
            w();
    };
    try {
        child = (0,external_node_child_process_.spawn)((0,exec/* dockerBin */.k8)(), [
            'events',
            '--filter',
            (0,labels/* runFilter */.K)(runId),
            '--filter',
            'type=container',
            '--until',
            String(until),
            '--format',
            '{{.Action}}',
        ], { env: (0,exec/* dockerEnv */.gT)(), stdio: ['ignore', 'pipe', 'ignore'] });
        child.on('error', () => (child = null));
        child.unref();
        (0,external_node_readline_.createInterface)({ input: child.stdout }).on('line', (action) => {
            if (!WAKING.test(action))
                return;
            count++;
            wakeAll();
        });
        child.stdout.unref?.();
    }
    catch {
        child = null;
    }
    return {
        wait(ms) {
            return new Promise((resolve) => {
                // a waiter leaves the set when it ends either way (the poll makes one every 250 ms)
                const done = () => {
                    clearTimeout(timer);
                    waiters.delete(done);
                    resolve();
                };
                const timer = setTimeout(done, ms);
                waiters.add(done);
            });
        },
        get count() {
            return count;
        },
        stop() {
            wakeAll();
            child?.kill('SIGTERM');
            child = null;
        },
    };
}

;// CONCATENATED MODULE: ./src/runtime/env-probe.ts
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
    return `hc-sentinel-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
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
            return { key, value: i < 0 ? '' : kv.slice(i + 1), secret: (0,detect/* secretNameMatch */.Jv)(key) !== null };
        });
    const healthText = (ctx.healthTest ?? []).join(' ');
    const seen = new Set();
    for (const c of candidates) {
        if (seen.has(c.key))
            continue;
        seen.add(c.key);
        if (c.secret || (0,detect/* secretNameMatch */.Jv)(c.key)) {
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

;// CONCATENATED MODULE: ./src/runtime/health-diagnosis.ts
// Why did the HEALTHCHECK fail? A pure classifier over the probe's exit code and
// output (as Docker records them in State.Health.Log), then a diagnosis in plain
// words that names the fix. Kept free of docker calls so it is tested on strings.
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
            ruleId: 'HC906',
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
            ruleId: 'HC904',
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
                    ruleId: 'HC903',
                    summary: 'probe cannot run: the shell-form HEALTHCHECK needs /bin/sh, which the image lacks',
                    text: `The HEALTHCHECK is written in shell form (\`HEALTHCHECK CMD ${probeCommand(d.test)}\`), so Docker runs it with \`/bin/sh -c\`, and the image has no /bin/sh. Use the exec form with a binary the image has: \`HEALTHCHECK CMD ["/app", "healthcheck"]\`.${lastOutput(d.lastProbe)}`,
                };
            }
            return {
                ruleId: 'HC903',
                summary: `probe command not found: \`${bin}\` is not in the image`,
                text: `The HEALTHCHECK runs \`${cmd}\`, but \`${bin}\` does not exist in the image (exit 127 / executable file not found), so the check can never pass. Install \`${bin}\` in the final stage, or probe with a tool the image has (busybox: \`wget -q -O /dev/null http://127.0.0.1:PORT/health\`), or ship a small static health-probe binary for distroless/scratch images.${lastOutput(d.lastProbe)}`,
            };
        }
        case 'http-405':
            return {
                ruleId: 'HC905',
                summary: `probe refused with HTTP 405: it sends HEAD, the endpoint only allows GET`,
                text: `The app answers on ${portWord}, but with 405 Method Not Allowed: the probe \`${cmd}\` sends a HEAD request${/--spider/.test(cmd) ? ' (GNU `wget --spider` does)' : ''} and the endpoint only allows GET (FastAPI/Starlette routes do). Probe with GET instead: \`wget -q -O /dev/null URL\` or \`curl -fsS URL\`, or allow HEAD on the health route.${lastOutput(d.lastProbe)}`,
            };
        case 'http-404':
            return {
                ruleId: 'HC910',
                summary: `health endpoint missing: HTTP 404 on ${portWord}`,
                text: `The app answers on ${portWord}, but the URL in \`${cmd}\` returns 404 Not Found: the endpoint does not exist. Point the HEALTHCHECK at a route the app serves, or add the health route.${lastOutput(d.lastProbe)}`,
            };
        case 'http-status':
            return {
                ruleId: 'HC902',
                summary: `probe got HTTP ${cls.status} on ${portWord}`,
                text: `The app answers on ${portWord}, but with HTTP ${cls.status}; the probe \`${cmd}\` treats that as a failure. Check the health route's response.${lastOutput(d.lastProbe)}`,
            };
        case 'connection-refused': {
            if (d.probePort !== null &&
                d.listening &&
                d.listening.length > 0 &&
                !d.listening.includes(d.probePort)) {
                return {
                    ruleId: 'HC904',
                    summary: `HEALTHCHECK probes port ${d.probePort}, the process listens on ${ports(d.listening)}`,
                    text: `Connection refused: the HEALTHCHECK \`${cmd}\` connects to port ${d.probePort}, but nothing listens there. ${listenText} Point the HEALTHCHECK at ${ports(d.listening)}, or make the app listen on port ${d.probePort}.${lastOutput(d.lastProbe)}`,
                };
            }
            if (d.probePort !== null && d.listening && d.listening.includes(d.probePort)) {
                return {
                    ruleId: 'HC902',
                    summary: `connection refused on port ${d.probePort}, though the process listens on it`,
                    text: `Connection refused on port ${d.probePort}, although the process listens on that port: it probably binds another address than the probe uses (e.g. ::1 versus 127.0.0.1, or a container IP). Make the app bind 0.0.0.0 or probe the address it binds.${lastOutput(d.lastProbe)}`,
                };
            }
            return {
                ruleId: 'HC902',
                summary: `never healthy: connection refused on ${portWord} for ${secs} s`,
                text: `The probe \`${cmd}\` was refused on ${portWord} for ${secs} s: the app never started listening. ${listenText} Check that the app starts and listens on the port the HEALTHCHECK uses, or give it a longer --start-period / the health-timeout input more time.${lastOutput(d.lastProbe)}`,
            };
        }
        case 'timeout':
            return {
                ruleId: 'HC902',
                summary: `never healthy: every probe timed out`,
                text: `Each run of \`${cmd}\` exceeded its timeout: the app accepts connections but does not answer in time, or the probe hangs. ${listenText}${lastOutput(d.lastProbe)}`,
            };
        default: {
            const atTimeout = d.outcome === 'timeout';
            return {
                ruleId: 'HC902',
                summary: atTimeout
                    ? `never healthy within the ${d.timeoutSeconds} s health-timeout`
                    : `unhealthy: the probe kept failing`,
                text: `${atTimeout ? `The container did not become healthy within ${d.timeoutSeconds} s (health-timeout).` : 'Docker marked the container unhealthy.'} ${d.lastProbe ? `The probe \`${cmd}\` kept failing.` : `The probe \`${cmd}\` had not completed once.`} ${listenText}${lastOutput(d.lastProbe)}`,
            };
        }
    }
}

;// CONCATENATED MODULE: ./src/runtime/health-probe.ts


const NS = 1e9;
const DEFAULT_INTERVAL = 30;
const DEFAULT_RETRIES = 3;
/** Docker's own grace before "unhealthy" under the image's settings (start + interval x retries). */
function imageGraceSeconds(h) {
    const interval = h.interval > 0 ? h.interval / NS : DEFAULT_INTERVAL;
    const retries = h.retries > 0 ? h.retries : DEFAULT_RETRIES;
    return h.startPeriod / NS + interval * retries;
}
/** RFC 3339 with nanoseconds -> epoch ms (Date.parse wants at most milliseconds). */
function parseDockerTime(t) {
    const ms = Date.parse(t.replace(/(\.\d{3})\d+/, '$1'));
    return Number.isFinite(ms) ? ms : NaN;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** How long the process must listen only on other ports before the probe port is judged wrong. */
const WRONG_PORT_SECONDS = 3;
async function waitForHealth(o) {
    const pollMs = o.pollMs ?? 250;
    const wait = o.wait ?? sleep;
    const certainAfter = o.certainAfter ?? 3;
    const startPeriod = o.health.startPeriod / NS;
    // Unhealthy earlier than this is an artefact of our shortened interval, not a verdict.
    const grace = imageGraceSeconds(o.health);
    const seen = new Map();
    const waitStart = Date.now();
    let startedMs = NaN;
    let wrongPortSince = null;
    for (;;) {
        const state = await inspectContainer(o.containerId);
        if (Number.isNaN(startedMs)) {
            const s = parseDockerTime(state.startedAt);
            startedMs = Number.isFinite(s) && s > 0 ? Math.min(s, Date.now()) : waitStart;
        }
        for (const e of state.health?.log ?? [])
            seen.set(e.start, e);
        const log = [...seen.values()].sort((a, b) => parseDockerTime(a.start) - parseDockerTime(b.start));
        const failures = log.filter((e) => e.exitCode !== 0);
        const lastFailure = failures.at(-1) ?? null;
        const elapsed = (Date.now() - startedMs) / 1000;
        const done = (outcome, extra = {}) => ({
            outcome,
            seconds: elapsed,
            state,
            log,
            lastFailure,
            classification: lastFailure
                ? classifyProbe(lastFailure.exitCode, lastFailure.output, o.health.test)
                : null,
            ...extra,
        });
        if (state.health?.status === 'healthy') {
            const ok = log.find((e) => e.exitCode === 0);
            const okEnd = ok ? parseDockerTime(ok.end) : NaN;
            const toHealthy = Number.isFinite(okEnd) ? Math.max(0, (okEnd - startedMs) / 1000) : elapsed;
            return done('healthy', { secondsToHealthy: toHealthy });
        }
        if (!state.running) {
            const end = parseDockerTime(state.finishedAt);
            return done('exited', {
                seconds: Number.isFinite(end) && end > startedMs ? (end - startedMs) / 1000 : elapsed,
            });
        }
        // The app is up and listening, but not on the probed port, for 3 s after start-period:
        // decided without waiting for a slow probe to time out (the image's timeout can be 30 s).
        if (o.probePort !== null && elapsed >= startPeriod) {
            const ports = await o.listening(state.pid);
            if (ports && ports.length > 0 && !ports.includes(o.probePort)) {
                wrongPortSince ??= elapsed;
                if (elapsed - wrongPortSince >= WRONG_PORT_SECONDS)
                    return done('certain');
            }
            else
                wrongPortSince = null;
        }
        const last = log.at(-1);
        if (last && last.exitCode !== 0) {
            const cls = classifyProbe(last.exitCode, last.output, o.health.test);
            // A missing binary never appears later: no need to wait for retries.
            if (cls.kind === 'not-found')
                return done('probe-missing');
            if (elapsed >= startPeriod) {
                const tail = log.slice(-certainAfter);
                const same = tail.length >= certainAfter &&
                    tail.every((e) => e.exitCode !== 0 && sameFailure(classifyProbe(e.exitCode, e.output, o.health.test), cls));
                if (same && (cls.kind === 'http-404' || cls.kind === 'http-405' || cls.kind === 'http-status')) {
                    // The app is up and answers the same thing every time.
                    return done('certain');
                }
                // Refused, timed out or silent (wget -q), again and again, on a port the process does
                // not listen on while it listens on others: the port is wrong, waiting will not help.
                if (same && ['connection-refused', 'timeout', 'unknown'].includes(cls.kind) && o.probePort !== null) {
                    const ports = await o.listening(state.pid);
                    if (ports && ports.length > 0 && !ports.includes(o.probePort))
                        return done('certain');
                }
            }
            if (state.health?.status === 'unhealthy' && elapsed >= grace)
                return done('unhealthy');
        }
        if (elapsed >= o.timeoutSeconds)
            return done('timeout');
        await wait(Math.min(pollMs, Math.max(50, o.timeoutSeconds * 1000 - elapsed * 1000)));
    }
}

;// CONCATENATED MODULE: ./src/runtime/proc-net.ts
// Which TCP ports does the container really listen on? Read from the host through
// /proc/<pid>/net/tcp and tcp6 of a container process: those files show the
// process's network namespace, so no tool inside the image is needed (scratch works).
const TCP_LISTEN = '0A';
/** Parse /proc/net/tcp or /proc/net/tcp6 text (header line first). */
function parseProcNetTcp(text) {
    const out = [];
    for (const line of text.split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        // sl local_address rem_address st ...
        if (f.length < 4)
            continue;
        const local = f[1];
        const colon = local.lastIndexOf(':');
        if (colon < 0)
            continue;
        const port = parseInt(local.slice(colon + 1), 16);
        if (!Number.isFinite(port))
            continue;
        out.push({ localAddress: local.slice(0, colon), port, state: f[3].toUpperCase() });
    }
    return out;
}
/** Sorted, de-duplicated LISTEN ports of one or more tcp/tcp6 tables. */
function listeningPorts(...tables) {
    const ports = new Set();
    for (const t of tables) {
        if (!t)
            continue;
        for (const e of parseProcNetTcp(t))
            if (e.state === TCP_LISTEN)
                ports.add(e.port);
    }
    return [...ports].sort((a, b) => a - b);
}

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

;// CONCATENATED MODULE: ./src/runtime/verify.ts
// The runtime half: build (or take) the image, inspect it, run ONE sandboxed
// container, and answer the five checklist questions from evidence the engine and
// the host's /proc give us (no tool inside the image is needed). Never throws: a
// failed build or an engine error becomes checks with status 'error' and a reason.
// Everything created is removed in `finally`, and is labelled so post() can remove
// it when this step is killed.

















/** Is the image (a reference or id) in the engine? */
async function imageExists(ref) {
    return (await inspectImage(ref)) !== null;
}
const verify_NS = 1e9;
/** Our probe interval: the verdict comes ~1 s after the app is ready. */
const HEALTH_INTERVAL_SECONDS = 1;
/** A single probe may not hang longer than this (the image's timeout, capped). */
const MAX_PROBE_TIMEOUT_SECONDS = 10;
/** Without a HEALTHCHECK, let the entrypoint settle before looking at processes. */
const SETTLE_MS = 1000;
const verify_sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (n) => Math.round(n * 100) / 100;
class Collector {
    opts;
    checks = new Map();
    findings = [];
    notes = [];
    /** Raw secret values to mask in every text that leaves this module. */
    secrets = [];
    /** The audit's facts, once the build no longer runs without them: they place every verdict. */
    facts = null;
    constructor(opts) {
        this.opts = opts;
    }
    mask(text) {
        return (0,detect/* redact */.E$)(text, this.secrets);
    }
    set(check) {
        this.checks.set(check.id, {
            ...check,
            source: 'runtime',
            detail: this.mask(check.detail),
            diagnosis: check.diagnosis === undefined ? undefined : this.mask(check.diagnosis),
            ...(check.line === undefined ? this.placeCheck(check.id) : {}),
        });
    }
    find(ruleId, severity, check, line, message) {
        this.findings.push({
            ruleId,
            severity,
            file: this.opts.displayPath,
            line,
            message: this.mask(message),
            check,
        });
    }
    /** The line a runtime verdict points at when no instruction explains it: the shipped stage's FROM, else 1. */
    stageLine() {
        return this.facts?.stage?.line ?? 1;
    }
    /** The instruction a check is about: USER for non-root, HEALTHCHECK for the health checks. */
    placeCheck(id) {
        const f = this.facts;
        if (!f)
            return {};
        const instr = id === 'non-root' ? f.user : id === 'healthy' || id === 'healthcheck-defined' ? f.healthcheck : null;
        const where = instr ?? f.stage;
        if (!where)
            return {};
        return where.endLine > where.line ? { line: where.line, endLine: where.endLine } : { line: where.line };
    }
    /** Every check not decided yet becomes 'error' with this reason. */
    fillErrors(reason) {
        for (const id of types/* CHECK_IDS */.Sh) {
            if (!this.checks.has(id))
                this.set({ id, status: 'error', detail: reason });
        }
    }
}
async function verifyRuntime(request) {
    const t0 = Date.now();
    const c = new Collector(request);
    c.secrets.push(...secretBuildArgValues(request.buildArgs));
    const res = new cleanup/* RunResources */.Vx(request.runId);
    const result = { imageId: null, checks: [], findings: [], notes: c.notes, timings: {} };
    try {
        let ref = request.image;
        let tag = '';
        // The build needs no static facts: it starts while the audit may still be running.
        const b = ref
            ? null
            : await buildImage({
                dockerfile: request.dockerfile,
                context: request.context,
                buildArgs: request.buildArgs,
                target: request.target,
                flags: request.buildFlags,
                runId: request.runId,
            });
        if (b?.imageId)
            res.addImage(b.imageId);
        // Everything from here reads the facts (a failed audit rejects them: cleanup still runs).
        const opts = { ...request, facts: await request.facts };
        c.facts = opts.facts;
        c.secrets.push(...opts.facts.env.filter((e) => e.secret).map((e) => e.value));
        if (b) {
            result.timings.build = round(b.seconds);
            result.buildLogTail = c.mask(b.logTail);
            if (!b.ok) {
                res.markUnaccounted();
                result.buildFailed = true;
                const last = b.logTail.trim().split('\n').filter(Boolean).at(-1) ?? '';
                const reason = `build failed (${b.builder}, exit ${b.exitCode}): ${last}`.slice(0, 300);
                c.find('HC909', 'error', undefined, 1, `The image did not build (exit ${b.exitCode}); see the build log tail. ${last}`.slice(0, 400));
                c.fillErrors(reason);
                return result;
            }
            ref = b.imageId;
            tag = b.tag;
        }
        // With buildx on the containerd image store the iidfile may hold a digest the
        // engine lists under another id: the run's own tag finds the same image.
        // history alongside inspect (independent reads of the same image)
        const early = imageHistory(ref).catch(() => null);
        const info = (await inspectImage(ref)) ?? (tag ? await inspectImage(tag) : null);
        if (!info) {
            c.fillErrors(`image ${ref} not found in the Docker engine${opts.image ? ' (pull or build it before this step)' : ''}`);
            return result;
        }
        result.imageId = info.id;
        secretsCheck(c, opts, info, (await early) ?? (await imageHistory(info.id)));
        const hc = healthcheckOf(info);
        const hcLine = opts.facts.healthcheck?.line ?? c.stageLine();
        c.set(hc
            ? {
                id: 'healthcheck-defined',
                status: 'pass',
                detail: `HEALTHCHECK ${hc.test[0]} ${probeCommand(hc.test)}`.slice(0, 200),
            }
            : {
                id: 'healthcheck-defined',
                status: 'fail',
                detail: info.healthcheck?.test[0] === 'NONE'
                    ? 'HEALTHCHECK NONE: the image disables its health check'
                    : 'no HEALTHCHECK in the image (Config.Healthcheck is empty)',
            });
        if (!opts.run) {
            const u = decideUser({
                processes: null,
                configUser: info.user,
                facts: opts.facts.user,
                unobservedReason: 'run: false',
            });
            c.set(u.check);
            userFindings(c, opts, u.rootProcesses.length > 0 || u.check.status === 'fail', u.nonNumericUser, info.user);
            c.set({ id: 'healthy', status: 'skip', detail: 'not run (run: false)' });
            c.set({ id: 'env-override', status: 'skip', detail: 'not run (run: false)' });
            return result;
        }
        await runProbes(c, opts, info, res, result, hcLine);
    }
    catch (err) {
        res.markUnaccounted();
        const msg = err instanceof Error ? err.message : String(err);
        c.notes.push(c.mask(`runtime verification stopped: ${msg}`));
        c.fillErrors(`could not be decided: ${msg}`.slice(0, 300));
    }
    finally {
        const problems = await res.cleanup();
        for (const p of problems)
            c.notes.push(c.mask(`cleanup: ${p}`));
        result.timings.verify = round((Date.now() - t0) / 1000 - (result.timings.build ?? 0));
        c.fillErrors('could not be decided');
        result.checks = types/* CHECK_IDS */.Sh.map((id) => c.checks.get(id));
        result.findings = c.findings;
        if (result.healthLog)
            result.healthLog = c.mask(result.healthLog);
    }
    return result;
}
function secretsCheck(c, opts, info, history) {
    const t = Date.now();
    const hits = scanImageSecrets(info.env, history);
    c.secrets.push(...hits.map((h) => h.raw));
    const seconds = round((Date.now() - t) / 1000);
    if (hits.length === 0) {
        c.set({
            id: 'no-secrets',
            status: 'pass',
            seconds,
            detail: `no credential in image Config.Env (${info.env.length} vars) or docker history (${history.length} layers)`,
        });
        return;
    }
    const lines = hits.map((h) => (h.key ? declaredLine(opts.facts, h.key, 1) : 1));
    c.set({
        id: 'no-secrets',
        status: 'fail',
        seconds,
        line: Math.min(...lines),
        detail: hits.map(describeHit).join('; ').slice(0, 500),
        diagnosis: 'Anyone who can pull the image can read these (docker inspect / docker history). Pass secrets at run time (env from the orchestrator, mounted files such as /run/secrets/NAME with a *_FILE variable) and at build time with `RUN --mount=type=secret`, never ENV or ARG.',
    });
    hits.forEach((h, i) => {
        c.find('HC908', 'error', 'no-secrets', lines[i], `Secret in the image: ${describeHit(h)}. Use a build secret or a runtime secret instead.`);
    });
}
/** The line that sets a variable: its ENV in the shipped stage, else the last ARG/ENV declaring it. */
function declaredLine(facts, key, fallback) {
    return (facts.env.find((e) => e.key === key)?.line ?? facts.declared.find((d) => d.key === key)?.line ?? fallback);
}
function userFindings(c, opts, root, nonNumeric, configUser) {
    const line = opts.facts.user?.line ?? c.stageLine();
    if (root) {
        c.find('HC901', 'error', 'non-root', line, 'The container runs as root. Add `USER <uid>` (numeric, e.g. 10001) as the last USER of the final stage.');
    }
    // The static audit reports a named USER from the Dockerfile; only an image checked
    // without one (image input) needs this note.
    if (nonNumeric && !root && !opts.facts.user) {
        c.find('HC911', 'note', 'non-root', line, `USER "${configUser}" is a name, not a numeric UID: Kubernetes runAsNonRoot cannot verify it. Prefer USER <uid>:<gid>.`);
    }
}
async function listeningOf(id, pid) {
    if (pid > 0) {
        const [t4, t6] = await Promise.all([readHostProc(pid, 'net/tcp'), readHostProc(pid, 'net/tcp6')]);
        if (t4 !== null || t6 !== null)
            return listeningPorts(t4, t6);
    }
    // Fallback needs `cat` in the image.
    const [e4, e6] = await Promise.all([
        execIn(id, ['cat', '/proc/net/tcp']),
        execIn(id, ['cat', '/proc/net/tcp6']),
    ]);
    if (e4.exitCode !== 0 && e6.exitCode !== 0)
        return null;
    return listeningPorts(e4.exitCode === 0 ? e4.stdout : null, e6.exitCode === 0 ? e6.stdout : null);
}
async function processEnvs(id, procs) {
    const envs = await Promise.all(procs.map(async (p) => {
        const raw = await readHostProc(p.pid, 'environ');
        return { pid: p.pid, comm: p.comm, env: raw === null ? null : parseEnviron(raw) };
    }));
    if (envs.some((e) => e.env !== null))
        return { envs, via: 'read from /proc/<pid>/environ on the host' };
    const e = await execIn(id, ['cat', '/proc/1/environ']);
    if (e.exitCode === 0)
        return {
            envs: [{ pid: 1, comm: 'pid 1', env: parseEnviron(e.stdout) }],
            via: 'read with docker exec cat /proc/1/environ',
        };
    return { envs, via: 'unreadable' };
}
async function runProbes(c, opts, info, res, result, hcLine) {
    const hc = healthcheckOf(info);
    const port = opts.facts.healthcheck?.port ?? (hc ? probePort(hc.test) : null);
    const appPorts = [
        ...new Set([...opts.facts.appPorts, ...info.exposedPorts, ...(port !== null ? [port] : [])]),
    ];
    const choice = chooseOverrides({
        given: opts.envOverrides,
        facts: opts.facts,
        imageEnv: info.env,
        healthTest: hc?.test ?? null,
        ports: appPorts,
    });
    for (const [k, v] of Object.entries(choice.overrides))
        if ((0,detect/* secretNameMatch */.Jv)(k))
            c.secrets.push(v);
    const imageTimeout = hc && hc.timeout > 0 ? hc.timeout / verify_NS : 30;
    const startAndWait = async (env) => {
        const events = hc ? watchRunEvents(opts.runId, opts.healthTimeoutSeconds + 60) : null;
        try {
            return await startAndWaitWith(env, events);
        }
        finally {
            events?.stop();
        }
    };
    const startAndWaitWith = async (env, events) => {
        const run = await runContainer({
            image: info.id,
            runId: opts.runId,
            network: opts.network,
            env,
            health: hc
                ? {
                    intervalSeconds: HEALTH_INTERVAL_SECONDS,
                    timeoutSeconds: Math.max(1, Math.min(imageTimeout, MAX_PROBE_TIMEOUT_SECONDS, opts.healthTimeoutSeconds)),
                }
                : undefined,
            runArgs: opts.runArgs,
        });
        if (run.id)
            res.addContainer(run.id);
        if (!run.id || run.error)
            res.markUnaccounted();
        if (!run.id || run.error)
            return { error: run.error || 'docker run printed no container id', id: '', wait: null };
        const id = run.id;
        let wait = null;
        if (hc) {
            wait = await waitForHealth({
                containerId: id,
                health: hc,
                timeoutSeconds: opts.healthTimeoutSeconds,
                probePort: port,
                listening: (pid) => listeningOf(id, pid),
                wait: events?.wait,
            });
        }
        else {
            await verify_sleep(SETTLE_MS);
        }
        return { error: '', id, wait };
    };
    const tHealth = Date.now();
    let run = await startAndWait(choice.overrides);
    if (run.error) {
        // The container could not even start (entrypoint missing, bad run-args).
        const why = c.mask(run.error);
        const u = decideUser({
            processes: null,
            configUser: info.user,
            facts: opts.facts.user,
            unobservedReason: 'the container did not start',
        });
        c.set(u.check);
        c.set(hc
            ? {
                id: 'healthy',
                status: 'fail',
                detail: `container did not start: ${why}`.slice(0, 300),
                diagnosis: why,
            }
            : { id: 'healthy', status: 'skip', detail: 'no HEALTHCHECK in the image' });
        if (hc)
            c.find('HC906', 'error', 'healthy', hcLine, `The container did not start: ${why}`.slice(0, 400));
        c.set({ id: 'env-override', status: 'error', detail: `container did not start: ${why}`.slice(0, 300) });
        return;
    }
    // Our sentinel values may be what breaks the app (APP_ENV=hc-sentinel-… is not a
    // valid environment): before blaming the image, try once without them.
    let sentinelBroke = false;
    const sentinelKeys = Object.keys(choice.overrides).filter((k) => k !== FALLBACK_KEY);
    if (hc && choice.derived && sentinelKeys.length > 0 && run.wait && run.wait.outcome !== 'healthy') {
        const plain = await startAndWait({});
        if (!plain.error && plain.wait?.outcome === 'healthy') {
            sentinelBroke = true;
            run = plain;
        }
    }
    const id = run.id;
    const wait = run.wait;
    const healthSeconds = round((Date.now() - tHealth) / 1000);
    // The wait just polled the state; without a HEALTHCHECK look once now.
    const state = wait?.state ?? (await inspectContainer(id));
    // Read the logs while the other probes run (each docker call costs ~30 ms).
    const logsP = logs(id, 50);
    // non-root: the UIDs the host sees.
    const tUser = Date.now();
    const procs = state.running ? await container_top(id).catch(() => null) : null;
    const u = decideUser({
        processes: procs,
        configUser: info.user,
        facts: opts.facts.user,
        unobservedReason: state.running
            ? 'docker top failed'
            : `the container exited (code ${state.exitCode}) before its processes could be observed`,
    });
    c.set({ ...u.check, seconds: round((Date.now() - tUser) / 1000) });
    userFindings(c, opts, u.check.status === 'fail', u.nonNumericUser, info.user);
    // env-override: what the processes really got.
    const tEnv = Date.now();
    if (sentinelBroke) {
        c.set({
            id: 'env-override',
            status: 'error',
            detail: `the app does not start with sentinel values for ${sentinelKeys.join(', ')}; it does without them`,
            diagnosis: `harden-check replaced ${sentinelKeys.join(', ')} with sentinel values (hc-sentinel-…) and the container did not become healthy; started again without them, it did. The app validates these values, so a sentinel cannot prove the override. Give the env-overrides input valid values (e.g. ${sentinelKeys[0]}=<another valid value>) to prove that -e reaches the app.`,
        });
    }
    else {
        await envCheck(c, opts, choice, state, id, procs);
    }
    const envSeconds = round((Date.now() - tEnv) / 1000);
    const envCheckNow = c.checks.get('env-override');
    if (envCheckNow)
        envCheckNow.seconds = envSeconds;
    // healthy
    if (!hc || !wait) {
        c.set({
            id: 'healthy',
            status: 'skip',
            detail: info.healthcheck ? 'HEALTHCHECK NONE: nothing to wait for' : 'no HEALTHCHECK in the image',
        });
    }
    else if (wait.outcome === 'healthy') {
        const s = round(wait.secondsToHealthy ?? wait.seconds);
        c.set({
            id: 'healthy',
            status: 'pass',
            seconds: s,
            detail: `healthy ${s} s after start (verdict at ${round(wait.seconds)} s, probe every ${HEALTH_INTERVAL_SECONDS} s)`,
        });
    }
    else {
        const exited = wait.outcome === 'exited';
        const listening = exited ? null : await listeningOf(id, state.pid);
        const logTail = exited ? c.mask((await logsP).split('\n').slice(-15).join('\n')) : '';
        const last = wait.lastFailure ?? wait.log.at(-1) ?? null;
        const d = diagnose({
            outcome: wait.outcome,
            test: hc.test,
            lastProbe: last ? { exitCode: last.exitCode, output: c.mask(last.output) } : null,
            probePort: port,
            listening,
            container: { exitCode: wait.state.exitCode, oomKilled: wait.state.oomKilled, logTail },
            seconds: wait.seconds,
            timeoutSeconds: opts.healthTimeoutSeconds,
        });
        c.set({
            id: 'healthy',
            status: 'fail',
            seconds: round(wait.seconds),
            detail: d.summary,
            diagnosis: d.text,
        });
        c.find(d.ruleId, 'error', 'healthy', hcLine, `${d.summary}. ${d.text.split('\n')[0]}`);
    }
    if (wait) {
        result.healthLog = wait.log
            .slice(-20)
            .map((e) => `[exit ${e.exitCode}] ${e.output.trim().split('\n').slice(-3).join(' | ')}`)
            .join('\n');
    }
    c.notes.push(`health wait ${healthSeconds} s`);
    // The container's own output, for the job log (untrusted: no workflow commands).
    const out = await logsP;
    if (out)
        await core/* group */.Os('Container logs (last 50 lines)', async () => echoUntrusted(out, c.secrets));
}
async function envCheck(c, opts, choice, state, id, procs) {
    const keys = Object.keys(choice.overrides);
    const skippedText = choice.skipped.length
        ? ` Not overridden: ${choice.skipped.map((s) => `${s.key} (${s.reason})`).join('; ')}.`
        : '';
    const how = choice.derived
        ? `Started the container with a sentinel value (hc-sentinel-…) for ${keys.join(', ')}.`
        : `Started the container with the env-overrides input: ${keys.join(', ')}.`;
    if (!state.running || !procs || procs.length === 0) {
        c.set({
            id: 'env-override',
            status: 'error',
            detail: `the container exited (code ${state.exitCode}) before its environment could be read`,
            diagnosis: how + skippedText,
        });
        return;
    }
    const { envs, via } = await processEnvs(id, procs);
    const v = judgeOverrides(choice.overrides, envs);
    if (v.unreadable) {
        c.set({
            id: 'env-override',
            status: 'error',
            detail: 'the process environment could not be read (/proc not readable, no cat in the image)',
            diagnosis: how + skippedText,
        });
        return;
    }
    const show = (key, value) => value === null
        ? 'unset'
        : (0,detect/* secretNameMatch */.Jv)(key)
            ? (0,detect/* maskSecret */.$l)(value)
            : JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value);
    if (v.replaced.length === 0) {
        c.set({
            id: 'env-override',
            status: 'pass',
            detail: `${v.honoured.join(', ')} reached the process (${via})`,
            diagnosis: how + skippedText,
        });
        return;
    }
    const replacedText = v.replaced.map((r) => `${r.key} is ${show(r.key, r.seen)} in ${r.comm}`).join('; ');
    const lines = v.replaced.map((r) => declaredLine(opts.facts, r.key, c.stageLine()));
    c.set({
        id: 'env-override',
        status: 'fail',
        line: Math.min(...lines),
        detail: `override not honoured: ${replacedText}${v.honoured.length ? `; honoured: ${v.honoured.join(', ')}` : ''}`,
        diagnosis: `${how} The process sees another value, so something in the image (an entrypoint script that exports or hard-codes it, or a config file read instead) replaces what the operator sets with -e. ${via}.${skippedText}`,
    });
    v.replaced.forEach((r, i) => {
        c.find('HC312', 'error', 'env-override', lines[i], `docker run -e ${r.key}=… does not reach the app: ${r.comm} sees ${show(r.key, r.seen)}. Let the environment win (e.g. \`: "\${${r.key}:=default}"\` in the entrypoint instead of export ${r.key}=…).`);
    });
}


/***/ })

};
