// Starting containers from the checked image and waiting until there is something to
// observe: Docker's health verdict (woken by `docker events`) when the image has a
// HEALTHCHECK, else a short settle. Also the main container's start, with the plain
// "control" container that tells whether our sentinel env values broke the app.
import type { RunResources } from '../docker/cleanup.js';
import { runContainer } from '../docker/container.js';
import { watchRunEvents, type RunEvents } from '../docker/events.js';
import { healthcheckOf, inspectContainer, type ContainerState, type ImageInfo } from '../docker/inspect.js';
import { FALLBACK_KEY, type OverrideChoice } from './env-probe.js';
import { waitForHealth, type HealthWaitResult } from './health-probe.js';
import { HealthExplainer } from './health/verdict.js';
import { listeningNowhere, listeningOf } from './listening.js';

const NS = 1e9;
/** Our probe interval: the verdict comes ~1 s after the app is ready. */
export const HEALTH_INTERVAL_SECONDS = 1;
/** A single probe may not hang longer than this (the image's timeout, capped). */
const MAX_PROBE_TIMEOUT_SECONDS = 10;
/** Without a HEALTHCHECK, let the entrypoint settle before looking at processes. */
const SETTLE_MS = 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface StartRequest {
  /** The inspected image: its id is run, its HEALTHCHECK decides how long to wait. */
  info: ImageInfo;
  /** Label value of the run (cleanup and `docker events` find the container by it). */
  runId: string;
  network: string;
  /** Exactly these are passed with -e. */
  env: Record<string, string>;
  /** The user's run-args input. */
  runArgs: string[];
  /** A probe's own flags (e.g. `--read-only --tmpfs /tmp`), after the user's so they take effect. */
  extraRunArgs?: string[];
  healthTimeoutSeconds: number;
  /** The port the HEALTHCHECK probes, if known (sharpens the wait's early verdicts). */
  probePort: number | null;
  /** Every container started is tracked here for cleanup. */
  res: RunResources;
  /** Called as soon as the container exists. */
  onStarted?: (id: string) => void;
  /** See HealthWaitOptions.onTrouble. */
  onTrouble?: () => void;
  /** Stops the health wait early (outcome 'timeout'). */
  signal?: AbortSignal;
  /** Gather evidence during the wait, so a repeated failure's cause is known early. */
  explain?: boolean;
}

export interface StartedContainer {
  /** Why the container did not start ('' when it did; id is then ''). */
  error: string;
  id: string;
  /** The health wait's result; null without a HEALTHCHECK (or when it did not start). */
  wait: HealthWaitResult | null;
  /** The state when the wait ended (after the settle without a HEALTHCHECK); null when it did not start. */
  state: ContainerState | null;
  /** Evidence gathered during the wait (with `explain`). */
  explainer: HealthExplainer | null;
}

/**
 * Starts one container from `info` and waits: until Docker's health verdict when the image
 * has a HEALTHCHECK (our 1 s interval, bounded by healthTimeoutSeconds), else 1 s. Never
 * throws for a container that fails to start: `error` says why. Safe to call concurrently
 * for several containers of one run (each gets its own events stream); every container is
 * added to `res` before this resolves, so the run's cleanup removes it.
 */
export async function startAndWait(r: StartRequest): Promise<StartedContainer> {
  const events = healthcheckOf(r.info) ? watchRunEvents(r.runId, r.healthTimeoutSeconds + 60) : null;
  try {
    return await startAndWaitWith(r, events);
  } finally {
    events?.stop();
  }
}

async function startAndWaitWith(r: StartRequest, events: RunEvents | null): Promise<StartedContainer> {
  const hc = healthcheckOf(r.info);
  const imageTimeout = hc && hc.timeout > 0 ? hc.timeout / NS : 30;
  const run = await runContainer({
    image: r.info.id,
    runId: r.runId,
    network: r.network,
    env: r.env,
    health: hc
      ? {
          intervalSeconds: HEALTH_INTERVAL_SECONDS,
          timeoutSeconds: Math.max(
            1,
            Math.min(imageTimeout, MAX_PROBE_TIMEOUT_SECONDS, r.healthTimeoutSeconds),
          ),
        }
      : undefined,
    runArgs: [...r.runArgs, ...(r.extraRunArgs ?? [])],
  });
  if (run.id) r.res.addContainer(run.id);
  if (!run.id || run.error) r.res.markUnaccounted();
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
  let wait: HealthWaitResult | null = null;
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
  } else {
    await sleep(SETTLE_MS);
  }
  // The wait just polled the state; without a HEALTHCHECK look once now.
  const state = wait?.state ?? (await inspectContainer(id));
  return { error: '', id, wait, state, explainer };
}

export interface MainSession {
  /** The container the checklist reads: the plain one when our sentinel values broke the app. */
  run: StartedContainer;
  /** The app refused our sentinel values (for `sentinelKeys`) and became healthy without them. */
  sentinelBroke: boolean;
  sentinelKeys: string[];
  /** Resolves once the plain container (if one was started) is tracked: await before cleanup. */
  settled: Promise<unknown>;
}

/**
 * The main container, started with the env overrides. Our sentinel values may be what breaks
 * the app (APP_ENV=hc-sentinel-… is not a valid environment). A plain container (no
 * overrides) starts beside the first one when it exits or fails twice in a row while
 * listening nowhere, so asking "was it our values?" never costs a second whole wait.
 */
export async function startMain(
  r: Omit<StartRequest, 'env' | 'onTrouble' | 'signal' | 'explain'> & {
    choice: OverrideChoice;
  },
): Promise<MainSession> {
  const { choice, onStarted, ...base } = r;
  const sentinelKeys = Object.keys(choice.overrides).filter((k) => k !== FALLBACK_KEY);
  const mayBreak = Boolean(healthcheckOf(r.info) && choice.derived && sentinelKeys.length > 0);
  const stopControl = new AbortController();
  let control: Promise<StartedContainer> | null = null;
  let controlId = '';
  let run = await startAndWait({
    ...base,
    env: choice.overrides,
    explain: true,
    onStarted,
    onTrouble: mayBreak
      ? () =>
          void (control ??= startAndWait({
            ...base,
            env: {},
            signal: stopControl.signal,
            onStarted: (cid) => (controlId = cid),
          }))
      : undefined,
  }).catch(async (err: unknown) => {
    // the plain container must exist (and be tracked) before the caller's cleanup runs
    stopControl.abort();
    await (control as Promise<unknown> | null)?.catch(() => null);
    throw err;
  });
  let sentinelBroke = false;
  const controlRun = control as Promise<StartedContainer> | null;
  if (controlRun && !run.error) {
    // Only a container that exited or never listened can have been stopped by our values; the
    // plain one then has until 1 s after this verdict (or its own end, after an exit).
    const w = run.wait;
    const exited = w?.outcome === 'exited';
    const silent =
      w &&
      !exited &&
      w.outcome !== 'healthy' &&
      ((await listeningOf(run.id, w.state.pid)) ?? []).length === 0;
    // Running about as long and listening nowhere either: our values are not the difference.
    const plainSilent = silent && controlId !== '' && (await listeningNowhere(controlId).catch(() => false));
    if (exited || (silent && !plainSilent)) {
      const cap = exited ? null : setTimeout(() => stopControl.abort(), 1000);
      const plain = await controlRun;
      if (cap) clearTimeout(cap);
      if (!plain.error && plain.wait?.outcome === 'healthy') {
        sentinelBroke = true;
        run = plain;
      }
    } else stopControl.abort();
  }
  return { run, sentinelBroke, sentinelKeys, settled: controlRun ?? Promise.resolve() };
}
