// One read of the image's filesystem for the deploy checks: the setuid/setgid files, and
// /etc/passwd and /etc/group, which resolve a named USER to the uid Kubernetes would have to
// be given. Two ways, same facts: the running main container's root walked on the host
// (metadata only, ~0.1 s) when that is sound here, else `docker export` of a created container
// read as it streams (every byte of the image; works against any engine).
import { createForExport, streamCopyOut, streamExport } from '../docker/export.js';
import { scanHostRoot, type HostRootEntry } from '../docker/host-root.js';
import type { ImageFsScan, SpecialFile } from './checks/setuid-files.js';
import { isSpecial, specialFile } from './checks/setuid-files.js';
import { TarScanner } from './tar-headers.js';

export interface ImageFs extends ImageFsScan {
  passwd: string | null;
  group: string | null;
}

export interface ImageFsRequest {
  image: string;
  runId: string;
  /** Gets the id of each container made for the read, as soon as it exists (for cleanup). */
  track: (id: string) => void;
  /** Both account files as soon as they have streamed by (a named USER need not wait for the rest). */
  onAccounts?: (accounts: { passwd: string; group: string }) => void;
  /** A running container of the image, and its PID 1 on the host: the fast way is tried on it. */
  running?: { id: string; pid: number } | null;
  /** /etc/passwd and /etc/group are wanted at once (a named USER); else only to name the files found. */
  needAccounts?: boolean;
}

const ACCOUNT_FILES = new Set(['/etc/passwd', '/etc/group']);
const seconds = (t0: number) => Math.round((Date.now() - t0) / 10) / 100;

/**
 * Throws with a one-line reason when neither way can read the filesystem (the container cannot
 * be created or exported, the archive is malformed).
 */
export async function readImageFs(r: ImageFsRequest): Promise<ImageFs> {
  let refused = '';
  if (r.running) {
    const { id, pid } = r.running;
    const accounts = () => Promise.all([copyOutText(id, '/etc/passwd'), copyOutText(id, '/etc/group')]);
    const early = r.needAccounts ? accounts() : null;
    void early?.then(([passwd, group]) => {
      if (passwd !== null && group !== null) r.onAccounts?.({ passwd, group });
    });
    const walk = await scanHostRoot(id, pid);
    if ('scan' in walk) {
      // each `docker cp` costs the engine ~0.1 s: only when a name is wanted
      const [passwd, group] = await (early ?? (walk.scan.special.length ? accounts() : [null, null]));
      const special = linked(walk.scan.special).map((f) => ({
        ...f,
        uname: nameOf(passwd, f.uid),
        gname: nameOf(group, f.gid),
      }));
      const s = walk.scan.seconds;
      return {
        special,
        entries: walk.scan.entries,
        seconds: s,
        how: `the running container's root walked on the host ${walk.scan.access}: ${walk.scan.entries} entries in ${s} s`,
        passwd,
        group,
      };
    }
    refused = walk.refused;
  }
  const fs = await exportImageFs(r);
  if (refused) fs.how += `; not walked on the host: ${refused}`;
  return fs;
}

/** Hard links of one inode: the first path found stands for the file, the others link to it. */
function linked(entries: HostRootEntry[]): Omit<SpecialFile, 'uname' | 'gname'>[] {
  const first = new Map<number, string>();
  return entries.map((e) => {
    const to = e.links > 1 ? first.get(e.inode) : undefined;
    if (e.links > 1 && to === undefined) first.set(e.inode, e.path);
    return { path: e.path, mode: e.mode, uid: e.uid, gid: e.gid, ...(to ? { linkTo: to } : {}) };
  });
}

/** A small text file of the container, through the engine (symlinks resolved inside the container); null when absent. */
async function copyOutText(id: string, path: string): Promise<string | null> {
  let data: Buffer | null = null;
  const scanner = new TarScanner({
    onEntry: () => {},
    capture: () => data === null,
    onCaptured: (_p, b) => (data ??= b),
  });
  const out = await streamCopyOut(id, path, (c) => scanner.push(c)).catch(() => null);
  if (!out || out.exitCode !== 0) return null;
  scanner.end();
  return data === null ? null : (data as Buffer).toString('utf8');
}

async function exportImageFs(r: ImageFsRequest): Promise<ImageFs> {
  const t0 = Date.now();
  const created = await createForExport(r.image, r.runId);
  if (!created.id) throw new Error(`docker create (for export) failed: ${created.error.split('\n').at(-1)}`);
  r.track(created.id);
  const special: SpecialFile[] = [];
  const scanner = new TarScanner({
    onEntry: (e) => {
      if (isSpecial(e)) special.push(specialFile(e));
    },
    capture: (p) => ACCOUNT_FILES.has(p),
    onCaptured: () => {
      const passwd = scanner.captured.get('/etc/passwd');
      const group = scanner.captured.get('/etc/group');
      if (passwd && group) r.onAccounts?.({ passwd: passwd.toString('utf8'), group: group.toString('utf8') });
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
  const s = seconds(t0);
  return {
    special,
    entries: scanner.entries,
    seconds: s,
    how: `docker export: ${scanner.entries} entries, ${(out.bytes / 1e6).toFixed(1)} MB read in ${s} s`,
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
