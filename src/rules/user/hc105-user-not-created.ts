// HC105: USER names a user (or group) that nothing creates: no useradd/adduser/groupadd/
// addgroup/usermod before it in the shipped chain, no write or COPY of /etc/passwd, no
// chown/--chown that proves the name exists, and the base image is known not to ship it.
// The container then fails with "unable to find user app: no matching entries in passwd file".
// Numeric uids need no passwd entry; unknown and build-argument bases stay silent.
import { baseImageAccounts } from '../../dockerfile/base-images.js';
import { externalBase, splitUser } from '../../dockerfile/facts.js';
import { shippedStages } from '../../dockerfile/stages.js';
import type { Rule, RuleHit } from '../types.js';
import { accountFacts } from '../../dockerfile/accounts.js';

export const hc105: Rule = {
  meta: {
    id: 'HC105',
    title: 'USER names a user that does not exist',
    severity: 'warning',
    check: 'non-root',
    anchors: {},
    description:
      'Docker resolves a USER name through /etc/passwd (and a group name through /etc/group) of the image; when neither the Dockerfile nor the base image creates it, the next RUN or the container start fails with "unable to find user". A numeric uid needs no entry.',
  },
  check({ model, trustedBaseImages }) {
    const hits: RuleHit[] = [];
    const base = externalBase(model, trustedBaseImages);
    if (!base || !base.resolved.complete) return [];
    const accounts = baseImageAccounts(base.info, base.resolved.value);
    if (!accounts) return [];
    for (const stage of shippedStages(model)) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'USER') continue;
        const res = model.resolveWord(instr.args.join(' '), instr);
        if (!res.complete) continue;
        const [user, group] = splitUser(res.value);
        const facts = accountFacts(model, instr);
        if (facts.opaque.length > 0) continue;
        const where =
          base.info?.family === 'scratch'
            ? 'a scratch image has no /etc/passwd'
            : `${base.resolved.value} does not ship it`;
        if (user && !/^\d+$/.test(user) && !['root'].includes(user)) {
          const exists = facts.users.has(user) || facts.provenUsers.has(user) || accounts.users.has(user);
          if (!exists) {
            hits.push({
              line: instr.line,
              message: `USER ${res.value} names user "${user}" that no earlier instruction creates and ${where}, so the container fails with "unable to find user ${user}": create it (useradd -u 10001 ${user}) before USER, or use a numeric uid.`,
            });
            continue;
          }
        }
        if (group && !/^\d+$/.test(group) && group !== 'root') {
          const exists =
            facts.groups.has(group) ||
            facts.users.has(group) ||
            facts.provenGroups.has(group) ||
            accounts.groups.has(group);
          if (!exists) {
            hits.push({
              line: instr.line,
              message: `USER ${res.value} names group "${group}" that no earlier instruction creates and ${where}, so the container fails with "unable to find group ${group}": create it (groupadd -g 10001 ${group}) before USER, or use a numeric gid.`,
            });
          }
        }
      }
    }
    return hits;
  },
};
