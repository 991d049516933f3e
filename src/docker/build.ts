// Build the image the way the user's workflow would: buildx (`--load`, so the image
// lands in the engine we then run) when the client has it, else the classic
// `docker build` (BuildKit when DOCKER_BUILDKIT=1). The image id comes from
// --iidfile, never from parsing the log. A build that runs past the build timeout (15 min,
// or HARDEN_CHECK_BUILD_TIMEOUT seconds) is stopped and reported as a failed build.
import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { secretNameMatch } from '../secrets/detect.js';
import { hasBuildx } from './engine.js';
import { docker } from './exec.js';
import { TailBuffer } from './log.js';
import type { Host } from '../host.js';
import { RUN_LABEL } from './labels.js';

export type Builder = 'buildx' | 'buildkit' | 'classic';

export async function detectBuilder(env: NodeJS.ProcessEnv = process.env): Promise<Builder> {
  if (await hasBuildx()) return 'buildx';
  return env.DOCKER_BUILDKIT === '1' ? 'buildkit' : 'classic';
}

export interface BuildRequest {
  dockerfile: string;
  context: string;
  buildArgs: Record<string, string>;
  target: string;
  /** Passed through verbatim, after our own flags (so the user's win). */
  flags: string[];
  runId: string;
  /** Where the build log goes (a group of untrusted lines). */
  host: Host;
  /** Lines kept for the report. */
  tailLines?: number;
  /** Give up (kill the build) after this many seconds; default buildTimeoutSeconds(). */
  timeoutSeconds?: number;
}

/** Default build deadline: 15 minutes, or HARDEN_CHECK_BUILD_TIMEOUT seconds (e.g. for tests). */
export const DEFAULT_BUILD_TIMEOUT_SECONDS = 900;

export function buildTimeoutSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.HARDEN_CHECK_BUILD_TIMEOUT);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_BUILD_TIMEOUT_SECONDS;
}

export interface BuildResult {
  ok: boolean;
  imageId: string | null;
  tag: string;
  builder: Builder;
  seconds: number;
  /** Last lines of the build output, masked. */
  logTail: string;
  exitCode: number;
  /** Killed at the build timeout. */
  timedOut?: boolean;
}

/** Docker tags must be lowercase; the run id may not be. */
export function localTag(runId: string): string {
  const safe = runId
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 120);
  return `harden-check-local:${safe || 'run'}`;
}

/** Build-arg values whose name says "secret": masked in every echoed line. */
export function secretBuildArgValues(buildArgs: Record<string, string>): string[] {
  return Object.entries(buildArgs)
    .filter(([k, v]) => secretNameMatch(k) !== null && v.length >= 4)
    .map(([, v]) => v);
}

export function buildArgs(req: BuildRequest, builder: Builder, iidfile: string): string[] {
  const args = builder === 'buildx' ? ['buildx', 'build', '--load'] : ['build'];
  // The legacy builder leaves intermediate containers behind on failure without this.
  if (builder === 'classic') args.push('--force-rm');
  args.push('--file', req.dockerfile, '--iidfile', iidfile);
  args.push('--label', `${RUN_LABEL}=${req.runId}`, '--tag', localTag(req.runId));
  for (const [k, v] of Object.entries(req.buildArgs)) args.push('--build-arg', `${k}=${v}`);
  if (req.target) args.push('--target', req.target);
  args.push(...req.flags, req.context);
  return args;
}

export async function buildImage(req: BuildRequest): Promise<BuildResult> {
  const builder = await detectBuilder();
  // sync on purpose: nothing between the call and the spawn yields to other work (the audit
  // modules load meanwhile), so the build starts at once
  const dir = mkdtempSync(join(tmpdir(), 'harden-check-'));
  const iidfile = join(dir, 'iid');
  const secrets = secretBuildArgValues(req.buildArgs);
  // Let the host mask them anywhere (on a runner: in other steps' logs too).
  for (const s of secrets) req.host.mask(s);
  const tail = new TailBuffer(req.tailLines ?? 50);
  const started = Date.now();
  const timeoutSeconds = req.timeoutSeconds ?? buildTimeoutSeconds();
  try {
    const out = await req.host.group(`Build ${req.dockerfile} (${builder})`, async () => {
      const echo = req.host.untrusted(secrets);
      try {
        return await docker(buildArgs(req, builder, iidfile), {
          // Plain progress: one line per event, readable in the log and in the tail.
          env: builder === 'classic' ? {} : { BUILDKIT_PROGRESS: 'plain' },
          // A hung build (a RUN waiting forever, a stalled pull) must not hold the job.
          timeoutMs: timeoutSeconds * 1000,
          onLine: (line) => {
            echo.line(line);
            tail.push(line);
          },
        });
      } finally {
        echo.end();
      }
    });
    if (out.timedOut) {
      const msg = `build timed out after ${timeoutSeconds} s (HARDEN_CHECK_BUILD_TIMEOUT) and was stopped`;
      req.host.info(msg);
      tail.push(msg);
    }
    const imageId =
      out.exitCode === 0 ? (await readFile(iidfile, 'utf8').catch(() => '')).trim() || null : null;
    return {
      ok: out.exitCode === 0 && imageId !== null,
      imageId,
      tag: localTag(req.runId),
      builder,
      seconds: (Date.now() - started) / 1000,
      logTail: tail.text(secrets),
      exitCode: out.exitCode,
      timedOut: out.timedOut === true,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
