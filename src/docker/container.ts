// The verification container and what can be observed about it from the host.
import { readFile } from 'node:fs/promises';
import { docker, dockerOk } from './exec.js';
import { RUN_LABEL } from './labels.js';

export interface HealthOverrides {
  intervalSeconds?: number;
  timeoutSeconds?: number;
  startPeriodSeconds?: number;
  retries?: number;
}

export interface RunRequest {
  image: string;
  runId: string;
  network: string;
  /** Only these are passed with -e: never anything from the runner's env. */
  env: Record<string, string>;
  health?: HealthOverrides;
  /** Appended after our flags, before the image (user's flags win). */
  runArgs: string[];
}

export function runArgs(req: RunRequest): string[] {
  const args = [
    'run',
    '--detach',
    '--label',
    `${RUN_LABEL}=${req.runId}`,
    '--network',
    req.network || 'none',
    '--security-opt',
    'no-new-privileges',
    '--memory',
    '512m',
    '--pids-limit',
    '256',
  ];
  for (const [k, v] of Object.entries(req.env)) args.push('--env', `${k}=${v}`);
  const h = req.health;
  if (h?.intervalSeconds !== undefined) args.push(`--health-interval=${h.intervalSeconds}s`);
  if (h?.timeoutSeconds !== undefined) args.push(`--health-timeout=${h.timeoutSeconds}s`);
  if (h?.startPeriodSeconds !== undefined) args.push(`--health-start-period=${h.startPeriodSeconds}s`);
  if (h?.retries !== undefined) args.push(`--health-retries=${h.retries}`);
  args.push(...req.runArgs, req.image);
  return args;
}

/** Starts the container; returns its id. The image's own ENTRYPOINT/CMD run. */
export async function runContainer(req: RunRequest): Promise<{ id: string | null; error: string }> {
  const out = await docker(runArgs(req));
  const id = out.stdout.trim().split('\n').pop()?.trim() ?? '';
  if (/^[0-9a-f]{12,64}$/.test(id)) return { id, error: out.exitCode === 0 ? '' : out.stderr.trim() };
  return { id: null, error: (out.stderr || out.stdout).trim() };
}

export interface ProcessInfo {
  uid: number;
  pid: number;
  comm: string;
}

/** `docker top -o uid,pid,comm`: the real UIDs as the host sees them. */
export function parseTop(stdout: string): ProcessInfo[] {
  const lines = stdout.split('\n').filter((l) => l.trim());
  return lines
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 3 && /^\d+$/.test(f[0]) && /^\d+$/.test(f[1]))
    .map((f) => ({ uid: Number(f[0]), pid: Number(f[1]), comm: f.slice(2).join(' ') }));
}

export async function top(id: string): Promise<ProcessInfo[]> {
  return parseTop(await dockerOk(['top', id, '-o', 'uid,pid,comm']));
}

export async function logs(id: string, tail = 20): Promise<string> {
  const out = await docker(['logs', '--tail', String(tail), id]);
  // stdout and stderr of the container arrive on both streams; keep them together.
  return [out.stdout, out.stderr]
    .filter((s) => s.trim())
    .join('\n')
    .trimEnd();
}

/** Run a command inside the container (only used as a fallback: needs the binary in the image). */
export async function execIn(id: string, argv: string[]): Promise<{ exitCode: number; stdout: string }> {
  const out = await docker(['exec', id, ...argv]);
  return { exitCode: out.exitCode, stdout: out.stdout };
}

/**
 * Read a file of the container's process namespace from the host (/proc/<pid>/...).
 * Works on scratch images. Falls back to `sudo -n cat` when we are not root (GitHub
 * runners run as `runner` with passwordless sudo), then reports null.
 */
export async function readHostProc(pid: number, file: string): Promise<string | null> {
  const path = `/proc/${pid}/${file}`;
  try {
    return await readFile(path, 'latin1');
  } catch {
    if (process.getuid?.() === 0) return null;
  }
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile('sudo', ['-n', 'cat', path], { timeout: 5000, encoding: 'latin1' }, (err, stdout) =>
      resolve(err ? null : stdout),
    );
  });
}
