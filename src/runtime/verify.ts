// The runtime half: build (or take) the image, inspect it, run ONE sandboxed
// container, and answer the five checklist questions from evidence the engine and
// the host's /proc give us (no tool inside the image is needed). Never throws: a
// failed build or an engine error becomes checks with status 'error' and a reason.
// Everything created is removed in `finally`, and is labelled so post() can remove
// it when this step is killed.
import type { Check, CheckId, Finding } from '../report/types.js';
import { CHECK_IDS } from '../report/types.js';
import { redact, secretNameMatch, maskSecret } from '../secrets/detect.js';
import { buildImage, secretBuildArgValues } from '../docker/build.js';
import { RunResources } from '../docker/cleanup.js';
import { execIn, logs, readHostProc, runContainer, top, type ProcessInfo } from '../docker/container.js';
import { imageHistory, type HistoryEntry } from '../docker/history.js';
import {
  healthcheckOf,
  inspectContainer,
  inspectImage,
  type ContainerState,
  type ImageInfo,
} from '../docker/inspect.js';
import { watchRunEvents, type RunEvents } from '../docker/events.js';
import { echoUntrusted, plainHost, type Host } from '../host.js';
import { chooseOverrides, FALLBACK_KEY, judgeOverrides, parseEnviron, type ProcessEnv } from './env-probe.js';
import { probeCommand, probePort } from './health-diagnosis.js';
import { waitForHealth, type HealthWaitResult } from './health-probe.js';
import { failedVerdict, hiddenFailure, HealthExplainer } from './health/verdict.js';
import { listeningPorts } from './proc-net.js';
import { describeHit, scanImageSecrets } from './secret-probe.js';
import type { RuntimeOptions, RuntimeRequest, RuntimeResult, StaticFacts } from './types.js';
import { stageAt } from '../contracts.js';
import { decideUser } from './user-probe.js';
import { DEPLOY_PROBE_CHECKS, finishDeployProbes, startDeployProbes } from './deploy-probes.js';

export { cleanupRun } from '../docker/cleanup.js';

/** Is the image (a reference or id) in the engine? */
export async function imageExists(ref: string): Promise<boolean> {
  return (await inspectImage(ref)) !== null;
}

const NS = 1e9;
/** Our probe interval: the verdict comes ~1 s after the app is ready. */
const HEALTH_INTERVAL_SECONDS = 1;
/** A single probe may not hang longer than this (the image's timeout, capped). */
const MAX_PROBE_TIMEOUT_SECONDS = 10;
/** Without a HEALTHCHECK, let the entrypoint settle before looking at processes. */
const SETTLE_MS = 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (n: number) => Math.round(n * 100) / 100;

class Collector {
  readonly checks = new Map<CheckId, Check>();
  readonly findings: Finding[] = [];
  readonly notes: string[] = [];
  /** Raw secret values to mask in every text that leaves this module. */
  readonly secrets: string[] = [];
  /** The audit's facts, once the build no longer runs without them: they place every verdict. */
  facts: StaticFacts | null = null;

  constructor(private readonly opts: Pick<RuntimeOptions, 'displayPath'>) {}

  mask(text: string): string {
    return redact(text, this.secrets);
  }

