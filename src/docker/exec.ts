// The one place that starts the docker client. Argument arrays only (never a shell
// string), a configurable client binary, and an explicit minimal environment so the
// GitHub token, INPUT_* values and the rest of the runner env never reach a build or
// a container (`docker run -e NAME` without a value would otherwise copy it in).
import { spawn } from 'node:child_process';
import * as exec from '@actions/exec';

// Where the time goes, one line per docker call (the host's debug log, when it has one);
// arguments may hold build-arg values, so only the subcommand is traced.
let trace: ((line: string) => void) | null = null;

/** Send a timing line per docker call to `fn` (null: none). */
export function traceDockerCalls(fn: ((line: string) => void) | null): void {
  trace = fn;
}

/** The docker client: env HARDEN_CHECK_DOCKER (a path) or `docker` on PATH. */
export function dockerBin(): string {
  return process.env.HARDEN_CHECK_DOCKER?.trim() || 'docker';
}

// What the docker client itself needs to find and talk to the engine; nothing else.
const PASSTHROUGH = [
  'PATH',
  'HOME',
  'TMPDIR',
  'XDG_RUNTIME_DIR',
  'DOCKER_HOST',
  'DOCKER_CONTEXT',
  'DOCKER_CONFIG',
  'DOCKER_CERT_PATH',
  'DOCKER_TLS_VERIFY',
  'DOCKER_API_VERSION',
  'DOCKER_BUILDKIT',
  'BUILDKIT_PROGRESS',
  'BUILDX_BUILDER',
  'BUILDX_CONFIG',
  'BUILDX_NO_DEFAULT_LOAD',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
];

/** The environment every docker client call gets. */
export function dockerEnv(source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of PASSTHROUGH) {
    const v = source[k];
    if (v !== undefined && v !== '') env[k] = v;
  }
  // No "What's next" hints or update notices mixed into output we parse.
  env.DOCKER_CLI_HINTS = 'false';
  return env;
}

export interface DockerOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The call was killed at its timeoutMs. */
  timedOut?: boolean;
}

export interface DockerCallOptions {
  /** Called for every output line (stdout and stderr), e.g. to stream a build log. */
  onLine?: (line: string) => void;
  input?: Buffer;
  /** Extra env for this call (e.g. DOCKER_BUILDKIT), merged over dockerEnv(). */
  env?: Record<string, string>;
  /**
   * Kill the client (SIGTERM, then SIGKILL 5 s later) when the call takes longer; the result
   * then has exitCode 124 and timedOut. Without it the call may run as long as it runs.
   */
  timeoutMs?: number;
}

/** Run `docker <args>` silently; never throws on a non-zero exit (callers decide). */
export async function docker(args: string[], opts: DockerCallOptions = {}): Promise<DockerOutput> {
  if (opts.timeoutMs !== undefined) return dockerWithTimeout(args, opts, opts.timeoutMs);
  const listeners = opts.onLine ? { stdline: opts.onLine, errline: opts.onLine } : undefined;
  const t0 = Date.now();
  try {
    return await exec.getExecOutput(dockerBin(), args, {
      silent: true,
      ignoreReturnCode: true,
      env: { ...dockerEnv(), ...(opts.env ?? {}) },
      input: opts.input,
      listeners,
    });
  } catch (err) {
    // The client binary itself is missing or not executable.
    return { exitCode: 127, stdout: '', stderr: err instanceof Error ? err.message : String(err) };
  } finally {
    trace?.(`docker ${args.slice(0, 2).join(' ')}: ${Date.now() - t0} ms`);
  }
}

/** docker() with a deadline (@actions/exec has none): same argv, same minimal env. */
function dockerWithTimeout(
  args: string[],
  opts: DockerCallOptions,
  timeoutMs: number,
): Promise<DockerOutput> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(dockerBin(), args, {
      env: { ...dockerEnv(), ...(opts.env ?? {}) },
      stdio: [opts.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const lineSplitter = () => {
      let rest = '';
      return {
        push(chunk: string) {
          if (!opts.onLine) return;
          const parts = (rest + chunk).split(/\r?\n/);
          rest = parts.pop() ?? '';
          for (const l of parts) opts.onLine(l);
        },
        end() {
          if (opts.onLine && rest) opts.onLine(rest);
          rest = '';
        },
      };
    };
    const outLines = lineSplitter();
    const errLines = lineSplitter();
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      outLines.push(d);
    });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      errLines.push(d);
    });
    if (opts.input && child.stdin) child.stdin.end(opts.input);
    let killer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    }, timeoutMs);
    const done = (exitCode: number, extra = '') => {
      clearTimeout(timer);
      if (killer) clearTimeout(killer);
      outLines.end();
      errLines.end();
      trace?.(`docker ${args.slice(0, 2).join(' ')}: ${Date.now() - t0} ms`);
      resolve(
        timedOut
          ? {
              exitCode: 124,
              stdout,
              stderr: `${stderr}${stderr.endsWith('\n') || !stderr ? '' : '\n'}timed out after ${Math.round(timeoutMs / 1000)} s`,
              timedOut: true,
            }
          : { exitCode, stdout, stderr: stderr + extra },
      );
    };
    child.on('error', (err) => done(127, err.message));
    child.on('close', (code) => done(code ?? 1));
  });
}

/** Like docker(), but throws a DockerError with the command and stderr on failure. */
export async function dockerOk(args: string[], opts: DockerCallOptions = {}): Promise<string> {
  const out = await docker(args, opts);
  if (out.exitCode !== 0) throw new DockerError(args, out);
  return out.stdout;
}

export class DockerError extends Error {
  constructor(
    readonly args: string[],
    readonly output: DockerOutput,
  ) {
    const why = (output.stderr || output.stdout).trim().split('\n').slice(-3).join(' / ');
    super(`docker ${args.slice(0, 2).join(' ')} failed (exit ${output.exitCode}): ${why}`);
    this.name = 'DockerError';
  }
}
