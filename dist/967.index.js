export const id = 967;
export const ids = [967];
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

/***/ 4892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aH: () => (/* binding */ inspectContainer),
/* harmony export */   mm: () => (/* binding */ inspectImage),
/* harmony export */   w5: () => (/* binding */ healthcheckOf)
/* harmony export */ });
/* unused harmony exports parseImageInspect, parseContainerInspect */
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9655);
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
        stopSignal: c.StopSignal ? String(c.StopSignal) : null,
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
        layers: toLayers(c?.GraphDriver),
    };
}
function toLayers(g) {
    if (!g || typeof g.Name !== 'string')
        return null;
    const d = g.Data ?? {};
    return {
        driver: g.Name,
        upper: typeof d.UpperDir === 'string' && d.UpperDir ? d.UpperDir : null,
        lower: typeof d.LowerDir === 'string' && d.LowerDir ? d.LowerDir.split(':') : [],
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
    const out = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .docker */ .T3)(['image', 'inspect', '--format', '{{json .}}', ref]);
    if (out.exitCode !== 0)
        return null;
    return parseImageInspect(out.stdout);
}
async function inspectContainer(id) {
    const args = ['container', 'inspect', '--format', '{{json .}}', id];
    const out = await (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .docker */ .T3)(args);
    if (out.exitCode !== 0)
        throw new _exec_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerError */ .Bi(args, out);
    return parseContainerInspect(out.stdout);
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

/***/ 1419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qh: () => (/* binding */ IGNORES_STOP_SIGNAL),
  K_: () => (/* binding */ gracefulStopProbe)
});

// UNUSED EXPORTS: checkGracefulStop

// EXTERNAL MODULE: ./src/contracts.ts
var contracts = __webpack_require__(5344);
// EXTERNAL MODULE: ./src/docker/exec.ts
var exec = __webpack_require__(9655);
// EXTERNAL MODULE: ./src/docker/container.ts
var container = __webpack_require__(8607);
// EXTERNAL MODULE: ./src/docker/inspect.ts
var inspect = __webpack_require__(4892);
// EXTERNAL MODULE: ./src/runtime/proc-net.ts
var proc_net = __webpack_require__(6256);
;// CONCATENATED MODULE: ./src/runtime/stop-diagnosis.ts
/** The signal numbers `docker stop` and STOPSIGNAL are written with (Linux, x86 and arm). */
const SIGNALS = {
    HUP: 1,
    INT: 2,
    QUIT: 3,
    KILL: 9,
    USR1: 10,
    USR2: 12,
    TERM: 15,
    WINCH: 28,
    PWR: 30,
};
/** `SIGTERM`, `TERM`, `15` → 15; null for a name this table does not know. */
function signalNumber(signal) {
    const s = signal.trim().toUpperCase();
    if (/^\d+$/.test(s))
        return Number(s);
    const m = /^(?:SIG)?(RTMIN\+\d+|[A-Z0-9]+)$/.exec(s);
    return m ? (SIGNALS[m[1]] ?? null) : null;
}
/** `SIGTERM` for `TERM`, `15` or empty (Docker's default). */
function signalName(signal) {
    const s = (signal ?? '').trim().toUpperCase();
    if (s === '')
        return 'SIGTERM';
    if (/^\d+$/.test(s)) {
        const name = Object.entries(SIGNALS).find(([, n]) => n === Number(s))?.[0];
        return name ? `SIG${name}` : `signal ${s}`;
    }
    return s.startsWith('SIG') ? s : `SIG${s}`;
}
/**
 * Does a process catch this signal? From the `SigCgt:` mask of /proc/<pid>/status (bit n-1 for
 * signal n); null when the status or the signal is unknown.
 */
