// The pipeline both entry points run: targets -> static audit -> (build, run, probes)
// -> one Report. No GitHub here: publishing is the caller's job.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { settle } from './audit/settle.js';
import { TargetNotFoundError } from './dockerfile/errors.js';
import { InputError } from './option-parsers.js';
import type { Config } from './config.js';
import { CHECK_IDS, type CheckId, type FailOn, type Report, type TargetReport } from './report/types.js';
import { finalizeReport } from './report/finalize.js';
import type { Host } from './host.js';
import { resolveDockerfiles } from './targets.js';
import type { AuditScan } from './audit/audit.js';
import type { RuntimeRequest, RuntimeResult } from './runtime/types.js';
import { DEFAULT_STOP_TIMEOUT_SECONDS, type StaticFacts } from './contracts.js';

export interface PipelineOptions {
  workspace: string;
  dockerfile: string[];
  context: string;
  buildArgs: Record<string, string>;
  target: string;
  buildFlags: string[];
  image: string;
  build: boolean;
  run: boolean;
  envOverrides: Record<string, string>;
  healthTimeout: number;
  /** The checks that must pass (the `checks` input); default: the lesson's five. */
  checks?: readonly CheckId[];
  /** graceful-stop: seconds between the stop signal and SIGKILL (default 10). */
  stopTimeout?: number;
  runArgs: string[];
  network: string;
  ignore: string[];
  failOn: FailOn;
  config: Config;
  runId: string;
  /** How errors name the image input: 'Input "image"' (default) or 'Option --image'. */
  imageInput?: string;
  /** How errors name the context input: 'Input "context"' (default) or 'Option --context'. */
  contextInput?: string;
  /** How errors name the target input: 'Input "target"' (default) or 'Option --target'. */
  targetInput?: string;
  /** Name of the input the Dockerfile paths came from, for errors ('' in the CLI). */
  dockerfileInput?: string;
  /** Where progress, warnings and the runtime's logs go (the runner or a terminal). */
  host: Host;
  /** The runtime half, injected so the static pipeline loads and tests without Docker. */
  runtime?: RuntimeAdapter;
}

export interface RuntimeAdapter {
  available(): Promise<boolean>;
  /** Is this image in the engine? (the `image` input is checked before any audit) */
  imageExists?(ref: string): Promise<boolean>;
  verify(opts: RuntimeRequest): Promise<RuntimeResult>;
}

/** A Dockerfile that cannot be read: reported with its path, never a stack trace. */
export class DockerfileReadError extends Error {}

/** The text of a target (`file` as the user named it, `abs` resolved); DockerfileReadError when unreadable. */
export function readDockerfile(file: string, abs: string): string {
  try {
    return readFileSync(abs, 'utf8');
  } catch (e) {
    throw new DockerfileReadError(
      `${file}: cannot read the Dockerfile (${(e as NodeJS.ErrnoException).code ?? e}).`,
    );
  }
}

export async function runPipeline(opts: PipelineOptions): Promise<Report> {
  const files = resolveDockerfiles(opts.dockerfile, opts.workspace, opts.dockerfileInput ?? 'dockerfile');
  checkContext(opts);
  // Asked once for all targets; each awaits it before starting its build.
  const engine = checkEngine(opts);
  engine.catch(() => undefined); // a read error may come first; the rejection is then moot
  const targets: TargetReport[] = [];
  for (const file of files) {
    targets.push(await auditTarget(file, opts, engine));
  }
  return finalizeReport(targets, opts.failOn);
}

/** A build context that is not a directory fails the build with docker's words; say it as an input error. */
function checkContext(opts: PipelineOptions): void {
  if (!opts.build || opts.image !== '' || opts.context === '') return;
  const dir = path.resolve(opts.workspace, opts.context);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new InputError(
      `${opts.contextInput ?? 'Input "context"'}: "${opts.context}" is not a directory (looked in ${opts.workspace}).`,
    );
  }
}

/** A build or an image to check: the runtime half is asked for. */
function wantsRuntime(opts: PipelineOptions): boolean {
  return opts.image !== '' || opts.build;
}

