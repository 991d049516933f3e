// HC401: the non-root runtime user must write a directory the image leaves owned by root.
// (1) COPY/ADD without --chown into a path the app writes at runtime: a declared VOLUME, a
//     directory made writable on purpose (non-recursive chown/chmod), or a well-known
//     cache/upload/data/log directory — unless a later recursive chown/chmod fixes it.
// (2) A RUN after a non-root USER that writes into a directory created or copied as root
//     earlier (mkdir, touch, cp, mv, tee, `>`, pip --target, npm/yarn/pnpm install, composer,
//     git clone, curl -o, wget -O): the build fails with "Permission denied".
// (3) The CMD/ENTRYPOINT writes into its working directory at run time (`npm run build`,
//     `tsc`, `npm install`, a relative sqlite file) while that directory was created as root
//     (WORKDIR, mkdir) and the container runs as a non-root user. COPY --chown into an existing
//     directory does not change the directory's own owner (checked on both builders).
// (4) A VOLUME the file created as root (WORKDIR, mkdir) and never handed to the non-root
//     runtime user: a fresh volume is initialised with that owner, so the app cannot write it.
// Directories created by WORKDIR after a non-root USER are HC406's, not tracked here.
import type { DockerfileModel, Instr, Stage } from '../../dockerfile/model.js';
import type { Rule, RuleHit } from '../types.js';
import { externalBase, finalEnv, lastInChain } from '../../dockerfile/facts.js';
import { isRootUser } from '../../dockerfile/base-images.js';
import { lineOfWord } from '../../dockerfile/lines.js';
import { neededStages, shippedStages } from '../../dockerfile/stages.js';
import { isUnder, joinPath, normalizePath } from '../../dockerfile/paths.js';
import { absoluteDest, workdirAt, workdirSetBy } from './workdir.js';
import { chainBefore } from '../../dockerfile/facts.js';
import { chownOf, copyParts, flag, resolved } from './words.js';
import { isNonRoot, runtimeUser, type RuntimeUser } from './runtime-user.js';
import { simpleCommands } from './simple-commands.js';
import {
  declaredVolumes,
  modeGrantsWrite,
  ownershipChanges,
  writableContext,
  writableReason,
} from './writable.js';

export const hc401: Rule = {
  meta: {
    id: 'HC401',
    title: 'Runtime user must write a root-owned directory',
    severity: 'warning',
    anchors: {},
    description:
      'COPY, ADD, WORKDIR and RUN create files owned by root unless told otherwise. When the container runs as a non-root user, any directory it has to write (uploads, caches, data, declared VOLUMEs, node_modules during the build) must be chowned to it, or the app fails with "Permission denied" at runtime or the build fails.',
  },
  check(ctx) {
    const run = runtimeUser(ctx.model, ctx.trustedBaseImages);
    const copies = copyIntoWritable(ctx.model, run);
    return [
      ...copies,
      ...runWritesRootDir(ctx.model),
      ...commandWritesWorkdir(ctx.model, run),
      ...rootOwnedVolumes(ctx.model, run, copies),
    ];
  },
};

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

// ---------------------------------------------------------------- (1) COPY into a writable path