function catchesSignal(status, signal) {
    if (status === null || signal === null)
        return null;
    const m = /^SigCgt:\s*([0-9a-f]+)\s*$/im.exec(status);
    if (!m)
        return null;
    return ((BigInt(`0x${m[1]}`) >> BigInt(signal - 1)) & 1n) === 1n;
}
/** The real uid and gid of a process, from the `Uid:` and `Gid:` lines of /proc/<pid>/status. */
function processIds(status) {
    const id = (key) => {
        const m = status ? new RegExp(`^${key}:\\s*(\\d+)`, 'm').exec(status) : null;
        return m ? Number(m[1]) : null;
    };
    return { uid: id('Uid'), gid: id('Gid') };
}
/** The argv of /proc/<pid>/cmdline (NUL-separated). */
function parseCmdline(raw) {
    if (raw === null)
        return null;
    const argv = raw.split('\0');
    if (argv.at(-1) === '')
        argv.pop();
    return argv.length > 0 ? argv : null;
}
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
const INITS = new Set(['tini', 'dumb-init', 'docker-init', 'catatonit', 's6-svscan', 'init']);
const base = (p) => p.split('/').pop() ?? p;
const at = (c) => c ? (c.endLine > c.line ? { line: c.line, endLine: c.endLine } : { line: c.line }) : {};
/** The command that starts PID 1: the ENTRYPOINT when there is one, else the CMD. */
function startLine(facts) {
    return facts?.entrypoint ?? facts?.cmd ?? null;
}
/** The cause of a container that was SIGKILLed at the end of its grace period. */
function diagnoseKilledStop(e) {
    const sig = e.signal;
    const facts = e.facts;
    const shellForm = [facts?.entrypoint, facts?.cmd].find((c) => c && !c.execForm) ?? null;
    if (signalNumber(sig) === 9) {
        return {
            cause: `STOPSIGNAL ${sig} kills the app without a chance to shut down`,
            fix: 'Remove STOPSIGNAL (SIGTERM is the default) or set one the app handles.',
            ...(facts?.stopSignal ? { line: facts.stopSignal.line } : {}),
        };
    }
    const argv = e.pid1;
    const cmd = argv ? argv.join(' ') : null;
    const shown = cmd ? `\`${cmd.length > 80 ? cmd.slice(0, 80) + '…' : cmd}\`` : null;
    const prog = argv ? base(argv[0]) : null;
    if (prog && SHELLS.has(prog) && argv.includes('-c')) {
        return {
            cause: `PID 1 is a shell (${shown}): a shell-form ${shellForm === facts?.entrypoint && shellForm ? 'ENTRYPOINT' : 'CMD'} runs the app as a child of \`sh -c\`, and the shell does not pass ${sig} on`,
            fix: `Write the command in exec form (e.g. CMD ["app", "--flag"]) or start it with \`exec\` (CMD exec app --flag), so the app is PID 1 and receives ${sig}.`,
            ...at(shellForm ?? startLine(facts)),
        };
    }
    if (prog && SHELLS.has(prog)) {
        return {
            cause: `PID 1 is a shell running a script (${shown}) that starts the app without \`exec\`: the shell waits for its child and does not pass ${sig} on`,
            fix: 'End the wrapper script with `exec "$@"` (or `exec app …`), so the app replaces the shell as PID 1.',
            ...at(startLine(facts)),
        };
    }
    if (prog && INITS.has(prog)) {
        return {
            cause: `PID 1 is an init (${shown}) that passed ${sig} on, but the app did not exit within ${e.boundSeconds} s`,
            fix: `Handle ${sig} in the app (close listeners, finish in-flight work, exit), or set a STOPSIGNAL it handles.`,
            ...at(startLine(facts)),
        };
    }
    if (e.pid1Catches === false) {
        return {
            cause: `PID 1 (${shown ?? 'the app'}) has no ${sig} handler, and the kernel never applies a signal's default action to PID 1 of a namespace: only SIGKILL stops it`,
            fix: `Handle ${sig} in the app, or run it under an init that turns the signal into an exit (docker run --init, ENTRYPOINT ["tini", "--", …]), or set a STOPSIGNAL it handles.`,
            ...at(startLine(facts)),
        };
    }
    if (e.pid1Catches === true) {
        return {
            cause: `PID 1 (${shown ?? 'the app'}) handles ${sig} but did not exit within ${e.boundSeconds} s`,
            fix: `Make the shutdown finish sooner than the grace period (stop accepting, drain, exit), or raise stop-timeout and terminationGracePeriodSeconds to what it needs.`,
            ...at(startLine(facts)),
        };
    }
    return {
        cause: `the container did not exit within ${e.boundSeconds} s of ${sig}${shown ? ` (PID 1: ${shown})` : ''}`,
        fix: 'Make the app PID 1 (exec-form CMD/ENTRYPOINT, `exec "$@"` in wrapper scripts) and handle the signal, or run it under an init (docker run --init, tini).',
        ...at(startLine(facts)),
    };
}
/** Was the container SIGKILLed at the end of its grace period (rather than exiting by itself)? */
function killedAtBound(o) {
    // 137 = 128 + SIGKILL; a stop that returns well before the bound was the app's own exit.
    return o.exitCode === 137 && !o.oomKilled && o.seconds >= o.boundSeconds * 0.9;
}

;// CONCATENATED MODULE: ./src/runtime/checks/graceful-stop.ts






/** The finding of a container SIGKILLed at the end of its grace period. */
const IGNORES_STOP_SIGNAL = 'HC913';
const round = (n) => Math.round(n * 100) / 100;
/**
 * The after-run probe: waits until the checklist no longer reads the main container, then
 * stops it (the cleanup removes it afterwards). Skipped when the main container did not start.
 */
