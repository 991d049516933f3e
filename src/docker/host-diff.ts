// What a container changed against its image, read from its overlay2 upper directory on the
// host. The engine's `docker diff` compares the container's layer with the whole image
// (0.3-0.4 s for a 180 MB Debian image, longer for bigger ones) and holds the container's lock
// meanwhile, so `docker top` and `docker stop` wait behind it. The upper directory holds only
// what the container wrote: whether a path is new (A) or changed (C) is whether the image's
// layers beneath have it, and a whiteout (a 0:0 character device) is a deletion (D). Used
// where the root walk is (host-root.ts: the engine is local, root or sudo -n), else the caller
// asks the engine.
import type { DiffEntry } from './diff.js';
import { hostAccessTo, runFind, runOnHost } from './host-root.js';
import type { ContainerLayers } from './inspect.js';

interface Stat {
  mode: number;
  major: number;
  minor: number;
}

const isWhiteout = (s: Stat) => (s.mode & 0o170000) === 0o020000 && s.major === 0 && s.minor === 0;
const parentOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

/** find's records: "<type> <path relative to the upper directory>", NUL-terminated. */
export function parseUpperListing(out: Buffer): { type: string; path: string }[] {
  const text = out.toString('utf8');
  if (text && !text.endsWith('\0')) throw new Error('find output ended mid-record');
  return text
    .split('\0')
    .filter(Boolean)
    .map((rec) => {
      if (rec[1] !== ' ' || rec.length < 3)
        throw new Error(`unexpected find output: ${JSON.stringify(rec.slice(0, 80))}`);
      return { type: rec[0], path: rec.slice(2) };
    });
}

/** stat's records (see statPaths): raw mode, device major and minor (hex), then the path. */
export function parseStatListing(out: Buffer): Map<string, Stat> {
  const m = new Map<string, Stat>();
  for (const rec of out.toString('utf8').split('\0')) {
    const r = /^([0-9a-f]+) ([0-9a-f]+) ([0-9a-f]+) (.+)$/s.exec(rec);
    if (r) m.set(r[4], { mode: parseInt(r[1], 16), major: parseInt(r[2], 16), minor: parseInt(r[3], 16) });
  }
  return m;
}

/** Which of `paths` exist (lstat), in as few `stat` calls as the argument list allows. */
async function statPaths(prefix: string[], paths: string[]): Promise<Map<string, Stat>> {
  const found = new Map<string, Stat>();
  for (let i = 0; i < paths.length;) {
    const chunk: string[] = [];
    for (let size = 0; i < paths.length && size < 100_000; i++) {
      chunk.push(paths[i]);
      size += paths[i].length + 1;
    }
    // exit 1 when some path is missing: those it found are still printed
    const r = await runOnHost([...prefix, 'stat', '--printf', '%f %t %T %n\\0', '--', ...chunk], 30_000);
    if (r.code > 1) throw new Error(`stat failed (${r.code}): ${r.stderr.trim().split('\n').at(-1) ?? ''}`);
    for (const [p, s] of parseStatListing(r.stdout)) found.set(p, s);
  }
  return found;
}

/**
 * Classifies the upper directory's entries against the image's layers (topmost first): a path
 * the topmost layer that has it does not white out is changed, any other is added. Children of
 * an added directory are added without a look (so only the frontier is looked up).
 */
export async function classifyUpper(
  listing: { type: string; path: string }[],
  lower: string[],
  upper: string,
  lookup: (paths: string[]) => Promise<Map<string, Stat>>,
): Promise<DiffEntry[]> {
  const out: DiffEntry[] = [];
  const added = new Set<string>();
  const depth = (p: string) => p.split('/').length;
  const byDepth = [...listing].sort((a, b) => depth(a.path) - depth(b.path));
  // character devices in the upper directory: whiteouts unless the app made a device node
  const devices = byDepth.filter((e) => e.type === 'c');
  const devStat = devices.length ? await lookup(devices.map((e) => `${upper}/${e.path}`)) : new Map();
  for (let i = 0; i < byDepth.length;) {
    const d = depth(byDepth[i].path);
    const level: { type: string; path: string }[] = [];
    for (; i < byDepth.length && depth(byDepth[i].path) === d; i++) level.push(byDepth[i]);
    const unknown: string[] = [];
    for (const e of level) {
      const dev = devStat.get(`${upper}/${e.path}`);
      if (e.type === 'c' && dev && isWhiteout(dev)) out.push({ kind: 'D', path: `/${e.path}` });
      else if (added.has(parentOf(e.path))) {
        added.add(e.path);
        out.push({ kind: 'A', path: `/${e.path}` });
      } else unknown.push(e.path);
    }
    if (!unknown.length) continue;
    const seen = await lookup(unknown.flatMap((p) => lower.map((l) => `${l}/${p}`)));
    for (const p of unknown) {
      const top = lower.map((l) => seen.get(`${l}/${p}`)).find((s) => s !== undefined);
      const inImage = top !== undefined && !isWhiteout(top);
      if (!inImage) added.add(p);
      out.push({ kind: inImage ? 'C' : 'A', path: `/${p}` });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The changes of the container whose PID 1 is `pid`, from its layers as inspected. Resolves to
 * the entries, or to why they are not read here (the caller runs `docker diff`).
 */
export async function hostDiff(
  containerId: string,
  pid: number,
  layers: ContainerLayers | null,
): Promise<{ entries: DiffEntry[]; access: string } | { refused: string }> {
  if (!layers || layers.driver !== 'overlay2' || !layers.upper || !layers.lower.length)
    return { refused: `the storage driver is ${layers?.driver || 'unknown'}, not overlay2` };
  const { upper, lower } = layers;
  // the layer's path is the engine's: sound only when the engine runs here, as the pid proves
  const access = await hostAccessTo(containerId, pid);
  if ('refused' in access) return access;
  const found = await runFind([
    ...access.prefix,
    'find',
    `${upper}/`,
    '-mindepth',
    '1',
    '-printf',
    '%y %P\\0',
  ]);
  if ('refused' in found) return found;
  try {
    const entries = await classifyUpper(parseUpperListing(found.stdout), lower, upper, (paths) =>
      statPaths(access.prefix, paths),
    );
    return { entries, access: access.label };
  } catch (err) {
    return { refused: err instanceof Error ? err.message : String(err) };
  }
}
