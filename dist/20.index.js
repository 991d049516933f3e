export const id = 20;
export const ids = [20];
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

/***/ 1020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanupRun: () => (/* reexport */ cleanup/* cleanupRun */.wX),
  imageExists: () => (/* binding */ imageExists),
  verifyRuntime: () => (/* binding */ verifyRuntime)
});

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
;// CONCATENATED MODULE: ./src/docker/log.ts
// The tail of a build log kept for the report (the log itself goes to the host, src/host.ts).

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
async function buildImage(req) {
    const builder = await detectBuilder();
    // sync on purpose: nothing between the call and the spawn yields to other work (the audit
    // modules load meanwhile), so the build starts at once
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'harden-check-'));
    const iidfile = (0,external_node_path_.join)(dir, 'iid');
    const secrets = secretBuildArgValues(req.buildArgs);
    // Let the host mask them anywhere (on a runner: in other steps' logs too).
    for (const s of secrets)
        req.host.mask(s);
    const tail = new TailBuffer(req.tailLines ?? 50);
    const started = Date.now();
    const timeoutSeconds = req.timeoutSeconds ?? buildTimeoutSeconds();
    try {
        const out = await req.host.group(`Build ${req.dockerfile} (${builder})`, async () => {
            const echo = req.host.untrusted(secrets);
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
            req.host.info(msg);
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

;// CONCATENATED MODULE: ./src/host.ts
// The host a run reports to: the Actions runner (src/github/actions-host.ts, the only
// module that speaks workflow commands) or a terminal (plainHost, the CLI's). The pipeline
// and the runtime write their log, groups, masks and step state only through it.

/** Print a block of untrusted text through the host. */
function echoUntrusted(host, text, secrets = []) {
    const sink = host.untrusted(secrets);
    for (const l of text.split('\n'))
        sink.line(l);
    sink.end();
}
/**
 * A terminal host: every line to `write` (the CLI's stderr, so stdout keeps the report),
 * warnings prefixed, groups as a heading; nothing to mask, state kept in memory.
 */
function plainHost(write, opts = {}) {
    const state = new Map();
    // A Dockerfile's bytes must not drive the terminal (escape sequences); carriage returns of
    // progress output are dropped rather than shown.
    const clean = (s) => s.replace(/\r/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f\u009b]/g, '�');
    return {
        info: (m) => write(`${m}\n`),
        warning: (m) => write(`harden-check: ${m}\n`),
        debug: (m) => {
            if (opts.debug)
                write(`debug: ${m}\n`);
        },
        group: async (title, fn) => {
            write(`── ${title}\n`);
            return fn();
        },
        untrusted: (secrets = []) => ({
            line: (text) => write(`${clean((0,detect/* redact */.E$)(text, secrets))}\n`),
            end: () => undefined,
        }),
        mask: () => undefined,
        saveState: (name, value) => void state.set(name, value),
        getState: (name) => state.get(name) ?? '',
    };
}
/** A host that shows nothing (tests, and runs whose log nobody reads). */
function silentHost() {
    return plainHost(() => undefined);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
    let troubled = false;
    const trouble = () => {
        if (troubled)
            return;
        troubled = true;
        o.onTrouble?.();
    };
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
            trouble();
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
            // Two failures in a row while the process listens nowhere: an app that is only slow to
            // start (ready within ~2 s), or that is up and answers an error, is spared.
            if (!troubled && log.length >= 2 && log[log.length - 2].exitCode !== 0) {
                const ports = await o.listening(state.pid);
                if (!ports || ports.length === 0)
                    trouble();
            }
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
                // The output names no status (GNU wget --no-verbose, curl -s): ask the evidence.
                if (same && o.explain && ['unknown', 'timeout', 'connection-refused'].includes(cls.kind)) {
                    if (await o.explain(state.pid, cls))
                        return done('certain');
                }
            }
            if (state.health?.status === 'unhealthy' && elapsed >= grace)
                return done('unhealthy');
        }
        if (elapsed >= o.timeoutSeconds || o.signal?.aborted)
            return done('timeout');
        await wait(Math.min(pollMs, Math.max(50, o.timeoutSeconds * 1000 - elapsed * 1000)));
    }
}

