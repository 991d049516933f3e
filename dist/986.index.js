export const id = 986;
export const ids = [986];
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

/***/ 4986:
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
// EXTERNAL MODULE: ./src/docker/container.ts
var container = __webpack_require__(8607);
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

// EXTERNAL MODULE: ./src/docker/inspect.ts
var inspect = __webpack_require__(4892);
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

// EXTERNAL MODULE: ./src/runtime/build-failure.ts
var build_failure = __webpack_require__(6432);
// EXTERNAL MODULE: ./src/runtime/checks/env-override.ts
var env_override = __webpack_require__(4672);
// EXTERNAL MODULE: ./src/runtime/checks/graceful-stop.ts + 1 modules
var graceful_stop = __webpack_require__(1419);
// EXTERNAL MODULE: ./src/runtime/health-diagnosis.ts
var health_diagnosis = __webpack_require__(9992);
;// CONCATENATED MODULE: ./src/runtime/checks/healthcheck-defined.ts
// healthcheck-defined: does the image carry a HEALTHCHECK (one that is not NONE)?


function checkHealthcheckDefined(info) {
    const hc = (0,inspect/* healthcheckOf */.w5)(info);
    return {
        check: hc
            ? {
                id: 'healthcheck-defined',
                status: 'pass',
                detail: `HEALTHCHECK ${hc.test[0]} ${(0,health_diagnosis/* probeCommand */.CL)(hc.test)}`.slice(0, 200),
            }
            : {
                id: 'healthcheck-defined',
                status: 'fail',
                detail: info.healthcheck?.test[0] === 'NONE'
                    ? 'HEALTHCHECK NONE: the image disables its health check'
                    : 'no HEALTHCHECK in the image (Config.Healthcheck is empty)',
            },
        findings: [],
    };
}

// EXTERNAL MODULE: ./src/runtime/health/cause.ts
var health_cause = __webpack_require__(4360);
// EXTERNAL MODULE: ./src/runtime/proc-net.ts
var proc_net = __webpack_require__(6256);
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

// EXTERNAL MODULE: ./src/runtime/health/own-request.ts
var own_request = __webpack_require__(3563);
// EXTERNAL MODULE: ./src/runtime/health/probe-shape.ts
var probe_shape = __webpack_require__(4381);
;// CONCATENATED MODULE: ./src/runtime/health/gather.ts
// Collects the evidence for a health verdict from a running (or stopped) container: its
// LISTEN sockets (host /proc), its access log (docker logs) and harden-check's own GET/HEAD
// (inside its network namespace). Each part is optional: what cannot be read is left out.





/** How many log lines are searched for the probe's requests (a probe a second for minutes). */
const LOG_LINES = 300;
async function socketsOf(pid) {
    if (!(pid > 0))
        return null;
    const [t4, t6] = await Promise.all([(0,container/* readHostProc */.HQ)(pid, 'net/tcp'), (0,container/* readHostProc */.HQ)(pid, 'net/tcp6')]);
    return t4 === null && t6 === null ? null : (0,proc_net/* listeningSockets */.OC)(t4, t6);
}
async function gatherEvidence(g) {
    const shape = (0,probe_shape/* probeShape */.el)(g.test);
    const url = shape.url;
    const [sockets, logText] = await Promise.all([
        g.pid > 0 ? socketsOf(g.pid) : Promise.resolve(null),
        (0,container/* logs */.K9)(g.containerId, LOG_LINES).catch(() => ''),
    ]);
    let own = null;
    if (g.request && url && g.pid > 0) {
        // also ask the loopback addresses the app really binds on the probe's port
        const also = (sockets ?? [])
            .filter((s) => s.port === url.port && !['0.0.0.0', '::'].includes(s.address))
            .map((s) => s.address);
        own = await (0,own_request/* ownRequest */.O)(g.pid, g.containerId, url, also);
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
        const url = (0,probe_shape/* probeShape */.el)(this.test).url;
        if (!url || !(pid > 0))
            return false;
        if (Date.now() - this.askedAt < REASK_MS && this.askedKind === cls.kind)
            return this.certain();
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
        this.cause = (0,health_cause/* failingCause */.UK)(cls, this.evidence);
        return this.certain();
    }
    /** A cause that cannot change by waiting (a 503 of an app still warming up can). */
    certain() {
        return this.cause !== null && !this.cause.transient;
    }
}
/** The failed verdict: the evidence's cause when it names one, else the probe-output diagnosis plus the evidence. */
async function failedVerdict(f) {
    const v = await unmaskedFailedVerdict(f);
    return { ...v, summary: maskEvidence(v.summary), text: maskEvidence(v.text) };
}
async function unmaskedFailedVerdict(f) {
    const d = (0,health_diagnosis/* diagnose */.h4)(f.diagnosis);
    // exited: the log tail is the evidence; a missing probe binary is named by Docker itself
    if (f.diagnosis.outcome === 'exited' || f.diagnosis.outcome === 'probe-missing')
        return d;
    // Nothing listens on the probe's port: our own request could only be refused too.
    const port = (0,probe_shape/* probeShape */.el)(f.diagnosis.test).url?.port;
    const request = !(port !== undefined &&
        f.diagnosis.listening !== null &&
        !f.diagnosis.listening.includes(port));
    const ev = f.explainer?.evidence ??
        (await gatherEvidence({ containerId: f.containerId, pid: f.pid, test: f.diagnosis.test, request }));
    const cause = f.explainer?.cause ?? (0,health_cause/* failingCause */.UK)(f.classification ?? { kind: 'unknown' }, ev);
    const last = f.diagnosis.lastProbe;
    const probeOut = last
        ? `\nLast probe (exit ${last.exitCode}): ${last.output.trim().split('\n').slice(-3).join(' | ') || 'no output'}`
        : '';
    // A wrong port found from /proc stays the first cause: the evidence cannot beat it.
    if (cause && d.ruleId !== health_diagnosis/* WRONG_PROBE_PORT */.Z1)
        return { ruleId: cause.ruleId, summary: cause.summary, text: cause.text + probeOut };
    const extra = (0,health_cause/* evidenceText */.rS)(ev);
    return extra ? { ...d, text: `${d.text}\nEvidence:\n${extra}` } : d;
}
/** For a healthy container whose probe can exit 0 on a failed request: did it hide one? */
async function hiddenFailure(containerId, pid, test) {
    const shape = (0,probe_shape/* probeShape */.el)(test);
    if (!shape.hidesFailure || !shape.loopback)
        return null;
    const ev = await gatherEvidence({ containerId, pid, test, request: true });
    const cause = (0,health_cause/* hiddenFailureCause */.k9)(ev);
    return cause && { ...cause, summary: maskEvidence(cause.summary), text: maskEvidence(cause.text) };
}

;// CONCATENATED MODULE: ./src/runtime/listening.ts
// Which TCP ports a running container listens on, read from the host's /proc (no tool in
// the image needed), with `cat` inside the image as the fallback.



