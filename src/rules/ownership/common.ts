// Shared facts for the HC4xx rules: COPY/ADD sources and destination, absolute paths
// against WORKDIR, the runtime user, --chown values, users created in a stage chain,
// Windows stages, and the commands of a RUN as plain words.
import { unquote, type DockerfileModel, type Instr, type Stage } from '../../dockerfile/model.js';
import {
  baseImageAccounts,
  describeBaseImage,
  isRootUser,
  parseImageRef,
  type BaseImageAccounts,
} from '../../dockerfile/base-images.js';
import { effectiveUser, externalBase, runText, splitUser } from '../../dockerfile/facts.js';
import { isWindowsAbsolute, joinPath, normalizePath } from '../../dockerfile/paths.js';
import { invocationsOf } from '../../shell/invocations.js';
import { scriptsOf } from '../../shell/script.js';

export interface Word {
  value: string;
  line: number;
}

export interface CopyParts {
  sources: Word[];
  dest: Word | null;
  /** `COPY <<EOF /dest` */
  heredoc: boolean;
  /** written as a JSON array */
  json: boolean;
}

/** Sources and destination of a COPY/ADD as written (unresolved), with the line each word is on. */
export function copyParts(instr: Instr): CopyParts {
  if (instr.json) {
    const words = instr.json.map((value) => ({ value, line: instr.line }));
    return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? null, heredoc: false, json: true };
  }
  if (instr.heredocs.length > 0) {
    // Only the first line carries sources and destination; the rest are heredoc bodies.
    const first = instr.text.split(/\r?\n/)[0] ?? '';
    const words = first
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => ({ value: unquote(w), line: instr.line }));
    return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? null, heredoc: true, json: false };
  }
  const nodes = instr.node.getArguments();
  const words = nodes.map((a) => ({ value: unquote(a.getValue()), line: a.getRange().start.line + 1 }));
  return { sources: words.slice(0, -1), dest: words[words.length - 1] ?? null, heredoc: false, json: false };
}

export function flag(instr: Instr, name: string): { value: string; line: number } | null {
  const f = instr.flags.find((x) => x.name === name);
  return f && f.value !== null ? { value: unquote(f.value), line: f.line } : null;
}

/** Resolve a text at an instruction; null when a variable is unknown or undefined. */
export function resolved(model: DockerfileModel, text: string, instr: Instr): string | null {
  const r = model.resolveWord(text, instr);
  return r.complete ? r.value : null;
}

/**
 * The working directory in effect at `instr`, following the stage chain.
 * `null` when no WORKDIR was set (the base image decides), `undefined` when it cannot be resolved.
 */
export function workdirAt(model: DockerfileModel, instr: Instr): string | null | undefined {
  const before = workdirs(model);
  return model.stageOf(instr) && before.has(instr) ? before.get(instr) : null;
}

/** The absolute working directory a WORKDIR instruction sets, or null when it cannot be resolved. */
export function workdirSetBy(model: DockerfileModel, instr: Instr): string | null {
  const v = resolved(model, instr.args.join(' '), instr);
  if (v === null) return null;
  if (v.startsWith('/')) return normalizePath(v);
  const prev = workdirAt(model, instr);
  return prev === undefined ? null : joinPath(prev ?? '/', v);
}

// One pass per model, stages in order (a stage's parent comes before it), instead of a walk
// of the chain per instruction: that was quadratic on long files (found by the fuzz suite).
const workdirCache = new WeakMap<DockerfileModel, Map<Instr, string | null | undefined>>();

function workdirs(model: DockerfileModel): Map<Instr, string | null | undefined> {
  let before = workdirCache.get(model);
  if (before) return before;
  before = new Map();
  const atEnd = new Map<number, string | null | undefined>();
  for (const s of model.stages) {
    const ref = s.from.stageRef;
    let wd: string | null | undefined = ref !== null && atEnd.has(ref) ? atEnd.get(ref) : null;
    for (const i of s.instructions) {
      before.set(i, wd);
      if (i.keyword !== 'WORKDIR') continue;
      const v = resolved(model, i.args.join(' '), i);
      if (v === null) {
        wd = undefined;
      } else if (v.startsWith('/')) {
        wd = normalizePath(v);
      } else if (isWindowsAbsolute(v)) {
        wd = undefined; // Windows paths: not modelled
      } else {
        wd = wd === undefined ? undefined : joinPath(wd ?? '/', v);
      }
    }
    atEnd.set(s.index, wd);
  }
  workdirCache.set(model, before);
  return before;
}