const gracefulStopProbe = async (ctx) => {
    const main = await ctx.main;
    if (!main)
        return [outcome({ status: 'skip', detail: 'the container did not start' })];
    await ctx.mainReleased;
    return [
        await checkGracefulStop({
            containerId: main.id,
            boundSeconds: ctx.opts.stopTimeoutSeconds ?? contracts/* DEFAULT_STOP_TIMEOUT_SECONDS */.x,
            stopSignal: ctx.info.stopSignal,
            facts: ctx.facts,
        }),
    ];
};
async function checkGracefulStop(req) {
    const bound = Math.max(1, Math.ceil(req.boundSeconds));
    const signal = signalName(req.stopSignal);
    const before = await (0,inspect/* inspectContainer */.aH)(req.containerId).catch(() => null);
    if (!before)
        return outcome({ status: 'error', detail: 'the container could not be inspected before the stop' });
    if (!before.running) {
        return outcome({
            status: 'skip',
            detail: `the container had already exited (code ${before.exitCode}) before it could be stopped`,
        });
    }
    // Who PID 1 is, read before the stop: afterwards there is nothing left to ask.
    const [cmdline, status, tcp4, tcp6] = await Promise.all([
        (0,container/* readHostProc */.HQ)(before.pid, 'cmdline'),
        (0,container/* readHostProc */.HQ)(before.pid, 'status'),
        (0,container/* readHostProc */.HQ)(before.pid, 'net/tcp'),
        (0,container/* readHostProc */.HQ)(before.pid, 'net/tcp6'),
    ]);
    const sockets = tcp4 === null && tcp6 === null ? null : (0,proc_net/* listeningSockets */.OC)(tcp4, tcp6);
    const pid1 = parseCmdline(cmdline) ?? (await pid1FromTop(req.containerId, before.pid));
    const pid1Ids = processIds(status);
    const pid1Catches = catchesSignal(status, signalNumber(signal));
    const diagnose = () => diagnoseKilledStop({ pid1, pid1Catches, signal, boundSeconds: bound, facts: req.facts.process });
    if (pid1Catches === false && signalNumber(signal) !== 9) {
        // The kernel never applies a signal's default action to PID 1 of a namespace: without a
        // handler the stop signal is dropped and only the SIGKILL at the end of the grace period
        // ends it. Decided from PID 1's signal mask instead of waiting the whole bound (the
        // cleanup removes the container).
        const d = diagnose();
        return killed(req, d, {
            seconds: bound,
            detail: `would be SIGKILLed ${bound} s after ${signal} (bound ${bound} s; PID 1's signal mask shows no ${signal} handler, so the stop was not waited for): ${d.cause}`,
            pid1Ids,
            sockets,
        });
    }
    const t0 = Date.now();
    const stop = await (0,exec/* docker */.T3)(['stop', '-t', String(bound), req.containerId], {
        timeoutMs: (bound + 30) * 1000,
    });
    const wall = (Date.now() - t0) / 1000;
    const after = stop.exitCode === 0 ? await (0,inspect/* inspectContainer */.aH)(req.containerId).catch(() => null) : null;
    if (!after || after.running) {
        const why = stop.stderr.trim().split('\n')[0] || 'the container still runs';
        return outcome({ status: 'error', detail: `docker stop failed: ${why}`.slice(0, 300) });
    }
    const seconds = round(stopSeconds(after, t0, wall));
    const measured = `exited with code ${after.exitCode} ${seconds} s after ${signal} (bound ${bound} s)`;
    if (after.oomKilled) {
        return outcome({
            status: 'error',
            seconds,
            detail: `the container was OOM-killed while stopping: ${measured}`,
        });
    }
    const wasKilled = killedAtBound({ seconds, exitCode: after.exitCode, oomKilled: after.oomKilled, boundSeconds: bound }) ||
        signalNumber(signal) === 9;
    if (!wasKilled)
        return {
            ...outcome({ status: 'pass', seconds, detail: `stopped by itself: ${measured}`, ...graceful_stop_at(req) }),
            pid1Ids,
            sockets,
        };
    const d = diagnose();
    return killed(req, d, {
        seconds,
        detail: `SIGKILLed ${seconds} s after ${signal} (exit ${after.exitCode}, bound ${bound} s): ${d.cause}`,
        pid1Ids,
        sockets,
    });
}
/** The failed check and its HC913 finding, at the line the cause points to. */
function killed(req, d, how) {
    const signal = signalName(req.stopSignal);
    const bound = Math.max(1, Math.ceil(req.boundSeconds));
    const where = d.line !== undefined ? { line: d.line, ...(d.endLine ? { endLine: d.endLine } : {}) } : graceful_stop_at(req);
    return {
        check: {
            id: 'graceful-stop',
            status: 'fail',
            seconds: how.seconds,
            detail: how.detail.slice(0, 500),
            diagnosis: `${d.cause}. ${d.fix} A rollout waits the whole grace period for every such pod (Kubernetes: terminationGracePeriodSeconds, 30 s by default), and the app never gets to close connections or finish its work.`,
            ...where,
        },
        findings: [
            {
                ruleId: IGNORES_STOP_SIGNAL,
                severity: 'error',
                line: where.line ?? 1,
                ...(where.endLine ? { endLine: where.endLine } : {}),
                message: `The container ignores ${signal} and is killed after ${bound} s: ${d.cause}. ${d.fix}`.slice(0, 600),
                check: 'graceful-stop',
            },
        ],
        pid1Ids: how.pid1Ids,
        sockets: how.sockets,
    };
}
function outcome(check) {
    return { check: { id: 'graceful-stop', ...check }, findings: [] };
}
/** The ENTRYPOINT (else CMD) line: what starts PID 1, where a stop verdict points. */
function graceful_stop_at(req) {
    const c = req.facts.process?.entrypoint ?? req.facts.process?.cmd ?? req.facts.stage;
    if (!c)
        return {};
    return c.endLine > c.line ? { line: c.line, endLine: c.endLine } : { line: c.line };
}
/** The engine's exit time when it is plausible, else the wall time of `docker stop`. */
function stopSeconds(state, t0, wall) {
    const finished = Date.parse(state.finishedAt);
    const s = (finished - t0) / 1000;
    return Number.isFinite(s) && s >= 0 && s <= wall ? s : wall;
}
/** PID 1's command line from `docker top` when the host's /proc is not readable. */
async function pid1FromTop(id, pid) {
    const out = await (0,exec/* dockerOk */.XE)(['top', id, '-o', 'pid,args']).catch(() => '');
    const line = out
        .split('\n')
        .slice(1)
        .map((l) => l.trim())
        .find((l) => l.split(/\s+/)[0] === String(pid));
    return line ? line.split(/\s+/).slice(1) : null;
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

/***/ 2941:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bx: () => (/* binding */ READ_ONLY_ROOT_FAILS),
/* harmony export */   HX: () => (/* binding */ readOnlyOutcome),
/* harmony export */   K: () => (/* binding */ READ_ONLY_ARGS),
/* harmony export */   f1: () => (/* binding */ READ_ONLY_WRITABLE)
/* harmony export */ });
/* unused harmony exports dirname, writtenDirs, erofsLines */
/** The finding of a failed read-only-rootfs check. */
const READ_ONLY_ROOT_FAILS = 'HC914';
/** The flags of the side container (after the main container's own env and run args). */
/** What the read-only run still has writable (the Kubernetes snippet mounts a volume there). */
const READ_ONLY_WRITABLE = ['/tmp'];
const READ_ONLY_ARGS = ['--read-only', ...READ_ONLY_WRITABLE.flatMap((p) => ['--tmpfs', p])];
const under = (path, dir) => path === dir || path.startsWith(dir === '/' ? '/' : `${dir}/`);
/** Writable anyway in the side container (tmpfs), or not the app's doing. */
function ignored(path) {
    return under(path, '/tmp') || path === '/';
}
function dirname(path) {
    const i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
}
/**
 * The directories to make writable: for every added or changed file, the deepest directory
 * of the image that holds it (a directory created at run time is covered by its parent).
 */