function copyIntoWritable(model: DockerfileModel, run: RuntimeUser | null): RuleHit[] {
  const hits: RuleHit[] = [];
  if (!isNonRoot(run)) return hits;
  const ctx = writableContext(model, run);
  const instrs = shippedStages(model).flatMap((s) => s.instructions);
  instrs.forEach((instr, idx) => {
    if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') return;
    const chown = chownOf(model, instr);
    if (chown && (chown.value === null || !isRootUser(chown.user))) return;
    const chmod = flag(instr, 'chmod');
    if (chmod && modeGrantsWrite(chmod.value).other) return;
    const { dest } = copyParts(instr);
    if (!dest) return;
    const target = absoluteDest(model, instr, dest.value);
    if (!target) return;
    const reason = writableReason(target, ctx);
    if (!reason) return;
    // A later recursive chown/chmod (or one of exactly this path) hands it over: fixed.
    const fixed = instrs
      .slice(idx + 1)
      .some((later) =>
        ownershipChanges(model, later).some(
          (c) =>
            c.paths.some((p) => (c.recursive ? isUnder(target, p) : p === target)) &&
            (c.kind === 'chmod' ? c.grantsWrite : !isRootUser(c.value)),
        ),
      );
    if (fixed) return;
    const who = run.line !== null ? `USER ${run.label} (line ${run.line})` : `user ${run.label}`;
    const owner = run.group ? `${run.user}:${run.group}` : run.user;
    hits.push({
      line: instr.line,
      message: `${instr.keyword} puts root-owned files into ${target} (${reason}) but the container runs as ${who}: add --chown=${owner} here, or the app gets "Permission denied" when it writes there.`,
    });
  });
  return hits;
}

// ---------------------------------------------------------------- (2) RUN as non-root into a root-owned dir

type Owner = { owner: 'root' | 'user' | 'open'; line: number; how: string };

/** Directories that are root-owned in every Linux base image. */
const SYSTEM_DIRS = new Set([
  '/',
  '/usr',
  '/usr/local',
  '/usr/local/bin',
  '/usr/local/lib',
  '/usr/local/share',
  '/usr/bin',
  '/usr/lib',
  '/usr/share',
  '/bin',
  '/sbin',
  '/lib',
  '/etc',
  '/opt',
  '/srv',
  '/var',
  '/var/lib',
  '/var/www',
  '/mnt',
  '/root',
]);

interface Write {
  path: string;
  /** the command word, for the line and the message */
  cmd: string;
  /** mkdir: an existing target is not a write */
  mkdir: boolean;
}

