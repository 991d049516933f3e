// The pipeline both entry points run: targets -> static audit -> (build, run, probes)
// -> one Report. No GitHub here: publishing is the caller's job.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { settle } from './engine/settle.js';
import { TargetNotFoundError } from './dockerfile/errors.js';
import { InputError } from './inputs.js';
import type { Config } from './config.js';
import type { FailOn, Report, TargetReport } from './report/types.js';
import { decideResult } from './report/verdict.js';
import { resolveDockerfiles } from './targets.js';
import type { AuditScan } from './engine/audit.js';
import type { RuntimeRequest, RuntimeResult, StaticFacts } from './runtime/types.js';

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
  /** Name of the input the Dockerfile paths came from, for errors ('' in the CLI). */
  dockerfileInput?: string;
  /** Progress messages for the log. */
  log: PipelineLog;
  /** The runtime half, injected so the static pipeline loads and tests without Docker. */
  runtime?: RuntimeAdapter;
}

export interface PipelineLog {
  info(message: string): void;
  warning(message: string): void;
}

export interface RuntimeAdapter {
  available(): Promise<boolean>;
  /** Is this image in the engine? (the `image` input is checked before any audit) */
  imageExists?(ref: string): Promise<boolean>;
  verify(opts: RuntimeRequest): Promise<RuntimeResult>;
}

/** A Dockerfile that cannot be read: reported with its path, never a stack trace. */
export class DockerfileReadError extends Error {}

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
  const report: Report = {
    version: 1,
    result: 'pass',
    failOn: opts.failOn,
    targets,
    checks: targets.length === 1 ? targets[0].checks : mergeAcrossTargets(targets),
    findings: targets.flatMap((t) => t.findings),
  };
  report.result = decideResult(report, opts.failOn);
  return report;
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
    opts.log.warning(
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
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new DockerfileReadError(
      `${file}: cannot read the Dockerfile (${(e as NodeJS.ErrnoException).code ?? e}).`,
    );
  }
  const context = path.resolve(opts.workspace, opts.context || path.dirname(file));
  // The build does not need the audit, only the probes after it do: start the build, then
  // load the audit modules (the parser, the validator, every rule) and audit while it runs.
  const facts = deferred<StaticFacts>();
  let verifying: Promise<RuntimeResult> | null = null;
  // false at once when no runtime is asked for (checkEngine)
  if (opts.runtime && (await engineCheck)) {
    opts.log.info(
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
      runArgs: opts.runArgs,
      network: opts.network,
      runId: opts.runId,
      facts: facts.promise,
    });
  }

  let scan: AuditScan;
  let auditSeconds: number;
  try {
    const { scanDockerfile } = await import('./engine/audit.js');
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
    if (e instanceof TargetNotFoundError) throw new InputError(`Input "target": ${e.message}`);
    throw e;
  }
  const timings = { audit: round(auditSeconds) };
  if (!wantsRuntime(opts) || !verifying) {
    const { checks, findings } = settle(scan, null);
    const note = wantsRuntime(opts)
      ? 'No Docker engine answered: static audit only.'
      : 'Static audit only (build: false).';
    return { dockerfile: file, image: null, checks, findings, timings, notes: [note] };
  }
  const runtime = await verifying;
  const { checks, findings } = settle(scan, runtime);
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

/** With several targets, the top-level checklist shows the worst status per check. */
function mergeAcrossTargets(targets: TargetReport[]): Report['checks'] {
  const rank = { fail: 0, error: 1, pass: 2, skip: 3 } as const;
  const ids = targets[0]?.checks.map((c) => c.id) ?? [];
  return ids.map((id) => {
    const all = targets.map((t) => ({ t, c: t.checks.find((c) => c.id === id)! })).filter((x) => x.c);
    all.sort((a, b) => rank[a.c.status] - rank[b.c.status]);
    const worst = all[0];
    return { ...worst.c, detail: `${worst.t.dockerfile}: ${worst.c.detail}` };
  });
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
