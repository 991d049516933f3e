// The deploy checks' probes (setuid-files, read-only-rootfs, restricted-profile), started
// beside the main container so that a passing image pays little more than the slowest of
// them: the export of the image's filesystem and two side containers run while the main
// container becomes healthy. finish() turns their evidence into verdicts once the main
// container's own outcome is known (the side containers are compared with it).
import type { HealthOverrides } from '../docker/container.js';
import { removeContainersNow } from '../docker/cleanup.js';
import { containerDiff } from '../docker/diff.js';
import type { HealthConfig } from '../docker/inspect.js';
import type { Check, CheckId, DeployCheckId, Finding } from '../report/types.js';
import type { DeployOutcome } from './checks/deploy-outcome.js';
import { parseDiff, READ_ONLY_ARGS, readOnlyOutcome } from './checks/read-only-rootfs.js';
import {
  restrictedArgs,
  restrictedOutcome,
  restrictedUser,
  type RestrictedUser,
} from './checks/restricted-profile.js';
import { setuidOutcome } from './checks/setuid-files.js';
import { readImageFs, type ImageFs } from './image-fs.js';
import { runSide, type SideResult } from './side-container.js';

export const DEPLOY_PROBE_CHECKS: readonly DeployCheckId[] = [
  'read-only-rootfs',
  'restricted-profile',
  'setuid-files',
];

export interface DeployContext {
  imageId: string;
  /** The image's Config.User. */
  configUser: string;
  runId: string;
  network: string;
  /** Exactly what the main container gets. */
  env: Record<string, string>;
  health?: HealthOverrides;
  runArgs: string[];
  hc: HealthConfig | null;
  timeoutSeconds: number;
  probePort: number | null;
  settleMs: number;
  track: (id: string) => void;
  markUnaccounted: () => void;
  listening: (id: string, pid: number) => Promise<number[] | null>;
  /** Where findings point: the shipped stage's FROM, and the USER instruction when there is one. */
  stageLine: number;
  userLine?: number;
}

export interface MainOutcome {
  /** Healthy (or, without HEALTHCHECK, still running after the settle time). */
  ok: boolean;
  /** Why not, for the skip reason. */
  reason: string;
  /** Seconds the main container took to get there. */
  seconds: number;
  containerId: string;
  /** Ports the app uses (EXPOSE, the probe's port, what it listened on). */
  ports: number[];
}

export interface DeployProbes {
  /** The verdicts, once the main container's outcome is known (null: it never started). */
  finish(main: MainOutcome | null): Promise<DeployOutcome[]>;
  /** Stop waiting and let every probe end, so each container it made is tracked before cleanup. */
  abandon(): Promise<void>;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: string };
const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (err: unknown) => ({ ok: false as const, error: err instanceof Error ? err.message : String(err) }),
  );

const outcome = (check: Check): DeployOutcome => ({ check, findings: [] });

/** Side containers get this long after the main container's verdict (at least): a passing app is as fast in both. */
const SIDE_GRACE_MS = 5000;

const passed = (r: SideResult, hasHealthcheck: boolean) =>
  r.outcome === 'healthy' || (r.outcome === 'running' && !hasHealthcheck);

/**
 * One side container carries both the read-only root and the restricted profile: an image that
 * passes both (the common case once hardened) costs one extra container, not two. Only when it
 * fails do the two run apart, after the main verdict, to say which setting broke the app.
 */