/** null: neither the host's /proc nor `cat` in the image could show the sockets. */
async function listeningOf(id, pid) {
    if (pid > 0) {
        const [t4, t6] = await Promise.all([(0,container/* readHostProc */.HQ)(pid, 'net/tcp'), (0,container/* readHostProc */.HQ)(pid, 'net/tcp6')]);
        if (t4 !== null || t6 !== null)
            return (0,proc_net/* listeningPorts */.q5)(t4, t6);
    }
    // Fallback needs `cat` in the image.
    const [e4, e6] = await Promise.all([
        (0,container/* execIn */.Xm)(id, ['cat', '/proc/net/tcp']),
        (0,container/* execIn */.Xm)(id, ['cat', '/proc/net/tcp6']),
    ]);
    if (e4.exitCode !== 0 && e6.exitCode !== 0)
        return null;
    return (0,proc_net/* listeningPorts */.q5)(e4.exitCode === 0 ? e4.stdout : null, e6.exitCode === 0 ? e6.stdout : null);
}
/** A running container whose processes listen on no TCP port. */
async function listeningNowhere(id) {
    const s = await (0,inspect/* inspectContainer */.aH)(id);
    return s.running && ((await listeningOf(id, s.pid)) ?? [1]).length === 0;
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

// EXTERNAL MODULE: ./src/runtime/env-probe.ts
var env_probe = __webpack_require__(4080);
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
        const state = await (o.inspect ?? inspect/* inspectContainer */.aH)(o.containerId);
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
                ? (0,health_diagnosis/* classifyProbe */.FJ)(lastFailure.exitCode, lastFailure.output, o.health.test)
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
            const cls = (0,health_diagnosis/* classifyProbe */.FJ)(last.exitCode, last.output, o.health.test);
            // A missing binary never appears later: no need to wait for retries.
            if (cls.kind === 'not-found')
                return done('probe-missing');
            if (elapsed >= startPeriod) {
                const tail = log.slice(-certainAfter);
                const same = tail.length >= certainAfter &&
                    tail.every((e) => e.exitCode !== 0 && (0,health_diagnosis/* sameFailure */.d1)((0,health_diagnosis/* classifyProbe */.FJ)(e.exitCode, e.output, o.health.test), cls));
                if (same && (cls.kind === 'http-404' || cls.kind === 'http-405' || cls.kind === 'http-status')) {
                    // The app is up and answers the same thing every time; 502/503/504 are what an app
                    // (or its proxy) answers while it warms up: those wait for the image's own grace.
                    if (!(cls.kind === 'http-status' && (0,health_cause/* isTransientStatus */.Dm)(cls.status)))
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

;// CONCATENATED MODULE: ./src/runtime/session.ts







const session_NS = 1e9;
/** Our probe interval: the verdict comes ~1 s after the app is ready. */
const HEALTH_INTERVAL_SECONDS = 1;
/** A single probe may not hang longer than this (the image's timeout, capped). */
const MAX_PROBE_TIMEOUT_SECONDS = 10;
/** Without a HEALTHCHECK, let the entrypoint settle before looking at processes. */
const SETTLE_MS = 1000;
const session_sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/**
 * Starts one container from `info` and waits: until Docker's health verdict when the image
 * has a HEALTHCHECK (our 1 s interval, bounded by healthTimeoutSeconds), else 1 s. Never
 * throws for a container that fails to start: `error` says why. Safe to call concurrently
 * for several containers of one run (each gets its own events stream); every container is
 * added to `res` before this resolves, so the run's cleanup removes it.
 */
async function startAndWait(r) {
    const events = (0,inspect/* healthcheckOf */.w5)(r.info) ? watchRunEvents(r.runId, r.healthTimeoutSeconds + 60) : null;
    try {
        return await startAndWaitWith(r, events);
    }
    finally {
        events?.stop();
    }
}
async function startAndWaitWith(r, events) {
    const hc = (0,inspect/* healthcheckOf */.w5)(r.info);
    const imageTimeout = hc && hc.timeout > 0 ? hc.timeout / session_NS : 30;
    const run = await (0,container/* runContainer */.zR)({
        image: r.info.id,
        runId: r.runId,
        network: r.network,
        env: r.env,
        health: hc
            ? {
                intervalSeconds: HEALTH_INTERVAL_SECONDS,
                timeoutSeconds: Math.max(1, Math.min(imageTimeout, MAX_PROBE_TIMEOUT_SECONDS, r.healthTimeoutSeconds)),
            }
            : undefined,
        runArgs: [...r.runArgs, ...(r.extraRunArgs ?? [])],
    });
    if (run.id)
        r.res.addContainer(run.id);
    if (!run.id || run.error)
        r.res.markUnaccounted();
    if (!run.id || run.error)
        return {
            error: run.error || 'docker run printed no container id',
            id: '',
            wait: null,
            state: null,
            explainer: null,
        };
    const id = run.id;
    r.onStarted?.(id);
    let wait = null;
    const explainer = hc && r.explain ? new HealthExplainer(() => id, hc.test) : null;
    if (hc) {
        wait = await waitForHealth({
            onTrouble: r.onTrouble,
            signal: r.signal,
            explain: explainer ? (pid, cls) => explainer.explain(pid, cls) : undefined,
            containerId: id,
            health: hc,
            timeoutSeconds: r.healthTimeoutSeconds,
            probePort: r.probePort,
            listening: (pid) => listeningOf(id, pid),
            wait: events?.wait,
        });
    }
    else {
        await session_sleep(SETTLE_MS);
    }
    // The wait just polled the state; without a HEALTHCHECK look once now.
    const state = wait?.state ?? (await (0,inspect/* inspectContainer */.aH)(id));
    return { error: '', id, wait, state, explainer };
}
/**
 * The main container, started with the env overrides. Our sentinel values may be what breaks
 * the app (APP_ENV=hc-sentinel-… is not a valid environment). A plain container (no
 * overrides) starts beside the first one when it exits or fails twice in a row while
 * listening nowhere, so asking "was it our values?" never costs a second whole wait.
 */
async function startMain(r) {
    const { choice, onStarted, ...base } = r;
    const sentinelKeys = Object.keys(choice.overrides).filter((k) => k !== env_probe/* FALLBACK_KEY */.fY);
    const mayBreak = Boolean((0,inspect/* healthcheckOf */.w5)(r.info) && choice.derived && sentinelKeys.length > 0);
    const stopControl = new AbortController();
    let control = null;
    let controlId = '';
    let run = await startAndWait({
        ...base,
        env: choice.overrides,
        explain: true,
        onStarted,
        onTrouble: mayBreak
            ? () => void (control ??= startAndWait({
                ...base,
                env: {},
                signal: stopControl.signal,
                onStarted: (cid) => (controlId = cid),
            }))
            : undefined,
    }).catch(async (err) => {
        // the plain container must exist (and be tracked) before the caller's cleanup runs
        stopControl.abort();
        await control?.catch(() => null);
        throw err;
    });
    let sentinelBroke = false;
    const controlRun = control;
    if (controlRun && !run.error) {
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
    return { run, sentinelBroke, sentinelKeys, settled: controlRun ?? Promise.resolve() };
}

;// CONCATENATED MODULE: ./src/runtime/checks/healthy.ts




const round = (n) => Math.round(n * 100) / 100;
/** The container did not start at all (entrypoint missing, bad run-args). `why` is masked. */
function healthyNotStarted(hc, why, line) {
    if (!hc)
        return { check: { id: 'healthy', status: 'skip', detail: 'no HEALTHCHECK in the image' }, findings: [] };
    return {
        check: {
            id: 'healthy',
            status: 'fail',
            detail: `container did not start: ${why}`.slice(0, 300),
            diagnosis: why,
        },
        findings: [
            {
                ruleId: health_diagnosis/* EXITED_BEFORE_HEALTHY */.U$,
                severity: 'error',
                check: 'healthy',
                line,
                message: `The container did not start: ${why}`.slice(0, 400),
            },
        ],
    };
}
async function checkHealthy(e) {
    const { hc, wait, state } = e;
    const id = e.containerId;
    if (!hc || !wait) {
        return {
            check: {
                id: 'healthy',
                status: 'skip',
                detail: e.info.healthcheck ? 'HEALTHCHECK NONE: nothing to wait for' : 'no HEALTHCHECK in the image',
            },
            findings: [],
        };
    }
    if (wait.outcome === 'healthy') {
        const s = round(wait.secondsToHealthy ?? wait.seconds);
        // a probe that exits 0 whatever the app answers proves nothing
        const hidden = await hiddenFailure(id, state.pid, hc.test);
        if (hidden)
            return {
                check: { id: 'healthy', status: 'fail', seconds: s, detail: hidden.summary, diagnosis: hidden.text },
                findings: [
                    {
                        ruleId: hidden.ruleId,
                        severity: 'error',
                        check: 'healthy',
                        line: e.line,
                        message: hidden.summary,
                    },
                ],
            };
        return {
            check: {
                id: 'healthy',
                status: 'pass',
                seconds: s,
                detail: `healthy ${s} s after start (verdict at ${round(wait.seconds)} s, probe every ${HEALTH_INTERVAL_SECONDS} s)`,
            },
            findings: [],
        };
    }
    const exited = wait.outcome === 'exited';
    const listening = exited ? null : await listeningOf(id, state.pid);
    const logTail = exited ? e.mask((await e.logs).split('\n').slice(-15).join('\n')) : '';
    const last = wait.lastFailure ?? wait.log.at(-1) ?? null;
    const d = await failedVerdict({
        diagnosis: {
            outcome: wait.outcome,
            test: hc.test,
            lastProbe: last ? { exitCode: last.exitCode, output: e.mask(last.output) } : null,
            probePort: e.probePort,
            listening,
            container: { exitCode: wait.state.exitCode, oomKilled: wait.state.oomKilled, logTail },
            seconds: wait.seconds,
            timeoutSeconds: e.healthTimeoutSeconds,
        },
        containerId: id,
        pid: state.pid,
        classification: wait.classification,
        explainer: e.explainer,
    });
    return {
        check: {
            id: 'healthy',
            status: 'fail',
            seconds: round(wait.seconds),
            detail: d.summary,
            diagnosis: d.text,
        },
        findings: [
            {
                ruleId: d.ruleId,
                severity: 'error',
                check: 'healthy',
                line: e.line,
                message: `${d.summary}. ${d.text.split('\n')[0]}`,
            },
        ],
    };
}

// EXTERNAL MODULE: ./src/runtime/checks/no-secrets.ts + 1 modules
var no_secrets = __webpack_require__(7301);
// EXTERNAL MODULE: ./src/runtime/checks/non-root.ts + 1 modules
var non_root = __webpack_require__(6896);
// EXTERNAL MODULE: ./src/contracts.ts
var contracts = __webpack_require__(5344);
;// CONCATENATED MODULE: ./src/runtime/collector.ts



class Collector {
    opts;
    checks = new Map();
    findings = [];
    notes = [];
    /** Raw secret values to mask in every text that leaves the runtime. */
    secrets = [];
    /** The audit's facts, once the build no longer runs without them: they place every verdict. */
    facts = null;
    constructor(opts) {
        this.opts = opts;
    }
    mask(text) {
        return (0,detect/* redact */.E$)(text, this.secrets);
    }
    /** Records an outcome: its secrets first, so its own texts are masked too. */
    add(outcome) {
        this.secrets.push(...(outcome.secrets ?? []));
        this.set(outcome.check);
        for (const f of outcome.findings)
            this.find(f);
    }
    set(check) {
        const where = check.line === undefined ? this.placeCheck(check.id) : {};
        const line = check.line ?? where.line;
        const stage = line !== undefined && this.facts ? (0,contracts/* stageAt */.e)(this.facts.stages, line) : undefined;
        this.checks.set(check.id, {
            ...check,
            source: 'runtime',
            detail: this.mask(check.detail),
            diagnosis: check.diagnosis === undefined ? undefined : this.mask(check.diagnosis),
            ...where,
            ...(stage !== undefined ? { stage } : {}),
        });
    }
    find(f) {
        this.findings.push({
            ruleId: f.ruleId,
            severity: f.severity,
            file: this.opts.displayPath,
            line: f.line,
            message: this.mask(f.message),
            check: f.check,
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

;// CONCATENATED MODULE: ./src/runtime/context.ts
/** Calls every probe now, with the context; `outcomes()` waits for all of them. */
function launchAfterRun(probes, base) {
    let started = () => { };
    const mainStarted = new Promise((r) => (started = r));
    let mainReady = () => { };
    let release = () => { };
    const main = new Promise((r) => (mainReady = r));
    const checklistDone = new Promise((r) => (release = r));
    const reads = [];
    const mainReleased = (async () => {
        await checklistDone;
        // a read may be registered while earlier ones settle
        for (let seen = 0; seen < reads.length; seen = reads.length)
            await Promise.allSettled(reads.slice(seen));
    })();
    const readMain = (read) => {
        reads.push(read);
        return read;
    };
    const context = { ...base, mainStarted, main, mainReleased, readMain };
    const running = probes.map(async (p) => p(context));
    return {
        context,
        mainStarted: (id) => started(id ?? null),
        mainReady: (m) => {
            started(m?.id ?? null);
            mainReady(m);
        },
        release: () => release(),
        async outcomes() {
            started(null);
            mainReady(null);
            release();
            const settled = await Promise.allSettled(running);
            return {
                outcomes: settled.flatMap((s) => (s.status === 'fulfilled' ? s.value : [])),
                notes: settled.flatMap((s) => s.status === 'rejected'
                    ? [`after-run probe stopped: ${s.reason instanceof Error ? s.reason.message : String(s.reason)}`]
                    : []),
            };
        },
    };
}

;// CONCATENATED MODULE: ./src/docker/host-root.ts
// A running container's root filesystem as the host sees it (/proc/<pid>/root): walking its
// metadata takes ~0.1 s where `docker export` streams every byte of the image (1.5 s and more
// for a 180 MB Debian image, on the CPUs the app under test needs). Used only when it is
// sound: the engine runs on this machine (the pid's cgroup names the container), without a
// user namespace (owners as the image has them), nothing is mounted over the image's files (a
// VOLUME, a tmpfs, a bind), and we may read another user's process (root, or sudo without a
// password, as on GitHub-hosted runners). Otherwise the caller exports. GNU find walks the
// tree: it never follows a symlink and stays on the container's root filesystem (-xdev: not
// /proc, /dev, a tmpfs or a volume), so nothing outside the container is read whatever the
// image holds.


/** The argv prefix that may read any process's root: [] as root, sudo -n when that works, else null. */
let accessMemo = null;
function hostRootAccess() {
    accessMemo ??= (async () => {
        if (process.platform !== 'linux')
            return null;
        if (process.getuid?.() === 0)
            return [];
        const ok = await runOnHost(['sudo', '-n', 'true'], 5000).then((r) => r.code === 0, () => false);
        return ok ? ['sudo', '-n'] : null;
    })();
    return accessMemo;
}
/** True when /proc/<pid>/cgroup places the process in this container's cgroup. */
function cgroupNamesContainer(cgroup, containerId) {
    return /^[0-9a-f]{64}$/.test(containerId) && cgroup.includes(containerId);
}
/** True when the process's uids are the host's (no user namespace remapping them). */
function isIdentityUidMap(uidMap) {
    const lines = uidMap.trim().split('\n');
    return lines.length === 1 && lines[0].trim().split(/\s+/).join(' ') === '0 0 4294967295';
}
// What the engine mounts in every container; it hides nothing an image ships.
const ENGINE_MOUNTS = new Set(['/', '/etc/hosts', '/etc/hostname', '/etc/resolv.conf']);
const ENGINE_TREES = /^\/(proc|sys|dev)(\/|$)/;
/**
 * The mount points of /proc/<pid>/mountinfo that cover part of the image: a VOLUME, a tmpfs or
 * a bind from run-args. The image's files beneath one are only in an export.
 */
function mountsOverImage(mountinfo) {
    const out = [];
    for (const line of mountinfo.split('\n')) {
        const target = line.split(' ')[4];
        if (!target)
            continue;
        const path = target.replace(/\\([0-7]{3})/g, (_m, o) => String.fromCharCode(parseInt(o, 8)));
        if (!ENGINE_MOUNTS.has(path) && !ENGINE_TREES.test(path))
            out.push(path);
    }
    return out;
}
/** The find argv: one NUL-terminated record per entry, a full one for setuid/setgid regular files. */
function findArgs(pid) {
    return [
        'find',
        `/proc/${pid}/root/`,
        '-xdev',
        '-mindepth',
        '1',
        '(',
        '-type',
        'f',
        '-perm',
        '/6000',
        '-printf',
        'S %m %U %G %i %n %P\\0',
        ')',
        '-o',
        '-printf',
        'e\\0',
    ];
}
/** Reads find's output (see findArgs). Throws on a record it did not ask for. */
function parseFindOutput(out) {
    const special = [];
    let entries = 0;
    let start = 0;
    for (let i = out.indexOf(0, start); i !== -1; start = i + 1, i = out.indexOf(0, start)) {
        entries++;
        if (i - start === 1 && out[start] === 0x65 /* e */)
            continue;
        const rec = out.subarray(start, i).toString('utf8');
        const m = /^S ([0-7]+) (\d+) (\d+) (\d+) (\d+) (.+)$/s.exec(rec);
        if (!m)
            throw new Error(`unexpected find output: ${JSON.stringify(rec.slice(0, 80))}`);
        special.push({
            mode: parseInt(m[1], 8),
            uid: Number(m[2]),
            gid: Number(m[3]),
            inode: Number(m[4]),
            links: Number(m[5]),
            path: `/${m[6]}`,
        });
    }
    if (start !== out.length)
        throw new Error('find output ended mid-record');
    return { special, entries };
}
/** Whose process `pid` is here: this container's, another's (a remote engine, a reused pid), or none. */
async function pidOwner(pid, containerId) {
    const cgroup = await (0,promises_.readFile)(`/proc/${pid}/cgroup`, 'utf8').catch(() => null);
    if (cgroup === null)
        return 'gone';
    return cgroupNamesContainer(cgroup, containerId) ? 'container' : 'other';
}
/**
 * Walks the root of the container whose PID 1 is `pid` on the host. Resolves to the scan, or
 * to a refusal (why the host view is not sound or not allowed here) when the caller should
 * export instead. The container must stay up during the walk: a pid that stops naming the
 * container (it exited, the pid was reused) voids the scan.
 */
async function scanHostRoot(containerId, pid) {
    const access = await hostAccessTo(containerId, pid);
    if ('refused' in access)
        return access;
    const { prefix } = access;
    const uidMap = await (0,promises_.readFile)(`/proc/${pid}/uid_map`, 'utf8').catch(() => '');
    if (!isIdentityUidMap(uidMap))
        return { refused: 'the container runs in a user namespace' };
    const mountinfo = prefix.length === 0
        ? await (0,promises_.readFile)(`/proc/${pid}/mountinfo`, 'utf8').catch(() => '')
        : await runOnHost([...prefix, 'cat', `/proc/${pid}/mountinfo`], 10_000).then((r) => (r.code === 0 ? r.stdout.toString('utf8') : ''), () => '');
    if (!mountinfo)
        return { refused: "the container's mounts could not be read" };
    const covering = mountsOverImage(mountinfo);
    if (covering.length)
        return {
            refused: `${covering.slice(0, 3).join(', ')} ${covering.length === 1 ? 'is' : 'are'} mounted over the image`,
        };
    const t0 = Date.now();
    const out = await runFind([...prefix, ...findArgs(pid)]);
    if ('refused' in out)
        return out;
    if ((await pidOwner(pid, containerId)) !== 'container')
        return { refused: 'the container stopped during the walk' };
    let parsed;
    try {
        parsed = parseFindOutput(out.stdout);
    }
    catch (err) {
        return { refused: err instanceof Error ? err.message : String(err) };
    }
    const seconds = Math.round((Date.now() - t0) / 10) / 100;
    return { scan: { ...parsed, access: access.label, seconds } };
}
/**
 * May this process read the host's side of the running container whose PID 1 is `pid`? The
 * argv prefix to read with ([] as root, sudo -n) and its label, or why not.
 */
async function hostAccessTo(containerId, pid) {
    if (!(pid > 0))
        return { refused: 'the container is not running' };
    const prefix = await hostRootAccess();
    if (prefix === null)
        return { refused: 'no root access to read it (not root, no passwordless sudo)' };
    // no such pid here at all, or another process's: either way not this engine's container
    if ((await pidOwner(pid, containerId)) !== 'container')
        return { refused: 'the engine runs elsewhere (its pid is not this container here)' };
    return { prefix, label: prefix.length ? 'via sudo -n' : 'as root' };
}
/** A GNU find walk (argv with its access prefix): its output, or why it is not to be trusted. */
async function runFind(argv) {
    const out = await runOnHost(argv, 60_000).catch((err) => ({
        code: 127,
        stdout: Buffer.alloc(0),
        stderr: err instanceof Error ? err.message : String(err),
    }));
    // files removed while the walk ran (an app's temporary files) are not an error
    const otherErrors = out.stderr.split('\n').filter((l) => l.trim() && !/No such file or directory/.test(l));
    if (out.code !== 0 && (out.code !== 1 || otherErrors.length))
        return { refused: `find failed (${out.code}): ${otherErrors.at(-1)?.trim() ?? ''}`.trim() };
    return { stdout: out.stdout };
}
/** Runs a host command (with the access prefix); never rejects on a non-zero exit. */
function runOnHost(argv, timeoutMs) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), {
            stdio: ['ignore', 'pipe', 'pipe'],
            env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
        });
        const parts = [];
        let stderr = '';
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.stdout.on('data', (c) => parts.push(c));
        child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
        child.on('error', (err) => {
            clearTimeout(timer);
            reject(err);
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            // killed (the timeout): its output is cut, never a success
            resolve({
                code: code ?? 128,
                stdout: Buffer.concat(parts),
                stderr: signal ? `killed (${signal})` : stderr,
            });
        });
    });
}

;// CONCATENATED MODULE: ./src/docker/host-diff.ts

const isWhiteout = (s) => (s.mode & 0o170000) === 0o020000 && s.major === 0 && s.minor === 0;
const parentOf = (p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
/** find's records: "<type> <path relative to the upper directory>", NUL-terminated. */
function parseUpperListing(out) {
    const text = out.toString('utf8');
    if (text && !text.endsWith('\0'))
        throw new Error('find output ended mid-record');
    return text
        .split('\0')
        .filter(Boolean)
        .map((rec) => {
        if (rec[1] !== ' ' || rec.length < 3)
            throw new Error(`unexpected find output: ${JSON.stringify(rec.slice(0, 80))}`);
        return { type: rec[0], path: rec.slice(2) };
    });
}
/** stat's records (see statPaths): raw mode, device major and minor (hex), then the path. */
function parseStatListing(out) {
    const m = new Map();
    for (const rec of out.toString('utf8').split('\0')) {
        const r = /^([0-9a-f]+) ([0-9a-f]+) ([0-9a-f]+) (.+)$/s.exec(rec);
        if (r)
            m.set(r[4], { mode: parseInt(r[1], 16), major: parseInt(r[2], 16), minor: parseInt(r[3], 16) });
    }
    return m;
}
/** Which of `paths` exist (lstat), in as few `stat` calls as the argument list allows. */
async function statPaths(prefix, paths) {
    const found = new Map();
    for (let i = 0; i < paths.length;) {
        const chunk = [];
        for (let size = 0; i < paths.length && size < 100_000; i++) {
            chunk.push(paths[i]);
            size += paths[i].length + 1;
        }
        // exit 1 when some path is missing: those it found are still printed
        const r = await runOnHost([...prefix, 'stat', '--printf', '%f %t %T %n\\0', '--', ...chunk], 30_000);
        if (r.code > 1)
            throw new Error(`stat failed (${r.code}): ${r.stderr.trim().split('\n').at(-1) ?? ''}`);
        for (const [p, s] of parseStatListing(r.stdout))
            found.set(p, s);
    }
    return found;
}
/**
 * Classifies the upper directory's entries against the image's layers (topmost first): a path
 * the topmost layer that has it does not white out is changed, any other is added. Children of
 * an added directory are added without a look (so only the frontier is looked up).
 */
async function classifyUpper(listing, lower, upper, lookup) {
    const out = [];
    const added = new Set();
    const depth = (p) => p.split('/').length;
    const byDepth = [...listing].sort((a, b) => depth(a.path) - depth(b.path));
    // character devices in the upper directory: whiteouts unless the app made a device node
    const devices = byDepth.filter((e) => e.type === 'c');
    const devStat = devices.length ? await lookup(devices.map((e) => `${upper}/${e.path}`)) : new Map();
    for (let i = 0; i < byDepth.length;) {
        const d = depth(byDepth[i].path);
        const level = [];
        for (; i < byDepth.length && depth(byDepth[i].path) === d; i++)
            level.push(byDepth[i]);
        const unknown = [];
        for (const e of level) {
            const dev = devStat.get(`${upper}/${e.path}`);
            if (e.type === 'c' && dev && isWhiteout(dev))
                out.push({ kind: 'D', path: `/${e.path}` });
            else if (added.has(parentOf(e.path))) {
                added.add(e.path);
                out.push({ kind: 'A', path: `/${e.path}` });
            }
            else
                unknown.push(e.path);
        }
        if (!unknown.length)
            continue;
        const seen = await lookup(unknown.flatMap((p) => lower.map((l) => `${l}/${p}`)));
        for (const p of unknown) {
            const top = lower.map((l) => seen.get(`${l}/${p}`)).find((s) => s !== undefined);
            const inImage = top !== undefined && !isWhiteout(top);
            if (!inImage)
                added.add(p);
            out.push({ kind: inImage ? 'C' : 'A', path: `/${p}` });
        }
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
/**
 * The changes of the container whose PID 1 is `pid`, from its layers as inspected. Resolves to
 * the entries, or to why they are not read here (the caller runs `docker diff`).
 */
async function hostDiff(containerId, pid, layers) {
    if (!layers || layers.driver !== 'overlay2' || !layers.upper || !layers.lower.length)
        return { refused: `the storage driver is ${layers?.driver || 'unknown'}, not overlay2` };
    const { upper, lower } = layers;
    // the layer's path is the engine's: sound only when the engine runs here, as the pid proves
    const access = await hostAccessTo(containerId, pid);
    if ('refused' in access)
        return access;
    const found = await runFind([
        ...access.prefix,
        'find',
        `${upper}/`,
        '-mindepth',
        '1',
        '-printf',
        '%y %P\\0',
    ]);
    if ('refused' in found)
        return found;
    try {
        const entries = await classifyUpper(parseUpperListing(found.stdout), lower, upper, (paths) => statPaths(access.prefix, paths));
        return { entries, access: access.label };
    }
    catch (err) {
        return { refused: err instanceof Error ? err.message : String(err) };
    }
}

;// CONCATENATED MODULE: ./src/docker/diff.ts
// What a container added (A), changed (C) or deleted (D) against its image, as `docker diff`
// lists it: read from the container's layer on the host when that is sound (host-diff.ts),
// else asked of the engine.


/** `docker diff` output: "C /data", "A /data/out.txt", "D /etc/motd". */
function parseDiff(stdout) {
    const out = [];
    for (const line of stdout.split('\n')) {
        const m = /^([ACD]) (\/.*)$/.exec(line.trim());
        if (m)
            out.push({ kind: m[1], path: m[2] });
    }
    return out;
}
/**
 * The container's changes. `running` (its PID 1 and layers, from an inspect while it ran) lets
 * them be read on the host; the engine's `docker diff` is the fallback.
 */
async function containerChanges(id, running) {
    let refused = 'the container was not running';
    if (running) {
        const host = await hostDiff(id, running.pid, running.layers ?? null);
        if ('entries' in host)
            return {
                entries: host.entries,
                source: 'its layer, read on the host',
                how: `its layer read on the host (${host.access})`,
            };
        refused = host.refused;
    }
    const out = await (0,exec/* docker */.T3)(['diff', id]);
    return {
        entries: out.exitCode === 0 ? parseDiff(out.stdout) : null,
        source: 'docker diff',
        how: `docker diff (its layer was not read on the host: ${refused})`,
    };
}

// EXTERNAL MODULE: ./src/runtime/checks/read-only-rootfs.ts
var read_only_rootfs = __webpack_require__(2941);
// EXTERNAL MODULE: ./src/runtime/checks/restricted-profile.ts
var restricted_profile = __webpack_require__(5111);
;// CONCATENATED MODULE: ./src/docker/run-args.ts
// The user's `run-args` input, read as docker run reads it: one argument per element, a flag's
// value either after `=` or in the next element (or attached to a short flag, `-v/a:/b`).
// Checks that must know what the run-args grant or mount walk them here.
/** Short and alternative spellings, to the long name. */
const LONG = {
    '-a': '--attach',
    '-c': '--cpu-shares',
    '-e': '--env',
    '-h': '--hostname',
    '-l': '--label',
    '-m': '--memory',
    '-p': '--publish',
    '-u': '--user',
    '-v': '--volume',
    '-w': '--workdir',
    '--net': '--network',
};
/** Value-taking docker run flags, by every spelling, to their long name. */
const VALUE_FLAGS = Object.fromEntries(('-a --attach --add-host --blkio-weight -c --cpu-shares --cap-add --cap-drop --cgroupns --cgroup-parent ' +
    '--cidfile --cpu-period --cpu-quota --cpu-rt-period --cpu-rt-runtime --cpus --cpuset-cpus --cpuset-mems ' +
    '--device --device-cgroup-rule --device-read-bps --device-read-iops --device-write-bps --device-write-iops ' +
    '--dns --dns-option --dns-search --domainname -e --env --env-file --entrypoint --expose --gpus ' +
    '--group-add --health-cmd --health-interval --health-retries --health-start-period --health-timeout ' +
    '-h --hostname --ip --ip6 --ipc --isolation --kernel-memory -l --label --label-file --link --log-driver ' +
    '--log-opt --mac-address -m --memory --memory-reservation --memory-swap --memory-swappiness --mount ' +
    '--name --net --network --network-alias --oom-score-adj -p --publish --pid --pids-limit --platform ' +
    '--pull --restart --runtime --security-opt --shm-size --stop-signal --stop-timeout --storage-opt ' +
    '--sysctl --tmpfs -u --user --ulimit --userns --uts -v --volume --volume-driver --volumes-from -w --workdir')
    .split(' ')
    .map((f) => [f, LONG[f] ?? f]));
/** Every argument of `run-args`, each value-taking flag paired with its value. */
function parseRunArgs(runArgs) {
    const out = [];
    for (let i = 0; i < runArgs.length; i++) {
        const arg = runArgs[i].trim();
        const eq = arg.indexOf('=');
        if (arg.startsWith('-') && eq > 0) {
            const name = arg.slice(0, eq);
            out.push({ flag: VALUE_FLAGS[name] ?? name, value: arg.slice(eq + 1), raw: arg });
            continue;
        }
        if (/^-v[^=]/.test(arg)) {
            out.push({ flag: '--volume', value: arg.slice(2), raw: arg });
            continue;
        }
        const long = VALUE_FLAGS[arg];
        if (long !== undefined && i + 1 < runArgs.length) {
            const value = runArgs[++i].trim();
            out.push({ flag: long, value, raw: `${arg} ${value}` });
            continue;
        }
        out.push({ flag: arg, raw: arg });
    }
    return out;
}
/**
 * The container paths the run-args mount something writable on (`--tmpfs`, `--volume`,
 * `--mount`), in order; read-only mounts are left out.
 */
function mountTargets(runArgs) {
    const out = [];
    for (const a of parseRunArgs(runArgs)) {
        if (a.value === undefined)
            continue;
        if (a.flag === '--tmpfs')
            out.push(a.value.split(':')[0]);
        else if (a.flag === '--volume') {
            const parts = a.value.split(':');
            const target = parts.length === 1 ? parts[0] : parts[1];
            if (!(parts[2] ?? '').split(',').includes('ro'))
                out.push(target);
        }
        else if (a.flag === '--mount') {
            const kv = a.value.split(',').map((p) => p.split('='));
            const get = (...keys) => kv.find(([k]) => keys.includes(k.trim()))?.[1]?.trim();
            const readonly = kv.some(([k, v]) => ['readonly', 'ro'].includes(k.trim()) && v !== 'false');
            const target = get('target', 'destination', 'dst');
            if (target && !readonly)
                out.push(target);
        }
    }
    return out.filter((p) => p.startsWith('/'));
}

;// CONCATENATED MODULE: ./src/runtime/checks/restricted-run-args.ts
// The restricted-profile side container runs with the user's run-args first and the profile's
// settings after them. Flags that only add (capabilities, security options, mounts) cannot be
// taken back by later flags, so a run-arg like `--cap-add SYS_ADMIN` would let the container
// pass with what a pod under the restricted Pod Security Standard is refused. Such run-args
// make the check undecidable for this run instead of a pass it did not earn.

/** Capabilities the restricted profile lets a container add back. */
const ALLOWED_CAPS = new Set(['NET_BIND_SERVICE']);
/** The sysctls Kubernetes calls safe (allowed by the baseline and restricted profiles). */
const SAFE_SYSCTLS = new Set([
    'kernel.shm_rmid_forced',
    'net.ipv4.ip_local_port_range',
    'net.ipv4.ip_unprivileged_port_start',
    'net.ipv4.tcp_syncookies',
    'net.ipv4.ping_group_range',
    'net.ipv4.ip_local_reserved_ports',
    'net.ipv4.tcp_keepalive_time',
    'net.ipv4.tcp_fin_timeout',
    'net.ipv4.tcp_keepalive_intvl',
    'net.ipv4.tcp_keepalive_probes',
]);
function forbids(flag, value) {
    const v = value.trim();
    switch (flag) {
        case '--cap-add':
            return v
                .split(',')
                .map((c) => c.trim().toUpperCase().replace(/^CAP_/, ''))
                .some((c) => c !== '' && !ALLOWED_CAPS.has(c));
        case '--security-opt':
            return /^(seccomp|apparmor|systempaths)[=:]unconfined$|^no-new-privileges[=:]false$|^label[=:]disable$/i.test(v);
        case '--pid':
        case '--ipc':
        case '--network':
            return v === 'host';
        case '--volume':
            // a host path (bind mount) is a hostPath volume; a named volume is not
            return /^[/.~]/.test(v);
        case '--mount':
            return /(^|,)type=bind(,|$)/.test(v);
        case '--sysctl':
            return !SAFE_SYSCTLS.has(v.split('=')[0].trim());
        case '--device':
            return true;
        default:
            return false;
    }
}
/**
 * The user's run-args a pod under the restricted profile could not have, as written (each
 * flag with its value), in order. `--privileged` counts unless set to false.
 */
function forbiddenRunArgs(runArgs) {
    return parseRunArgs(runArgs)
        .filter((a) => a.flag === '--privileged'
        ? a.value === undefined || !/^false$/i.test(a.value)
        : a.value !== undefined && forbids(a.flag, a.value))
        .map((a) => a.raw);
}

// EXTERNAL MODULE: ./src/runtime/checks/setuid-files.ts
var setuid_files = __webpack_require__(6626);
;// CONCATENATED MODULE: ./src/docker/export.ts
// The image's filesystem as the host sees it: a created (never started) container of the
// image, streamed out with `docker export`. Nothing inside the image runs, so this works on
// scratch and distroless images. The stream is handed on chunk by chunk, never buffered.



/** `docker create` argv for a container that only exists to be exported. */
function exportContainerArgs(image, runId) {
    return [
        'create',
        '--label',
        `${labels/* RUN_LABEL */.j}=${runId}`,
        '--network',
        'none',
        // an image without CMD (FROM scratch) cannot be created without a command; it never starts
        '--entrypoint',
        '/harden-check-export-only',
        image,
    ];
}
/** Creates the container; returns its id, or the engine's error. */
async function createForExport(image, runId) {
    const out = await (0,exec/* docker */.T3)(exportContainerArgs(image, runId));
    const id = out.stdout.trim().split('\n').pop()?.trim() ?? '';
    if (out.exitCode === 0 && /^[0-9a-f]{12,64}$/.test(id))
        return { id, error: '' };
    return { id: null, error: (out.stderr || out.stdout).trim() };
}
/**
 * `docker export <id>`: every stdout chunk goes to onChunk as it arrives. A throwing
 * onChunk (a malformed archive) stops the export and rejects with that error.
 */
function streamExport(id, onChunk, timeoutMs = 120_000) {
    return streamDocker(['export', id], onChunk, timeoutMs);
}
/**
 * `docker cp <id>:<path> -`: the one file (or tree) at `path` inside the container, as a tar
 * stream. The engine resolves `path` inside the container's root, symlinks included.
 */
function streamCopyOut(id, path, onChunk, timeoutMs = 30_000) {
    return streamDocker(['cp', `${id}:${path}`, '-'], onChunk, timeoutMs);
}
function streamDocker(args, onChunk, timeoutMs) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)((0,exec/* dockerBin */.k8)(), args, { env: (0,exec/* dockerEnv */.gT)(), stdio: ['ignore', 'pipe', 'pipe'] });
        let bytes = 0;
        let stderr = '';
        let failure = null;
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
        }, timeoutMs);
        child.stdout.on('data', (chunk) => {
            if (failure)
                return;
            bytes += chunk.length;
            try {
                onChunk(chunk);
            }
            catch (err) {
                failure = err;
                child.kill('SIGKILL');
            }
        });
        child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
        child.on('error', (err) => {
            clearTimeout(timer);
            reject(err);
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            if (failure)
                reject(failure instanceof Error ? failure : new Error(String(failure)));
            else
                resolve({ exitCode: timedOut ? 124 : (code ?? 1), stderr: stderr.trim(), bytes, timedOut });
        });
    });
}

