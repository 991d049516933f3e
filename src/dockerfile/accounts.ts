// Users and groups a Dockerfile creates, as far as its text tells: who `useradd`, `adduser`,
// `groupadd`, `addgroup`, `usermod` and `gpasswd` create or change (uid, gid, supplementary
// groups), `name:x:uid:gid` lines written into /etc/passwd or /etc/group, names proven to
// exist by a `chown`/`--chown` that must have succeeded, and the lines after which any name
// may exist (/etc/passwd or /etc/group copied in or edited in a way we do not parse). What
// base images ship: baseImageAccounts in ./base-images.ts.
import type { DockerfileModel, Instr } from './model.js';
import { chainInstructions } from './facts.js';
import { invocationsOf, type Invocation } from '../shell/invocations.js';
import { parseOptions, type ParsedOptions } from '../shell/options.js';

export interface UserAccount {
  name: string;
  uid: string | null;
  /** Primary group as given (`-g`, `--gid`, `--ingroup`, busybox `-G`), name or number. */
  gid: string | null;
  line: number;
}

export interface AccountFacts {
  users: Map<string, UserAccount>;
  groups: Map<string, { gid: string | null; line: number }>;
  /** Supplementary groups added to a user (`useradd -G`, `usermod -aG`, `adduser u g`). */
  supplementary: Map<string, { groups: string[]; line: number }>;
  /** Names a succeeding `chown`/`--chown` proves to exist (user part and group part). */
  provenUsers: Set<string>;
  provenGroups: Set<string>;
  /** Lines that copy in or edit /etc/passwd or /etc/group in a way we do not parse: any name may exist after them. */
  opaque: number[];
}

/** Facts from these instructions, in order. */
export function accountsIn(model: DockerfileModel, instrs: readonly Instr[]): AccountFacts {
  const facts: AccountFacts = {
    users: new Map(),
    groups: new Map(),
    supplementary: new Map(),
    provenUsers: new Set(),
    provenGroups: new Set(),
    opaque: [],
  };
  for (const instr of instrs) {
    if (instr.keyword === 'RUN') scanRun(model, instr, facts);
    if (instr.keyword === 'COPY' || instr.keyword === 'ADD') scanCopy(model, instr, facts);
  }
  return facts;
}

/** Facts from the shipped chain's instructions that come before `until` (all of them when null). */
export function accountFacts(model: DockerfileModel, until?: Instr | null): AccountFacts {
  const chain = chainInstructions(model);
  const end = until ? chain.indexOf(until) : -1;
  return accountsIn(model, end < 0 ? chain : chain.slice(0, end));
}

function scanCopy(model: DockerfileModel, instr: Instr, facts: AccountFacts) {
  const chown = instr.flags.find((f) => f.name === 'chown')?.value;
  if (chown) {
    const [u, g] = model.resolveWord(chown, instr).value.split(':');
    if (u) facts.provenUsers.add(u);
    if (g) facts.provenGroups.add(g);
  }
  const words = instr.json ?? instr.args;
  // `/` (trailing slash dropped: '') is a whole filesystem copied over the stage's /etc.
  const dest =
    words.length > 1 ? model.resolveWord(words[words.length - 1], instr).value.replace(/\/+$/, '') : '';
  const sources = words.slice(0, -1);
  if (
    /^(?:|\/etc|\/etc\/passwd|\/etc\/group)$/.test(dest) ||
    sources.some((s) => /passwd|(?:^|\/)group$|^\/etc\/?$/.test(s))
  )
    facts.opaque.push(instr.line);
}

const USERADD_VALUE =
  /^-[ugGdsckefKpRPZb]$|^--(uid|gid|groups|home-dir|home|shell|comment|skel|expiredate|inactive|key|password|root|prefix|selinux-user|base-dir)$/;
const ADDUSER_VALUE =
  /^-[hgsGku]$|^--(uid|gid|ingroup|home|shell|gecos|comment|firstuid|lastuid|firstgid|lastgid|conf|add-extra-groups|extrausers)$/;
const GROUPADD_VALUE = /^-[gKpRP]$|^--(gid|key|password|root|prefix|users)$/;
const USERMOD_VALUE =
  /^-[cdefgGlLpsuRPZ]$|^--(comment|home|expiredate|inactive|gid|groups|login|password|shell|uid|root|prefix|selinux-user)$/;

function opt(p: ParsedOptions, ...names: string[]): string | null {
  for (const n of names) if (p.opts.has(n)) return p.opts.get(n)!;
  return null;
}

function addSupplementary(facts: AccountFacts, user: string, groups: string[], line: number) {
  const cur = facts.supplementary.get(user) ?? { groups: [], line };
  for (const g of groups) if (g && !cur.groups.includes(g)) cur.groups.push(g);
  cur.line = line;
  facts.supplementary.set(user, cur);
}