function writtenDirs(diff) {
    const paths = new Set(diff.map((d) => d.path));
    const isDir = (p) => [...paths].some((q) => q !== p && q.startsWith(`${p}/`));
    const added = new Set(diff.filter((d) => d.kind === 'A').map((d) => d.path));
    const dirs = new Set();
    for (const d of diff) {
        if (d.kind === 'D' || ignored(d.path))
            continue;
        if (d.kind === 'C' && isDir(d.path))
            continue;
        // climb out of what the run itself created, to a directory the image has
        let dir = dirname(d.path);
        while (added.has(dir))
            dir = dirname(dir);
        if (!ignored(dir))
            dirs.add(dir);
    }
    return [...dirs].sort();
}
/** Lines that say a write hit the read-only root, and the absolute path each names (if any). */
function erofsLines(logs) {
    return logs
        .split('\n')
        .filter((l) => /read-only file system|\bEROFS\b/i.test(l))
        .map((l) => {
        const line = l.trim().slice(0, 300);
        const quoted = /['"`](\/[^'"`]*)['"`]/.exec(line);
        const bare = /(?:^|[\s(=:])(\/[\w.@+\-/]+)/.exec(line);
        return { line, path: quoted?.[1] ?? bare?.[1] ?? null };
    });
}
function mountAdvice(dirs) {
    const list = dirs.join(', ');
    const first = dirs[0];
    return `Make ${dirs.length === 1 ? 'that directory' : 'those directories'} (${list}) writable without a writable root: declare \`VOLUME ${first}\` in the Dockerfile or mount a tmpfs/volume at run time (\`docker run --read-only --tmpfs ${first}\`), and in Kubernetes mount an emptyDir there (volumeMounts: - mountPath: ${first}). Or point the app's writes at /tmp.`;
}
function readOnlyOutcome(e, line) {
    const ok = e.outcome === 'healthy' || (e.outcome === 'running' && !e.hasHealthcheck);
    const flags = READ_ONLY_ARGS.join(' ');
    const written = e.mainDiff ? writtenDirs(e.mainDiff) : [];
    if (ok) {
        const how = e.outcome === 'healthy' ? `healthy ${e.seconds} s after start` : `still running after ${e.seconds} s`;
        return {
            check: {
                id: 'read-only-rootfs',
                status: 'pass',
                seconds: e.seconds,
                detail: `${how} with ${flags}`,
                ...(written.length
                    ? {
                        diagnosis: `The main container wrote to ${written.join(', ')}; with a read-only root those writes fail, and the app still became ${e.outcome === 'healthy' ? 'healthy' : 'ready'}. If they matter (caches, uploads), ${mountAdvice(written).replace(/^M/, 'm')}`,
                    }
                    : {}),
            },
            findings: [],
        };
    }
    const rofs = erofsLines(e.logs);
    const fromLogs = [...new Set(rofs.map((r) => r.path).filter((p) => p !== null))];
    // a path the app failed to write: its directory is what needs to be writable
    const dirs = [
        ...new Set([...fromLogs.map((p) => (written.includes(p) ? p : dirname(p))), ...written]),
    ].filter((d) => !ignored(d));
    const what = e.outcome === 'not-started'
        ? `did not start: ${e.error ?? ''}`.trim()
        : e.outcome === 'exited'
            ? `exited (code ${e.exitCode ?? '?'}) after ${e.seconds} s`
            : `did not become healthy within ${e.seconds} s`;
    const where = fromLogs.length
        ? `it tried to write ${fromLogs.join(', ')}`
        : written.length
            ? `the main container writes to ${written.join(', ')}`
            : '';
    const summary = `with ${flags} the container ${what}${where ? `: ${where}` : ''}`;
    const evidence = [
        rofs.length
            ? `Its log says:\n${rofs
                .slice(0, 5)
                .map((r) => `  ${r.line}`)
                .join('\n')}`
            : 'Its log has no "Read-only file system" line.',
        e.mainDiff === null
            ? "The main container's changes (docker diff) could not be read."
            : written.length
                ? `The main container (writable root, same image and settings) added or changed files in: ${written.join(', ')} (${e.mainDiffSource ?? 'docker diff'}).`
                : `The main container (writable root) changed nothing outside /tmp (${e.mainDiffSource ?? 'docker diff'}).`,
    ];
    const advice = dirs.length
        ? mountAdvice(dirs)
        : 'Nothing names the path: run the image with `docker run --read-only --tmpfs /tmp` and read its output.';
    return {
        check: {
            id: 'read-only-rootfs',
            status: 'fail',
            seconds: e.seconds,
            detail: summary.slice(0, 300),
            diagnosis: [
                `A side container of the same image with the same run arguments (and env-overrides), plus ${flags} (Kubernetes readOnlyRootFilesystem: true), ${what}, while the main container became healthy.`,
                ...evidence,
                advice,
            ].join('\n'),
        },
        findings: [
            {
                ruleId: READ_ONLY_ROOT_FAILS,
                severity: 'error',
                check: 'read-only-rootfs',
                line,
                message: `The container does not run with a read-only root filesystem (${summary}). ${advice}`.slice(0, 600),
            },
        ],
    };
}


/***/ }),

/***/ 5111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VD: () => (/* binding */ restrictedUser),
/* harmony export */   aC: () => (/* binding */ RESTRICTED_PROFILE_FAILS),
/* harmony export */   q8: () => (/* binding */ restrictedOutcome),
/* harmony export */   zp: () => (/* binding */ restrictedArgs)
/* harmony export */ });
/* unused harmony exports PRIVILEGED_PORT_SYSCTL, permissionLines */
/** The finding of a failed restricted-profile check. */
const RESTRICTED_PROFILE_FAILS = 'HC915';
const PRIVILEGED_PORT_SYSCTL = 'net.ipv4.ip_unprivileged_port_start=1024';
function lookup(file, name) {
    if (!file)
        return null;
    for (const line of file.split('\n')) {
        const f = line.split(':');
        if (f[0] === name && f.length >= 3 && /^\d+$/.test(f[2]))
            return { id: Number(f[2]), gid: f.length >= 4 && /^\d+$/.test(f[3]) ? Number(f[3]) : null };
    }
    return null;
}
/**
 * `USER` as the image config holds it ("", "1000", "1000:1000", "app", "app:staff"), resolved
 * with the image's own /etc/passwd and /etc/group (read from its exported filesystem).
 */
