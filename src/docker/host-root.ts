// A running container's root filesystem as the host sees it (/proc/<pid>/root): walking its
// metadata takes ~0.1 s where `docker export` streams every byte of the image (1.5 s and more
// for a 180 MB Debian image, on the CPUs the app under test needs). Used only when it is
// sound: the engine runs on this machine (the pid's cgroup names the container), without a
// user namespace (owners as the image has them), nothing is mounted over the image's files (a
// VOLUME, a tmpfs, a bind), and we may read another user's process (root, or sudo without a
// password, as on GitHub-hosted runners). Otherwise the caller exports. GNU find walks the
// tree: it never follows a symlink and stays on the container's root filesystem (-xdev: not
// /proc, /dev, a tmpfs or a volume), so nothing outside the container is read whatever the
// image holds.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export interface HostRootEntry {
  /** Absolute path inside the container: "/usr/bin/su". */
  path: string;
  mode: number;
  uid: number;
  gid: number;
  inode: number;
  links: number;
}

export interface HostRootScan {
  /** The setuid/setgid regular files. */
  special: HostRootEntry[];
  /** Every entry walked (files, directories, links, ...), the root excluded. */
  entries: number;
  /** How the walk ran: "as root" or "via sudo -n". */
  access: string;
  /** The walk's own time. */
  seconds: number;
}

/** Why the host view is not used for this container, in words for the report. */
export type HostRootRefusal = string;

/** The argv prefix that may read any process's root: [] as root, sudo -n when that works, else null. */
let accessMemo: Promise<string[] | null> | null = null;
export function hostRootAccess(): Promise<string[] | null> {
  accessMemo ??= (async () => {
    if (process.platform !== 'linux') return null;
    if (process.getuid?.() === 0) return [];
    const ok = await runOnHost(['sudo', '-n', 'true'], 5000).then(
      (r) => r.code === 0,
      () => false,
    );
    return ok ? ['sudo', '-n'] : null;
  })();
  return accessMemo;
}

/** True when /proc/<pid>/cgroup places the process in this container's cgroup. */
export function cgroupNamesContainer(cgroup: string, containerId: string): boolean {
  return /^[0-9a-f]{64}$/.test(containerId) && cgroup.includes(containerId);
}

/** True when the process's uids are the host's (no user namespace remapping them). */
export function isIdentityUidMap(uidMap: string): boolean {
  const lines = uidMap.trim().split('\n');
  return lines.length === 1 && lines[0].trim().split(/\s+/).join(' ') === '0 0 4294967295';
}

// What the engine mounts in every container; it hides nothing an image ships.
const ENGINE_MOUNTS = new Set(['/', '/etc/hosts', '/etc/hostname', '/etc/resolv.conf']);
const ENGINE_TREES = /^\/(proc|sys|dev)(\/|$)/;

/**
 * The mount points of /proc/<pid>/mountinfo that cover part of the image: a VOLUME, a tmpfs or
 * a bind from run-args. The image's files beneath one are only in an export.
 */
export function mountsOverImage(mountinfo: string): string[] {
  const out: string[] = [];
  for (const line of mountinfo.split('\n')) {
    const target = line.split(' ')[4];
    if (!target) continue;
    const path = target.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
    if (!ENGINE_MOUNTS.has(path) && !ENGINE_TREES.test(path)) out.push(path);
  }
  return out;
}

/** The find argv: one NUL-terminated record per entry, a full one for setuid/setgid regular files. */
export function findArgs(pid: number): string[] {
  return [
    'find',
    `/proc/${pid}/root/`,
    '-xdev',
    '-mindepth',
    '1',
    '(',
    '-type',
    'f',
    '-perm',
    '/6000',
    '-printf',
    'S %m %U %G %i %n %P\\0',
    ')',
    '-o',
    '-printf',
    'e\\0',
  ];
}

/** Reads find's output (see findArgs). Throws on a record it did not ask for. */
export function parseFindOutput(out: Buffer): { special: HostRootEntry[]; entries: number } {
  const special: HostRootEntry[] = [];
  let entries = 0;
  let start = 0;
  for (let i = out.indexOf(0, start); i !== -1; start = i + 1, i = out.indexOf(0, start)) {
    entries++;
    if (i - start === 1 && out[start] === 0x65 /* e */) continue;
    const rec = out.subarray(start, i).toString('utf8');
    const m = /^S ([0-7]+) (\d+) (\d+) (\d+) (\d+) (.+)$/s.exec(rec);
    if (!m) throw new Error(`unexpected find output: ${JSON.stringify(rec.slice(0, 80))}`);
    special.push({
      mode: parseInt(m[1], 8),
      uid: Number(m[2]),
      gid: Number(m[3]),
      inode: Number(m[4]),
      links: Number(m[5]),
      path: `/${m[6]}`,
    });
  }
  if (start !== out.length) throw new Error('find output ended mid-record');
  return { special, entries };
}

