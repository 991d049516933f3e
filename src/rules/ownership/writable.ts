// Which paths of the shipped image the runtime user must be able to write, and which RUN
// steps change ownership or modes. Shared by HC401 (writable paths without --chown) and
// HC402 (code made writable), so the two never give contradicting advice on one path.
import type { DockerfileModel, Instr } from '../../dockerfile/model.js';
import { isRootUser } from '../../dockerfile/base-images.js';
import { splitUser } from '../../dockerfile/facts.js';
import { lineOfWord } from '../../dockerfile/lines.js';
import { shippedStages } from '../../dockerfile/stages.js';
import { isUnder, joinPath, normalizePath } from '../../dockerfile/paths.js';
import { resolved } from './words.js';
import { simpleCommands } from './simple-commands.js';
import { workdirAt } from './workdir.js';
import { type RuntimeUser } from './runtime-user.js';

/** Directory names apps write at runtime: caches, uploads, data, logs, sessions, scratch space. */
const WRITABLE_NAMES = new Set([
  'uploads',
  'upload',
  'cache',
  '.cache',
  'caches',
  'log',
  'logs',
  'tmp',
  'temp',
  'storage',
  'sessions',
  'media',
  'data',
]);
const WRITABLE_PREFIXES = ['/var/cache', '/var/log', '/var/run', '/run', '/data'];

export interface OwnershipChange {
  instr: Instr;
  line: number;
  kind: 'chown' | 'chmod';
  recursive: boolean;
  /** chown: the new owner's user part; chmod: the mode text. */
  value: string;
  /** chmod grants write to group or others. */
  grantsWrite: boolean;
  paths: string[];
}

/** Does a chmod mode give write permission to group/other (`777`, `a+w`, `o+w`, `g=u`, `go+rw`)? */
export function modeGrantsWrite(mode: string): { group: boolean; other: boolean } {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const n = parseInt(mode.slice(-3), 8);
    return { group: (n & 0o020) !== 0, other: (n & 0o002) !== 0 };
  }
  let group = false;
  let other = false;
  for (const clause of mode.split(',')) {
    const m = /^([ugoa]*)([+=])(.*)$/.exec(clause);
    if (!m) continue;
    const who = m[1] === '' ? 'a' : m[1];
    const w = m[3].includes('w') || (m[2] === '=' && m[3] === 'u');
    if (!w) continue;
    if (who.includes('a') || who.includes('g')) group = true;
    if (who.includes('a') || who.includes('o')) other = true;
  }
  return { group, other };
}

/** chown/chmod/chgrp steps in a RUN, with absolute paths (cwd = WORKDIR; `cd` followed). */
export function ownershipChanges(model: DockerfileModel, instr: Instr): OwnershipChange[] {
  const out: OwnershipChange[] = [];
  if (instr.keyword !== 'RUN') return out;
  const wd = workdirAt(model, instr);
  let cwd: string | null = wd === undefined ? null : (wd ?? '/');
  for (const cmd of simpleCommands(model, instr)) {
    const w = cmd.words.map((x) => (x.includes('$') ? resolved(model, x, instr) : x));
    const at = w.findIndex((x) => x !== null && /^(chown|chmod|cd)$/.test(x));
    if (at < 0) continue;
    const name = w[at]!;
    const rest = w.slice(at + 1);
    if (name === 'cd') {
      const p = rest[0];
      cwd = p === null || p === undefined || cwd === null ? null : joinPath(cwd, p);
      continue;
    }
    const recursive = rest.some((x) => x !== null && /^-[a-zA-Z]*R|^--recursive$/.test(x));
    const args = rest.filter((x) => x === null || !x.startsWith('-'));
    if (args.length < 2 || args[0] === null) continue;
    const value = args[0];
    const paths: string[] = [];
    for (const p of args.slice(1)) {
      if (p === null || cwd === null || p.includes('*')) continue;
      paths.push(p.startsWith('/') ? normalizePath(p) : joinPath(cwd, p));
    }
    if (paths.length === 0) continue;
    const g = name === 'chmod' ? modeGrantsWrite(value) : { group: false, other: false };
    out.push({
      instr,
      line: lineOfWord(model, instr, name),
      kind: name as 'chown' | 'chmod',
      recursive,
      value: name === 'chown' ? splitUser(value)[0] : value,
      grantsWrite: g.group || g.other,
      paths,
    });
  }
  return out;
}

/** VOLUME paths declared anywhere in the shipped image. */
export function declaredVolumes(model: DockerfileModel): { path: string; line: number }[] {
  const out: { path: string; line: number }[] = [];
  for (const stage of shippedStages(model)) {
    for (const i of stage.instructions) {
      if (i.keyword !== 'VOLUME') continue;
      for (const raw of i.json ?? i.args) {
        const v = resolved(model, raw, i);
        if (v && v.startsWith('/')) out.push({ path: normalizePath(v), line: i.line });
      }
    }
  }
  return out;
}

export interface WritableContext {
  volumes: { path: string; line: number }[];
  /** Directories made writable on purpose for the runtime user (non-recursive chown/chmod). */
  intended: { path: string; line: number }[];
}

export function writableContext(model: DockerfileModel, run: RuntimeUser | null): WritableContext {
  const intended: { path: string; line: number }[] = [];
  for (const stage of shippedStages(model)) {
    for (const i of stage.instructions) {
      for (const c of ownershipChanges(model, i)) {
        if (c.recursive) continue;
        const ok =
          c.kind === 'chmod' ? c.grantsWrite : run !== null && !isRootUser(c.value) && c.value === run.user;
        if (ok) for (const p of c.paths) intended.push({ path: p, line: c.line });
      }
    }
  }
  return { volumes: declaredVolumes(model), intended };
}

/** Why the runtime user must write `path` (an absolute directory or file), or null. */
export function writableReason(path: string, ctx: WritableContext): string | null {
  // /tmp stays world-writable (1777): files put there are install-time scratch, not runtime state.
  if (isUnder(path, '/tmp') || isUnder(path, '/var/tmp')) return null;
  const vol = ctx.volumes.find((v) => isUnder(path, v.path));
  if (vol) return `a declared VOLUME (line ${vol.line})`;
  const int = ctx.intended.find((v) => isUnder(path, v.path) && v.path !== '/');
  if (int) return `made writable for the runtime user on line ${int.line}`;
  const segs = path.split('/').filter(Boolean);
  const last = segs[segs.length - 1];
  const parent = segs[segs.length - 2];
  // `next start` writes .next/cache (image optimisation, ISR) while it runs
  if (last === '.next') return 'the .next directory, where next start writes its cache at runtime';
  if (last && WRITABLE_NAMES.has(last.toLowerCase()))
    return `a ${last} directory the application writes at runtime`;
  if (parent && WRITABLE_NAMES.has(parent.toLowerCase()))
    return `inside a ${parent} directory the application writes at runtime`;
  const pre = WRITABLE_PREFIXES.find((p) => isUnder(path, p));
  if (pre) return `under ${pre}, which services write at runtime`;
  return null;
}