function restrictedUser(configUser, passwd, group) {
    const [u, g] = configUser.trim().split(':', 2);
    if (u === '' || u === '0' || u === 'root')
        return { kind: 'root', user: configUser.trim() || '(none)' };
    let gid = null;
    if (g !== undefined && g !== '') {
        if (/^\d+$/.test(g))
            gid = Number(g);
        else {
            const found = lookup(group, g);
            if (!found)
                return { kind: 'unresolved', name: configUser, reason: `group "${g}" is not in /etc/group` };
            gid = found.id;
        }
    }
    if (/^\d+$/.test(u))
        return { kind: 'numeric', uid: Number(u), gid };
    const found = lookup(passwd, u);
    if (!found)
        return {
            kind: 'unresolved',
            name: configUser,
            reason: passwd === null ? 'the image has no /etc/passwd' : `user "${u}" is not in /etc/passwd`,
        };
    if (found.id === 0)
        return { kind: 'root', user: configUser };
    return { kind: 'named', name: u, uid: found.id, gid: gid ?? found.gid };
}
/** The side container's flags (after the main container's env and run args, so these win). */
function restrictedArgs(user) {
    return [
        '--user',
        user.gid === null ? String(user.uid) : `${user.uid}:${user.gid}`,
        '--cap-drop',
        'ALL',
        '--security-opt',
        'no-new-privileges',
        '--sysctl',
        PRIVILEGED_PORT_SYSCTL,
    ];
}
const PERMISSION = /operation not permitted|\bEPERM\b|permission denied|\bEACCES\b|cannot set (uid|gid|groups)|setgroups|setuid|setgid|capabilit/i;
function permissionLines(logs) {
    return logs
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => PERMISSION.test(l))
        .map((l) => l.slice(0, 300));
}
const userText = (uid, gid) => gid === null ? `uid ${uid}` : `uid ${uid}, gid ${gid}`;
function restrictedOutcome(e, line) {
    const fail = (detail, diagnosis, message) => ({
        check: {
            id: 'restricted-profile',
            status: 'fail',
            detail,
            diagnosis,
            ...(e.run ? { seconds: e.run.seconds } : {}),
        },
        findings: [
            { ruleId: RESTRICTED_PROFILE_FAILS, severity: 'error', check: 'restricted-profile', line, message },
        ],
    });
    const u = e.user;
    if (u.kind === 'root') {
        return fail(`runs as root (USER ${u.user}): restricted requires runAsNonRoot`, `The image's user is root (USER ${u.user}). The restricted profile requires runAsNonRoot: true, and kubelet refuses to start a container whose user is 0 (CreateContainerConfigError). Add \`USER <uid>:<gid>\` (numeric, e.g. 10001:10001) as the last USER of the final stage.`, `The image runs as root (USER ${u.user}), which Kubernetes' restricted profile forbids (runAsNonRoot). Add a numeric USER, e.g. \`USER 10001:10001\`.`);
    }
    if (u.kind === 'unresolved') {
        return {
            check: {
                id: 'restricted-profile',
                status: 'error',
                detail: `USER ${u.name}: no uid to run with (${u.reason})`,
                diagnosis: `USER ${u.name} is a name that could not be resolved to a numeric uid (${u.reason}). Kubernetes' runAsNonRoot cannot verify a name either: use a numeric USER.`,
            },
            findings: [],
        };
    }
    const r = e.run;
    const as = userText(u.uid, u.gid);
    const flags = `${as}, --cap-drop ALL, no-new-privileges, default seccomp`;
    const namedNote = u.kind === 'named'
        ? `USER ${u.name} is a name: kubelet cannot verify runAsNonRoot for a name and refuses the container ("image has non-numeric user"), unless the pod sets runAsUser: ${u.uid}. Prefer \`USER ${u.uid}${u.gid === null ? '' : `:${u.gid}`}\` in the Dockerfile.`
        : '';
    const ok = r.outcome === 'healthy' || (r.outcome === 'running' && !e.hasHealthcheck);
    if (ok) {
        const how = r.outcome === 'healthy' ? `healthy ${r.seconds} s after start` : `still running after ${r.seconds} s`;
        return {
            check: {
                id: 'restricted-profile',
                status: 'pass',
                seconds: r.seconds,
                detail: `${how} as ${flags}${u.kind === 'named' ? ` (USER ${u.name}: set runAsUser: ${u.uid})` : ''}`,
                ...(namedNote ? { diagnosis: namedNote } : {}),
            },
            findings: namedNote
                ? [
                    {
                        ruleId: RESTRICTED_PROFILE_FAILS,
                        severity: 'note',
                        check: 'restricted-profile',
                        line,
                        message: `Runs under the restricted profile only with runAsUser: ${u.uid} in the pod: ${namedNote}`,
                    },
                ]
                : [],
        };
    }
    const what = r.outcome === 'not-started'
        ? `did not start: ${r.error ?? ''}`.trim()
        : r.outcome === 'exited'
            ? `exited (code ${r.exitCode ?? '?'}) after ${r.seconds} s`
            : `did not become healthy within ${r.seconds} s`;
    const low = [...new Set(e.ports)].filter((p) => p > 0 && p < 1024).sort((a, b) => a - b);
    const perm = permissionLines(r.logs);
    const causes = [];
    let cause = '';
    if (low.length) {
        cause = `port ${low.join(', ')} is below 1024`;
        causes.push(`The app uses port ${low.join(', ')}: binding a port below 1024 needs CAP_NET_BIND_SERVICE. Docker hides this (it lets every uid bind low ports); Kubernetes does not. The restricted profile allows adding that one capability (capabilities.add: [NET_BIND_SERVICE]), but a non-root process does not hold it with allowPrivilegeEscalation: false, so listen on a port ≥ 1024 instead (e.g. 8080; the Service can still expose ${low[0]}), or set the pod sysctl net.ipv4.ip_unprivileged_port_start=0.`);
    }
    if (perm.length && !(low.length && perm.every((l) => /bind/i.test(l)))) {
        cause ||= 'a privileged operation was refused';
        causes.push(`Its log shows operations refused without capabilities or privilege escalation, typical of an entrypoint that switches user (su-exec, gosu, setpriv, chown) or a binary that needs a setuid bit or file capability:\n${perm
            .slice(0, 5)
            .map((l) => `  ${l}`)
            .join('\n')}\nRun the app directly as the image's numeric USER, do root-only preparation (chown, chmod) at build time, and drop setcap/setuid needs.`);
    }
    if (!causes.length) {
        causes.push(`Its log names no refused operation: compare \`docker run --user ${u.uid} --cap-drop ALL --security-opt no-new-privileges --sysctl ${PRIVILEGED_PORT_SYSCTL}\` with a plain run.`);
    }
    const summary = `as ${flags} the container ${what}${cause ? `: ${cause}` : ''}`;
    return fail(summary.slice(0, 300), [
        `A side container of the same image with the same run arguments (and env-overrides), run as the restricted profile demands (${flags}; low ports privileged as in Kubernetes), ${what}, while the main container became healthy.`,
        ...causes,
        ...(namedNote ? [namedNote] : []),
    ].join('\n'), `The container does not run under Kubernetes' restricted profile (${summary}). ${causes[0]}`.slice(0, 600));
}