  set(check: Check): void {
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

  find(
    ruleId: string,
    severity: Finding['severity'],
    check: CheckId | undefined,
    line: number,
    message: string,
  ): void {
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
  stageLine(): number {
    return this.facts?.stage?.line ?? 1;
  }

  /** The instruction a check is about: USER for non-root, HEALTHCHECK for the health checks. */
  private placeCheck(id: CheckId): Pick<Check, 'line' | 'endLine'> {
    const f = this.facts;
    if (!f) return {};
    const instr =
      id === 'non-root' ? f.user : id === 'healthy' || id === 'healthcheck-defined' ? f.healthcheck : null;
    const where = instr ?? f.stage;
    if (!where) return {};
    return where.endLine > where.line ? { line: where.line, endLine: where.endLine } : { line: where.line };
  }

  /** Every check not decided yet becomes 'error' with this reason. */
  fillErrors(reason: string): void {
    for (const id of [...CHECK_IDS, ...DEPLOY_PROBE_CHECKS]) {
      if (!this.checks.has(id)) this.set({ id, status: 'error', detail: reason });
    }
  }
}

export async function verifyRuntime(request: RuntimeRequest): Promise<RuntimeResult> {
  const t0 = Date.now();
  const c = new Collector(request);
  c.secrets.push(...secretBuildArgValues(request.buildArgs));
  const host = request.host ?? plainHost((s) => process.stderr.write(s));
  const res = new RunResources(request.runId, host);
  // Work still running when the step ends early: it must end (and its containers be tracked) before cleanup.
  const drains: (() => Promise<unknown>)[] = [];
  const result: RuntimeResult = { imageId: null, checks: [], findings: [], notes: c.notes, timings: {} };

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
    if (b?.imageId) res.addImage(b.imageId);
    // Everything from here reads the facts (a failed audit rejects them: cleanup still runs).
    const opts: RuntimeOptions = { ...request, facts: await request.facts };
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
        c.find(
          'HC909',
          'error',
          undefined,
          1,
          `The image did not build (exit ${b.exitCode}); see the build log tail. ${last}`.slice(0, 400),
        );
        c.fillErrors(reason);
        return result;
      }
      ref = b.imageId!;
      tag = b.tag;
    }

    // With buildx on the containerd image store the iidfile may hold a digest the
    // engine lists under another id: the run's own tag finds the same image.
    // history alongside inspect (independent reads of the same image)
    const early = imageHistory(ref).catch(() => null);
    const info = (await inspectImage(ref)) ?? (tag ? await inspectImage(tag) : null);
    if (!info) {
      c.fillErrors(
        `image ${ref} not found in the Docker engine${opts.image ? ' (pull or build it before this step)' : ''}`,
      );
      return result;
    }
    result.imageId = info.id;

    secretsCheck(c, opts, info, (await early) ?? (await imageHistory(info.id)));
    const hc = healthcheckOf(info);
    const hcLine = opts.facts.healthcheck?.line ?? c.stageLine();
    c.set(
      hc
        ? {
            id: 'healthcheck-defined',
            status: 'pass',
            detail: `HEALTHCHECK ${hc.test[0]} ${probeCommand(hc.test)}`.slice(0, 200),
          }
        : {
            id: 'healthcheck-defined',
            status: 'fail',
            detail:
              info.healthcheck?.test[0] === 'NONE'
                ? 'HEALTHCHECK NONE: the image disables its health check'
                : 'no HEALTHCHECK in the image (Config.Healthcheck is empty)',
          },
    );

    if (!opts.run) {
      const u = decideUser({
        processes: null,
        configUser: info.user,
        facts: opts.facts.user,
        unobservedReason: 'run: false',
      });
      c.set(u.check);
      userFindings(
        c,
        opts,
        u.rootProcesses.length > 0 || u.check.status === 'fail',
        u.nonNumericUser,
        info.user,
      );
      c.set({ id: 'healthy', status: 'skip', detail: 'not run (run: false)' });
      c.set({ id: 'env-override', status: 'skip', detail: 'not run (run: false)' });
      for (const id of DEPLOY_PROBE_CHECKS) c.set({ id, status: 'skip', detail: 'not run (run: false)' });
      return result;
    }

    await runProbes(c, opts, info, res, result, hcLine, host, drains);
  } catch (err) {
    res.markUnaccounted();
    const msg = err instanceof Error ? err.message : String(err);
    c.notes.push(c.mask(`runtime verification stopped: ${msg}`));
    c.fillErrors(`could not be decided: ${msg}`.slice(0, 300));
  } finally {
    await Promise.all(drains.map((d) => d().catch(() => null)));
    const problems = await res.cleanup();
    for (const p of problems) c.notes.push(c.mask(`cleanup: ${p}`));
    result.timings.verify = round((Date.now() - t0) / 1000 - (result.timings.build ?? 0));
    c.fillErrors('could not be decided');
    result.checks = [...CHECK_IDS, ...DEPLOY_PROBE_CHECKS].map((id) => c.checks.get(id)!);
    result.findings = c.findings;
    if (result.healthLog) result.healthLog = c.mask(result.healthLog);
  }
  return result;
}

