// One pass over the image's filesystem (docker export of a created container, read as it
// streams): the setuid/setgid files, and /etc/passwd and /etc/group, which resolve a named
// USER to the uid Kubernetes would have to be given.
import { createForExport, streamExport } from '../docker/export.js';
import type { ImageFsScan } from './checks/setuid-files.js';
import { isSpecial, specialFile } from './checks/setuid-files.js';
import { TarScanner } from './tar-headers.js';

export interface ImageFs extends ImageFsScan {
  passwd: string | null;
  group: string | null;
}

const ACCOUNT_FILES = new Set(['/etc/passwd', '/etc/group']);

/**
 * Throws with a one-line reason when the container cannot be created or exported, or the
 * archive is malformed. `track` gets the container id as soon as it exists (for cleanup).
 */
export async function readImageFs(
  image: string,
  runId: string,
  track: (id: string) => void,
  /** Both account files as soon as they have streamed by (a named USER need not wait for the rest). */
  onAccounts?: (accounts: { passwd: string; group: string }) => void,
): Promise<ImageFs> {
  const t0 = Date.now();
  const created = await createForExport(image, runId);
  if (!created.id) throw new Error(`docker create (for export) failed: ${created.error.split('\n').at(-1)}`);
  track(created.id);
  const special: ImageFs['special'] = [];
  const scanner = new TarScanner({
    onEntry: (e) => {
      if (isSpecial(e)) special.push(specialFile(e));
    },
    capture: (p) => ACCOUNT_FILES.has(p),
    onCaptured: () => {
      const passwd = scanner.captured.get('/etc/passwd');
      const group = scanner.captured.get('/etc/group');
      if (passwd && group) onAccounts?.({ passwd: passwd.toString('utf8'), group: group.toString('utf8') });
    },
  });
  const out = await streamExport(created.id, (chunk) => scanner.push(chunk));
  if (out.exitCode !== 0)
    throw new Error(
      out.timedOut ? 'docker export timed out' : `docker export failed: ${out.stderr.split('\n').at(-1)}`,
    );
  scanner.end();
  const text = (p: string) => scanner.captured.get(p)?.toString('utf8') ?? null;
  const passwd = text('/etc/passwd');
  const group = text('/etc/group');
  // Some engines write numeric owners only (Docker 26's export): name them from the image's own files.
  for (const f of special) {
    f.uname ||= nameOf(passwd, f.uid);
    f.gname ||= nameOf(group, f.gid);
  }
  return {
    special,
    entries: scanner.entries,
    bytes: out.bytes,
    seconds: Math.round((Date.now() - t0) / 10) / 100,
    passwd,
    group,
  };
}

/** The name /etc/passwd or /etc/group gives an id, '' when none. */
export function nameOf(file: string | null, id: number): string {
  for (const line of file?.split('\n') ?? []) {
    const f = line.split(':');
    if (f.length >= 3 && f[2] === String(id) && f[0]) return f[0];
  }
  return '';
}
