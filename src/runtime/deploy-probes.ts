// The deploy checks' probe (setuid-files, read-only-rootfs, restricted-profile): called before
// the main container starts, so the read of the image's filesystem and a side container run
// while the main container becomes healthy. The verdicts come once the main container's own
// outcome is known (the side container is compared with it).
import { logs } from '../docker/container.js';
import { containerChanges } from '../docker/diff.js';
import { healthcheckOf, inspectContainer } from '../docker/inspect.js';
import type { Check, DeployCheckId } from '../report/types.js';
import type { CheckOutcome } from './checks/outcome.js';
import { READ_ONLY_ARGS, readOnlyOutcome } from './checks/read-only-rootfs.js';
import {
  restrictedArgs,
  restrictedOutcome,
  restrictedUser,
  type RestrictedUser,
} from './checks/restricted-profile.js';
import { forbiddenRunArgs } from './checks/restricted-run-args.js';
import { setuidOutcome } from './checks/setuid-files.js';
import type { MainContainer, RuntimeContext } from './context.js';
import { probePort } from './health-diagnosis.js';
import { readImageFs } from './image-fs.js';
import { listeningOf } from './listening.js';
import type { StartedContainer } from './session.js';

/** What a side container did, as the verdicts read it. */
export interface SideResult {
  outcome: 'healthy' | 'running' | 'exited' | 'unhealthy' | 'not-started';
  seconds: number;
  exitCode?: number;
  error?: string;
  logs: string;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: string };
const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (err: unknown) => ({ ok: false as const, error: err instanceof Error ? err.message : String(err) }),
  );

const outcome = (check: Check): CheckOutcome => ({ check, findings: [] });
const round = (n: number) => Math.round(n * 100) / 100;

/** Side containers get this long after the main container's verdict (at least): a passing app is as fast in both. */
const SIDE_GRACE_MS = 5000;

export async function sideResult(s: StartedContainer, t0: number): Promise<SideResult> {
  if (s.error || !s.state) {
    return {
      outcome: 'not-started',
      seconds: round((Date.now() - t0) / 1000),
      error: s.error.split('\n').slice(-2).join(' '),
      logs: '',
    };
  }
  const w = s.wait;
  const outcome: SideResult['outcome'] = w
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
    seconds: round(w ? (w.secondsToHealthy ?? w.seconds) : (Date.now() - t0) / 1000),
    ...(outcome === 'exited' ? { exitCode: s.state.exitCode } : {}),
    logs: ok ? '' : await logs(s.id, 50),
  };
}

const passed = (r: SideResult, hasHealthcheck: boolean) =>
  r.outcome === 'healthy' || (r.outcome === 'running' && !hasHealthcheck);

function mainOk(m: MainContainer | null): m is MainContainer {
  return m !== null && (m.wait ? m.wait.outcome === 'healthy' : m.state.running);
}

/**
 * One side container carries both the read-only root and the restricted profile: an image that
 * passes both (the common case once hardened) costs one extra container, not two. Only when it
 * fails do the two run apart, after the main verdict, to say which setting broke the app.
 */
