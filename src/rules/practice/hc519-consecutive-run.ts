// HC519: consecutive RUN instructions in a stage that ships could be one layer. Only the
// shipped chain (builder layers are discarded), and RUNs with flags (--mount, --network,
// --security), heredoc scripts or exec form (often the step that installs the shell) are left
// apart: they are usually separate on purpose.
import type { Instr } from '../../dockerfile/model.js';
import type { Rule, RuleHit } from '../types.js';

const plain = (i: Instr) =>
  i.keyword === 'RUN' && i.json === null && i.flags.length === 0 && i.heredocs.length === 0;

export const hc519: Rule = {
  meta: {
    id: 'HC519',
    title: 'Consecutive RUN instructions',
    severity: 'note',
    anchors: { hadolint: ['DL3059'], kics: ['0008c003'] },
    description:
      'Every RUN is a layer: files deleted in a later RUN still ship in the earlier layer, and many small layers slow pulls. Join related commands with `&&`.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const stage of model.chain()) {
      const list = stage.instructions;
      for (let k = 1; k < list.length; k++) {
        if (!plain(list[k]) || !plain(list[k - 1])) continue;
        if (k >= 2 && plain(list[k - 2])) continue; // one finding per run of RUNs
        let end = k;
        while (end + 1 < list.length && plain(list[end + 1])) end++;
        hits.push({
          line: list[k].line,
          message: `${end - k + 2} consecutive RUN instructions (lines ${list[k - 1].line}–${list[end].line}) make ${end - k + 2} layers: join them with && unless they must stay separate for caching.`,
        });
      }
    }
    return hits;
  },
};
