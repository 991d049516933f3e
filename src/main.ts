// The action's main step: inputs -> pipeline -> publish (outputs, summary, comment,
// annotations, SARIF) -> verdict. Does nothing at import: index.ts calls run().
import * as path from 'node:path';
import * as core from '@actions/core';
import { getInputs, InputError, type Inputs } from './inputs.js';
import { loadConfig, ConfigError } from './config.js';
import { runPipeline, DockerfileReadError } from './pipeline.js';
import { publish, publishOnly } from './github/publish.js';
import { newRunId } from './run-id.js';
import { probeEngine } from './docker/engine.js';
import { planTargets } from './plan.js';
import { inlineText } from './report/escape.js';
import { ReportFormatError } from './report/json.js';
import { actionsHost } from './github/actions-host.js';
import { traceDockerCalls } from './docker/exec.js';
// The runtime half (docker adapter, probes, @actions/exec) loads only when a build or an
// image is asked for: a static run never pays for it.
const runtime = () => import('./runtime/verify.js');

export async function run(): Promise<void> {
  // Timing of every docker call in the debug log (ACTIONS_STEP_DEBUG).
  if (core.isDebug()) traceDockerCalls(actionsHost.debug);
  try {
    const inputs = getInputs();
    if (inputs.plan) {
      await plan(inputs);
      return;
    }
    if (inputs.report) {
      await publishOnly(inputs);
      return;
    }
    await audit(inputs);
  } catch (e) {
    fail(e);
  }
}

async function audit(inputs: Inputs): Promise<void> {
  // The runtime half loads first, so the build can start before the audit modules finish loading.
  if (inputs.build || inputs.image) void runtime();
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const config = loadConfig(
    inputs.config ? path.resolve(workspace, inputs.config) : '',
    path.join(workspace, '.harden-check.yml'),
  );
  if (config.path) core.info(`Config: ${path.relative(workspace, config.path) || config.path}`);
  const report = await runPipeline({
    workspace,
    dockerfile: inputs.dockerfile,
    context: inputs.context,
    buildArgs: inputs['build-args'],
    target: inputs.target,
    buildFlags: inputs['build-flags'],
    image: inputs.image,
    build: inputs.build,
    run: inputs.run,
    envOverrides: inputs['env-overrides'],
    healthTimeout: inputs['health-timeout'],
    checks: inputs.checks,
    stopTimeout: inputs['stop-timeout'],
    runArgs: inputs['run-args'],
    network: inputs.network,
    ignore: inputs.ignore,
    failOn: inputs['fail-on'],
    config,
    runId: newRunId(),
    host: actionsHost,
    runtime: {
      available: probeEngine,
      verify: async (o) => (await runtime()).verifyRuntime(o),
      imageExists: async (ref) => (await runtime()).imageExists(ref),
    },
  });
  await publish(report, inputs);
}

/** Plan mode: the targets output for a matrix, a list in the log and the job summary; nothing else. */
async function plan(inputs: Inputs): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  // A broken config fails the plan job, before forty legs each fail on it.
  loadConfig(
    inputs.config ? path.resolve(workspace, inputs.config) : '',
    path.join(workspace, '.harden-check.yml'),
  );
  const targets = planTargets({
    dockerfile: inputs.dockerfile,
    workspace,
    context: inputs.context,
    target: inputs.target,
  });
  core.setOutput('targets', JSON.stringify(targets));
  core.info(`Planned ${targets.length} target${targets.length === 1 ? '' : 's'}:`);
  for (const t of targets)
    core.info(`  ${t.id}: ${t.dockerfile} (context ${t.context}${t.target ? `, target ${t.target}` : ''})`);
  if (inputs.summary) {
    await core.summary
      .addHeading('harden-check plan', 3)
      .addTable([
        [
          { data: 'id', header: true },
          { data: 'Dockerfile', header: true },
          { data: 'context', header: true },
          { data: 'target', header: true },
        ],
        ...targets.map((t) =>
          [t.id, t.dockerfile, t.context, t.target || '(last stage)'].map((cell) => inlineText(cell)),
        ),
      ])
      .write();
  }
}

/** Known problems are one line; anything else gets its stack only in debug mode. */
function fail(e: unknown): void {
  if (
    e instanceof InputError ||
    e instanceof ConfigError ||
    e instanceof DockerfileReadError ||
    e instanceof ReportFormatError
  ) {
    core.setFailed(e.message);
    return;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  core.setFailed(`harden-check failed: ${err.message}`);
  if (core.isDebug() && err.stack) core.debug(err.stack);
}
