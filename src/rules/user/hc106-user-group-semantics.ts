// HC106: two surprises of USER's group part (Dockerfile reference, USER):
// - `USER name:group` sets only that group: supplementary groups the file granted
//   (`useradd -G`, `usermod -aG`, `adduser user group`) are dropped at runtime;
// - a numeric uid without a passwd entry and without `:gid` runs with gid 0 (root group).
import { effectiveUser, externalBase } from '../../dockerfile/facts.js';
import { baseImageAccounts, isRootUser } from '../../dockerfile/base-images.js';
import type { Rule, RuleHit } from '../types.js';
import { accountFacts } from '../../dockerfile/accounts.js';

export const hc106: Rule = {
  meta: {
    id: 'HC106',
    title: 'USER group drops supplementary groups or defaults to root group',
    severity: 'note',
    check: 'non-root',
    anchors: {},
    description:
      'With USER name:group the process gets exactly that group: memberships from /etc/group (added with useradd -G or usermod -aG) are ignored. With a numeric uid that has no /etc/passwd entry and no group, the process runs with gid 0, the root group, which owns many files.',
  },
  check({ model, trustedBaseImages }) {
    const eu = effectiveUser(model);
    if (!eu || !eu.resolved.complete || isRootUser(eu.resolved.value)) return [];
    const facts = accountFacts(model, eu.instr);
    const hits: RuleHit[] = [];
    if (eu.group !== null && eu.group !== '') {
      const byName = facts.supplementary.get(eu.user);
      const byUid = [...facts.users.values()].find((u) => u.uid === eu.user);
      const extra = byName ?? (byUid ? facts.supplementary.get(byUid.name) : undefined);
      if (extra && extra.groups.length > 0) {
        hits.push({
          line: eu.instr.line,
          message: `USER ${eu.resolved.value} sets only group ${eu.group}, so the supplementary groups ${extra.groups.join(', ')} granted on line ${extra.line} are dropped at runtime: write USER ${eu.user} without a group, or make the needed group the primary one.`,
        });
      }
      return hits;
    }
    if (!/^\d+$/.test(eu.user) || facts.opaque.length > 0) return hits;
    const base = externalBase(model, trustedBaseImages);
    if (!base || !base.resolved.complete) return hits;
    const accounts = baseImageAccounts(base.info, base.resolved.value);
    if (!accounts) return hits;
    const known = [...facts.users.values(), ...accounts.users.values()].some((u) => u.uid === eu.user);
    if (known) return hits;
    hits.push({
      line: eu.instr.line,
      message: `USER ${eu.resolved.value} has no group and uid ${eu.user} has no /etc/passwd entry, so the process runs with gid 0 (the root group): write USER ${eu.user}:${eu.user}.`,
    });
    return hits;
  },
};