// EXTERNAL MODULE: ./src/runtime/tar-headers.ts
var tar_headers = __webpack_require__(8604);
;// CONCATENATED MODULE: ./src/runtime/image-fs.ts
// One read of the image's filesystem for the deploy checks: the setuid/setgid files, and
// /etc/passwd and /etc/group, which resolve a named USER to the uid Kubernetes would have to
// be given. Two ways, same facts: the running main container's root walked on the host
// (metadata only, ~0.1 s) when that is sound here, else `docker export` of a created container
// read as it streams (every byte of the image; works against any engine).




const ACCOUNT_FILES = new Set(['/etc/passwd', '/etc/group']);
const seconds = (t0) => Math.round((Date.now() - t0) / 10) / 100;
/**
 * Throws with a one-line reason when neither way can read the filesystem (the container cannot
 * be created or exported, the archive is malformed).
 */
async function readImageFs(r) {
    let refused = '';
    if (r.running) {
        const { id, pid } = r.running;
        const accounts = () => Promise.all([copyOutText(id, '/etc/passwd'), copyOutText(id, '/etc/group')]);
        const early = r.needAccounts ? accounts() : null;
        void early?.then(([passwd, group]) => {
            if (passwd !== null && group !== null)
                r.onAccounts?.({ passwd, group });
        });
        const walk = await scanHostRoot(id, pid);
        if ('scan' in walk) {
            // each `docker cp` costs the engine ~0.1 s: only when a name is wanted
            const [passwd, group] = await (early ?? (walk.scan.special.length ? accounts() : [null, null]));
            const special = linked(walk.scan.special).map((f) => ({
                ...f,
                uname: nameOf(passwd, f.uid),
                gname: nameOf(group, f.gid),
            }));
            const s = walk.scan.seconds;
            return {
                special,
                entries: walk.scan.entries,
                seconds: s,
                how: `the running container's root walked on the host ${walk.scan.access}: ${walk.scan.entries} entries in ${s} s`,
                passwd,
                group,
            };
        }
        refused = walk.refused;
    }
    const fs = await exportImageFs(r);
    if (refused)
        fs.how += `; not walked on the host: ${refused}`;
    return fs;
}
/** Hard links of one inode: the first path found stands for the file, the others link to it. */
function linked(entries) {
    const first = new Map();
    return entries.map((e) => {
        const to = e.links > 1 ? first.get(e.inode) : undefined;
        if (e.links > 1 && to === undefined)
            first.set(e.inode, e.path);
        return { path: e.path, mode: e.mode, uid: e.uid, gid: e.gid, ...(to ? { linkTo: to } : {}) };
    });
}
/** A small text file of the container, through the engine (symlinks resolved inside the container); null when absent. */
async function copyOutText(id, path) {
    let data = null;
    const scanner = new tar_headers/* TarScanner */.eB({
        onEntry: () => { },
        capture: () => data === null,
        onCaptured: (_p, b) => (data ??= b),
    });
    const out = await streamCopyOut(id, path, (c) => scanner.push(c)).catch(() => null);
    if (!out || out.exitCode !== 0)
        return null;
    scanner.end();
    return data === null ? null : data.toString('utf8');
}
async function exportImageFs(r) {
    const t0 = Date.now();
    const created = await createForExport(r.image, r.runId);
    if (!created.id)
        throw new Error(`docker create (for export) failed: ${created.error.split('\n').at(-1)}`);
    r.track(created.id);
    const special = [];
    const scanner = new tar_headers/* TarScanner */.eB({
        onEntry: (e) => {
            if ((0,setuid_files/* isSpecial */.mg)(e))
                special.push((0,setuid_files/* specialFile */.Am)(e));
        },
        capture: (p) => ACCOUNT_FILES.has(p),
        onCaptured: () => {
            const passwd = scanner.captured.get('/etc/passwd');
            const group = scanner.captured.get('/etc/group');
            if (passwd && group)
                r.onAccounts?.({ passwd: passwd.toString('utf8'), group: group.toString('utf8') });
        },
    });
    const out = await streamExport(created.id, (chunk) => scanner.push(chunk));
    if (out.exitCode !== 0)
        throw new Error(out.timedOut ? 'docker export timed out' : `docker export failed: ${out.stderr.split('\n').at(-1)}`);
    scanner.end();
    const text = (p) => scanner.captured.get(p)?.toString('utf8') ?? null;
    const passwd = text('/etc/passwd');
    const group = text('/etc/group');
    // Some engines write numeric owners only (Docker 26's export): name them from the image's own files.
    for (const f of special) {
        f.uname ||= nameOf(passwd, f.uid);
        f.gname ||= nameOf(group, f.gid);
    }
    const s = seconds(t0);
    return {
        special,
        entries: scanner.entries,
        seconds: s,
        how: `docker export: ${scanner.entries} entries, ${(out.bytes / 1e6).toFixed(1)} MB read in ${s} s`,
        passwd,
        group,
    };
}
/** The name /etc/passwd or /etc/group gives an id, '' when none. */
function nameOf(file, id) {
    for (const line of file?.split('\n') ?? []) {
        const f = line.split(':');
        if (f.length >= 3 && f[2] === String(id) && f[0])
            return f[0];
    }
    return '';
}

