// The deploy checks' probes (setuid-files, read-only-rootfs, restricted-profile), started
// beside the main container so that a passing image pays little more than the slowest of
// them: the export of the image's filesystem and two side containers run while the main
// container becomes healthy. finish() turns their evidence into verdicts once the main
// container's own outcome is known (the side containers are compared with it).
import type { HealthOverrides } from '../docker/container.js';
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

export function startDeployProbes(ctx: DeployContext): DeployProbes {
  const stop = new AbortController();
  const side = (args: string[]) =>
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
        track: ctx.track,
        markUnaccounted: ctx.markUnaccounted,
        listening: ctx.listening,
        signal: stop.signal,
      }),
    );
  const fsP = settle(readImageFs(ctx.imageId, ctx.runId, ctx.track));
  const readOnlyP = side(READ_ONLY_ARGS);
  // a numeric (or root) USER needs nothing from the filesystem: start at once
  const userP: Promise<RestrictedUser> = (async () => {
    const direct = restrictedUser(ctx.configUser, null, null);
    if (direct.kind !== 'unresolved') return direct;
    const fs = await fsP;
    return restrictedUser(ctx.configUser, fs.ok ? fs.value.passwd : null, fs.ok ? fs.value.group : null);
  })();
  const restrictedP: Promise<Settled<SideResult> | null> = userP.then((u) =>
    u.kind === 'numeric' || u.kind === 'named' ? side(restrictedArgs(u)) : null,
  );

  return {
    async abandon() {
      stop.abort();
      await Promise.all([fsP, readOnlyP, restrictedP.catch(() => null)]);
    },
    async finish(main) {
      if (!main?.ok) stop.abort();
      else setTimeout(() => stop.abort(), Math.max(SIDE_GRACE_MS, main.seconds * 1000)).unref();
      const [fs, ro, user, restricted, diff] = await Promise.all([
        fsP,
        readOnlyP,
        userP,
        restrictedP,
        main?.ok ? containerDiff(main.containerId) : Promise.resolve(null),
      ]);
      const skip = (id: DeployCheckId) =>
        outcome({
          id,
          status: 'skip',
          detail: `the main container ${main ? main.reason : 'did not run'}: nothing to compare with`,
        });
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
      else if (!ro.ok)
        results.push(outcome({ id: 'read-only-rootfs', status: 'error', detail: ro.error.slice(0, 300) }));
      else
        results.push(
          readOnlyOutcome(
            {
              ...ro.value,
              hasHealthcheck: ctx.hc !== null,
              mainDiff: diff === null ? null : parseDiff(diff),
            },
            ctx.stageLine,
          ),
        );
      const userLine = ctx.userLine ?? ctx.stageLine;
      if (user.kind === 'root' || user.kind === 'unresolved')
        results.push(restrictedOutcome({ user, hasHealthcheck: ctx.hc !== null, ports: [] }, userLine));
      else if (!main?.ok) results.push(skip('restricted-profile'));
      else if (!restricted?.ok)
        results.push(
          outcome({
            id: 'restricted-profile',
            status: 'error',
            detail: (restricted?.error ?? 'not run').slice(0, 300),
          }),
        );
      else
        results.push(
          restrictedOutcome(
            { user, run: restricted.value, hasHealthcheck: ctx.hc !== null, ports: main.ports },
            userLine,
          ),
        );
      for (const r of results)
        if (r.check.id === 'restricted-profile' && r.check.line === undefined) r.check.line = userLine;
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