export function startDeployProbes(ctx: DeployContext): DeployProbes {
  const stop = new AbortController();
  const hasHc = ctx.hc !== null;
  // what the probes created, removed as soon as the verdicts are in (cleanup then finds them gone)
  const made: string[] = [];
  const track = (id: string) => {
    made.push(id);
    ctx.track(id);
  };
  const side = (args: string[], signal: AbortSignal) =>
    settle(
      runSide({
        run: {
          image: ctx.imageId,
          runId: ctx.runId,
          network: ctx.network,
          env: ctx.env,
          health: ctx.health,
          // ours after the user's run args: these are what the check is about
          runArgs: [...ctx.runArgs, ...args],
        },
        health: ctx.hc,
        timeoutSeconds: ctx.timeoutSeconds,
        probePort: ctx.probePort,
        settleMs: ctx.settleMs,
        track,
        markUnaccounted: ctx.markUnaccounted,
        listening: ctx.listening,
        signal,
      }),
    );
  const fsP = settle(readImageFs(ctx.imageId, ctx.runId, track));
  // a numeric (or root) USER needs nothing from the filesystem: start at once
  const userP: Promise<RestrictedUser> = (async () => {
    const direct = restrictedUser(ctx.configUser, null, null);
    if (direct.kind !== 'unresolved') return direct;
    const fs = await fsP;
    return restrictedUser(ctx.configUser, fs.ok ? fs.value.passwd : null, fs.ok ? fs.value.group : null);
  })();
  const runnable = (u: RestrictedUser): u is Extract<RestrictedUser, { uid: number }> =>
    u.kind === 'numeric' || u.kind === 'named';
  // root or an unresolved name: no restricted run, the side container is only read-only
  const firstP = userP.then((u) =>
    side(runnable(u) ? [...READ_ONLY_ARGS, ...restrictedArgs(u)] : READ_ONLY_ARGS, stop.signal),
  );
  const later: Promise<unknown>[] = [];

  return {
    async abandon() {
      stop.abort();
      await Promise.all([fsP, firstP, ...later].map((p) => p.catch(() => null)));
    },
    async finish(main) {
      const grace = (signal: AbortController) =>
        setTimeout(() => signal.abort(), Math.max(SIDE_GRACE_MS, (main?.seconds ?? 0) * 1000)).unref();
      if (!main?.ok) stop.abort();
      else grace(stop);
      const [fs, first, user, diff] = await Promise.all([
        fsP,
        firstP,
        userP,
        main?.ok ? containerDiff(main.containerId) : Promise.resolve(null),
      ]);
      const combined = runnable(user);
      // the combined run failed: each setting alone, side by side, to name the culprit
      let ro: Settled<SideResult> = first;
      let restricted: Settled<SideResult> | null = combined ? first : null;
      if (main?.ok && combined && first.ok && !passed(first.value, hasHc)) {
        const apart = new AbortController();
        grace(apart);
        const both = Promise.all([
          side(READ_ONLY_ARGS, apart.signal),
          side(restrictedArgs(user), apart.signal),
        ]);
        later.push(both);
        [ro, restricted] = await both;
      }
      const together = combined && ro === first;
      const skip = (id: DeployCheckId) =>
        outcome({
          id,
          status: 'skip',
          detail: `the main container ${main ? main.reason : 'did not run'}: nothing to compare with`,
        });
      const failedRun = (id: DeployCheckId, r: Settled<SideResult> | null) =>
        outcome({ id, status: 'error', detail: (r && !r.ok ? r.error : 'not run').slice(0, 300) });
      const results: DeployOutcome[] = [];
      results.push(
        fs.ok
          ? setuidOutcome(fs.value as ImageFs, ctx.stageLine)
          : outcome({
              id: 'setuid-files',
              status: 'error',
              detail: `the image's filesystem could not be read: ${fs.error}`.slice(0, 300),
            }),
      );
      if (!main?.ok) results.push(skip('read-only-rootfs'));
      else if (!ro.ok) results.push(failedRun('read-only-rootfs', ro));
      else {
        const o = readOnlyOutcome(
          { ...ro.value, hasHealthcheck: hasHc, mainDiff: diff === null ? null : parseDiff(diff) },
          ctx.stageLine,
        );
        if (together) o.check.detail += " (together with the restricted profile's settings)";
        results.push(o);
      }
      const userLine = ctx.userLine ?? ctx.stageLine;
      if (!combined) results.push(restrictedOutcome({ user, hasHealthcheck: hasHc, ports: [] }, userLine));
      else if (!main?.ok) results.push(skip('restricted-profile'));
      else if (!restricted?.ok) results.push(failedRun('restricted-profile', restricted));
      else {
        const o = restrictedOutcome(
          { user, run: restricted.value, hasHealthcheck: hasHc, ports: main.ports },
          userLine,
        );
        if (together) o.check.detail += ' (and a read-only root)';
        results.push(o);
      }
      for (const r of results)
        if (r.check.id === 'restricted-profile' && r.check.line === undefined) r.check.line = userLine;
      // while the main container's remaining probes run
      later.push(removeContainersNow(made).catch(() => null));
      return results;
    },
  };
}

/** Where verdicts go: the runtime's collector (it adds the file, the stage and masks the text). */
export interface VerdictSink {
  set(check: Check): void;
  find(
    ruleId: string,
    severity: Finding['severity'],
    check: CheckId | undefined,
    line: number,
    message: string,
  ): void;
}

export async function finishDeployProbes(
  sink: VerdictSink,
  probes: DeployProbes,
  main: MainOutcome | null,
): Promise<void> {
  for (const o of await probes.finish(main)) {
    sink.set(o.check);
    for (const f of o.findings) sink.find(f.ruleId, f.severity, f.check, f.line, f.message);
  }
}