/** Absolute destination of a COPY/ADD (trailing slash dropped), or null when unknown. */
export function absoluteDest(model: DockerfileModel, instr: Instr, dest: string): string | null {
  const v = resolved(model, dest, instr);
  if (v === null || isWindowsAbsolute(v)) return null;
  if (v.startsWith('/')) return normalizePath(v);
  const wd = workdirAt(model, instr);
  if (wd === undefined) return null;
  return joinPath(wd ?? '/', v);
}

/** The user the shipped container runs as, when the Dockerfile (or a known base) says so. */
export interface RuntimeUser {
  user: string;
  group: string | null;
  /** The USER line, or null when the base image's default user applies. */
  line: number | null;
  /** As written, for messages. */
  label: string;
}

export function runtimeUser(
  model: DockerfileModel,
  trusted: Parameters<typeof externalBase>[1] = [],
): RuntimeUser | null {
  const eff = effectiveUser(model);
  if (eff) {
    if (!eff.resolved.complete) return null;
    return { user: eff.user, group: eff.group, line: eff.instr.line, label: eff.raw };
  }
  const base = externalBase(model, trusted);
  const u = base?.info?.user;
  if (u === undefined || u === null) return null;
  const [user, group] = splitUser(u);
  return { user, group, line: null, label: `${u || 'root'} (default of ${base?.resolved.value})` };
}

export function isNonRoot(u: RuntimeUser | null): u is RuntimeUser {
  return u !== null && !isRootUser(u.user);
}

/** Stage chain instructions in build order, up to (excluding) `before` when given. */
export function chainBefore(model: DockerfileModel, stage: Stage, before?: Instr): Instr[] {
  const out: Instr[] = [];
  for (const s of model.chain(stage).reverse()) {
    for (const i of s.instructions) {
      if (i === before) return out;
      out.push(i);
    }
  }
  return out;
}

// ---------------------------------------------------------------- users and groups

export interface Chown {
  raw: string;
  value: string | null;
  user: string;
  group: string | null;
  line: number;
}

export function chownOf(model: DockerfileModel, instr: Instr): Chown | null {
  const f = flag(instr, 'chown');
  if (!f) return null;
  const value = resolved(model, f.value, instr);
  const [user, group] = value === null ? ['', null] : splitUser(value);
  return { raw: f.value, value, user, group, line: f.line };
}

export const isNumeric = (s: string): boolean => /^\d+$/.test(s);

export interface KnownAccounts {
  users: Map<string, string | null>; // name -> uid when known
  groups: Map<string, string | null>;
  /** /etc/passwd or /etc/group was copied in or written wholesale: any name may exist. */
  opaque: boolean;
}

const ACCOUNT_CMD = /^(useradd|adduser|groupadd|addgroup)$/;
const OPTS_WITH_VALUE = new Set([
  '-u',
  '--uid',
  '-g',
  '--gid',
  '-G',
  '--groups',
  '-s',
  '--shell',
  '-d',
  '--home',
  '--home-dir',
  '-h',
  '-c',
  '--comment',
  '--gecos',
  '--ingroup',
  '-k',
  '--skel',
  '-K',
  '--key',
  '-p',
  '--password',
  '-e',
  '--expiredate',
  '-f',
  '--inactive',
  '-b',
  '--base-dir',
  '-R',
  '--root',
  '-P',
  '--prefix',
  '-Z',
  '--selinux-user',
  '--firstuid',
  '--lastuid',
  '--firstgid',
  '--lastgid',
  '--conf',
]);