;// CONCATENATED MODULE: ./src/runtime/health/probe-shape.ts
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
    const cmd = probeCommand(test);
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

;// CONCATENATED MODULE: ./src/runtime/health/own-request.ts
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
    return new Promise((resolve) => (0,external_node_child_process_.execFile)(cmd, args, { timeout: 8000, killSignal: 'SIGKILL', encoding: 'utf8' }, (err, stdout, stderr) => resolve({ ok: !err, stdout: String(stdout ?? ''), stderr: String(stderr ?? err?.message ?? '') })));
}
/** Is `pid` a process of this container on this host (not a remote engine's pid)? */
async function pidBelongsTo(pid, containerId) {
    const cg = await (0,promises_.readFile)(`/proc/${pid}/cgroup`, 'utf8').catch(() => null);
    return cg !== null && containerId.length >= 12 && cg.includes(containerId);
}
/**
 * GET and HEAD on the probe URL (and on `alsoHosts`, e.g. the address the app listens on)
 * from inside the network namespace of the container process `pid`.
 */
async function ownRequest(pid, containerId, url, alsoHosts = []) {
    if (!isLoopbackHost(url.host))
        return { ran: false, reason: `the probe's host ${url.host} is not loopback` };
    if (process.platform !== 'linux')
        return { ran: false, reason: 'not on Linux' };
    if (!(pid > 0) || !(await pidBelongsTo(pid, containerId)))
        return { ran: false, reason: 'the container process is not visible on this host (remote engine?)' };
    const hosts = [...new Set([url.host === '0.0.0.0' ? '127.0.0.1' : url.host, ...alsoHosts])].filter(isLoopbackHost);
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

;// CONCATENATED MODULE: ./src/runtime/health/cause.ts

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
            out.push(`harden-check's own request inside the container to ${u.scheme}://${host.includes(':') ? `[${host}]` : host}:${u.port}${u.path}: ${as.map(answerText).join(', ')}`);
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
            ruleId: 'HC905',
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
                ruleId: 'HC902',
                status: s,
                summary: `${where} answered ${s} (redirect${to}): the health route redirects${https ? ' to HTTPS' : ''}, the probe does not reach a 2xx`,
                text: withEvidence(`The app answers the health URL with a redirect (${s}${to}). The probe either refuses to follow it or follows it to an address that does not answer${https ? ' (HTTPS inside the container)' : ''}. Exempt the health route from the redirect (e.g. from force-HTTPS middleware), or probe the URL the app really serves.`, e),
            };
        }
        if (s === 401 || s === 403) {
            return {
                ruleId: 'HC902',
                status: s,
                summary: `${where} answered ${s} (${s === 401 ? 'authentication required' : 'forbidden'}): the health route is behind auth`,
                text: withEvidence(`The health route answers ${s}: it requires ${s === 401 ? 'credentials' : 'a permission'} the probe does not have. Exempt the health route from authentication (it should reveal nothing), or probe a public liveness route; never put a credential into the HEALTHCHECK (it is readable with docker inspect).`, e),
            };
        }
        if (s >= 500) {
            return {
                ruleId: 'HC902',
                status: s,
                summary: `${where} answered ${s}: the app's health route fails${e.appError ? `: ${e.appError.slice(0, 120)}` : ''}`,
                text: withEvidence(`The app is up and listening, but its health route answers ${s} every time: the app itself reports a failure (often a dependency it checks, such as a database, that is absent in this sandbox).${e.appError ? `\nThe app's error line: ${e.appError}\n` : ' '}Fix the error, or make the liveness probe check only the process and move dependency checks to a readiness endpoint.`, e),
            };
        }
        if (s === 404) {
            return {
                ruleId: 'HC910',
                status: s,
                summary: `${where} answered 404: the health route does not exist`,
                text: withEvidence(`The app answers on port ${u.port}, but ${u.path} returns 404 Not Found. Point the HEALTHCHECK at a route the app serves, or add the health route.`, e),
            };
        }
        if (s === 405) {
            return {
                ruleId: 'HC905',
                status: s,
                summary: `${where} answered 405: the route does not allow ${method}`,
                text: withEvidence(`The app answers 405 Method Not Allowed to the probe's ${method}. Allow ${method} on the health route or probe with the method it serves.`, e),
            };
        }
        if (s >= 400) {
            return {
                ruleId: 'HC902',
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
            ruleId: 'HC902',
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
    const answer = a.status !== undefined ? `answers ${a.status}` : `is ${answerText(a).replace(/^\w+ → /, '')}`;
    return {
        ruleId: 'HC912',
        summary: `the probe passes only because ${e.shape.hidesFailure} hides its failure: ${method} ${u.path} ${answer}`,
        text: withEvidence(`Docker reports the container healthy, but the health URL ${answer}: the probe exits 0 whatever the app answers, so it can never report a broken app. Let the request's failure be the probe's exit status: \`HEALTHCHECK CMD curl -fsS ${u.text} || exit 1\` (or \`wget -q -O /dev/null ${u.text} || exit 1\`), without ${e.shape.hidesFailure}.`, e),
    };
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
/** The kernel's hex address as text: 0100007F -> 127.0.0.1; 32 hex digits -> an IPv6 address. */
function decodeAddress(hex) {
    const word = (h) => h.match(/../g).reverse().join('');
    if (hex.length === 8)
        return word(hex)
            .match(/../g)
            .map((b) => parseInt(b, 16))
            .join('.');
    if (hex.length !== 32)
        return hex;
    const bytes = (hex.match(/.{8}/g) ?? []).map(word).join('');
    // IPv4-mapped (::ffff:a.b.c.d) reads as the IPv4 address
    if (/^0{20}ffff/i.test(bytes))
        return decodeAddress(bytes.slice(24).match(/../g).reverse().join(''));
    const groups = (bytes.match(/.{4}/g) ?? []).map((g) => parseInt(g, 16).toString(16));
    // the longest run of zero groups becomes '::'
    let best = -1;
    let bestLen = 0;
    for (let i = 0; i < 8;) {
        let j = i;
        while (j < 8 && groups[j] === '0')
            j++;
        if (j - i > bestLen)
            [best, bestLen] = [i, j - i];
        i = j === i ? i + 1 : j;
    }
    if (bestLen < 2)
        return groups.join(':');
    return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}
/** LISTEN sockets with their bound address, de-duplicated. */
function listeningSockets(...tables) {
    const seen = new Map();
    for (const t of tables) {
        if (!t)
            continue;
        for (const e of parseProcNetTcp(t)) {
            if (e.state !== TCP_LISTEN)
                continue;
            const address = decodeAddress(e.localAddress);
            seen.set(`${address}|${e.port}`, { address, port: e.port });
        }
    }
    return [...seen.values()].sort((a, b) => a.port - b.port || a.address.localeCompare(b.address));
}

;// CONCATENATED MODULE: ./src/runtime/health/access-log.ts
// The app's own access log as evidence: which method hit the health path, and what the app
// answered. Read from `docker logs`, so it works on any image whose server logs requests
// (uvicorn, gunicorn, werkzeug, nginx/Apache/Tomcat common and combined, morgan, Go loggers,
// Spring's exception resolver). Pure string work: tested on real-shaped lines.
const METHOD = 'GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE|CONNECT';
const ANSI = /\u001b\[[0-9;]*m/g;
/** Each pattern yields [method, path, status] in named groups. Most specific first. */
const PATTERNS = [
    // uvicorn, gunicorn, werkzeug, nginx, Apache/Tomcat common+combined, morgan combined/common,
    // gorilla handlers, reactor-netty:  "HEAD /health HTTP/1.1" 405
    new RegExp(`"(?<m>${METHOD}) (?<p>\\S+) HTTP/\\d(?:\\.\\d)?" (?<s>[1-5]\\d\\d)\\b`),
    // chi middleware.Logger: "GET http://localhost:8080/health HTTP/1.1" from 127.0.0.1:54321 - 200 2B in 12µs
    new RegExp(`"(?<m>${METHOD}) (?<p>\\S+) HTTP/\\d(?:\\.\\d)?" from \\S+ - (?<s>[1-5]\\d\\d)\\b`),
    // Gin: [GIN] 2026/12/05 - 08:31:24 | 404 |  1.2µs |  127.0.0.1 | HEAD  "/health"
    new RegExp(`\\|\\s*(?<s>[1-5]\\d\\d)\\s*\\|.*\\|\\s*(?<m>${METHOD})\\s+"(?<p>[^"]+)"`),
    // Echo (JSON): {"method":"HEAD","uri":"/health","status":405,...}; also Caddy/zap-style keys
    new RegExp(`"method":"(?<m>${METHOD})".*?"(?:uri|path|url)":"(?<p>[^"]+)".*?"status":(?<s>[1-5]\\d\\d)\\b`),
    // morgan dev/short/tiny: HEAD /health 405 1.234 ms - 18 ; ::1 - GET /health HTTP/1.1 404 150 - 1.2 ms
    new RegExp(`(?:^|\\s)(?<m>${METHOD}) (?<p>/\\S*)(?: HTTP/\\d(?:\\.\\d)?)? (?<s>[1-5]\\d\\d)\\b`),
];
/** Spring MVC names the refused method but not the path (DefaultHandlerExceptionResolver). */
const SPRING_METHOD = new RegExp(`HttpRequestMethodNotSupportedException: Request method '(?<m>${METHOD})' is not supported`);
function stripHost(path) {
    return path.replace(/^[a-z]+:\/\/[^/]+/i, '') || '/';
}
/** One log line as an access-log entry, or null when it is not one. */
function parseAccessLine(line) {
    const raw = line.replace(ANSI, '').trim();
    if (!raw)
        return null;
    for (const re of PATTERNS) {
        const m = re.exec(raw);
        if (m?.groups)
            return { method: m.groups.m, path: stripHost(m.groups.p), status: Number(m.groups.s), raw };
    }
    const spring = SPRING_METHOD.exec(raw);
    if (spring?.groups)
        return { method: spring.groups.m, path: '', status: 405, raw };
    return null;
}
function pathOnly(p) {
    const q = p.search(/[?#]/);
    const bare = q < 0 ? p : p.slice(0, q);
    return bare.length > 1 ? bare.replace(/\/+$/, '') : bare;
}
/** The access-log lines for `path` (query ignored), oldest first. A line naming no path matches any. */
function probeRequests(logText, path) {
    const want = pathOnly(path || '/');
    const out = [];
    for (const line of logText.split('\n')) {
        const a = parseAccessLine(line);
        if (a && (a.path === '' || pathOnly(a.path) === want))
            out.push(a);
    }
    return out;
}
/** The app's own error line near a failure: the last line that reads like an error, not a request. */
function appErrorLine(logText) {
    const lines = logText
        .split('\n')
        .map((l) => l.replace(ANSI, '').trim())
        .filter(Boolean);
    for (let i = lines.length - 1; i >= 0; i--) {
        const l = lines[i];
        if (parseAccessLine(l))
            continue;
        if (/^\s*(Traceback|File ")|^\s+at /.test(l))
            continue;
        if (/\b\w*(Error|Exception)\b[:\s]|^(ERROR|FATAL|CRITICAL|PANIC)\b|\b(level=error|"level":"error")|\bpanic:|^error[:\s]/i.test(l))
            return l.slice(0, 300);
    }
    return null;
}

;// CONCATENATED MODULE: ./src/runtime/health/gather.ts
// Collects the evidence for a health verdict from a running (or stopped) container: its
// LISTEN sockets (host /proc), its access log (docker logs) and harden-check's own GET/HEAD
// (inside its network namespace). Each part is optional: what cannot be read is left out.





/** How many log lines are searched for the probe's requests (a probe a second for minutes). */
const LOG_LINES = 300;
async function socketsOf(pid) {
    if (!(pid > 0))
        return null;
    const [t4, t6] = await Promise.all([readHostProc(pid, 'net/tcp'), readHostProc(pid, 'net/tcp6')]);
    return t4 === null && t6 === null ? null : listeningSockets(t4, t6);
}
async function gatherEvidence(g) {
    const shape = probeShape(g.test);
    const url = shape.url;
    const [sockets, logText] = await Promise.all([
        g.pid > 0 ? socketsOf(g.pid) : Promise.resolve(null),
        logs(g.containerId, LOG_LINES).catch(() => ''),
    ]);
    let own = null;
    if (g.request && url && g.pid > 0) {
        // also ask the loopback addresses the app really binds on the probe's port
        const also = (sockets ?? [])
            .filter((s) => s.port === url.port && !['0.0.0.0', '::'].includes(s.address))
            .map((s) => s.address);
        own = await ownRequest(g.pid, g.containerId, url, also);
    }
    return {
        shape,
        own,
        access: url ? probeRequests(logText, url.path) : [],
        appError: appErrorLine(logText),
        sockets,
    };
}

;// CONCATENATED MODULE: ./src/runtime/health/mask-evidence.ts
// Evidence comes from the app (its log lines, its error line, the body it answered), so it can
// carry credentials no pattern knows: `password=…` in an error, `?token=…` in a logged URL,
// `user:pass@` in a connection string, a bearer token. Masked before anything is shown.

// `name=value` first, then `name: value` / `"name": "value"` (so "error: password=x" masks x)
const NAMED_VALUES = [
    /\b([A-Za-z_][\w.-]*)("?\s*=\s*)("?)([^\s"&,;)]+)\3/g,
    /\b([A-Za-z_][\w.-]*)("?\s*:\s*)("?)([^\s"&,;)]+)\3/g,
];
function maskEvidence(text) {
    const out = (0,detect/* redact */.E$)(text)
        .replace(/(\/\/[^/\s:@]+:)([^@\s/]+)@/g, (_m, pre, pass) => `${pre}${(0,detect/* maskSecret */.$l)(pass)}@`)
        .replace(/\b(Bearer|Basic|Token)\s+([A-Za-z0-9._~+/=-]{8,})/g, (_m, kind, v) => `${kind} ${(0,detect/* maskSecret */.$l)(v)}`);
    return NAMED_VALUES.reduce((text, re) => text.replace(re, (m, name, sep, q, value) => (0,detect/* secretNameMatch */.Jv)(name) && !value.includes('(redacted)')
        ? `${name}${sep}${q}${(0,detect/* maskSecret */.$l)(value)}${q}`
        : m), out);
}

;// CONCATENATED MODULE: ./src/runtime/health/verdict.ts





/** How long gathered evidence is reused before the wait may ask again. */
const REASK_MS = 5000;
class HealthExplainer {
    containerId;
    test;
    evidence = null;
    cause = null;
    askedAt = 0;
    askedKind = '';
    constructor(containerId, test) {
        this.containerId = containerId;
        this.test = test;
    }
    /** For waitForHealth's `explain`: is the repeated failure certain from outside evidence? */
    async explain(pid, cls) {
        const url = probeShape(this.test).url;
        if (!url || !(pid > 0))
            return false;
        if (Date.now() - this.askedAt < REASK_MS && this.askedKind === cls.kind)
            return this.cause !== null;
        this.askedAt = Date.now();
        this.askedKind = cls.kind;
        // Refused while nothing listens on that port: the app may still be starting, and our own
        // request would only be refused too. Wait (Docker's grace decides).
        if (cls.kind === 'connection-refused') {
            const sockets = await socketsOf(pid);
            if (!sockets?.some((s) => s.port === url.port))
                return false;
        }
        this.evidence = await gatherEvidence({
            containerId: this.containerId(),
            pid,
            test: this.test,
            request: true,
        });
        this.cause = failingCause(cls, this.evidence);
        return this.cause !== null;
    }
}
/** The failed verdict: the evidence's cause when it names one, else the probe-output diagnosis plus the evidence. */
async function failedVerdict(f) {
    const v = await unmaskedFailedVerdict(f);
    return { ...v, summary: maskEvidence(v.summary), text: maskEvidence(v.text) };
}
async function unmaskedFailedVerdict(f) {
    const d = diagnose(f.diagnosis);
    // exited: the log tail is the evidence; a missing probe binary is named by Docker itself
    if (f.diagnosis.outcome === 'exited' || f.diagnosis.outcome === 'probe-missing')
        return d;
    // Nothing listens on the probe's port: our own request could only be refused too.
    const port = probeShape(f.diagnosis.test).url?.port;
    const request = !(port !== undefined &&
        f.diagnosis.listening !== null &&
        !f.diagnosis.listening.includes(port));
    const ev = f.explainer?.evidence ??
        (await gatherEvidence({ containerId: f.containerId, pid: f.pid, test: f.diagnosis.test, request }));
    const cause = f.explainer?.cause ?? failingCause(f.classification ?? { kind: 'unknown' }, ev);
    const last = f.diagnosis.lastProbe;
    const probeOut = last
        ? `\nLast probe (exit ${last.exitCode}): ${last.output.trim().split('\n').slice(-3).join(' | ') || 'no output'}`
        : '';
    // A wrong port found from /proc stays the first cause: the evidence cannot beat it.
    if (cause && d.ruleId !== 'HC904')
        return { ruleId: cause.ruleId, summary: cause.summary, text: cause.text + probeOut };
    const extra = evidenceText(ev);
    return extra ? { ...d, text: `${d.text}\nEvidence:\n${extra}` } : d;
}
/** For a healthy container whose probe can exit 0 on a failed request: did it hide one? */
async function hiddenFailure(containerId, pid, test) {
    const shape = probeShape(test);
    if (!shape.hidesFailure || !shape.loopback)
        return null;
    const ev = await gatherEvidence({ containerId, pid, test, request: true });
    const cause = hiddenFailureCause(ev);
    return cause && { ...cause, summary: maskEvidence(cause.summary), text: maskEvidence(cause.text) };
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

;// CONCATENATED MODULE: ./src/contracts.ts
// The contract between the static audit (which knows the Dockerfile) and the runtime
// (which knows the container): what the audit learnt that the probes need. Plain data only.
// The other contract, the Report every renderer reads, is src/report/types.ts.
/** The label of the stage a line is in, when it is in one. */
function stageAt(stages, line) {
    return stages.find((s) => line >= s.line && line <= s.endLine)?.label;
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
        const where = check.line === undefined ? this.placeCheck(check.id) : {};
        const line = check.line ?? where.line;
        const stage = line !== undefined && this.facts ? stageAt(this.facts.stages, line) : undefined;
        this.checks.set(check.id, {
            ...check,
            source: 'runtime',
            detail: this.mask(check.detail),
            diagnosis: check.diagnosis === undefined ? undefined : this.mask(check.diagnosis),
            ...where,
            ...(stage !== undefined ? { stage } : {}),
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
    const host = request.host ?? plainHost((s) => process.stderr.write(s));
    const res = new cleanup/* RunResources */.Vx(request.runId, host);
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
                host,
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
        await runProbes(c, opts, info, res, result, hcLine, host);
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
/** A running container whose processes listen on no TCP port. */
async function listeningNowhere(id) {
    const s = await inspectContainer(id);
    return s.running && ((await listeningOf(id, s.pid)) ?? [1]).length === 0;
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
async function runProbes(c, opts, info, res, result, hcLine, host) {
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
    const startAndWait = async (env, hooks = {}) => {
        const events = hc ? watchRunEvents(opts.runId, opts.healthTimeoutSeconds + 60) : null;
        try {
            return await startAndWaitWith(env, events, hooks);
        }
        finally {
            events?.stop();
        }
    };
    const startAndWaitWith = async (env, events, hooks) => {
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
            return {
                error: run.error || 'docker run printed no container id',
                id: '',
                wait: null,
                explainer: null,
            };
        const id = run.id;
        hooks.onStarted?.(id);
        let wait = null;
        const explainer = hc && hooks.explain ? new HealthExplainer(() => id, hc.test) : null;
        if (hc) {
            wait = await waitForHealth({
                onTrouble: hooks.onTrouble,
                signal: hooks.signal,
                explain: explainer ? (pid, cls) => explainer.explain(pid, cls) : undefined,
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
        return { error: '', id, wait, explainer };
    };
    // Our sentinel values may be what breaks the app (APP_ENV=hc-sentinel-… is not a valid
    // environment). A plain container (no overrides) starts beside the first one when it exits or
    // fails twice in a row while listening nowhere, so asking "was it our values?" never costs a
    // second whole wait.
    const sentinelKeys = Object.keys(choice.overrides).filter((k) => k !== FALLBACK_KEY);
    const mayBreak = Boolean(hc && choice.derived && sentinelKeys.length > 0);
    const stopControl = new AbortController();
    let control = null;
    let controlId = '';
    const tHealth = Date.now();
    let run = await startAndWait(choice.overrides, {
        explain: true,
        onTrouble: mayBreak
            ? () => void (control ??= startAndWait({}, { signal: stopControl.signal, onStarted: (cid) => (controlId = cid) }))
            : undefined,
    }).catch(async (err) => {
        // the plain container must exist (and be tracked) before the caller's cleanup runs
        stopControl.abort();
        await control?.catch(() => null);
        throw err;
    });
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
    let sentinelBroke = false;
    const controlRun = control;
    if (controlRun) {
        // Only a container that exited or never listened can have been stopped by our values; the
        // plain one then has until 1 s after this verdict (or its own end, after an exit).
        const w = run.wait;
        const exited = w?.outcome === 'exited';
        const silent = w &&
            !exited &&
            w.outcome !== 'healthy' &&
            ((await listeningOf(run.id, w.state.pid)) ?? []).length === 0;
        // Running about as long and listening nowhere either: our values are not the difference.
        const plainSilent = silent && controlId !== '' && (await listeningNowhere(controlId).catch(() => false));
        if (exited || (silent && !plainSilent)) {
            const cap = exited ? null : setTimeout(() => stopControl.abort(), 1000);
            const plain = await controlRun;
            if (cap)
                clearTimeout(cap);
            if (!plain.error && plain.wait?.outcome === 'healthy') {
                sentinelBroke = true;
                run = plain;
            }
        }
        else
            stopControl.abort();
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
        // a probe that exits 0 whatever the app answers proves nothing
        const hidden = await hiddenFailure(id, state.pid, hc.test);
        if (hidden) {
            c.set({ id: 'healthy', status: 'fail', seconds: s, detail: hidden.summary, diagnosis: hidden.text });
            c.find(hidden.ruleId, 'error', 'healthy', hcLine, hidden.summary);
        }
        else
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
        const d = await failedVerdict({
            diagnosis: {
                outcome: wait.outcome,
                test: hc.test,
                lastProbe: last ? { exitCode: last.exitCode, output: c.mask(last.output) } : null,
                probePort: port,
                listening,
                container: { exitCode: wait.state.exitCode, oomKilled: wait.state.oomKilled, logTail },
                seconds: wait.seconds,
                timeoutSeconds: opts.healthTimeoutSeconds,
            },
            containerId: id,
            pid: state.pid,
            classification: wait.classification,
            explainer: run.explainer,
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
    // The plain container must be known before cleanup (it stops within a poll once aborted).
    await controlRun;
    // The container's own output, for the job log (untrusted: no workflow commands).
    const out = await logsP;
    if (out)
        await host.group('Container logs (last 50 lines)', async () => echoUntrusted(host, out, c.secrets));
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