;// CONCATENATED MODULE: ./src/runtime/deploy-probes.ts
// The deploy checks' probe (setuid-files, read-only-rootfs, restricted-profile): called before
// the main container starts, so the read of the image's filesystem and a side container run
// while the main container becomes healthy. The verdicts come once the main container's own
// outcome is known (the side container is compared with it).










const settle = (p) => p.then((value) => ({ ok: true, value }), (err) => ({ ok: false, error: err instanceof Error ? err.message : String(err) }));
const outcome = (check) => ({ check, findings: [] });
const deploy_probes_round = (n) => Math.round(n * 100) / 100;
/** Side containers get this long after the main container's verdict (at least): a passing app is as fast in both. */
const SIDE_GRACE_MS = 5000;
async function sideResult(s, t0) {
    if (s.error || !s.state) {
        return {
            outcome: 'not-started',
            seconds: deploy_probes_round((Date.now() - t0) / 1000),
            error: s.error.split('\n').slice(-2).join(' '),
            logs: '',
        };
    }
    const w = s.wait;
    const outcome = w
        ? w.outcome === 'healthy'
            ? 'healthy'
            : w.outcome === 'exited'
                ? 'exited'
                : 'unhealthy'
        : s.state.running
            ? 'running'
            : 'exited';
    const ok = outcome === 'healthy' || outcome === 'running';
    return {
        outcome,
        seconds: deploy_probes_round(w ? (w.secondsToHealthy ?? w.seconds) : (Date.now() - t0) / 1000),
        ...(outcome === 'exited' ? { exitCode: s.state.exitCode } : {}),
        logs: ok ? '' : await (0,container/* logs */.K9)(s.id, 50),
    };
}
const passed = (r, hasHealthcheck) => r.outcome === 'healthy' || (r.outcome === 'running' && !hasHealthcheck);
function mainOk(m) {
    return m !== null && (m.wait ? m.wait.outcome === 'healthy' : m.state.running);
}
/**
 * One side container carries both the read-only root and the restricted profile: an image that
 * passes both (the common case once hardened) costs one extra container, not two. Only when it
 * fails do the two run apart, after the main verdict, to say which setting broke the app.
 */