function secretsCheck(c: Collector, opts: RuntimeOptions, info: ImageInfo, history: HistoryEntry[]): void {
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
    diagnosis:
      'Anyone who can pull the image can read these (docker inspect / docker history). Pass secrets at run time (env from the orchestrator, mounted files such as /run/secrets/NAME with a *_FILE variable) and at build time with `RUN --mount=type=secret`, never ENV or ARG.',
  });
  hits.forEach((h, i) => {
    c.find(
      'HC908',
      'error',
      'no-secrets',
      lines[i],
      `Secret in the image: ${describeHit(h)}. Use a build secret or a runtime secret instead.`,
    );
  });
}

/** The line that sets a variable: its ENV in the shipped stage, else the last ARG/ENV declaring it. */
function declaredLine(facts: StaticFacts, key: string, fallback: number): number {
  return (
    facts.env.find((e) => e.key === key)?.line ?? facts.declared.find((d) => d.key === key)?.line ?? fallback
  );
}

function userFindings(
  c: Collector,
  opts: RuntimeOptions,
  root: boolean,
  nonNumeric: boolean,
  configUser: string,
): void {
  const line = opts.facts.user?.line ?? c.stageLine();
  if (root) {
    c.find(
      'HC901',
      'error',
      'non-root',
      line,
      'The container runs as root. Add `USER <uid>` (numeric, e.g. 10001) as the last USER of the final stage.',
    );
  }
  // The static audit reports a named USER from the Dockerfile; only an image checked
  // without one (image input) needs this note.
  if (nonNumeric && !root && !opts.facts.user) {
    c.find(
      'HC911',
      'note',
      'non-root',
      line,
      `USER "${configUser}" is a name, not a numeric UID: Kubernetes runAsNonRoot cannot verify it. Prefer USER <uid>:<gid>.`,
    );
  }
}

async function listeningOf(id: string, pid: number): Promise<number[] | null> {
  if (pid > 0) {
    const [t4, t6] = await Promise.all([readHostProc(pid, 'net/tcp'), readHostProc(pid, 'net/tcp6')]);
    if (t4 !== null || t6 !== null) return listeningPorts(t4, t6);
  }
  // Fallback needs `cat` in the image.
  const [e4, e6] = await Promise.all([
    execIn(id, ['cat', '/proc/net/tcp']),
    execIn(id, ['cat', '/proc/net/tcp6']),
  ]);
  if (e4.exitCode !== 0 && e6.exitCode !== 0) return null;
  return listeningPorts(e4.exitCode === 0 ? e4.stdout : null, e6.exitCode === 0 ? e6.stdout : null);
}

/** A running container whose processes listen on no TCP port. */
async function listeningNowhere(id: string): Promise<boolean> {
  const s = await inspectContainer(id);
  return s.running && ((await listeningOf(id, s.pid)) ?? [1]).length === 0;
}

async function processEnvs(id: string, procs: ProcessInfo[]): Promise<{ envs: ProcessEnv[]; via: string }> {
  const envs: ProcessEnv[] = await Promise.all(
    procs.map(async (p) => {
      const raw = await readHostProc(p.pid, 'environ');
      return { pid: p.pid, comm: p.comm, env: raw === null ? null : parseEnviron(raw) };
    }),
  );
  if (envs.some((e) => e.env !== null)) return { envs, via: 'read from /proc/<pid>/environ on the host' };
  const e = await execIn(id, ['cat', '/proc/1/environ']);
  if (e.exitCode === 0)
    return {
      envs: [{ pid: 1, comm: 'pid 1', env: parseEnviron(e.stdout) }],
      via: 'read with docker exec cat /proc/1/environ',
    };
  return { envs, via: 'unreadable' };
}

