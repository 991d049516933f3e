// The runtime half: build (or take) the image, inspect it, run ONE sandboxed container,
// and answer the five checklist questions from evidence the engine and the host's /proc
// give us (no tool inside the image is needed). Each question is one module under
// checks/; this file only orders them. Never throws: a failed build or an engine error
// becomes checks with status 'error' and a reason. Everything created is removed in
// `finally`, and is labelled so post() can remove it when this step is killed.
import { ALL_CHECK_IDS } from '../report/types.js';
import { secretNameMatch } from '../secrets/detect.js';
import { buildImage, secretBuildArgValues } from '../docker/build.js';
import { RunResources } from '../docker/cleanup.js';
import { logs, top } from '../docker/container.js';
import { imageHistory } from '../docker/history.js';
import { healthcheckOf, inspectImage, type ImageInfo } from '../docker/inspect.js';
import { echoUntrusted, plainHost, type Host } from '../host.js';
import { buildFailure } from './build-failure.js';
import { checkEnvOverride, sentinelRefused } from './checks/env-override.js';
import { gracefulStopProbe } from './checks/graceful-stop.js';
import { checkHealthcheckDefined } from './checks/healthcheck-defined.js';
import { checkHealthy, healthyNotStarted } from './checks/healthy.js';
import { checkNoSecrets } from './checks/no-secrets.js';
import { checkNonRoot } from './checks/non-root.js';
import { Collector } from './collector.js';
import { launchAfterRun, type AfterRunProbe } from './context.js';
import { deployProbe } from './deploy-probes.js';
import { chooseOverrides } from './env-probe.js';
import { probePort } from './health-diagnosis.js';
import { snippetOfRun } from './kubernetes-snippet.js';
import { startAndWait, startMain } from './session.js';
import type { RuntimeOptions, RuntimeRequest, RuntimeResult } from './types.js';

export { cleanupRun } from '../docker/cleanup.js';

/**
 * Deploy checks run beside the checklist: each is called before the main container starts
 * (it may start side containers concurrently) and decides once the main one is observed.
 */
const AFTER_RUN_PROBES: readonly AfterRunProbe[] = [gracefulStopProbe, deployProbe];

/** Is the image (a reference or id) in the engine? */
export async function imageExists(ref: string): Promise<boolean> {
  return (await inspectImage(ref)) !== null;
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function verifyRuntime(request: RuntimeRequest): Promise<RuntimeResult> {
  const t0 = Date.now();
  const c = new Collector(request);
  c.secrets.push(...secretBuildArgValues(request.buildArgs));
  const host = request.host ?? plainHost((s) => process.stderr.write(s));
  const res = new RunResources(request.runId, host);
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
        const failure = buildFailure(b);
        c.find(failure.finding);
        c.fillErrors(failure.reason);
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

    c.add(checkNoSecrets(info, (await early) ?? (await imageHistory(info.id)), opts.facts));
    c.add(checkHealthcheckDefined(info));

    if (!opts.run) {
      c.add(userFromConfig(c, opts, info, 'run: false'));
      c.set({ id: 'healthy', status: 'skip', detail: 'not run (run: false)' });
      c.set({ id: 'env-override', status: 'skip', detail: 'not run (run: false)' });
      return result;
    }

    await runAndObserve(c, opts, info, res, result, host);
  } catch (err) {
    res.markUnaccounted();
    const msg = err instanceof Error ? err.message : String(err);
    c.notes.push(c.mask(`runtime verification stopped: ${msg}`));
    c.fillErrors(`could not be decided: ${msg}`.slice(0, 300));
  } finally {
    const problems = await res.cleanup();
    for (const p of problems) c.notes.push(c.mask(`cleanup: ${p}`));
    result.timings.verify = round((Date.now() - t0) / 1000 - (result.timings.build ?? 0));
    c.fillErrors('could not be decided');
    // The five checklist items always; a deploy check only when a probe decided it.
    result.checks = ALL_CHECK_IDS.flatMap((id) => c.checks.get(id) ?? []);
    result.findings = c.findings;
    if (result.healthLog) result.healthLog = c.mask(result.healthLog);
  }
  return result;
}

/** non-root when no process can be observed: the image's Config.User decides, and the detail says why. */
function userFromConfig(c: Collector, opts: RuntimeOptions, info: ImageInfo, why: string) {
  return checkNonRoot({
    processes: null,
    unobservedReason: why,
    configUser: info.user,
    facts: opts.facts,
    stageLine: c.stageLine(),
  });
}

/** Runs the main container (and the after-run probes beside it) and decides non-root, env-override and healthy. */
async function runAndObserve(
  c: Collector,
  opts: RuntimeOptions,
  info: ImageInfo,
  res: RunResources,
  result: RuntimeResult,
  host: Host,
): Promise<void> {
  const hc = healthcheckOf(info);
  const hcLine = opts.facts.healthcheck?.line ?? c.stageLine();
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
    const healthSeconds = round((Date.now() - tHealth) / 1000);
    // Read the logs while the other probes run (each docker call costs ~30 ms).
    const logsP = logs(id, 50);

    const tUser = Date.now();
    const procs = state.running ? await top(id).catch(() => null) : null;
    const user = checkNonRoot({
      processes: procs,
      unobservedReason: state.running
        ? 'docker top failed'
        : `the container exited (code ${state.exitCode}) before its processes could be observed`,
      configUser: info.user,
      facts: opts.facts,
      stageLine: c.stageLine(),
    });
    c.add({ ...user, check: { ...user.check, seconds: round((Date.now() - tUser) / 1000) } });

    const tEnv = Date.now();
    const env = session.sentinelBroke
      ? sentinelRefused(session.sentinelKeys)
      : await checkEnvOverride({
          choice,
          containerId: id,
          state,
          procs,
          facts: opts.facts,
          stageLine: c.stageLine(),
        });
    c.add({ ...env, check: { ...env.check, seconds: round((Date.now() - tEnv) / 1000) } });

    c.add(
      await checkHealthy({
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
      }),
    );
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
  } finally {
    // Every probe's containers are tracked before the caller's cleanup runs.
    const done = await after.outcomes();
    for (const o of done.outcomes) c.add(o);
    for (const n of done.notes) c.notes.push(c.mask(n));
    result.kubernetes = snippetOfRun(
      c.checks.values(),
      info,
      opts.stopTimeoutSeconds,
      done.outcomes,
      opts.runArgs ?? [],
    );
  }
}