async function deployProbe(ctx) {
    const { info, opts, facts } = ctx;
    const hc = (0,inspect/* healthcheckOf */.w5)(info);
    const hasHc = hc !== null;
    const stageLine = facts.stage?.line ?? 1;
    const userLine = facts.user?.line ?? stageLine;
    // what this probe creates is removed by the run's cleanup, in the one `docker rm` of every
    // container (removing them here, before the verdicts return, held the run up ~0.15 s)
    const track = (id) => ctx.res.addContainer(id);
    // The operator's own overrides (valid values) or none: our sentinel values could break the app.
    const side = (args, signal) => settle(ctx.mainStarted.then(async () => {
        const t0 = Date.now();
        const s = await ctx.startSide(args, opts.envOverrides, signal);
        return sideResult(s, t0);
    }));
    const stop = new AbortController();
    // after the main container's docker run: created beside it, each would start slower
    let accountsSeen = () => { };
    const accountsP = new Promise((r) => (accountsSeen = r));
    // a named USER's side container waits for the image's account files; a numeric one needs none
    const namedUser = (0,restricted_profile/* restrictedUser */.VD)(info.user, null, null).kind === 'unresolved';
    // The main container's root is walked on the host as it starts (~0.1 s, done long before its
    // wait ends: graceful-stop never waits for it); the export when that is not sound here.
    const fsP = settle(ctx.mainStarted.then((mainId) => {
        const read = (async () => {
            const pid = mainId
                ? await (0,inspect/* inspectContainer */.aH)(mainId).then((s) => (s.running ? s.pid : 0), () => 0)
                : 0;
            return readImageFs({
                image: info.id,
                runId: opts.runId,
                track,
                onAccounts: accountsSeen,
                running: mainId && pid > 0 ? { id: mainId, pid } : null,
                needAccounts: namedUser,
            });
        })();
        // graceful-stop must not stop the main container under the walk
        void ctx.readMain(read.catch(() => null));
        return read;
    }));
    // without both files streamed by, whatever the whole read found (a later call is ignored)
    void fsP.then((fs) => accountsSeen(fs.ok ? fs.value : { passwd: null, group: null }));
    // a numeric (or root) USER needs nothing from the filesystem: start at once; a named one as
    // soon as /etc/passwd and /etc/group have streamed by, not after the whole export
    const userP = (async () => {
        const direct = (0,restricted_profile/* restrictedUser */.VD)(info.user, null, null);
        if (direct.kind !== 'unresolved')
            return direct;
        const { passwd, group } = await accountsP;
        return (0,restricted_profile/* restrictedUser */.VD)(info.user, passwd, group);
    })();
    // run-args that grant what the profile forbids would make a restricted run prove nothing
    const forbidden = forbiddenRunArgs(opts.runArgs ?? []);
    const runnable = (u) => (u.kind === 'numeric' || u.kind === 'named') && forbidden.length === 0;
    // root or an unresolved name: no restricted run, the side container is only read-only
    const firstP = userP.then((u) => side(runnable(u) ? [...read_only_rootfs/* READ_ONLY_ARGS */.K, ...(0,restricted_profile/* restrictedArgs */.zp)(u)] : read_only_rootfs/* READ_ONLY_ARGS */.K, stop.signal));
    const main = await ctx.main;
    const ok = mainOk(main);
    const grace = (c) => setTimeout(() => c.abort(), Math.max(SIDE_GRACE_MS, (main?.wait?.seconds ?? 1) * 1000)).unref();
    if (!ok)
        stop.abort();
    else
        grace(stop);
    // what the app wrote, read from its layer on the host (where `docker diff` would hold the
    // container's lock, and so the stop, for a walk of the whole image); the layer outlives the
    // stop, so the stop does not wait for this read
    const diffP = ok ? containerChanges(main.id, main.state) : Promise.resolve(null);
    // read the running main container; graceful-stop waits for these reads before it stops it
    const hcPort = facts.healthcheck?.port ?? (hc ? (0,health_diagnosis/* probePort */.Kd)(hc.test) : null);
    const portsP = ok
        ? ctx.readMain(listeningOf(main.id, main.state.pid).catch(() => null))
        : Promise.resolve(null);
    const [fs, first, user, diff, listening] = await Promise.all([fsP, firstP, userP, diffP, portsP]);
    const ports = [
        ...new Set([
            ...facts.appPorts,
            ...info.exposedPorts,
            ...(hcPort !== null ? [hcPort] : []),
            ...(listening ?? []),
        ]),
    ];
    const combined = runnable(user);
    // the combined run failed: each setting alone, side by side, to name the culprit
    let ro = first;
    let restricted = combined ? first : null;
    if (ok && combined && first.ok && !passed(first.value, hasHc)) {
        const apart = new AbortController();
        grace(apart);
        [ro, restricted] = await Promise.all([
            side(read_only_rootfs/* READ_ONLY_ARGS */.K, apart.signal),
            side((0,restricted_profile/* restrictedArgs */.zp)(user), apart.signal),
        ]);
    }
    const together = combined && ro === first;
    const skip = (id) => outcome({
        id,
        status: 'skip',
        detail: `the main container ${main === null
            ? 'did not start'
            : main.wait
                ? 'did not become healthy'
                : `exited (code ${main.state.exitCode})`}: nothing to compare with`,
    });
    const failedRun = (id, r) => outcome({ id, status: 'error', detail: ctx.mask(r && !r.ok ? r.error : 'not run').slice(0, 300) });
    const results = [];
    results.push(fs.ok
        ? (0,setuid_files/* setuidOutcome */.Vy)(fs.value, stageLine)
        : outcome({
            id: 'setuid-files',
            status: 'error',
            detail: `the image's filesystem could not be read: ${fs.error}`.slice(0, 300),
        }));
    if (!ok)
        results.push(skip('read-only-rootfs'));
    else if (!ro.ok)
        results.push(failedRun('read-only-rootfs', ro));
    else {
        const o = (0,read_only_rootfs/* readOnlyOutcome */.HX)({ ...ro.value, hasHealthcheck: hasHc, mainDiff: diff?.entries ?? null, mainDiffSource: diff?.source }, stageLine);
        if (together)
            o.check.detail += " (together with the restricted profile's settings)";
        results.push(o);
    }
    if (forbidden.length && (user.kind === 'numeric' || user.kind === 'named'))
        results.push(outcome({
            id: 'restricted-profile',
            status: 'skip',
            detail: ctx
                .mask(`not tried: run-args grant what the restricted profile forbids (${forbidden.join(', ')}), and later flags cannot take that back`)
                .slice(0, 300),
            diagnosis: ctx.mask(`A pod with these settings is refused under the restricted Pod Security Standard: ${forbidden.join(', ')}. Run without them (they apply to every container of this run) to prove the image under the profile.`),
        }));
    else if (!combined)
        results.push((0,restricted_profile/* restrictedOutcome */.q8)({ user, hasHealthcheck: hasHc, ports: [] }, userLine));
    else if (!ok)
        results.push(skip('restricted-profile'));
    else if (!restricted?.ok)
        results.push(failedRun('restricted-profile', restricted));
    else {
        const o = (0,restricted_profile/* restrictedOutcome */.q8)({ user, run: restricted.value, hasHealthcheck: hasHc, ports }, userLine);
        if (together)
            o.check.detail += ' (and a read-only root)';
        results.push(o);
    }
    for (const r of results) {
        if (r.check.id === 'restricted-profile')
            r.check.line ??= userLine;
        // the container's own output: never shown unmasked
        if (r.check.diagnosis)
            r.check.diagnosis = ctx.mask(r.check.diagnosis);
    }
    return results;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/runtime/kubernetes-snippet.ts
// The verified Kubernetes snippet: the pod settings this run PROVED the image works with, and
// nothing else. Every field is tied to a check that passed (or a value observed in the running
// container); a check that was skipped, failed or is absent leaves its fields out. Pure.







/** A volume name for a mount path: a DNS label, unique among `taken`. */
function volumeName(path, taken) {
    const base = path
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 50) || 'root';
    let name = base;
    for (let i = 2; taken.has(name); i++)
        name = `${base}-${i}`;
    taken.add(name);
    return name;
}
/** 127.0.0.0/8, ::1 and IPv4-mapped loopback: not reachable at the pod's IP. */
const isLoopback = (address) => /^127\.|^::1$|^::ffff:127\./i.test(address);
const kubernetes_snippet_NS = 1e9;
/** Docker's defaults for a HEALTHCHECK option left at 0. */
const DEFAULT_INTERVAL_S = 30;
const DEFAULT_TIMEOUT_S = 30;
const kubernetes_snippet_DEFAULT_RETRIES = 3;
/** A stop measured on an idle container: leave room for in-flight work, never below this. */
const MIN_GRACE_SECONDS = 5;
/** The YAML snippet, or null when the run proved nothing a pod spec can carry. */
function kubernetesSnippet(run) {
    const passed = (id) => run.checks.find((c) => c.id === id && c.status === 'pass');
    const healthy = passed('healthy');
    const stop = passed('graceful-stop');
    // The main container ran with no-new-privileges until the probes were done.
    const ran = Boolean(healthy || stop);
    const why = [];
    const sc = {};
    const nonRoot = passed('non-root');
    if (nonRoot && nonRoot.source !== 'static') {
        sc.runAsNonRoot = true;
        why.push('runAsNonRoot: every process ran as a non-root uid');
        if (run.uid !== null && run.uid > 0) {
            sc.runAsUser = run.uid;
            if (run.gid !== null)
                sc.runAsGroup = run.gid;
            why.push(`runAsUser${run.gid !== null ? '/runAsGroup' : ''}: the numeric ids observed`);
        }
    }
    if (ran) {
        sc.allowPrivilegeEscalation = false;
        why.push('allowPrivilegeEscalation: false: it ran with no-new-privileges');
    }
    const readOnly = passed('read-only-rootfs');
    if (readOnly) {
        sc.readOnlyRootFilesystem = true;
        why.push('readOnlyRootFilesystem: it ran with a read-only root (read-only-rootfs passed)');
    }
    if (passed('restricted-profile')) {
        sc.capabilities = { drop: ['ALL'] };
        sc.seccompProfile = { type: 'RuntimeDefault' };
        why.push('capabilities/seccompProfile: it ran with --cap-drop ALL and default seccomp (restricted-profile passed)');
    }
    const container = { name: 'app' };
    if (Object.keys(sc).length > 0)
        container.securityContext = sc;
    if (healthy && run.healthcheck) {
        const probe = probeFrom(run.healthcheck, run.sockets);
        container.livenessProbe = probe;
        container.readinessProbe = probe;
        why.push(`probes: the HEALTHCHECK reached healthy, with its interval, timeout and retries${'httpGet' in probe
            ? ` (httpGet: the app listens on port ${probe.httpGet.port} beyond the loopback)`
            : ''}`);
    }
    const spec = {};
    const writable = [...new Set(run.writablePaths)];
    if (readOnly && writable.length > 0) {
        const taken = new Set();
        const mounts = writable.map((mountPath) => ({ name: volumeName(mountPath, taken), mountPath }));
        container.volumeMounts = mounts;
        spec.volumes = mounts.map((m) => ({ name: m.name, emptyDir: {} }));
        why.push(`volumes: the read-only run had ${writable.join(', ')} writable (emptyDir here; a volume where the data must last)`);
    }
    if (stop?.seconds !== undefined) {
        const grace = Math.min(Math.ceil(run.stopBoundSeconds), Math.max(MIN_GRACE_SECONDS, Math.ceil(stop.seconds * 2)));
        spec.terminationGracePeriodSeconds = grace;
        why.push(`terminationGracePeriodSeconds: it stopped by itself in ${stop.seconds} s`);
    }
    if (Object.keys(container).length === 1 && Object.keys(spec).length === 0)
        return null;
    spec.containers = [container];
    const header = ['# Verified by harden-check: only what this run proved.', ...why.map((w) => `#   ${w}`)];
    return `${header.join('\n')}\n${(0,dist/* stringify */.As)({ spec }, { lineWidth: 0 })}`.trimEnd();
}
/**
 * An httpGet probe for an HTTP request to the container itself on a port the app binds beyond
 * the loopback (kubelet connects to the pod's IP); the HEALTHCHECK's own command (exec) otherwise.
 */