async function runProbes(
  c: Collector,
  opts: RuntimeOptions,
  info: ImageInfo,
  res: RunResources,
  result: RuntimeResult,
  hcLine: number,
  host: Host,
  drains: (() => Promise<unknown>)[],
): Promise<void> {
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
  for (const [k, v] of Object.entries(choice.overrides)) if (secretNameMatch(k)) c.secrets.push(v);

  const imageTimeout = hc && hc.timeout > 0 ? hc.timeout / NS : 30;
  const health = hc
    ? {
        intervalSeconds: HEALTH_INTERVAL_SECONDS,
        timeoutSeconds: Math.max(
          1,
          Math.min(imageTimeout, MAX_PROBE_TIMEOUT_SECONDS, opts.healthTimeoutSeconds),
        ),
      }
    : undefined;
  type WaitHooks = {
    onTrouble?: () => void;
    onStarted?: (id: string) => void;
    signal?: AbortSignal;
    explain?: boolean;
  };
  const startAndWait = async (env: Record<string, string>, hooks: WaitHooks = {}) => {
    const events = hc ? watchRunEvents(opts.runId, opts.healthTimeoutSeconds + 60) : null;
    try {
      return await startAndWaitWith(env, events, hooks);
    } finally {
      events?.stop();
    }
  };
  const startAndWaitWith = async (
    env: Record<string, string>,
    events: RunEvents | null,
    hooks: WaitHooks,
  ) => {
    const run = await runContainer({
      image: info.id,
      runId: opts.runId,
      network: opts.network,
      env,
      health,
      runArgs: opts.runArgs,
    });
    if (run.id) res.addContainer(run.id);
    if (!run.id || run.error) res.markUnaccounted();
    if (!run.id || run.error)
      return {
        error: run.error || 'docker run printed no container id',
        id: '',
        wait: null,
        explainer: null,
      };
    const id = run.id;
    hooks.onStarted?.(id);
    let wait: HealthWaitResult | null = null;
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
    } else {
      await sleep(SETTLE_MS);
    }
    return { error: '', id, wait, explainer };
  };

  // Our sentinel values may be what breaks the app (APP_ENV=hc-sentinel-… is not a valid
  // environment). A plain container (no overrides) starts beside the first one when it exits or
  // fails twice in a row while listening nowhere, so asking "was it our values?" never costs a
  // second whole wait.
  const sentinelKeys = Object.keys(choice.overrides).filter((k) => k !== FALLBACK_KEY);
  const mayBreak = Boolean(hc && choice.derived && sentinelKeys.length > 0);
  // The deploy checks' export and side containers run while the main container starts.
  const deploy = startDeployProbes({
    imageId: info.id,
    configUser: info.user,
    runId: opts.runId,
    network: opts.network,
    env: choice.overrides,
    health,
    runArgs: opts.runArgs,
    hc,
    timeoutSeconds: opts.healthTimeoutSeconds,
    probePort: port,
    settleMs: SETTLE_MS,
    track: (cid) => res.addContainer(cid),
    markUnaccounted: () => res.markUnaccounted(),
    listening: listeningOf,
    stageLine: c.stageLine(),
    userLine: opts.facts.user?.line,
  });
  drains.push(() => deploy.abandon());
  const stopControl = new AbortController();
  let control: ReturnType<typeof startAndWait> | null = null;
  let controlId = '';
  const tHealth = Date.now();
  let run = await startAndWait(choice.overrides, {
    explain: true,
    onTrouble: mayBreak
      ? () =>
          void (control ??= startAndWait(
            {},
            { signal: stopControl.signal, onStarted: (cid) => (controlId = cid) },
          ))
      : undefined,
  }).catch(async (err: unknown) => {
    // the plain container must exist (and be tracked) before the caller's cleanup runs
    stopControl.abort();
    await (control as Promise<unknown> | null)?.catch(() => null);
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
    c.set(
      hc
        ? {
            id: 'healthy',
            status: 'fail',
            detail: `container did not start: ${why}`.slice(0, 300),
            diagnosis: why,
          }
        : { id: 'healthy', status: 'skip', detail: 'no HEALTHCHECK in the image' },
    );
    if (hc) c.find('HC906', 'error', 'healthy', hcLine, `The container did not start: ${why}`.slice(0, 400));
    c.set({ id: 'env-override', status: 'error', detail: `container did not start: ${why}`.slice(0, 300) });
    await finishDeployProbes(c, deploy, null);
    return;
  }
  let sentinelBroke = false;
  const controlRun = control as ReturnType<typeof startAndWait> | null;
  if (controlRun) {
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
  const id = run.id;
  const wait = run.wait;
  const healthSeconds = round((Date.now() - tHealth) / 1000);
  // The wait just polled the state; without a HEALTHCHECK look once now.
  const state: ContainerState = wait?.state ?? (await inspectContainer(id));
  // Read the logs while the other probes run (each docker call costs ~30 ms).
  const logsP = logs(id, 50);

  // non-root: the UIDs the host sees.
  const tUser = Date.now();
  const procs = state.running ? await top(id).catch(() => null) : null;
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
  } else {
    await envCheck(c, opts, choice, state, id, procs);
  }
  const envSeconds = round((Date.now() - tEnv) / 1000);
  const envCheckNow = c.checks.get('env-override');
  if (envCheckNow) envCheckNow.seconds = envSeconds;

  // healthy
  if (!hc || !wait) {
    c.set({
      id: 'healthy',
      status: 'skip',
      detail: info.healthcheck ? 'HEALTHCHECK NONE: nothing to wait for' : 'no HEALTHCHECK in the image',
    });
  } else if (wait.outcome === 'healthy') {
    const s = round(wait.secondsToHealthy ?? wait.seconds);
    // a probe that exits 0 whatever the app answers proves nothing
    const hidden = await hiddenFailure(id, state.pid, hc.test);
    if (hidden) {
      c.set({ id: 'healthy', status: 'fail', seconds: s, detail: hidden.summary, diagnosis: hidden.text });
      c.find(hidden.ruleId, 'error', 'healthy', hcLine, hidden.summary);
    } else
      c.set({
        id: 'healthy',
        status: 'pass',
        seconds: s,
        detail: `healthy ${s} s after start (verdict at ${round(wait.seconds)} s, probe every ${HEALTH_INTERVAL_SECONDS} s)`,
      });
  } else {
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

  // The side containers got our sentinel values: when those broke the app there is nothing to compare.
  const mainOk =
    !sentinelBroke &&
    (hc ? wait?.outcome === 'healthy' && c.checks.get('healthy')?.status === 'pass' : state.running);
  const ports = mainOk ? ((await listeningOf(id, state.pid).catch(() => null)) ?? []) : [];
  await finishDeployProbes(c, deploy, {
    ok: mainOk,
    reason: sentinelBroke
      ? 'became healthy only without the sentinel env values'
      : hc
        ? 'did not become healthy'
        : `exited (code ${state.exitCode})`,
    seconds: healthSeconds,
    containerId: id,
    ports: [...new Set([...appPorts, ...ports])],
  });

  // The plain container must be known before cleanup (it stops within a poll once aborted).
  await controlRun;
  // The container's own output, for the job log (untrusted: no workflow commands).
  const out = await logsP;
  if (out)
    await host.group('Container logs (last 50 lines)', async () => echoUntrusted(host, out, c.secrets));
}

async function envCheck(
  c: Collector,
  opts: RuntimeOptions,
  choice: ReturnType<typeof chooseOverrides>,
  state: ContainerState,
  id: string,
  procs: ProcessInfo[] | null,
): Promise<void> {
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
  const show = (key: string, value: string | null) =>
    value === null
      ? 'unset'
      : secretNameMatch(key)
        ? maskSecret(value)
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
    c.find(
      'HC312',
      'error',
      'env-override',
      lines[i],
      `docker run -e ${r.key}=… does not reach the app: ${r.comm} sees ${show(r.key, r.seen)}. Let the environment win (e.g. \`: "\${${r.key}:=default}"\` in the entrypoint instead of export ${r.key}=…).`,
    );
  });
}