/***/ }),

/***/ 6626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Am: () => (/* binding */ specialFile),
/* harmony export */   C4: () => (/* binding */ SETUID_FILES_FOUND),
/* harmony export */   Vy: () => (/* binding */ setuidOutcome),
/* harmony export */   mg: () => (/* binding */ isSpecial)
/* harmony export */ });
/* unused harmony exports SETUID_FIX, isExpectedTool, purposeOf, modeString, describeSpecial */
/* harmony import */ var _tar_headers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8604);

/** The finding of a failed setuid-files check. */
const SETUID_FILES_FOUND = 'HC916';
/** What distributions ship setuid/setgid, by file name. */
const PURPOSES = {
    su: 'switch user (login/util-linux)',
    sudo: 'run as another user (sudo)',
    doas: 'run as another user (doas)',
    pkexec: 'run as another user (polkit)',
    passwd: 'change password (passwd)',
    chsh: 'change login shell (passwd)',
    chfn: 'change finger info (passwd)',
    gpasswd: 'administer groups (passwd)',
    newgrp: 'change current group (passwd)',
    newuidmap: 'user-namespace uid maps (uidmap)',
    newgidmap: 'user-namespace gid maps (uidmap)',
    chage: 'password ageing (passwd, setgid shadow)',
    expiry: 'password expiry (passwd, setgid shadow)',
    unix_chkpwd: 'PAM password check (libpam, setgid shadow)',
    mount: 'mount filesystems (util-linux)',
    umount: 'unmount filesystems (util-linux)',
    fusermount: 'FUSE mounts (fuse)',
    fusermount3: 'FUSE mounts (fuse3)',
    ping: 'ICMP echo (iputils)',
    ping6: 'ICMP echo (iputils)',
    traceroute6: 'trace route (iputils)',
    'ssh-keysign': 'host-based ssh auth (openssh-client)',
    'ssh-agent': 'ssh agent (openssh-client, setgid)',
    'dbus-daemon-launch-helper': 'D-Bus service activation (dbus)',
    crontab: 'edit crontabs (cron, setgid crontab)',
    wall: 'write to all terminals (util-linux, setgid tty)',
    write: 'write to a terminal (setgid tty)',
    'write.ul': 'write to a terminal (util-linux, setgid tty)',
    'bsd-write': 'write to a terminal (setgid tty)',
    dotlockfile: 'mailbox locking (liblockfile, setgid mail)',
    at: 'queue jobs (at)',
    'chrome-sandbox': 'Chromium sandbox helper',
    Xorg: 'X server',
    busybox: 'every busybox applet (setuid busybox)',
};
const SETUID_FIX = 'RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true';
/** Known, but their job is to hand out root (or every applet at once): always findings. */
const ESCALATORS = new Set(['sudo', 'doas', 'pkexec', 'busybox']);
/** Where a distribution installs the tools it ships setuid. */
const SYSTEM_DIR = /^\/(usr\/)?(s?bin|lib|lib32|lib64|libexec)\//;
/** A distribution tool that needs the bit to work, in its system directory, owned by a system account. */
function isExpectedTool(f) {
    const name = f.path.slice(f.path.lastIndexOf('/') + 1);
    const systemOwner = (f.mode & 0o4000 ? f.uid < 1000 : true) && (f.mode & 0o2000 ? f.gid < 1000 : true);
    return purposeOf(f.path) !== null && !ESCALATORS.has(name) && SYSTEM_DIR.test(f.path) && systemOwner;
}
function isSpecial(entry) {
    return ((0,_tar_headers_js__WEBPACK_IMPORTED_MODULE_0__/* .isRegular */ .$W)(entry.type) || entry.type === '1') && (entry.mode & 0o6000) !== 0;
}
function specialFile(entry) {
    return {
        path: entry.path,
        mode: entry.mode,
        uid: entry.uid,
        gid: entry.gid,
        uname: entry.uname,
        gname: entry.gname,
        ...(entry.type === '1' ? { linkTo: `/${entry.linkname.replace(/^\.?\/+/, '')}` } : {}),
    };
}
function purposeOf(path) {
    return PURPOSES[path.slice(path.lastIndexOf('/') + 1)] ?? null;
}
/** `-rwsr-xr-x`: what ls shows, so the s/S bits are recognisable. */
function modeString(mode) {
    const bit = (m, c) => (mode & m ? c : '-');
    const x = (exec, special, on) => mode & special ? (mode & exec ? on : on.toUpperCase()) : bit(exec, 'x');
    return ('-' +
        bit(0o400, 'r') +
        bit(0o200, 'w') +
        x(0o100, 0o4000, 's') +
        bit(0o040, 'r') +
        bit(0o020, 'w') +
        x(0o010, 0o2000, 's') +
        bit(0o004, 'r') +
        bit(0o002, 'w') +
        x(0o001, 0o1000, 't'));
}
function owner(id, name) {
    return name ? `${name}(${id})` : String(id);
}
function describeSpecial(f) {
    const kinds = [
        f.mode & 0o4000 ? `setuid ${owner(f.uid, f.uname)}` : '',
        f.mode & 0o2000 ? `setgid ${owner(f.gid, f.gname)}` : '',
    ]
        .filter(Boolean)
        .join(', ');
    const purpose = purposeOf(f.path);
    const link = f.linkTo ? `, hard link to ${f.linkTo}` : '';
    return `${f.path} ${modeString(f.mode)} ${kinds}${link}${purpose ? `: ${purpose}` : ''}`;
}
/** The verdict from a finished scan; `line` is where the finding points (the shipped stage's FROM). */
function setuidOutcome(scan, line) {
    const how = scan.how;
    if (scan.special.length === 0) {
        return {
            check: {
                id: 'setuid-files',
                status: 'pass',
                seconds: scan.seconds,
                detail: `no setuid/setgid file (${how})`,
            },
            findings: [],
        };
    }
    const files = [...scan.special].sort((a, b) => a.path.localeCompare(b.path));
    const unexpected = files.filter((f) => !isExpectedTool(f));
    const list = (fs) => {
        const names = fs.map((f) => f.path);
        return names.length > 8
            ? `${names.slice(0, 8).join(', ')} and ${names.length - 8} more`
            : names.join(', ');
    };
    const count = (n) => `${n} setuid/setgid file${n === 1 ? '' : 's'}`;
    const listing = [
        `Found in the image's filesystem (${how}):`,
        ...files.map((f) => `  ${describeSpecial(f)}`),
        '',
    ];
    const strip = `strip the bits in the final stage, before USER: \`${SETUID_FIX}\` (on an image without find: \`chmod a-s <path>\` for each file, or COPY --chmod without the s bit).`;
    if (unexpected.length === 0) {
        const detail = `${count(files.length)}, all distribution tools that need the bit: ${list(files)}`;
        return {
            check: {
                id: 'setuid-files',
                status: 'pass',
                seconds: scan.seconds,
                detail,
                diagnosis: [
                    ...listing,
                    `Each is a tool the base distribution ships setuid/setgid because it needs the bit to work (named above with its job); none was added by the image. A service container does not use them, and under Kubernetes' restricted profile (allowPrivilegeEscalation: false) the bits take no effect. To drop them anyway, ${strip}`,
                ].join('\n'),
            },
            findings: [
                {
                    ruleId: SETUID_FILES_FOUND,
                    severity: 'note',
                    check: 'setuid-files',
                    line,
                    message: `${detail}. Not needed by a service; to drop them: \`${SETUID_FIX}\`.`,
                },
            ],
        };
    }
    const summary = `${count(unexpected.length)} beyond the distribution's own tools: ${list(unexpected)}`;
    const expected = files.length - unexpected.length;
    const diagnosis = [
        ...listing,
        `A setuid/setgid program runs with its owner's (usually root's) rights whoever starts it: it is how a compromised non-root process becomes root. ${expected > 0
            ? `${expected} of these ${expected === 1 ? 'is a tool' : 'are tools'} the base distribution ships because ${expected === 1 ? 'it needs' : 'they need'} the bit (named with ${expected === 1 ? 'its' : 'their'} job); the others were added by the image or hand out root by design (sudo, doas, pkexec, a setuid busybox).`
            : 'None of these is a distribution tool that needs the bit: check why the image has them.'} To fix, ${strip}`,
    ].join('\n');
    return {
        check: {
            id: 'setuid-files',
            status: 'fail',
            seconds: scan.seconds,
            detail: summary,
            diagnosis,
        },
        findings: [
            {
                ruleId: SETUID_FILES_FOUND,
                severity: 'error',
                check: 'setuid-files',
                line,
                message: `${summary}. Remove the setuid/setgid bits in the final stage: \`${SETUID_FIX}\`.`,
            },
        ],
    };
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


/***/ }),