/** Whose process `pid` is here: this container's, another's (a remote engine, a reused pid), or none. */
export async function pidOwner(pid: number, containerId: string): Promise<'container' | 'other' | 'gone'> {
  const cgroup = await readFile(`/proc/${pid}/cgroup`, 'utf8').catch(() => null);
  if (cgroup === null) return 'gone';
  return cgroupNamesContainer(cgroup, containerId) ? 'container' : 'other';
}

/**
 * Walks the root of the container whose PID 1 is `pid` on the host. Resolves to the scan, or
 * to a refusal (why the host view is not sound or not allowed here) when the caller should
 * export instead. The container must stay up during the walk: a pid that stops naming the
 * container (it exited, the pid was reused) voids the scan.
 */
export async function scanHostRoot(
  containerId: string,
  pid: number,
): Promise<{ scan: HostRootScan } | { refused: HostRootRefusal }> {
  const access = await hostAccessTo(containerId, pid);
  if ('refused' in access) return access;
  const { prefix } = access;
  const uidMap = await readFile(`/proc/${pid}/uid_map`, 'utf8').catch(() => '');
  if (!isIdentityUidMap(uidMap)) return { refused: 'the container runs in a user namespace' };
  const mountinfo =
    prefix.length === 0
      ? await readFile(`/proc/${pid}/mountinfo`, 'utf8').catch(() => '')
      : await runOnHost([...prefix, 'cat', `/proc/${pid}/mountinfo`], 10_000).then(
          (r) => (r.code === 0 ? r.stdout.toString('utf8') : ''),
          () => '',
        );
  if (!mountinfo) return { refused: "the container's mounts could not be read" };
  const covering = mountsOverImage(mountinfo);
  if (covering.length)
    return {
      refused: `${covering.slice(0, 3).join(', ')} ${covering.length === 1 ? 'is' : 'are'} mounted over the image`,
    };
  const t0 = Date.now();
  const out = await runFind([...prefix, ...findArgs(pid)]);
  if ('refused' in out) return out;
  if ((await pidOwner(pid, containerId)) !== 'container')
    return { refused: 'the container stopped during the walk' };
  let parsed: ReturnType<typeof parseFindOutput>;
  try {
    parsed = parseFindOutput(out.stdout);
  } catch (err) {
    return { refused: err instanceof Error ? err.message : String(err) };
  }
  const seconds = Math.round((Date.now() - t0) / 10) / 100;
  return { scan: { ...parsed, access: access.label, seconds } };
}

/**
 * May this process read the host's side of the running container whose PID 1 is `pid`? The
 * argv prefix to read with ([] as root, sudo -n) and its label, or why not.
 */
export async function hostAccessTo(
  containerId: string,
  pid: number,
): Promise<{ prefix: string[]; label: 'as root' | 'via sudo -n' } | { refused: HostRootRefusal }> {
  if (!(pid > 0)) return { refused: 'the container is not running' };
  const prefix = await hostRootAccess();
  if (prefix === null) return { refused: 'no root access to read it (not root, no passwordless sudo)' };
  // no such pid here at all, or another process's: either way not this engine's container
  if ((await pidOwner(pid, containerId)) !== 'container')
    return { refused: 'the engine runs elsewhere (its pid is not this container here)' };
  return { prefix, label: prefix.length ? 'via sudo -n' : 'as root' };
}

/** A GNU find walk (argv with its access prefix): its output, or why it is not to be trusted. */
export async function runFind(argv: string[]): Promise<{ stdout: Buffer } | { refused: HostRootRefusal }> {
  const out = await runOnHost(argv, 60_000).catch((err: unknown) => ({
    code: 127,
    stdout: Buffer.alloc(0),
    stderr: err instanceof Error ? err.message : String(err),
  }));
  // files removed while the walk ran (an app's temporary files) are not an error
  const otherErrors = out.stderr.split('\n').filter((l) => l.trim() && !/No such file or directory/.test(l));
  if (out.code !== 0 && (out.code !== 1 || otherErrors.length))
    return { refused: `find failed (${out.code}): ${otherErrors.at(-1)?.trim() ?? ''}`.trim() };
  return { stdout: out.stdout };
}

/** Runs a host command (with the access prefix); never rejects on a non-zero exit. */
export function runOnHost(
  argv: string[],
  timeoutMs: number,
): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
    });
    const parts: Buffer[] = [];
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (c: Buffer) => parts.push(c));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // killed (the timeout): its output is cut, never a success
      resolve({
        code: code ?? 128,
        stdout: Buffer.concat(parts),
        stderr: signal ? `killed (${signal})` : stderr,
      });
    });
  });
}
