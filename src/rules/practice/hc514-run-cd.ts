// HC514: a RUN that starts with `cd dir && …` (or whose heredoc script starts with `cd dir`)
// moves the whole instruction into another directory: that is what WORKDIR is for.
// A `cd` later in the RUN (into a freshly unpacked source tree), inside a subshell
// `(cd x && make)`, or `cd -`/`cd ..` is not reported: WORKDIR is no replacement there.
// (hadolint DL3003 flags every `cd`; this rule reports the subset WORKDIR actually fixes.)
import { scriptsOf } from '../../shell/script.js';
import { commandsOfScript } from '../../shell/commands.js';
import type { Rule, RuleHit } from '../types.js';

export const hc514: Rule = {
  meta: {
    id: 'HC514',
    title: 'RUN cd instead of WORKDIR',
    severity: 'note',
    anchors: { hadolint: ['DL3003'], trivy: ['DS-0013'], kics: ['f4a6bcd3'] },
    description:
      '`RUN cd /app && …` changes directory for one instruction only; WORKDIR sets it for every following instruction and for the container, and keeps RUN lines short.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN' || instr.json) continue;
      for (const script of scriptsOf(instr, model)) {
        // `set -e` and friends before the cd do not change what the RUN does
        const cmds = commandsOfScript(script).filter(
          (c, k, all) => !(c.name === 'set' && all.slice(0, k).every((p) => p.name === 'set')),
        );
        const first = cmds[0];
        if (!first || first.name !== 'cd' || first.depth > 0 || first.inPipeline) continue;
        const dir = first.args.filter((a) => a !== '-P' && a !== '-L' && a !== '--')[0];
        if (!dir || dir === '-' || dir.startsWith('..') || dir.startsWith('$(') || dir.startsWith('`'))
          continue;
        if (cmds.length === 1 && script.kind === 'run') {
          hits.push({
            line: first.line,
            message: `RUN cd ${dir} has no effect on later instructions: use WORKDIR ${dir}.`,
          });
          break;
        }
        hits.push({
          line: first.line,
          message: `The RUN starts with cd ${dir}: put WORKDIR ${dir} before it and drop the cd.`,
        });
        break;
      }
    }
    return hits;
  },
};