export async function deployProbe(ctx: RuntimeContext): Promise<CheckOutcome[]> {
  const { info, opts, facts } = ctx;
  const hc = healthcheckOf(info);
  const hasHc = hc !== null;
  const stageLine = facts.stage?.line ?? 1;
  const userLine = facts.user?.line ?? stageLine;
  // what this probe creates is removed by the run's cleanup, in the one `docker rm` of every
  // container (removing them here, before the verdicts return, held the run up ~0.15 s)
  const track = (id: string) => ctx.res.addContainer(id);
  // The operator's own overrides (valid values) or none: our sentinel values could break the app.
  const side = (args: string[], signal: AbortSignal) =>
    settle(
      ctx.mainStarted.then(async () => {
        const t0 = Date.now();
        const s = await ctx.startSide(args, opts.envOverrides, signal);
        return sideResult(s, t0);
      }),
    );
  const stop = new AbortController();
  // after the main container's docker run: created beside it, each would start slower
  let accountsSeen: (a: { passwd: string | null; group: string | null }) => void = () => {};
  const accountsP = new Promise<{ passwd: string | null; group: string | null }>((r) => (accountsSeen = r));
  // a named USER's side container waits for the image's account files; a numeric one needs none
  const namedUser = restrictedUser(info.user, null, null).kind === 'unresolved';
  // The main container's root is walked on the host as it starts (~0.1 s, done long before its
  // wait ends: graceful-stop never waits for it); the export when that is not sound here.
  const fsP = settle(
    ctx.mainStarted.then((mainId) => {
      const read = (async () => {
        const pid = mainId
          ? await inspectContainer(mainId).then(
              (s) => (s.running ? s.pid : 0),
              () => 0,
            )
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
    }),
  );
  // without both files streamed by, whatever the whole read found (a later call is ignored)
  void fsP.then((fs) => accountsSeen(fs.ok ? fs.value : { passwd: null, group: null }));
  // a numeric (or root) USER needs nothing from the filesystem: start at once; a named one as
  // soon as /etc/passwd and /etc/group have streamed by, not after the whole export
  const userP: Promise<RestrictedUser> = (async () => {
    const direct = restrictedUser(info.user, null, null);
    if (direct.kind !== 'unresolved') return direct;
    const { passwd, group } = await accountsP;
    return restrictedUser(info.user, passwd, group);
  })();
  // run-args that grant what the profile forbids would make a restricted run prove nothing
  const forbidden = forbiddenRunArgs(opts.runArgs ?? []);
  const runnable = (u: RestrictedUser): u is Extract<RestrictedUser, { uid: number }> =>
    (u.kind === 'numeric' || u.kind === 'named') && forbidden.length === 0;
  // root or an unresolved name: no restricted run, the side container is only read-only
  const firstP = userP.then((u) =>
    side(runnable(u) ? [...READ_ONLY_ARGS, ...restrictedArgs(u)] : READ_ONLY_ARGS, stop.signal),
  );

  const main = await ctx.main;
  const ok = mainOk(main);
  const grace = (c: AbortController) =>
    setTimeout(() => c.abort(), Math.max(SIDE_GRACE_MS, (main?.wait?.seconds ?? 1) * 1000)).unref();
  if (!ok) stop.abort();
  else grace(stop);
  // what the app wrote, read from its layer on the host (where `docker diff` would hold the
  // container's lock, and so the stop, for a walk of the whole image); the layer outlives the
  // stop, so the stop does not wait for this read
  const diffP = ok ? containerChanges(main.id, main.state) : Promise.resolve(null);
  // read the running main container; graceful-stop waits for these reads before it stops it
  const hcPort = facts.healthcheck?.port ?? (hc ? probePort(hc.test) : null);
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
  let ro: Settled<SideResult> = first;
  let restricted: Settled<SideResult> | null = combined ? first : null;
  if (ok && combined && first.ok && !passed(first.value, hasHc)) {
    const apart = new AbortController();
    grace(apart);
    [ro, restricted] = await Promise.all([
      side(READ_ONLY_ARGS, apart.signal),
      side(restrictedArgs(user), apart.signal),
    ]);
  }
  const together = combined && ro === first;
  const skip = (id: DeployCheckId) =>
    outcome({
      id,
      status: 'skip',
      detail: `the main container ${
        main === null
          ? 'did not start'
          : main.wait
            ? 'did not become healthy'
            : `exited (code ${main.state.exitCode})`
      }: nothing to compare with`,
    });
  const failedRun = (id: DeployCheckId, r: Settled<SideResult> | null) =>
    outcome({ id, status: 'error', detail: ctx.mask(r && !r.ok ? r.error : 'not run').slice(0, 300) });

  const results: CheckOutcome[] = [];
  results.push(
    fs.ok
      ? setuidOutcome(fs.value, stageLine)
      : outcome({
          id: 'setuid-files',
          status: 'error',
          detail: `the image's filesystem could not be read: ${fs.error}`.slice(0, 300),
        }),
  );
  if (!ok) results.push(skip('read-only-rootfs'));
  else if (!ro.ok) results.push(failedRun('read-only-rootfs', ro));
  else {
    const o = readOnlyOutcome(
      { ...ro.value, hasHealthcheck: hasHc, mainDiff: diff?.entries ?? null, mainDiffSource: diff?.source },
      stageLine,
    );
    if (together) o.check.detail += " (together with the restricted profile's settings)";
    results.push(o);
  }
  if (forbidden.length && (user.kind === 'numeric' || user.kind === 'named'))
    results.push(
      outcome({
        id: 'restricted-profile',
        status: 'skip',
        detail: ctx
          .mask(
            `not tried: run-args grant what the restricted profile forbids (${forbidden.join(', ')}), and later flags cannot take that back`,
          )
          .slice(0, 300),
        diagnosis: ctx.mask(
          `A pod with these settings is refused under the restricted Pod Security Standard: ${forbidden.join(', ')}. Run without them (they apply to every container of this run) to prove the image under the profile.`,
        ),
      }),
    );
  else if (!combined) results.push(restrictedOutcome({ user, hasHealthcheck: hasHc, ports: [] }, userLine));
  else if (!ok) results.push(skip('restricted-profile'));
  else if (!restricted?.ok) results.push(failedRun('restricted-profile', restricted));
  else {
    const o = restrictedOutcome({ user, run: restricted.value, hasHealthcheck: hasHc, ports }, userLine);
    if (together) o.check.detail += ' (and a read-only root)';
    results.push(o);
  }
  for (const r of results) {
    if (r.check.id === 'restricted-profile') r.check.line ??= userLine;
    // the container's own output: never shown unmasked
    if (r.check.diagnosis) r.check.diagnosis = ctx.mask(r.check.diagnosis);
  }
  return results;
}
