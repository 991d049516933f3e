// graceful-stop: stop the running container as `docker stop -t <bound>` and Kubernetes do
// (the image's STOPSIGNAL or SIGTERM, SIGKILL at the end of the grace period), time it, and
// read how it ended. Runs last on the main container: nothing may look at it afterwards.
import type { Check } from '../../report/types.js';
import { DEFAULT_STOP_TIMEOUT_SECONDS, type StaticFacts } from '../../contracts.js';
import { docker, dockerOk } from '../../docker/exec.js';
import { readHostProc } from '../../docker/container.js';
import { inspectContainer, type ContainerState } from '../../docker/inspect.js';
import type { AfterRunProbe } from '../context.js';
import { listeningSockets, type ListeningSocket } from '../proc-net.js';
import type { CheckOutcome } from './outcome.js';
import {
  catchesSignal,
  diagnoseKilledStop,
  killedAtBound,
  parseCmdline,
  processIds,
  signalName,
  signalNumber,
} from '../stop-diagnosis.js';

/** The finding of a container SIGKILLed at the end of its grace period. */
export const IGNORES_STOP_SIGNAL = 'HC913';

export interface GracefulStopRequest {
  /** The main container, still running after the other probes. */
  containerId: string;
  /** Seconds between the stop signal and SIGKILL (the stop-timeout input). */
  boundSeconds: number;
  /** The image's Config.StopSignal, null for SIGTERM. */
  stopSignal: string | null | undefined;
  facts: StaticFacts;
}

export interface GracefulStopOutcome extends CheckOutcome {
  /** PID 1's real uid and gid, read before the stop (for the Kubernetes snippet). */
  pid1Ids?: { uid: number | null; gid: number | null };
  /** The container's listening TCP sockets, read before the stop (the snippet's httpGet); null when unread. */
  sockets?: ListeningSocket[] | null;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The after-run probe: waits until the checklist no longer reads the main container, then
 * stops it (the cleanup removes it afterwards). Skipped when the main container did not start.
 */
export const gracefulStopProbe: AfterRunProbe = async (ctx) => {
  const main = await ctx.main;
  if (!main) return [outcome({ status: 'skip', detail: 'the container did not start' })];
  await ctx.mainReleased;
  return [
    await checkGracefulStop({
      containerId: main.id,
      boundSeconds: ctx.opts.stopTimeoutSeconds ?? DEFAULT_STOP_TIMEOUT_SECONDS,
      stopSignal: ctx.info.stopSignal,
      facts: ctx.facts,
    }),
  ];
};

export async function checkGracefulStop(req: GracefulStopRequest): Promise<GracefulStopOutcome> {
  const bound = Math.max(1, Math.ceil(req.boundSeconds));
  const signal = signalName(req.stopSignal);
  const before = await inspectContainer(req.containerId).catch(() => null);
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
    readHostProc(before.pid, 'cmdline'),
    readHostProc(before.pid, 'status'),
    readHostProc(before.pid, 'net/tcp'),
    readHostProc(before.pid, 'net/tcp6'),
  ]);
  const sockets = tcp4 === null && tcp6 === null ? null : listeningSockets(tcp4, tcp6);
  const pid1 = parseCmdline(cmdline) ?? (await pid1FromTop(req.containerId, before.pid));
  const pid1Ids = processIds(status);
  const pid1Catches = catchesSignal(status, signalNumber(signal));
  const diagnose = () =>
    diagnoseKilledStop({ pid1, pid1Catches, signal, boundSeconds: bound, facts: req.facts.process });
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
  const stop = await docker(['stop', '-t', String(bound), req.containerId], {
    timeoutMs: (bound + 30) * 1000,
  });
  const wall = (Date.now() - t0) / 1000;
  const after = stop.exitCode === 0 ? await inspectContainer(req.containerId).catch(() => null) : null;
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
  const wasKilled =
    killedAtBound({ seconds, exitCode: after.exitCode, oomKilled: after.oomKilled, boundSeconds: bound }) ||
    signalNumber(signal) === 9;
  if (!wasKilled)
    return {
      ...outcome({ status: 'pass', seconds, detail: `stopped by itself: ${measured}`, ...at(req) }),
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
function killed(
  req: GracefulStopRequest,
  d: ReturnType<typeof diagnoseKilledStop>,
  how: {
    seconds: number;
    detail: string;
    pid1Ids: GracefulStopOutcome['pid1Ids'];
    sockets: GracefulStopOutcome['sockets'];
  },
): GracefulStopOutcome {
  const signal = signalName(req.stopSignal);
  const bound = Math.max(1, Math.ceil(req.boundSeconds));
  const where =
    d.line !== undefined ? { line: d.line, ...(d.endLine ? { endLine: d.endLine } : {}) } : at(req);
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
        message: `The container ignores ${signal} and is killed after ${bound} s: ${d.cause}. ${d.fix}`.slice(
          0,
          600,
        ),
        check: 'graceful-stop',
      },
    ],
    pid1Ids: how.pid1Ids,
    sockets: how.sockets,
  };
}

function outcome(check: Omit<Check, 'id'>): GracefulStopOutcome {
  return { check: { id: 'graceful-stop', ...check }, findings: [] };
}

/** The ENTRYPOINT (else CMD) line: what starts PID 1, where a stop verdict points. */
function at(req: GracefulStopRequest): Pick<Check, 'line' | 'endLine'> {
  const c = req.facts.process?.entrypoint ?? req.facts.process?.cmd ?? req.facts.stage;
  if (!c) return {};
  return c.endLine > c.line ? { line: c.line, endLine: c.endLine } : { line: c.line };
}

/** The engine's exit time when it is plausible, else the wall time of `docker stop`. */
function stopSeconds(state: ContainerState, t0: number, wall: number): number {
  const finished = Date.parse(state.finishedAt);
  const s = (finished - t0) / 1000;
  return Number.isFinite(s) && s >= 0 && s <= wall ? s : wall;
}

/** PID 1's command line from `docker top` when the host's /proc is not readable. */
async function pid1FromTop(id: string, pid: number): Promise<string[] | null> {
  const out = await dockerOk(['top', id, '-o', 'pid,args']).catch(() => '');
  const line = out
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .find((l) => l.split(/\s+/)[0] === String(pid));
  return line ? line.split(/\s+/).slice(1) : null;
}
