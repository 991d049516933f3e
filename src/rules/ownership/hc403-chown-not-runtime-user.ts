// HC403: files in the shipped image are --chown'ed to an account that does not run the app.
// Compared by name, or by uid when the stage chain or a known base maps the name
// (`useradd -u 10001 app`, node=1000, nonroot=65532). Root owners are fine (read-only
// code owned by root is the recommended layout); a matching group is fine too
// (`--chown=root:app` with USER app). Builder stages are not checked.
import type { Rule, RuleHit } from '../types.js';
import { shippedStages } from '../../dockerfile/stages.js';
import { chownOf } from './words.js';
import { isNonRoot, runtimeUser } from './runtime-user.js';
import { sameAccount } from './account-ids.js';
import { windowsStage } from './windows.js';
import { isRootUser } from '../../dockerfile/base-images.js';

export const hc403: Rule = {
  meta: {
    id: 'HC403',
    title: '--chown user differs from the runtime USER',
    severity: 'warning',
    anchors: {},
    description:
      'Files given to an account that does not run the application are useless to it (it cannot write them) and writable by someone else. Chown writable paths to the runtime user and leave the rest owned by root.',
  },
  check({ model, trustedBaseImages }) {
    const hits: RuleHit[] = [];
    const run = runtimeUser(model, trustedBaseImages);
    if (!isNonRoot(run) || !model.target) return hits;
    const target = model.target;
    for (const stage of shippedStages(model)) {
      if (windowsStage(model, stage)) continue;
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
        const chown = chownOf(model, instr);
        if (!chown || chown.value === null || !chown.user || isRootUser(chown.user)) continue;
        if (sameAccount(model, target, chown.user, run.user) !== false) continue;
        const runGroup = run.group ?? run.user;
        if (chown.group && sameAccount(model, target, chown.group, runGroup) === true) continue;
        const runAt = run.line !== null ? `USER ${run.label} (line ${run.line})` : `user ${run.label}`;
        hits.push({
          line: chown.line,
          message: `${instr.keyword} --chown=${chown.raw} gives these files to ${chown.user}, but the container runs as ${runAt}: chown to the runtime user only the paths it must write, and leave the rest owned by root.`,
        });
      }
    }
    return hits;
  },
};