function scanRun(model: DockerfileModel, instr: Instr, facts: AccountFacts) {
  for (const inv of invocationsOf(instr, model)) applyInvocation(inv, facts);
  const text = [instr.text, ...instr.heredocs.map((h) => h.body)].join('\n');
  // Lines written straight into /etc/passwd or /etc/group (`echo 'app:x:10001:10001::/app:/sbin/nologin' >> /etc/passwd`).
  let parsed = false;
  for (const m of text.matchAll(/(?:^|[\s'"])([a-z_][a-z0-9_.-]*)\$?:[x*!]?:(\d+):(\d*)/gi)) {
    // `name:x:uid:gid:…` (passwd: a numeric fourth field) or `name:x:gid:members` (group). The
    // passwd line's gid is not "given" the way `-g` is: Docker reads it from /etc/passwd itself.
    if (m[3] !== '' && /\/etc\/passwd/.test(text)) {
      facts.users.set(m[1], { name: m[1], uid: m[2], gid: null, line: instr.line });
      parsed = true;
    } else if (m[3] === '' && /\/etc\/group/.test(text)) {
      facts.groups.set(m[1], { gid: m[2], line: instr.line });
      parsed = true;
    }
  }
  // Other edits (an editor, sed, a copy of a file, a write of lines we cannot read): any name may exist after.
  const edits = /\bvipw\b|\bvigr\b|\bsed\b[^\n]*\/etc\/(?:passwd|group)\b/.test(text);
  const writes =
    /(?:>>?|\btee\b[^|;&\n]*|\b(?:cp|mv|install|ln)\b[^|;&\n]*)\s*\/etc\/(?:passwd|group)\b/.test(text);
  if (edits || (writes && !parsed)) facts.opaque.push(instr.line);
}

function values(inv: Invocation): string[] {
  return inv.args.map((w) => w.value);
}

function applyInvocation(inv: Invocation, facts: AccountFacts) {
  const line = inv.line;
  switch (inv.name) {
    case 'useradd': {
      const p = parseOptions(values(inv), USERADD_VALUE);
      const name = p.positionals[p.positionals.length - 1];
      if (!name || p.flags.has('-D')) return;
      facts.users.set(name, { name, uid: opt(p, '-u', '--uid'), gid: opt(p, '-g', '--gid'), line });
      if (!p.flags.has('-N') && !p.flags.has('--no-user-group') && !opt(p, '-g', '--gid')) {
        facts.groups.set(name, {
          gid: p.opts.has('-u') || p.opts.has('--uid') ? opt(p, '-u', '--uid') : null,
          line,
        });
      }
      const g = opt(p, '-G', '--groups');
      if (g) addSupplementary(facts, name, g.split(','), line);
      return;
    }
    case 'adduser': {
      const p = parseOptions(values(inv), ADDUSER_VALUE);
      const [name, group] = p.positionals;
      if (!name) return;
      if (group && facts.users.has(name)) {
        addSupplementary(facts, name, [group], line);
        return;
      }
      const busyboxPrimary = opt(p, '-G');
      const gid = opt(p, '--gid', '--ingroup') ?? busyboxPrimary ?? group ?? null;
      facts.users.set(name, { name, uid: opt(p, '-u', '--uid'), gid, line });
      if (!gid) facts.groups.set(name, { gid: opt(p, '-u', '--uid'), line });
      const extra = opt(p, '--add-extra-groups');
      if (extra) addSupplementary(facts, name, extra.split(','), line);
      return;
    }
    case 'groupadd': {
      const p = parseOptions(values(inv), GROUPADD_VALUE);
      const name = p.positionals[p.positionals.length - 1];
      if (name) facts.groups.set(name, { gid: opt(p, '-g', '--gid'), line });
      return;
    }
    case 'addgroup': {
      const p = parseOptions(values(inv), /^-g$|^--gid$/);
      const [a, b] = p.positionals;
      if (a && b) addSupplementary(facts, a, [b], line);
      else if (a) facts.groups.set(a, { gid: opt(p, '-g', '--gid'), line });
      return;
    }
    case 'usermod': {
      const p = parseOptions(values(inv), USERMOD_VALUE);
      const name = p.positionals[p.positionals.length - 1];
      if (!name) return;
      const g = opt(p, '-G', '--groups');
      if (g) addSupplementary(facts, name, g.split(','), line);
      const renamed = opt(p, '-l', '--login');
      const base = facts.users.get(name) ?? { name, uid: null, gid: null, line };
      const uid = opt(p, '-u', '--uid') ?? base.uid;
      const gid = opt(p, '-g', '--gid') ?? base.gid;
      facts.users.set(renamed ?? name, { name: renamed ?? name, uid, gid, line });
      return;
    }
    case 'gpasswd': {
      const p = parseOptions(values(inv), /^-[adAMr]$|^--(add|delete|administrators|members)$/);
      const add = opt(p, '-a', '--add');
      const group = p.positionals[0];
      if (add && group) addSupplementary(facts, add, [group], line);
      return;
    }
    case 'chown':
    case 'chgrp': {
      const positional = values(inv).filter((w) => !w.startsWith('-'));
      const spec = positional[0] ?? '';
      if (!spec || spec.includes('$')) return;
      if (inv.name === 'chgrp') {
        facts.provenGroups.add(spec);
        return;
      }
      const [u, g] = spec.split(/[:.]/);
      if (u) facts.provenUsers.add(u);
      if (g) facts.provenGroups.add(g);
      return;
    }
    default:
      return;
  }
}