function writesOf(model: DockerfileModel, instr: Instr, cwd0: string | null): Write[] {
  const out: Write[] = [];
  let cwd = cwd0;
  const abs = (p: string | null): string | null =>
    p === null || cwd === null || p.includes('*')
      ? null
      : p.startsWith('/')
        ? normalizePath(p)
        : joinPath(cwd, p);
  for (const cmd of simpleCommands(model, instr)) {
    const w = cmd.words.map((x) => (x.includes('$') ? resolved(model, x, instr) : x));
    for (const r of cmd.redirects) {
      const p = abs(r.includes('$') ? resolved(model, r, instr) : r);
      if (p && p !== '/dev/null' && !p.startsWith('/dev/') && !p.startsWith('/proc/'))
        out.push({ path: p, cmd: '>', mkdir: false });
    }
    const name = w[0]?.replace(/^.*\//, '') ?? null;
    if (!name) continue;
    const rest = w.slice(1);
    const plain = rest.filter((x) => x === null || !x.startsWith('-'));
    const optVal = (...opts: string[]): string | null | undefined => {
      for (let k = 0; k < rest.length; k++) {
        const x = rest[k];
        if (x === null) continue;
        for (const o of opts) {
          if (x === o) return rest[k + 1];
          if (x.startsWith(o + '=')) return x.slice(o.length + 1);
          if (o.length === 2 && x.startsWith(o) && x.length > 2 && !x.startsWith('--')) return x.slice(2);
        }
      }
      return undefined;
    };
    const push = (p: string | null | undefined, mkdir = false) => {
      const a = p === undefined ? null : abs(p);
      if (a) out.push({ path: a, cmd: name, mkdir });
    };
    switch (name) {
      case 'cd':
        cwd = abs(plain[0] ?? null);
        break;
      case 'mkdir': {
        const mode = optVal('-m', '--mode');
        for (const p of plain) if (p !== mode) push(p, true);
        break;
      }
      case 'touch':
        for (const p of plain) push(p);
        break;
      case 'tee':
        for (const p of plain) push(p);
        break;
      case 'cp':
      case 'mv':
      case 'ln':
      case 'install':
      case 'rsync':
        if (plain.length >= 2) push(plain[plain.length - 1]);
        break;
      case 'pip':
      case 'pip3': {
        const t = optVal('-t', '--target');
        if (t !== undefined) push(t);
        break;
      }
      case 'npm':
      case 'yarn':
      case 'pnpm':
      case 'composer': {
        const sub = plain[0];
        const global = rest.some((x) => x === '-g' || x === '--global');
        if (!global && (sub === undefined ? name === 'yarn' : /^(install|i|ci|add)$/.test(sub ?? '')))
          push('.');
        break;
      }
      case 'git':
        if (plain[0] === 'clone') push(plain[2] ?? '.');
        break;
      case 'curl':
        push(optVal('-o', '--output'));
        break;
      case 'wget': {
        push(optVal('-O', '--output-document'));
        push(optVal('-P', '--directory-prefix'));
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function nearestTracked(owners: Map<string, Owner>, p: string): [string, Owner] | null {
  let cur = p;
  for (;;) {
    const o = owners.get(cur);
    if (o) return [cur, o];
    if (cur === '/') return null;
    cur = dirname(cur);
  }
}

function runWritesRootDir(model: DockerfileModel): RuleHit[] {
  const hits: RuleHit[] = [];
  const seen = new Set<string>();
  for (const stage of neededStages(model)) {
    for (const hit of trackStage(model, stage)) {
      const key = `${hit.line}:${hit.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      hits.push(hit);
    }
  }
  return hits;
}

function trackStage(model: DockerfileModel, stage: Stage): RuleHit[] {
  const hits: RuleHit[] = [];
  const owners = new Map<string, Owner>();
  const baseUser = externalBase(model, [], stage)?.info?.user;
  // who runs RUN steps: 'root', a user name, or null (unknown)
  let user: string | null =
    baseUser === undefined ? null : baseUser === '' || isRootUser(baseUser) ? 'root' : baseUser;
  let userLine = 0;
  const mark = (p: string, o: Owner, overwrite = false) => {
    if (overwrite || !owners.has(p)) owners.set(p, o);
  };
  for (const instr of chainBefore(model, stage)) {
    const own = instr.stageIndex === stage.index;
    switch (instr.keyword) {
      case 'USER': {
        const v = resolved(model, instr.args.join(' '), instr);
        user = v === null ? null : isRootUser(v) ? 'root' : v.split(':')[0];
        userLine = instr.line;
        break;
      }
      case 'WORKDIR': {
        const p = workdirSetBy(model, instr);
        if (!p) break;
        // After a non-root USER the owner depends on the builder (HC406): do not guess.
        mark(
          p,
          user === 'root'
            ? { owner: 'root', line: instr.line, how: 'WORKDIR' }
            : { owner: 'open', line: instr.line, how: 'WORKDIR' },
        );
        break;
      }
      case 'COPY':
      case 'ADD': {
        const { dest } = copyParts(instr);
        const t = dest ? absoluteDest(model, instr, dest.value) : null;
        if (!t || !dest) break;
        const chown = chownOf(model, instr);
        const chmod = flag(instr, 'chmod');
        const owner: Owner['owner'] =
          chown && (chown.value === null || !isRootUser(chown.user))
            ? 'user'
            : chmod && modeGrantsWrite(chmod.value).other
              ? 'open'
              : 'root';
        const o = { owner, line: instr.line, how: instr.keyword };
        const existing = owners.get(t);
        if (!existing) mark(t, o);
        else if (existing.owner === 'root' && owner !== 'root') mark(t, { ...o, owner: 'open' }, true);
        const parent = dirname(t);
        if (
          !dest.value.endsWith('/') &&
          !owners.has(parent) &&
          !SYSTEM_DIRS.has(parent) &&
          !/^\/home\/[^/]+$/.test(parent) &&
          !isUnder(parent, '/tmp')
        ) {
          mark(parent, { ...o, owner: owner === 'user' ? 'open' : owner });
        }
        break;
      }
      case 'RUN': {
        const wd = workdirAt(model, instr);
        const cwd = wd === undefined ? null : (wd ?? '/');
        if (user !== null && user !== 'root') {
          const reported = new Set<string>();
          for (const w of writesOf(model, instr, cwd)) {
            const near = nearestTracked(owners, w.path);
            let problem: { dir: string; why: string } | null = null;
            if (near) {
              const [dir, o] = near;
              if (dir === w.path && w.mkdir) continue; // already exists
              if (o.owner === 'root') problem = { dir, why: `created by ${o.how} on line ${o.line} as root` };
            } else if (SYSTEM_DIRS.has(dirname(w.path)) && !(w.mkdir && SYSTEM_DIRS.has(w.path))) {
              problem = { dir: dirname(w.path), why: 'owned by root in every base image' };
            }
            if (own && problem && !reported.has(problem.dir)) {
              reported.add(problem.dir);
              const what =
                w.cmd === '>' ? `redirects output to ${w.path}` : `runs ${w.cmd}, which writes ${w.path}`;
              hits.push({
                line: w.cmd === '>' ? instr.line : lineOfWord(model, instr, w.cmd),
                message: `This RUN executes as USER ${user} (line ${userLine}) and ${what}, but ${problem.dir} is ${problem.why}: the build fails with "Permission denied", so create and chown the directory before switching USER, or COPY --chown=${user}.`,
              });
            }
            if (w.mkdir || w.cmd === 'touch') mark(w.path, { owner: 'user', line: instr.line, how: 'RUN' });
          }
        }
        if (user === 'root') {
          for (const cmd of simpleCommands(model, instr)) {
            const i = cmd.words.indexOf('mkdir');
            if (i < 0 || cwd === null) continue;
            for (const p of cmd.words.slice(i + 1)) {
              if (p.startsWith('-') || p.includes('$') || p.includes('*') || /^[0-7]{3,4}$/.test(p)) continue;
              mark(p.startsWith('/') ? normalizePath(p) : joinPath(cwd, p), {
                owner: 'root',
                line: instr.line,
                how: 'RUN mkdir',
              });
            }
          }
        }
        for (const c of ownershipChanges(model, instr)) {
          for (const p of c.paths) {
            let owner: Owner['owner'] | null = null;
            if (c.kind === 'chown') owner = isRootUser(c.value) ? 'root' : 'user';
            else if (modeGrantsWrite(c.value).other) owner = 'open';
            if (!owner) continue;
            const o = { owner, line: instr.line, how: 'RUN' };
            mark(p, o, true);
            if (c.recursive) for (const k of owners.keys()) if (isUnder(k, p)) owners.set(k, o);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return hits;
}

// ---------------------------------------------------------------- (3)/(4) what the running container writes

interface DirOwner {
  owner: 'root' | 'user' | 'open';
  line: number;
  how: string;
}

/**
 * Who owns directory `dir` at the end of the shipped image, as far as the file shows: created
 * as root by WORKDIR or `mkdir`, or by COPY (its --chown), then changed by chown/chmod.
 * null when the file never creates it (the base image may) or creates it as a non-root user.
 */
function ownerAtEnd(model: DockerfileModel, dir: string): DirOwner | null {
  const target = model.target;
  // directories every base image already has (home directories belong to their user)
  if (!target || SYSTEM_DIRS.has(dir) || /^\/home\/[^/]+$/.test(dir) || isUnder(dir, '/tmp')) return null;
  const baseUser = externalBase(model, [], target)?.info?.user;
  let root = baseUser === undefined ? null : baseUser === '' || isRootUser(baseUser);
  let owner: DirOwner | null = null;
  for (const instr of chainBefore(model, target)) {
    switch (instr.keyword) {
      case 'USER': {
        const v = resolved(model, instr.args.join(' '), instr);
        root = v === null ? null : isRootUser(v);
        break;
      }
      case 'WORKDIR': {
        const p = workdirSetBy(model, instr);
        // WORKDIR creates the directory and its parents, owned by root when run as root
        if (p && owner === null && isUnder(p, dir))
          owner = root === true ? { owner: 'root', line: instr.line, how: 'WORKDIR' } : null;
        break;
      }
      case 'COPY':
      case 'ADD': {
        const { dest } = copyParts(instr);
        const t = dest ? absoluteDest(model, instr, dest.value) : null;
        // a COPY that creates the directory gives it the --chown owner; an existing one keeps its owner
        if (!t || owner !== null || !(t === dir || (dest!.value.endsWith('/') && isUnder(t, dir)))) break;
        const chown = chownOf(model, instr);
        owner =
          chown && (chown.value === null || !isRootUser(chown.user))
            ? { owner: 'user', line: instr.line, how: instr.keyword }
            : root === true
              ? { owner: 'root', line: instr.line, how: instr.keyword }
              : null;
        break;
      }
      case 'RUN': {
        const wd = workdirAt(model, instr);
        const cwd = wd === undefined ? null : (wd ?? '/');
        if (owner === null && root === true && cwd !== null) {
          for (const cmd of simpleCommands(model, instr)) {
            if (cmd.words[0] !== 'mkdir') continue;
            for (const w of cmd.words.slice(1)) {
              if (w.startsWith('-') || w.includes('$') || /^[0-7]{3,4}$/.test(w)) continue;
              const p = w.startsWith('/') ? normalizePath(w) : joinPath(cwd, w);
              if (isUnder(p, dir)) owner = { owner: 'root', line: instr.line, how: 'RUN mkdir' };
            }
          }
        }
        for (const c of ownershipChanges(model, instr)) {
          if (!c.paths.some((p) => p === dir || (c.recursive && isUnder(dir, p)))) continue;
          if (c.kind === 'chown')
            owner = { owner: isRootUser(c.value) ? 'root' : 'user', line: c.line, how: 'chown' };
          else if (c.grantsWrite) owner = { owner: 'open', line: c.line, how: 'chmod' };
        }
        break;
      }
      default:
        break;
    }
  }
  return owner;
}

// Commands that write into the working directory when the container starts.
const RUNTIME_WRITERS: { re: RegExp; what: string }[] = [
  { re: /\b(?:npm|pnpm|yarn)\s+(?:run\s+)?build\b/, what: 'builds the app (creating dist/ or .next/ there)' },
  { re: /\b(?:npm|pnpm)\s+(?:install|i|ci)\b|\byarn\s+install\b/, what: 'installs node_modules there' },
  {
    re: /(?:^|[\s;&|"'])(?:npx\s+)?tsc\b(?![^;&|]*--noEmit)/,
    what: 'compiles TypeScript (tsc writes its output there)',
  },
  { re: /\b(?:next|vite|nest)\s+build\b/, what: 'builds the app there' },
  {
    re: /\bsqlite(?:3)?:\/\/\/(?:\.\/)?[\w.-]+\.(?:db|sqlite3?)\b|\bsqlite3?\s+(?:\.\/)?[\w.-]+\.(?:db|sqlite3?)\b/,
    what: 'creates a SQLite database file there',
  },
];

// A relative SQLite file in an ENV value (`DB_NAME=sample_app.db`, `sqlite:///./app.db`): the app
// creates it in its working directory.
const RELATIVE_SQLITE = /^(?:sqlite3?:\/\/\/)?(?:\.\/)?[\w.-]+\.(?:db|sqlite3?)$/i;

function commandWritesWorkdir(model: DockerfileModel, run: RuntimeUser | null): RuleHit[] {
  if (!isNonRoot(run)) return [];
  // Evidence that the running container writes its working directory: the command, else an ENV.
  let evidence: { line: number; who: string; what: string } | null = null;
  for (const keyword of ['ENTRYPOINT', 'CMD']) {
    const instr = lastInChain(model, keyword);
    if (!instr) continue;
    const writer = RUNTIME_WRITERS.find((w) => w.re.test(instr.json ? instr.json.join(' ') : instr.text));
    if (writer) {
      evidence = { line: instr.line, who: keyword, what: writer.what };
      break;
    }
  }
  if (!evidence) {
    const env = finalEnv(model).find((e) => RELATIVE_SQLITE.test(e.value.trim()));
    if (env)
      evidence = {
        line: env.line,
        who: `ENV ${env.key}`,
        what: `names the relative SQLite file ${env.value.trim()}, which the app creates`,
      };
  }
  if (!evidence) return [];
  const finalWd = lastInChain(model, 'WORKDIR');
  const dir = finalWd ? workdirSetBy(model, finalWd) : null;
  if (!dir || dir === '/') return [];
  const owner = ownerAtEnd(model, dir);
  if (!owner || owner.owner !== 'root') return [];
  const who = run.line !== null ? `USER ${run.label} (line ${run.line})` : `user ${run.label}`;
  const owned = run.group ? `${run.user}:${run.group}` : run.user;
  return [
    {
      line: evidence.line,
      message: `${evidence.who} ${evidence.what} in ${dir} while the container runs as ${who}, but ${dir} was created by ${owner.how} on line ${owner.line} as root (COPY --chown does not change an existing directory's owner): the write fails with "Permission denied"; do that step at build time, or RUN chown ${owned} ${dir} before USER.`,
    },
  ];
}

function rootOwnedVolumes(model: DockerfileModel, run: RuntimeUser | null, copies: RuleHit[]): RuleHit[] {
  if (!isNonRoot(run)) return [];
  const hits: RuleHit[] = [];
  const who = run.line !== null ? `USER ${run.label} (line ${run.line})` : `user ${run.label}`;
  const owned = run.group ? `${run.user}:${run.group}` : run.user;
  for (const v of declaredVolumes(model)) {
    // a COPY into it is already reported (part 1), with the fix on that line
    if (
      copies.some(
        (h) =>
          h.message.includes(` into ${v.path}`) || h.message.includes(`(a declared VOLUME (line ${v.line}))`),
      )
    )
      continue;
    let owner = ownerAtEnd(model, v.path);
    if (owner === null && createdByVolume(model, v.path))
      owner = { owner: 'root', line: v.line, how: 'VOLUME' };
    if (!owner || owner.owner !== 'root') continue;
    const created =
      owner.how === 'VOLUME'
        ? `VOLUME ${v.path} does not exist before this line, so Docker creates it owned by root`
        : `VOLUME ${v.path} was created by ${owner.how} on line ${owner.line} as root`;
    hits.push({
      line: v.line,
      message: `${created}, and a new volume starts with that owner, but the container runs as ${who}: RUN mkdir -p ${v.path} && chown ${owned} ${v.path} before the VOLUME, or the app gets "Permission denied" when it writes there.`,
    });
  }
  return hits;
}

/**
 * Does the VOLUME line itself create `path` (as root)? Only when the file creates its parent
 * directory (so the base image cannot ship it) and no COPY --chown to a non-root user could
 * have brought it along.
 */
function createdByVolume(model: DockerfileModel, path: string): boolean {
  const parent = dirname(path);
  if (parent === '/' || ownerAtEnd(model, parent) === null) return false;
  const target = model.target;
  if (!target) return false;
  return !chainBefore(model, target).some((i) => {
    if (i.keyword !== 'COPY' && i.keyword !== 'ADD') return false;
    const chown = chownOf(model, i);
    if (!chown || (chown.value !== null && isRootUser(chown.user))) return false;
    const { dest } = copyParts(i);
    const t = dest ? absoluteDest(model, i, dest.value) : null;
    return t === null || isUnder(path, t);
  });
}
