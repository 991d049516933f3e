// Wait for Docker's health verdict on the verification container. The container runs
// with --health-interval=1s (the image's command, start period and retries stay), so
// the verdict comes about a second after the app is ready instead of after the
// image's 30 s interval. We read `docker inspect` whenever `docker events` says a probe
// ended or the container changed (and at least every pollMs), and stop early when the answer is
// already certain: the container exited, the probe binary is missing, or the same
// HTTP answer (or a refusal or time-out on a port nobody listens on) repeats after start-period.
import type { HealthConfig, HealthLogEntry, ContainerState } from '../docker/inspect.js';
import { inspectContainer } from '../docker/inspect.js';
import { classifyProbe, sameFailure, type ProbeClassification } from './health-diagnosis.js';
import { isTransientStatus } from './health/cause.js';

export type HealthOutcome = 'healthy' | 'exited' | 'probe-missing' | 'certain' | 'unhealthy' | 'timeout';

export interface HealthWaitOptions {
  containerId: string;
  health: HealthConfig;
  /** Overall bound, from container start. */
  timeoutSeconds: number;
  probePort: number | null;
  /** LISTEN ports of the container's process `pid`, read on demand (null: unreadable). */
  listening: (pid: number) => Promise<number[] | null>;
  pollMs?: number;
  /** Waits up to ms, returning early when the engine reports an event (default: just sleeps). */
  wait?: (ms: number) => Promise<void>;
  /** Identical failures after start-period that make a failure certain. */
  certainAfter?: number;
  /**
   * Evidence beyond the probe's output (the app's access log, our own request): asked once the
   * same failure repeated certainAfter times after start-period and the output alone names no
   * HTTP status. true: the cause is known and will not change (e.g. HEAD answered 405).
   */
  explain?: (pid: number, cls: ProbeClassification) => Promise<boolean>;
  /** Called once: at the second failing probe in a row while nothing listens, or when the container stopped. */
  onTrouble?: () => void;
  /** Stop waiting (the outcome is then 'timeout' at the elapsed time). */
  signal?: AbortSignal;
  /** Reads the container's state (default: docker inspect); a scripted state drives the unit specs. */
  inspect?: (containerId: string) => Promise<ContainerState>;
}

export interface HealthWaitResult {
  outcome: HealthOutcome;
  /** Seconds from container start to the verdict. */
  seconds: number;
  /** Seconds from container start to the first passing probe (Docker's own timestamps). */
  secondsToHealthy?: number;
  state: ContainerState;
  /** Every probe run seen (Docker keeps only the last five; we merge as we poll). */
  log: HealthLogEntry[];
  lastFailure: HealthLogEntry | null;
  classification: ProbeClassification | null;
}

const NS = 1e9;
const DEFAULT_INTERVAL = 30;
const DEFAULT_RETRIES = 3;

/** Docker's own grace before "unhealthy" under the image's settings (start + interval x retries). */
export function imageGraceSeconds(h: HealthConfig): number {
  const interval = h.interval > 0 ? h.interval / NS : DEFAULT_INTERVAL;
  const retries = h.retries > 0 ? h.retries : DEFAULT_RETRIES;
  return h.startPeriod / NS + interval * retries;
}

/** RFC 3339 with nanoseconds -> epoch ms (Date.parse wants at most milliseconds). */
export function parseDockerTime(t: string): number {
  const ms = Date.parse(t.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isFinite(ms) ? ms : NaN;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long the process must listen only on other ports before the probe port is judged wrong. */
const WRONG_PORT_SECONDS = 3;

export async function waitForHealth(o: HealthWaitOptions): Promise<HealthWaitResult> {
  const pollMs = o.pollMs ?? 250;
  const wait = o.wait ?? sleep;
  const certainAfter = o.certainAfter ?? 3;
  const startPeriod = o.health.startPeriod / NS;
  // Unhealthy earlier than this is an artefact of our shortened interval, not a verdict.
  const grace = imageGraceSeconds(o.health);
  const seen = new Map<string, HealthLogEntry>();
  const waitStart = Date.now();
  let startedMs = NaN;
  let wrongPortSince: number | null = null;
  let troubled = false;
  const trouble = () => {
    if (troubled) return;
    troubled = true;
    o.onTrouble?.();
  };

  for (;;) {
    const state = await (o.inspect ?? inspectContainer)(o.containerId);
    if (Number.isNaN(startedMs)) {
      const s = parseDockerTime(state.startedAt);
      startedMs = Number.isFinite(s) && s > 0 ? Math.min(s, Date.now()) : waitStart;
    }
    for (const e of state.health?.log ?? []) seen.set(e.start, e);
    const log = [...seen.values()].sort((a, b) => parseDockerTime(a.start) - parseDockerTime(b.start));
    const failures = log.filter((e) => e.exitCode !== 0);
    const lastFailure = failures.at(-1) ?? null;
    const elapsed = (Date.now() - startedMs) / 1000;
    const done = (outcome: HealthOutcome, extra: Partial<HealthWaitResult> = {}): HealthWaitResult => ({
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
        if (elapsed - wrongPortSince >= WRONG_PORT_SECONDS) return done('certain');
      } else wrongPortSince = null;
    }

    const last = log.at(-1);
    if (last && last.exitCode !== 0) {
      // Two failures in a row while the process listens nowhere: an app that is only slow to
      // start (ready within ~2 s), or that is up and answers an error, is spared.
      if (!troubled && log.length >= 2 && log[log.length - 2].exitCode !== 0) {
        const ports = await o.listening(state.pid);
        if (!ports || ports.length === 0) trouble();
      }
      const cls = classifyProbe(last.exitCode, last.output, o.health.test);
      // A missing binary never appears later: no need to wait for retries.
      if (cls.kind === 'not-found') return done('probe-missing');
      if (elapsed >= startPeriod) {
        const tail = log.slice(-certainAfter);
        const same =
          tail.length >= certainAfter &&
          tail.every(
            (e) => e.exitCode !== 0 && sameFailure(classifyProbe(e.exitCode, e.output, o.health.test), cls),
          );
        if (same && (cls.kind === 'http-404' || cls.kind === 'http-405' || cls.kind === 'http-status')) {
          // The app is up and answers the same thing every time; 502/503/504 are what an app
          // (or its proxy) answers while it warms up: those wait for the image's own grace.
          if (!(cls.kind === 'http-status' && isTransientStatus(cls.status))) return done('certain');
        }
        // Refused, timed out or silent (wget -q), again and again, on a port the process does
        // not listen on while it listens on others: the port is wrong, waiting will not help.
        if (same && ['connection-refused', 'timeout', 'unknown'].includes(cls.kind) && o.probePort !== null) {
          const ports = await o.listening(state.pid);
          if (ports && ports.length > 0 && !ports.includes(o.probePort)) return done('certain');
        }
        // The output names no status (GNU wget --no-verbose, curl -s): ask the evidence.
        if (same && o.explain && ['unknown', 'timeout', 'connection-refused'].includes(cls.kind)) {
          if (await o.explain(state.pid, cls)) return done('certain');
        }
      }
      if (state.health?.status === 'unhealthy' && elapsed >= grace) return done('unhealthy');
    }
    if (elapsed >= o.timeoutSeconds || o.signal?.aborted) return done('timeout');
    await wait(Math.min(pollMs, Math.max(50, o.timeoutSeconds * 1000 - elapsed * 1000)));
  }
}