function probeFrom(hc, sockets) {
    const shape = (0,probe_shape/* probeShape */.el)(hc.test);
    const url = shape.url;
    const reachable = url !== null && (sockets ?? []).some((s) => s.port === url.port && !isLoopback(s.address));
    const action = shape.url && shape.loopback && shape.tool !== 'other' && reachable
        ? {
            httpGet: {
                path: shape.url.path,
                port: shape.url.port,
                ...(shape.url.scheme === 'https' ? { scheme: 'HTTPS' } : {}),
            },
        }
        : {
            exec: {
                command: hc.test[0] === 'CMD-SHELL' ? ['/bin/sh', '-c', (0,health_diagnosis/* probeCommand */.CL)(hc.test)] : hc.test.slice(1),
            },
        };
    const seconds = (ns, fallback) => (ns > 0 ? Math.max(1, Math.round(ns / kubernetes_snippet_NS)) : fallback);
    return {
        ...action,
        periodSeconds: seconds(hc.interval, DEFAULT_INTERVAL_S),
        timeoutSeconds: seconds(hc.timeout, DEFAULT_TIMEOUT_S),
        failureThreshold: hc.retries > 0 ? hc.retries : kubernetes_snippet_DEFAULT_RETRIES,
    };
}
/**
 * The snippet of a finished run: its checks, the image's HEALTHCHECK, PID 1's ids as the
 * graceful-stop probe read them before the stop. Undefined when nothing was proven.
 */
