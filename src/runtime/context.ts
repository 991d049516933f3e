// What an after-run probe (a deploy check) is given. A probe is called before the main
// container starts, so it can start its side containers concurrently with it; it reads the
// main container through `main` and may stop it once `mainReleased` resolves.
import type { RunResources } from '../docker/cleanup.js';
import type { ContainerState, ImageInfo } from '../docker/inspect.js';
import type { Host } from '../host.js';
import type { CheckOutcome } from './checks/outcome.js';
import type { HealthWaitResult } from './health-probe.js';
import type { StartedContainer } from './session.js';
import type { RuntimeOptions, StaticFacts } from './types.js';

export interface MainContainer {
  id: string;
  /** The state when its wait ended. */
  state: ContainerState;
  wait: HealthWaitResult | null;
}

export interface RuntimeContext {
  /** The run's options (run id, network, run-args, health timeout, the `checks` a probe may read). */
  opts: RuntimeOptions;
  info: ImageInfo;
  facts: StaticFacts;
  /** Track what the probe creates by other means than startSide; cleanup removes it. */
  res: RunResources;
  host: Host;
  /** Masks every secret value known so far: use on any text a probe reports. */
  mask(text: string): string;
  /**
   * A side container from the same image, with this run's env-free settings plus `extraRunArgs`
   * (after the user's run-args), waited for like the main one: see startAndWait. `signal` ends the wait early.
   */
  startSide(
    extraRunArgs: string[],
    env?: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<StartedContainer>;
  /**
   * Resolves once the main container's `docker run` returned, to its id (null when it failed
   * to start): two containers created at the same moment each start slower, so a probe's own
   * containers wait for this and the main one's health wait is not delayed by them.
   */
  mainStarted: Promise<string | null>;
  /** The main container once its wait ended; null when it did not start (or the run stopped). */
  main: Promise<MainContainer | null>;
  /**
   * Resolves when neither the checklist nor any probe's `readMain` still reads the main
   * container: a probe may stop it from then.
   */
  mainReleased: Promise<void>;
  /** A read of the running main container (diff, ports): no probe stops it before this settles. */
  readMain<T>(read: Promise<T>): Promise<T>;
}

/** A deploy check: starts what it needs at once, returns its verdicts when it has them. */
export type AfterRunProbe = (ctx: RuntimeContext) => Promise<CheckOutcome[]>;

export interface AfterRun {
  context: RuntimeContext;
  /** The main container's `docker run` returned, with this id (none: it did not start). */
  mainStarted(id?: string): void;
  /** Hands the probes the main container (null: none to read). Later calls are ignored. */
  mainReady(main: MainContainer | null): void;
  release(): void;
  /** Every probe's outcomes; a probe that throws becomes a note, never the run's failure. */
  outcomes(): Promise<{ outcomes: CheckOutcome[]; notes: string[] }>;
}

/** Calls every probe now, with the context; `outcomes()` waits for all of them. */
export function launchAfterRun(
  probes: readonly AfterRunProbe[],
  base: Omit<RuntimeContext, 'main' | 'mainStarted' | 'mainReleased' | 'readMain'>,
): AfterRun {
  let started: (id: string | null) => void = () => {};
  const mainStarted = new Promise<string | null>((r) => (started = r));
  let mainReady: (m: MainContainer | null) => void = () => {};
  let release: () => void = () => {};
  const main = new Promise<MainContainer | null>((r) => (mainReady = r));
  const checklistDone = new Promise<void>((r) => (release = r));
  const reads: Promise<unknown>[] = [];
  const mainReleased = (async () => {
    await checklistDone;
    // a read may be registered while earlier ones settle
    for (let seen = 0; seen < reads.length; seen = reads.length) await Promise.allSettled(reads.slice(seen));
  })();
  const readMain = <T>(read: Promise<T>): Promise<T> => {
    reads.push(read);
    return read;
  };
  const context: RuntimeContext = { ...base, mainStarted, main, mainReleased, readMain };
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
        notes: settled.flatMap((s) =>
          s.status === 'rejected'
            ? [`after-run probe stopped: ${s.reason instanceof Error ? s.reason.message : String(s.reason)}`]
            : [],
        ),
      };
    },
  };
}
