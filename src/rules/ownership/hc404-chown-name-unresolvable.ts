// HC404: COPY/ADD --chown with a user or group name the stage cannot resolve: nothing
// earlier in the stage chain creates it (useradd, adduser, groupadd, addgroup, a line
// appended to /etc/passwd or /etc/group, a copied /etc/passwd) and the base image is known
// not to provide it. The build fails ("unable to find user"), always on scratch.
// Numeric ids never need resolving. Unknown bases and unset build arguments: silent.
import type { Rule, RuleHit } from '../types.js';
import { replaceLine } from '../../fix/build.js';
import { neededStages } from '../../dockerfile/stages.js';
import { accountsIn } from '../../dockerfile/accounts.js';
import { baseAccounts } from './account-ids.js';
import { chainBefore } from '../../dockerfile/facts.js';
import { chownOf, isNumeric, type Chown } from './words.js';
import { windowsStage } from './windows.js';
import type { DockerfileModel, Instr, Stage } from '../../dockerfile/model.js';
import type { Fix } from '../../report/types.js';
import { escapeRegExp } from '../../dockerfile/lines.js';

/**
 * Fix: the missing names → the numeric ids other stages of this file give them (one id per
 * name across the file, else no fix). Names the stage resolves stay as written.
 */
function numericChownFix(
  model: DockerfileModel,
  instr: Instr,
  chown: Chown,
  missing: { kind: 'user' | 'group'; name: string }[],
  stage: Stage,
): Fix | null {
  if (chown.raw !== chown.value) return null; // written with a variable
  const idOf = (kind: 'user' | 'group', name: string): string | null => {
    const ids = new Set<string | null>();
    for (const s of model.stages) {
      if (s === stage) continue;
      const acc = accountsIn(model, s.instructions);
      if (kind === 'user' && acc.users.has(name)) ids.add(acc.users.get(name)!.uid);
      if (kind === 'group' && acc.groups.has(name)) ids.add(acc.groups.get(name)!.gid);
    }
    const [id] = [...ids];
    return ids.size === 1 && id !== null && isNumeric(id) ? id : null;
  };
  let user = chown.user;
  let group = chown.group;
  for (const m of missing) {
    const id = idOf(m.kind, m.name);
    if (id === null) return null;
    if (m.kind === 'user') user = id;
    else group = id;
  }
  const value = group === null ? user : `${user}:${group}`;
  const line = model.lines[chown.line - 1] ?? '';
  const re = new RegExp(`(--chown=)${escapeRegExp(chown.raw ?? '')}(?=\\s|$)`, 'gi');
  const all = [...line.matchAll(re)];
  if (all.length !== 1 || instr.flags.filter((f) => f.name === 'chown').length !== 1) return null;
  const at = all[0].index! + all[0][1].length;
  return replaceLine(
    chown.line,
    line.slice(0, at) + value + line.slice(at + (chown.raw ?? '').length),
    `Use numeric ids: --chown=${value}`,
  );
}

export const hc404: Rule = {
  meta: {
    id: 'HC404',
    title: '--chown names a user or group the stage does not have',
    severity: 'warning',
    anchors: {},
    description:
      'Docker resolves `--chown` names through the /etc/passwd and /etc/group of the stage being built. A name created only in another stage, or on an image without those files (scratch, distroless), fails the build. Numeric ids always work.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const stage of neededStages(model)) {
      if (windowsStage(model, stage)) continue; // HC415
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
        const chown = chownOf(model, instr);
        if (!chown || chown.value === null) continue;
        const names: { kind: 'user' | 'group'; name: string }[] = [];
        if (chown.user && !isNumeric(chown.user)) names.push({ kind: 'user', name: chown.user });
        if (chown.group && !isNumeric(chown.group)) names.push({ kind: 'group', name: chown.group });
        if (names.length === 0) continue;
        const created = accountsIn(model, chainBefore(model, stage, instr));
        if (created.opaque.length > 0) continue;
        const base = baseAccounts(model, stage);
        if (!base) continue;
        const missing = names.filter(({ kind, name }) =>
          kind === 'user'
            ? !created.users.has(name) && !base.users.has(name)
            : !created.groups.has(name) && !created.users.has(name) && !base.groups.has(name),
        );
        if (missing.length === 0) continue;
        const what = missing.map((m) => `${m.kind} ${m.name}`).join(' and ');
        const baseText =
          base.family === 'scratch'
            ? 'scratch has no /etc/passwd'
            : `the ${base.family} base image does not provide it`;
        const elsewhere = model.stages.some((s) => {
          if (s === stage) return false;
          const acc = accountsIn(model, s.instructions);
          return missing.some((m) => acc.users.has(m.name) || acc.groups.has(m.name));
        });
        const fix = numericChownFix(model, instr, chown, missing, stage);
        hits.push({
          line: chown.line,
          ...(fix ? { fix } : {}),
          message: `${instr.keyword} --chown=${chown.raw} names ${what}, which no earlier step of this stage creates${elsewhere ? ' (it is created in another stage, which this one does not inherit)' : ''} and ${baseText}: the build fails, so use numeric ids such as --chown=10001:10001 or create the account first.`,
        });
      }
    }
    return hits;
  },
};
