// HC402: application code made writable by the runtime user: `--chown=<runtime user>` on
// code, a recursive `chown -R <runtime user>` of a code directory, or a mode that lets
// everyone write (`chmod -R 777`, `a+w`, `--chmod=777`). Paths the app must write (declared
// VOLUMEs, uploads/cache/data/log directories, directories chowned on purpose) are HC401's
// business and are left alone here, so the two rules never contradict each other.
import type { Rule, RuleHit } from '../types.js';
import { isRootUser } from '../../dockerfile/base-images.js';
import { shippedStages } from '../../dockerfile/stages.js';
import { isUnder } from '../../dockerfile/paths.js';
import { absoluteDest } from './workdir.js';
import { chownOf, copyParts, flag } from './words.js';
import { runtimeUser } from './runtime-user.js';
import { sameAccount } from './account-ids.js';
import { windowsStage } from './windows.js';
import { modeGrantsWrite, ownershipChanges, writableContext, writableReason } from './writable.js';

export const hc402: Rule = {
  meta: {
    id: 'HC402',
    title: 'Application code writable by the runtime user',
    severity: 'note',
    anchors: { kics: ['aa93e17f'] },
    description:
      'If the user that runs the application can rewrite its code and binaries, an attacker who gets code execution can persist by modifying them. Keep code owned by root and read-only for the app, and chown only the directories it must write.',
  },
  check({ model, trustedBaseImages }) {
    const hits: RuleHit[] = [];
    const run = runtimeUser(model, trustedBaseImages);
    const nonRoot = run !== null && !isRootUser(run.user);
    const ctx = writableContext(model, nonRoot ? run : null);
    const exempt = (p: string) =>
      writableReason(p, ctx) !== null || isUnder(p, '/home') || isUnder(p, '/tmp') || isUnder(p, '/var/tmp');
    for (const stage of shippedStages(model)) {
      if (windowsStage(model, stage)) continue;
      for (const instr of stage.instructions) {
        if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
          const { dest } = copyParts(instr);
          const target = dest ? absoluteDest(model, instr, dest.value) : null;
          if (!target || exempt(target)) continue;
          const chown = chownOf(model, instr);
          if (
            nonRoot &&
            model.target &&
            chown &&
            chown.value !== null &&
            chown.user &&
            sameAccount(model, model.target, chown.user, run.user) === true
          ) {
            hits.push({
              line: chown.line,
              message: `${instr.keyword} --chown=${chown.raw} makes the code at ${target} writable by the runtime user ${run.user}: drop --chown so it stays root-owned and read-only, and chown only the directories the app writes.`,
            });
            continue;
          }
          const chmod = flag(instr, 'chmod');
          if (chmod && modeGrantsWrite(chmod.value).other) {
            hits.push({
              line: chmod.line,
              message: `${instr.keyword} --chmod=${chmod.value} makes ${target} writable by every user: use a mode without write for others, such as 755 for programs or 644 for files.`,
            });
          }
          continue;
        }
        for (const c of ownershipChanges(model, instr)) {
          const paths = c.paths.filter((p) => !exempt(p));
          if (paths.length === 0) continue;
          if (c.kind === 'chmod' && modeGrantsWrite(c.value).other) {
            hits.push({
              line: c.line,
              message: `chmod ${c.recursive ? '-R ' : ''}${c.value} makes ${paths.join(', ')} writable by every user: keep code read-only (e.g. chmod -R a-w, or 755/644) and open only the directories the app writes.`,
            });
          } else if (
            c.kind === 'chown' &&
            c.recursive &&
            nonRoot &&
            model.target &&
            sameAccount(model, model.target, c.value, run.user) === true
          ) {
            hits.push({
              line: c.line,
              message: `chown -R ${c.value} hands ${paths.join(', ')} to the runtime user, making the code writable by it: leave the code owned by root and chown only the directories the app writes.`,
            });
          }
        }
      }
    }
    return hits;
  },
};