/** Does an engine answer (warned once when not)? Throws InputError for a missing `image`. */
async function checkEngine(opts: PipelineOptions): Promise<boolean> {
  if (!wantsRuntime(opts) || !opts.runtime) return false;
  const engine = await opts.runtime.available();
  if (!engine) {
    opts.host.warning(
      'No Docker engine answered: static audit only (the healthy and env-override checks are skipped).',
    );
    return false;
  }
  if (opts.image !== '' && opts.runtime.imageExists && !(await opts.runtime.imageExists(opts.image))) {
    throw new InputError(
      `${opts.imageInput ?? 'Input "image"'}: "${opts.image}" is not in the Docker engine; pull or build it before this step, or leave it empty to build the Dockerfile.`,
    );
  }
  return true;
}

async function auditTarget(
  file: string,
  opts: PipelineOptions,
  engineCheck: Promise<boolean>,
): Promise<TargetReport> {
  const abs = path.resolve(opts.workspace, file);
  const text = readDockerfile(file, abs);
  const context = path.resolve(opts.workspace, opts.context || path.dirname(file));
  // The build does not need the audit, only the probes after it do: start the build, then
  // load the audit modules (the parser, the validator, every rule) and audit while it runs.
  const facts = deferred<StaticFacts>();
  let verifying: Promise<RuntimeResult> | null = null;
  // false at once when no runtime is asked for (checkEngine)
  if (opts.runtime && (await engineCheck)) {
    opts.host.info(
      `${file}: ${opts.image ? `verifying image ${opts.image}` : 'building and verifying the image'}…`,
    );
    verifying = opts.runtime.verify({
      dockerfile: abs,
      displayPath: file,
      context,
      buildArgs: opts.buildArgs,
      target: opts.target,
      buildFlags: opts.buildFlags,
      image: opts.image,
      run: opts.run,
      envOverrides: opts.envOverrides,
      healthTimeoutSeconds: opts.healthTimeout,
      stopTimeoutSeconds: opts.stopTimeout ?? DEFAULT_STOP_TIMEOUT_SECONDS,
      runArgs: opts.runArgs,
      network: opts.network,
      runId: opts.runId,
      host: opts.host,
      facts: facts.promise,
    });
  }

  let scan: AuditScan;
  let auditSeconds: number;
  try {
    const { scanDockerfile } = await import('./audit/audit.js');
    const t0 = process.hrtime.bigint();
    scan = scanDockerfile({
      file,
      text,
      target: opts.target || undefined,
      buildArgs: opts.buildArgs,
      buildFlags: opts.buildFlags,
      config: opts.config,
      ignore: opts.ignore,
      dockerignore: readDockerignore(abs, context),
    });
    auditSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    facts.resolve(scan.facts);
  } catch (e) {
    // The verification stops at the facts and removes what it built before we report.
    facts.reject(e);
    await verifying?.catch(() => undefined);
    if (e instanceof TargetNotFoundError) {
      throw new InputError(`${opts.targetInput ?? 'Input "target"'}: ${e.message}`);
    }
    throw e;
  }
  const timings = { audit: round(auditSeconds) };
  if (!wantsRuntime(opts) || !verifying) {
    const { checks, findings } = settle(scan, null, opts.checks ?? CHECK_IDS);
    const note = wantsRuntime(opts)
      ? 'No Docker engine answered: static audit only.'
      : 'Static audit only (build: false).';
    return { dockerfile: file, image: null, checks, findings, timings, notes: [note] };
  }
  const runtime = await verifying;
  const { checks, findings } = settle(scan, runtime, opts.checks ?? CHECK_IDS);
  const target: TargetReport = {
    dockerfile: file,
    image: runtime.imageId,
    checks,
    findings,
    timings,
    notes: [],
  };
  target.timings.build = runtime.timings.build;
  target.timings.verify = runtime.timings.verify;
  target.buildLogTail = runtime.buildLogTail;
  target.healthLog = runtime.healthLog;
  if (runtime.kubernetes) target.kubernetes = runtime.kubernetes;
  target.notes!.push(...runtime.notes);
  return target;
}

/** A promise with its resolve and reject at hand (the facts the verification waits for). */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined); // a verification that never asks must not leave it unhandled
  return { promise, resolve, reject };
}

/** `.dockerignore` of the context, or `<Dockerfile>.dockerignore` next to the Dockerfile (BuildKit). */
export function readDockerignore(dockerfile: string, context: string): string | null {
  for (const candidate of [`${dockerfile}.dockerignore`, path.join(context, '.dockerignore')]) {
    if (existsSync(candidate)) {
      try {
        return readFileSync(candidate, 'utf8');
      } catch {
        return null;
      }
    }
  }
  return null;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
