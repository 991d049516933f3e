// The image's filesystem as the host sees it: a created (never started) container of the
// image, streamed out with `docker export`. Nothing inside the image runs, so this works on
// scratch and distroless images. The stream is handed on chunk by chunk, never buffered.
import { spawn } from 'node:child_process';
import { docker, dockerBin, dockerEnv } from './exec.js';
import { RUN_LABEL } from './labels.js';

/** `docker create` argv for a container that only exists to be exported. */
export function exportContainerArgs(image: string, runId: string): string[] {
  return [
    'create',
    '--label',
    `${RUN_LABEL}=${runId}`,
    '--network',
    'none',
    // an image without CMD (FROM scratch) cannot be created without a command; it never starts
    '--entrypoint',
    '/harden-check-export-only',
    image,
  ];
}

/** Creates the container; returns its id, or the engine's error. */
export async function createForExport(
  image: string,
  runId: string,
): Promise<{ id: string | null; error: string }> {
  const out = await docker(exportContainerArgs(image, runId));
  const id = out.stdout.trim().split('\n').pop()?.trim() ?? '';
  if (out.exitCode === 0 && /^[0-9a-f]{12,64}$/.test(id)) return { id, error: '' };
  return { id: null, error: (out.stderr || out.stdout).trim() };
}

export interface ExportResult {
  exitCode: number;
  stderr: string;
  bytes: number;
  timedOut: boolean;
}

/**
 * `docker export <id>`: every stdout chunk goes to onChunk as it arrives. A throwing
 * onChunk (a malformed archive) stops the export and rejects with that error.
 */
export function streamExport(
  id: string,
  onChunk: (chunk: Buffer) => void,
  timeoutMs = 120_000,
): Promise<ExportResult> {
  return streamDocker(['export', id], onChunk, timeoutMs);
}

/**
 * `docker cp <id>:<path> -`: the one file (or tree) at `path` inside the container, as a tar
 * stream. The engine resolves `path` inside the container's root, symlinks included.
 */
export function streamCopyOut(
  id: string,
  path: string,
  onChunk: (chunk: Buffer) => void,
  timeoutMs = 30_000,
): Promise<ExportResult> {
  return streamDocker(['cp', `${id}:${path}`, '-'], onChunk, timeoutMs);
}

function streamDocker(
  args: string[],
  onChunk: (chunk: Buffer) => void,
  timeoutMs: number,
): Promise<ExportResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(dockerBin(), args, { env: dockerEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let stderr = '';
    let failure: unknown = null;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (failure) return;
      bytes += chunk.length;
      try {
        onChunk(chunk);
      } catch (err) {
        failure = err;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) reject(failure instanceof Error ? failure : new Error(String(failure)));
      else resolve({ exitCode: timedOut ? 124 : (code ?? 1), stderr: stderr.trim(), bytes, timedOut });
    });
  });
}
