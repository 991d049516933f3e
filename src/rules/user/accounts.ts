// Users and groups of the shipped image as far as the Dockerfile tells: who `useradd`,
// `adduser`, `groupadd`, `addgroup`, `usermod` create (uid, gid, supplementary groups),
// names proven to exist by a `chown`/`--chown` that must have succeeded, writes to
// /etc/passwd we cannot read. What base images ship: baseImageAccounts in
// ../../dockerfile/base-images.ts.
import type { DockerfileModel, Instr } from '../../dockerfile/model.js';
import { chainInstructions } from '../../dockerfile/facts.js';
import { invocationsOf, type Invocation } from '../../shell/invocations.js';
import { parseOptions, type ParsedOptions } from '../../shell/options.js';

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
  /** Lines that write or copy /etc/passwd in a way we do not parse: any user may exist after them. */
  opaquePasswd: number[];
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

/** Facts from the shipped chain's instructions that come before `until` (all of them when null). */
export function accountFacts(model: DockerfileModel, until?: Instr | null): AccountFacts {
  const facts: AccountFacts = {
    users: new Map(),
    groups: new Map(),
    supplementary: new Map(),
    provenUsers: new Set(),
    provenGroups: new Set(),
    opaquePasswd: [],
  };
  for (const instr of chainInstructions(model)) {
    if (until && instr === until) break;
    if (instr.keyword === 'RUN') scanRun(model, instr, facts);
    if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
      const chown = instr.flags.find((f) => f.name === 'chown')?.value;
      if (chown) {
        const [u, g] = model.resolveWord(chown, instr).value.split(':');
        if (u) facts.provenUsers.add(u);
        if (g) facts.provenGroups.add(g);
      }
      const words = instr.json ?? instr.args;
      const dest =
        words.length > 1 ? model.resolveWord(words[words.length - 1], instr).value.replace(/\/+$/, '') : '';
      const sources = words.slice(0, -1).join(' ');
      if (dest === '' || dest === '/etc' || dest === '/etc/passwd' || /passwd/.test(sources))
        facts.opaquePasswd.push(instr.line);
    }
  }
  return facts;
}

function addSupplementary(facts: AccountFacts, user: string, groups: string[], line: number) {
  const cur = facts.supplementary.get(user) ?? { groups: [], line };
  for (const g of groups) if (g && !cur.groups.includes(g)) cur.groups.push(g);
  cur.line = line;
  facts.supplementary.set(user, cur);
}

function scanRun(model: DockerfileModel, instr: Instr, facts: AccountFacts) {
  const invs = invocationsOf(instr, model);
  for (const inv of invs) applyInvocation(inv, facts);
  // Writes to /etc/passwd (echo >>, tee, sed -i, cp …): too varied to parse; any name may exist after.
  const all = [instr.text, ...instr.heredocs.map((h) => h.body)].join('\n');
  if (
    /(?:>>?|\btee\b[^|;&\n]*|\bsed\b[^|;&\n]*|\b(?:cp|mv|install|ln)\b[^|;&\n]*)\s*\/etc\/passwd\b/.test(all)
  ) {
    facts.opaquePasswd.push(instr.line);
  }
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