/***/ 6256:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OC: () => (/* binding */ listeningSockets),
/* harmony export */   q5: () => (/* binding */ listeningPorts)
/* harmony export */ });
/* unused harmony exports TCP_LISTEN, parseProcNetTcp, decodeAddress */
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


/***/ }),

/***/ 8604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $W: () => (/* binding */ isRegular),
/* harmony export */   eB: () => (/* binding */ TarScanner)
/* harmony export */ });
/* unused harmony exports TarFormatError, tarNumber, parsePax */
// A streaming reader of tar headers: `docker export` of a whole image filesystem runs to
// hundreds of megabytes, and the setuid check needs only each entry's path, mode and owner.
// File data is skipped as it streams past (nothing is buffered but a header, pax/GNU
// long-name records and the few small files asked for by `capture`). Understands ustar
// (with prefix), pax extended headers (path, linkpath, size, uid, gid, uname, gname; global
// and per-entry) and GNU long names/links, which is what Go's archive/tar (the engine) writes.
const BLOCK = 512;
class TarFormatError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TarFormatError';
    }
}
/** Longest pax or GNU long-name record we accept: a path is never this long. */
const MAX_META_BYTES = 1 << 20;
function isRegular(type) {
    return type === '0' || type === '\0' || type === '7' || type === '';
}
function text(b, off, len) {
    const field = b.subarray(off, off + len);
    const nul = field.indexOf(0);
    return field.subarray(0, nul === -1 ? len : nul).toString('utf8');
}
/** A numeric field: octal ASCII, or GNU base-256 when the top bit of the first byte is set. */
function tarNumber(b, off, len) {
    if (b[off] & 0x80) {
        if (b[off] === 0xff)
            throw new TarFormatError('negative base-256 number in a tar header');
        let v = b[off] & 0x7f;
        for (let i = off + 1; i < off + len; i++)
            v = v * 256 + b[i];
        return v;
    }
    const s = text(b, off, len).trim();
    if (s === '')
        return 0;
    if (!/^[0-7]+$/.test(s))
        throw new TarFormatError(`bad octal number ${JSON.stringify(s)} in a tar header`);
    return parseInt(s, 8);
}
function checksumOk(h) {
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 32 : h[i];
    return sum === tarNumber(h, 148, 8);
}
/** "%d key=value\n" records; the length counts the whole record in bytes. */
function parsePax(data) {
    const out = {};
    let pos = 0;
    while (pos < data.length) {
        const space = data.indexOf(0x20, pos);
        if (space === -1)
            break;
        const len = Number(data.subarray(pos, space).toString('ascii'));
        if (!Number.isInteger(len) || len <= space - pos || pos + len > data.length)
            throw new TarFormatError('malformed pax extended header record');
        const record = data.subarray(space + 1, pos + len - 1).toString('utf8');
        const eq = record.indexOf('=');
        if (eq > 0)
            out[record.slice(0, eq)] = record.slice(eq + 1);
        pos += len;
    }
    return out;
}
function normalize(name) {
    const trimmed = name.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    return `/${trimmed}`;
}
/** Feed it the archive's bytes in any chunk sizes; call end() after the last one. */
class TarScanner {
    opts;
    captured = new Map();
    entries = 0;
    state = { kind: 'header' };
    pending = null;
    offset = 0;
    globalPax = {};
    nextPax = null;
    longName = null;
    longLink = null;
    sawEnd = false;
    constructor(opts) {
        this.opts = opts;
    }
    push(chunk) {
        const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
        this.pending = null;
        let pos = 0;
        while (pos < buf.length) {
            const s = this.state;
            if (s.kind === 'skip') {
                const n = Math.min(s.left, buf.length - pos);
                s.left -= n;
                pos += n;
                if (s.left === 0)
                    this.state = { kind: 'header' };
            }
            else if (s.kind === 'collect') {
                const n = Math.min(s.left, buf.length - pos);
                const room = Math.max(0, s.cap - s.kept);
                if (room > 0) {
                    const part = buf.subarray(pos, pos + Math.min(n, room));
                    // a copy: the chunk's memory belongs to the stream
                    s.parts.push(Buffer.from(part));
                    s.kept += part.length;
                }
                s.left -= n;
                pos += n;
                if (s.left === 0) {
                    s.done(Buffer.concat(s.parts));
                    this.state = s.pad > 0 ? { kind: 'skip', left: s.pad } : { kind: 'header' };
                }
            }
            else {
                if (buf.length - pos < BLOCK) {
                    this.pending = Buffer.from(buf.subarray(pos));
                    this.offset += pos;
                    return;
                }
                this.header(buf.subarray(pos, pos + BLOCK));
                pos += BLOCK;
            }
        }
        this.offset += buf.length;
    }
    /** The stream ended: an entry cut short means a truncated archive. */
    end() {
        const s = this.state;
        if ((s.kind !== 'header' || (this.pending && this.pending.length > 0)) && !this.sawEnd)
            throw new TarFormatError(`the tar stream ended inside an entry (after ${this.offset} bytes)`);
    }
    header(h) {
        if (h.every((b) => b === 0)) {
            this.sawEnd = true;
            return;
        }
        if (!checksumOk(h))
            throw new TarFormatError(`bad tar header checksum at byte ${this.offset}`);
        const type = String.fromCharCode(h[156] || 0x30);
        const size = tarNumber(h, 124, 12);
        const meta = (done) => {
            if (size > MAX_META_BYTES)
                throw new TarFormatError(`tar metadata record of ${size} bytes`);
            this.collect(size, MAX_META_BYTES, done);
        };
        switch (type) {
            case 'x':
                return meta((b) => (this.nextPax = parsePax(b)));
            case 'g':
                return meta((b) => (this.globalPax = { ...this.globalPax, ...parsePax(b) }));
            case 'L':
                return meta((b) => (this.longName = text(b, 0, b.length)));
            case 'K':
                return meta((b) => (this.longLink = text(b, 0, b.length)));
        }
        const pax = { ...this.globalPax, ...(this.nextPax ?? {}) };
        const ustar = text(h, 257, 6).startsWith('ustar');
        const prefix = ustar ? text(h, 345, 155) : '';
        const name = text(h, 0, 100);
        const paxNum = (k, fallback) => (pax[k] !== undefined ? Number(pax[k]) : fallback);
        const entry = {
            path: normalize(pax.path ?? this.longName ?? (prefix ? `${prefix}/${name}` : name)),
            type,
            mode: tarNumber(h, 100, 8) & 0o7777,
            uid: paxNum('uid', tarNumber(h, 108, 8)),
            gid: paxNum('gid', tarNumber(h, 116, 8)),
            uname: pax.uname ?? (ustar ? text(h, 265, 32) : ''),
            gname: pax.gname ?? (ustar ? text(h, 297, 32) : ''),
            size: paxNum('size', size),
            linkname: pax.linkpath ?? this.longLink ?? text(h, 157, 100),
        };
        this.nextPax = null;
        this.longName = null;
        this.longLink = null;
        this.entries++;
        this.opts.onEntry(entry);
        // Only regular files carry data; a hard link's size is 0.
        const dataSize = isRegular(type) || type === '1' ? entry.size : size;
        if (isRegular(type) && this.opts.capture?.(entry.path)) {
            this.collect(dataSize, this.opts.maxCaptureBytes ?? 65536, (b) => {
                this.captured.set(entry.path, b);
                this.opts.onCaptured?.(entry.path, b);
            });
        }
        else if (dataSize > 0) {
            this.state = { kind: 'skip', left: padded(dataSize) };
        }
    }
    collect(size, cap, done) {
        if (size === 0) {
            done(Buffer.alloc(0));
            return;
        }
        this.state = { kind: 'collect', left: size, pad: padded(size) - size, cap, parts: [], kept: 0, done };
    }
}
function padded(n) {
    return Math.ceil(n / BLOCK) * BLOCK;
}


/***/ })

};