function snippetOfRun(checks, info, stopTimeoutSeconds, outcomes, runArgs) {
    const stop = outcomes.find((o) => o.check.id === 'graceful-stop');
    return (kubernetesSnippet({
        checks: [...checks],
        uid: stop?.pid1Ids?.uid ?? null,
        gid: stop?.pid1Ids?.gid ?? null,
        sockets: stop?.sockets ?? null,
        writablePaths: [...read_only_rootfs/* READ_ONLY_WRITABLE */.f1, ...mountTargets(runArgs)],
        healthcheck: (0,inspect/* healthcheckOf */.w5)(info),
        stopBoundSeconds: stopTimeoutSeconds ?? contracts/* DEFAULT_STOP_TIMEOUT_SECONDS */.x,
    }) ?? undefined);
}

;// CONCATENATED MODULE: ./src/runtime/verify.ts
// The runtime half: build (or take) the image, inspect it, run ONE sandboxed container,
// and answer the five checklist questions from evidence the engine and the host's /proc
// give us (no tool inside the image is needed). Each question is one module under
// checks/; this file only orders them. Never throws: a failed build or an engine error
// becomes checks with status 'error' and a reason. Everything created is removed in
// `finally`, and is labelled so post() can remove it when this step is killed.























/**
 * Deploy checks run beside the checklist: each is called before the main container starts
 * (it may start side containers concurrently) and decides once the main one is observed.
 */
