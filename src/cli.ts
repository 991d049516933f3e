// The local CLI (`npx harden-check Dockerfile`): the same pipeline as the action, with
// console output. Known problems print one line naming the file (and line) and exit 2;
// never a stack trace unless HARDEN_CHECK_DEBUG is set.
import * as path from 'node:path';
import { parseCliArgs, USAGE, type CliOptions } from './cli/args.js';
import { renderText } from './cli/text.js';
import { plainHost } from './host.js';
import { traceDockerCalls } from './docker/exec.js';
import { InputError } from './option-parsers.js';
import { ConfigError, loadConfig } from './config.js';
import { DockerfileReadError, runPipeline, type PipelineOptions } from './pipeline.js';
import { newRunId } from './run-id.js';
import { imageExists, verifyRuntime, cleanupRun } from './runtime/verify.js';
import { probeEngine } from './docker/engine.js';
import { serializeReport } from './report/json.js';
import { renderSarif } from './report/sarif.js';
import { fileSourceReader } from './report/source.js';
import { renderMarkdown } from './report/markdown.js';
import { renderCheckstyle } from './report/checkstyle.js';
import { renderJunit } from './report/junit.js';
import { renderGitlab } from './report/gitlab.js';
import { allRuleMetas, ruleMeta } from './rules/registry.js';
import { renderRuleIndex } from './rules/rule-index.js';
import type { Report } from './report/types.js';
import { VERSION } from './version.js';
import { remainingResult, runFix } from './cli/fix.js';
import { planTargets } from './plan.js';
import type { Config } from './config.js';

const debug = Boolean(process.env.HARDEN_CHECK_DEBUG);
const cliHost = plainHost((s) => process.stderr.write(s), { debug });
if (debug) traceDockerCalls(cliHost.debug);

export async function main(argv: string[]): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseCliArgs(argv);
  } catch (e) {
    return usageError(e);
  }
  if (opts.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (opts.version) {
    process.stdout.write(`harden-check ${VERSION}\n`);
    return 0;
  }
  if (opts.listRules) {
    const metas = allRuleMetas();
    process.stdout.write(
      (opts.format === 'json' ? JSON.stringify(metas, null, 2) : renderRuleIndex(metas)) + '\n',
    );
    return 0;
  }
  const workspace = process.cwd();
  if (opts.listTargets) {
    try {
      const targets = planTargets({
        dockerfile: opts.dockerfiles,
        workspace,
        context: opts.context,
        target: opts.target,
        dockerfileInput: '',
      });
      process.stdout.write(JSON.stringify(targets, null, 2) + '\n');
      return 0;
    } catch (e) {
      return usageError(e);
    }
  }
  const runId = `cli-${newRunId({})}`;
  // Ctrl-C: remove what this run created before exiting.
  const onSignal = () => {
    void cleanupRun(runId, []).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const config = loadConfig(
      opts.config ? path.resolve(opts.config) : '',
      path.join(workspace, '.harden-check.yml'),
    );
    if (opts.fix) return await fixCommand(opts, config, workspace, runId);
    const report = await runPipeline(pipelineOptions(opts, config, workspace, runId));
    process.stdout.write(render(report, opts));
    return report.result === 'pass' ? 0 : 1;
  } catch (e) {
    return usageError(e);
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/** --fix / --fix --dry-run (src/cli/fix.ts); the report of what remains is a static one. */
async function fixCommand(
  opts: CliOptions,
  config: Config,
  workspace: string,
  runId: string,
): Promise<number> {
  const outcome = await runFix(opts, config, workspace, {
    stdout: (s) => process.stdout.write(s),
    // the list of fixes goes with the text report; stderr keeps json/sarif output and the diff clean
    info: (s) => (opts.format === 'text' && !opts.dryRun ? process.stdout : process.stderr).write(s),
    stderr: (s) => process.stderr.write(s),
  });
  if (outcome.abort !== null) return outcome.abort;
  if (opts.dryRun) {
    // stdout carries only the diff (for patch / git apply): the rest goes to stderr.
    const n = outcome.remaining.length;
    process.stderr.write(`harden-check: ${n} finding${n === 1 ? '' : 's'} would remain.\n`);
    return remainingResult(outcome, opts) === 'pass' ? 0 : 1;
  }
  // the report of what remains: the same pipeline, static only
  const report = await runPipeline({
    ...pipelineOptions(opts, config, workspace, runId),
    buildFlags: [],
    image: '',
    build: false,
    run: false,
    envOverrides: {},
    runArgs: [],
    runtime: undefined,
  });
  process.stdout.write((opts.format === 'text' ? '\n' : '') + render(report, opts));
  return report.result === 'pass' ? 0 : 1;
}

/** The pipeline as the CLI's options ask for it, with stderr as its log and the real runtime. */
function pipelineOptions(
  opts: CliOptions,
  config: Config,
  workspace: string,
  runId: string,
): PipelineOptions {
  return {
    workspace,
    dockerfile: opts.dockerfiles,
    dockerfileInput: '',
    context: opts.context,
    buildArgs: opts.buildArgs,
    target: opts.target,
    buildFlags: opts.buildFlags,
    image: opts.image,
    imageInput: 'Option --image',
    contextInput: 'Option --context',
    targetInput: 'Option --target',
    build: opts.build,
    run: opts.run,
    envOverrides: opts.envOverrides,
    healthTimeout: opts.healthTimeout,
    checks: opts.checks,
    stopTimeout: opts.stopTimeout,
    runArgs: opts.runArgs,
    network: opts.network,
    ignore: opts.ignore,
    failOn: opts.failOn,
    config,
    runId,
    // stdout belongs to the report: the log (and the one clear line when no engine answers) goes to stderr
    host: cliHost,
    runtime: { available: probeEngine, verify: verifyRuntime, imageExists },
  };
}

function render(report: Report, opts: CliOptions): string {
  switch (opts.format) {
    case 'json':
      return serializeReport(report) + '\n';
    case 'sarif':
      return (
        JSON.stringify(
          renderSarif(report, {
            ruleMeta,
            workspace: process.cwd(),
            readSource: fileSourceReader(process.cwd()),
            toolVersion: VERSION,
          }),
          null,
          2,
        ) + '\n'
      );
    case 'markdown':
      return renderMarkdown(report) + '\n';
    case 'checkstyle':
      return renderCheckstyle(report, { workspace: process.cwd() });
    case 'junit':
      return renderJunit(report, { workspace: process.cwd() });
    case 'gitlab':
      return (
        JSON.stringify(
          renderGitlab(report, { workspace: process.cwd(), readSource: fileSourceReader(process.cwd()) }),
          null,
          2,
        ) + '\n'
      );
    default:
      return renderText(report, opts.color);
  }
}

function usageError(e: unknown): number {
  if (e instanceof InputError || e instanceof ConfigError || e instanceof DockerfileReadError) {
    process.stderr.write(`harden-check: ${e.message}\n`);
    return 2;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  process.stderr.write(`harden-check: internal error: ${err.message}\n`);
  if (process.env.HARDEN_CHECK_DEBUG && err.stack) process.stderr.write(err.stack + '\n');
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