/** Users and groups created by RUN/COPY in these instructions (useradd, adduser, groupadd, addgroup, passwd edits). */
export function accountsCreated(model: DockerfileModel, instrs: Instr[]): KnownAccounts {
  const acc: KnownAccounts = { users: new Map(), groups: new Map(), opaque: false };
  for (const i of instrs) {
    if (i.keyword === 'COPY' || i.keyword === 'ADD') {
      const parts = copyParts(i);
      const dest = parts.dest ? (resolved(model, parts.dest.value, i) ?? '') : '';
      const srcs = parts.sources.map((s) => s.value);
      if (
        /^\/etc\/?$|^\/etc\/(passwd|group)$/.test(dest) ||
        srcs.some((s) => /(^|\/)(passwd|group)$|^\/etc\/?$/.test(s)) ||
        (dest === '/' && i.flags.some((f) => f.name === 'from'))
      ) {
        acc.opaque = true;
      }
      continue;
    }
    if (i.keyword !== 'RUN') continue;
    const text = runText(i);
    for (const m of text.matchAll(/(?:^|[\s'"])([a-z_][a-z0-9_.-]*)\$?:[x*!]?:(\d+):(\d*)/gi)) {
      // passwd line `name:x:uid:gid:...` or group line `name:x:gid:`
      if (/\/etc\/passwd/.test(text)) acc.users.set(m[1], m[2]);
      if (/\/etc\/group/.test(text)) acc.groups.set(m[1], m[2]);
    }
    if (/\bvipw\b|\bvigr\b|\bsed\b[^\n]*\/etc\/(passwd|group)/.test(text)) acc.opaque = true;
    for (const cmd of simpleCommands(model, i)) {
      const w = cmd.words;
      const at = w.findIndex((x) => ACCOUNT_CMD.test(x.replace(/^.*\//, '')));
      if (at < 0) continue;
      const kind = w[at].replace(/^.*\//, '');
      let id: string | null = null;
      const names: string[] = [];
      let system = false;
      let withGroup = false;
      for (let k = at + 1; k < w.length; k++) {
        const x = w[k];
        if (OPTS_WITH_VALUE.has(x)) {
          if (
            x === '-u' ||
            x === '--uid' ||
            ((kind === 'groupadd' || kind === 'addgroup') && (x === '-g' || x === '--gid'))
          )
            id = w[k + 1] ?? null;
          k++;
          continue;
        }
        const eq = /^(--[a-z-]+)=(.*)$/.exec(x);
        if (eq) {
          if (eq[1] === '--uid' || (eq[1] === '--gid' && kind !== 'useradd' && kind !== 'adduser'))
            id = eq[2];
          continue;
        }
        if (x === '-S' || x === '--system' || x === '-r') system = true;
        if (x === '--group' || x === '-U' || x === '--user-group') withGroup = true;
        if (x.startsWith('-')) continue;
        names.push(x);
      }
      void system;
      void withGroup;
      if (names.length === 0) continue;
      if (kind === 'groupadd') acc.groups.set(names[names.length - 1], id);
      else if (kind === 'addgroup') {
        // `addgroup NAME` creates a group; Debian `addgroup USER GROUP` adds a user to an existing group.
        if (names.length === 1) acc.groups.set(names[0], id);
      } else {
        // useradd/adduser NAME: most distributions also create a same-named primary group.
        const name = kind === 'adduser' && names.length === 2 ? names[0] : names[names.length - 1];
        if (kind === 'adduser' && names.length === 2) continue; // `adduser USER GROUP` (Debian): membership only
        acc.users.set(name, id);
        if (!acc.groups.has(name)) acc.groups.set(name, id);
      }
    }
  }
  return acc;
}

/** Accounts the stage's known base image provides (../../dockerfile/base-images.ts), or null. */
export function baseAccounts(
  model: DockerfileModel,
  stage: Stage,
): (BaseImageAccounts & { family: string }) | null {
  const base = externalBase(model, [], stage);
  if (!base?.info || !base.resolved.complete || !base.resolved.value) return null;
  const accounts = baseImageAccounts(base.info, base.resolved.value);
  return accounts && { ...accounts, family: base.info.family };
}

const KNOWN_UIDS: Record<string, string> = { nonroot: '65532', nobody: '65534', root: '0' };

/** uid of a user name when the chain or a known base tells us. */
export function uidOf(
  model: DockerfileModel,
  stage: Stage,
  name: string,
  created?: KnownAccounts,
): string | null {
  if (isNumeric(name)) return name;
  const c = created ?? accountsCreated(model, chainBefore(model, stage));
  const id = c.users.get(name);
  if (id && isNumeric(id)) return id;
  if (c.users.has(name)) return null;
  return baseAccounts(model, stage)?.users.get(name)?.uid ?? KNOWN_UIDS[name] ?? null;
}

/** Same account? true/false when decidable, null when a name cannot be mapped to an id. */
export function sameAccount(model: DockerfileModel, stage: Stage, a: string, b: string): boolean | null {
  if (a === b) return true;
  const ia = uidOf(model, stage, a);
  const ib = uidOf(model, stage, b);
  if (ia !== null && ib !== null) return ia === ib;
  // Two different names are two accounts; a name against an unmapped number cannot be decided.
  if (!isNumeric(a) && !isNumeric(b)) return false;
  return null;
}

// ---------------------------------------------------------------- Windows

const WINDOWS_IMAGE =
  /(^|\/)(windows|windowsservercore|nanoserver|servercore)([/:-]|$)|mcr\.microsoft\.com\/windows/i;
const WINDOWS_TAG = /(nanoserver|windowsservercore|servercore|ltsc20\d\d)/i;

/** Is this stage built for Windows: a Windows base, or (base unknown) Windows paths and shells. */
export function windowsStage(model: DockerfileModel, stage: Stage): { reason: string } | null {
  const base = externalBase(model, [], stage);
  const ref = base?.resolved.value ?? '';
  if (base && base.resolved.complete && ref) {
    const r = parseImageRef(ref);
    const path = (r.registry ? r.registry + '/' : '') + r.repo;
    if (WINDOWS_IMAGE.test(path) || WINDOWS_TAG.test(r.tag ?? ''))
      return { reason: `the base image ${ref} is a Windows image` };
    if (describeBaseImage(ref)) return null; // a known Linux image
  }
  if (model.escapeChar !== '`') return null;
  for (const i of chainBefore(model, stage)) {
    if (i.keyword === 'WORKDIR' && isWindowsAbsolute(i.args.join(' '))) {
      return { reason: `the file uses the backtick escape and a Windows WORKDIR (line ${i.line})` };
    }
    if (i.keyword === 'SHELL' && /powershell|pwsh|cmd(\.exe)?"/i.test(i.text)) {
      return { reason: `the file uses the backtick escape and a Windows SHELL (line ${i.line})` };
    }
  }
  return null;
}

// ---------------------------------------------------------------- shell commands

export interface SimpleCommand {
  /** The program and its arguments, wrappers (`sudo`, `env`, `VAR=x`, …) peeled. */
  words: string[];
  /** Files its `>`/`>>`/`&>` redirections write. */
  redirects: string[];
}

const FILE_REDIRECTS = new Set(['>', '>>', '>|', '&>', '&>>']);

const fileTargets = (redirects: { op: string; target: string | null }[]): string[] =>
  redirects.flatMap((r) => (FILE_REDIRECTS.has(r.op) && r.target !== null ? [r.target] : []));

/** What a RUN executes (src/shell: heredoc scripts, `sh -c`, `$(…)` included), as plain words. */
export function simpleCommands(model: DockerfileModel, instr: Instr): SimpleCommand[] {
  const out = invocationsOf(instr, model).map((inv) => ({
    words: [inv.nameWord, ...inv.args].map((w) => w.value),
    redirects: fileTargets(inv.command.redirects),
  }));
  // A bare `> file` runs no program, so invocationsOf skips it; it still creates the file.
  for (const s of scriptsOf(instr, model)) {
    if (s.shell.kind !== 'posix') continue;
    for (const c of s.commands) {
      if (c.words.length === 0 && c.redirects.length > 0)
        out.push({ words: [], redirects: fileTargets(c.redirects) });
    }
  }
  return out;
}