const AFTER_RUN_PROBES = [graceful_stop/* gracefulStopProbe */.K_, deployProbe];
/** Is the image (a reference or id) in the engine? */
async function imageExists(ref) {
    return (await (0,inspect/* inspectImage */.mm)(ref)) !== null;
}
const verify_round = (n) => Math.round(n * 100) / 100;
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
            result.timings.build = verify_round(b.seconds);
            result.buildLogTail = c.mask(b.logTail);
            if (!b.ok) {
                res.markUnaccounted();
                result.buildFailed = true;
                const failure = (0,build_failure/* buildFailure */.H)(b);
                c.find(failure.finding);
                c.fillErrors(failure.reason);
                return result;
            }
            ref = b.imageId;
            tag = b.tag;
        }
        // With buildx on the containerd image store the iidfile may hold a digest the
        // engine lists under another id: the run's own tag finds the same image.
        // history alongside inspect (independent reads of the same image)
        const early = imageHistory(ref).catch(() => null);
        const info = (await (0,inspect/* inspectImage */.mm)(ref)) ?? (tag ? await (0,inspect/* inspectImage */.mm)(tag) : null);
        if (!info) {
            c.fillErrors(`image ${ref} not found in the Docker engine${opts.image ? ' (pull or build it before this step)' : ''}`);
            return result;
        }
        result.imageId = info.id;
        c.add((0,no_secrets/* checkNoSecrets */.B)(info, (await early) ?? (await imageHistory(info.id)), opts.facts));
        c.add(checkHealthcheckDefined(info));
        if (!opts.run) {
            c.add(userFromConfig(c, opts, info, 'run: false'));
            c.set({ id: 'healthy', status: 'skip', detail: 'not run (run: false)' });
            c.set({ id: 'env-override', status: 'skip', detail: 'not run (run: false)' });
            return result;
        }
        await runAndObserve(c, opts, info, res, result, host);
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
        result.timings.verify = verify_round((Date.now() - t0) / 1000 - (result.timings.build ?? 0));
        c.fillErrors('could not be decided');
        // The five checklist items always; a deploy check only when a probe decided it.
        result.checks = types/* ALL_CHECK_IDS */.aV.flatMap((id) => c.checks.get(id) ?? []);
        result.findings = c.findings;
        if (result.healthLog)
            result.healthLog = c.mask(result.healthLog);
    }
    return result;
}
/** non-root when no process can be observed: the image's Config.User decides, and the detail says why. */
function userFromConfig(c, opts, info, why) {
    return (0,non_root/* checkNonRoot */.SN)({
        processes: null,
        unobservedReason: why,
        configUser: info.user,
        facts: opts.facts,
        stageLine: c.stageLine(),
    });
}
/** Runs the main container (and the after-run probes beside it) and decides non-root, env-override and healthy. */
async function runAndObserve(c, opts, info, res, result, host) {
    const hc = (0,inspect/* healthcheckOf */.w5)(info);
    const hcLine = opts.facts.healthcheck?.line ?? c.stageLine();
    const port = opts.facts.healthcheck?.port ?? (hc ? (0,health_diagnosis/* probePort */.Kd)(hc.test) : null);
    const appPorts = [
        ...new Set([...opts.facts.appPorts, ...info.exposedPorts, ...(port !== null ? [port] : [])]),
    ];
    const choice = (0,env_probe/* chooseOverrides */.J8)({
        given: opts.envOverrides,
        facts: opts.facts,
        imageEnv: info.env,
        healthTest: hc?.test ?? null,
        ports: appPorts,
    });
    for (const [k, v] of Object.entries(choice.overrides))
        if ((0,detect/* secretNameMatch */.Jv)(k))
            c.secrets.push(v);
    const start = {
        info,
        runId: opts.runId,
        network: opts.network,
        runArgs: opts.runArgs,
        healthTimeoutSeconds: opts.healthTimeoutSeconds,
        probePort: port,
        res,
    };
    const after = launchAfterRun(AFTER_RUN_PROBES, {
        opts,
        info,
        facts: opts.facts,
        res,
        host,
        mask: (text) => c.mask(text),
        startSide: (extraRunArgs, env = {}, signal) => startAndWait({ ...start, env, extraRunArgs, signal }),
    });
    try {
        const tHealth = Date.now();
        const session = await startMain({ ...start, choice, onStarted: (id) => after.mainStarted(id) });
        const { run } = session;
        if (run.error || !run.state) {
            // The container could not even start (entrypoint missing, bad run-args).
            const why = c.mask(run.error);
            const user = userFromConfig(c, opts, info, 'the container did not start');
            // No HC901 here: the finding is given only where the run could have observed a root process.
            c.add({ ...user, findings: [] });
            c.add(healthyNotStarted(hc, why, hcLine));
            c.set({ id: 'env-override', status: 'error', detail: `container did not start: ${why}`.slice(0, 300) });
            return;
        }
        const { id, wait, state } = run;
        after.mainReady({ id, state, wait });
        const healthSeconds = verify_round((Date.now() - tHealth) / 1000);
        // Read the logs while the other probes run (each docker call costs ~30 ms).
        const logsP = (0,container/* logs */.K9)(id, 50);
        const tUser = Date.now();
        const procs = state.running ? await (0,container/* top */.Mn)(id).catch(() => null) : null;
        const user = (0,non_root/* checkNonRoot */.SN)({
            processes: procs,
            unobservedReason: state.running
                ? 'docker top failed'
                : `the container exited (code ${state.exitCode}) before its processes could be observed`,
            configUser: info.user,
            facts: opts.facts,
            stageLine: c.stageLine(),
        });
        c.add({ ...user, check: { ...user.check, seconds: verify_round((Date.now() - tUser) / 1000) } });
        const tEnv = Date.now();
        const env = session.sentinelBroke
            ? (0,env_override/* sentinelRefused */.hp)(session.sentinelKeys)
            : await (0,env_override/* checkEnvOverride */.eR)({
                choice,
                containerId: id,
                state,
                procs,
                facts: opts.facts,
                stageLine: c.stageLine(),
            });
        c.add({ ...env, check: { ...env.check, seconds: verify_round((Date.now() - tEnv) / 1000) } });
        c.add(await checkHealthy({
            info,
            hc,
            containerId: id,
            state,
            wait,
            explainer: run.explainer,
            probePort: port,
            healthTimeoutSeconds: opts.healthTimeoutSeconds,
            logs: logsP,
            mask: (text) => c.mask(text),
            line: hcLine,
        }));
        if (wait) {
            result.healthLog = wait.log
                .slice(-20)
                .map((e) => `[exit ${e.exitCode}] ${e.output.trim().split('\n').slice(-3).join(' | ')}`)
                .join('\n');
        }
        c.notes.push(`health wait ${healthSeconds} s`);
        after.release();
        // The plain container must be known before cleanup (it stops within a poll once aborted).
        await session.settled;
        // The container's own output, for the job log (untrusted: no workflow commands).
        const out = await logsP;
        if (out)
            await host.group('Container logs (last 50 lines)', async () => echoUntrusted(host, out, c.secrets));
    }
    finally {
        // Every probe's containers are tracked before the caller's cleanup runs.
        const done = await after.outcomes();
        for (const o of done.outcomes)
            c.add(o);
        for (const n of done.notes)
            c.notes.push(c.mask(n));
        result.kubernetes = snippetOfRun(c.checks.values(), info, opts.stopTimeoutSeconds, done.outcomes, opts.runArgs ?? []);
    }
}


/***/ })

};
