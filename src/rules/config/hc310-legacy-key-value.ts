// HC310: `ENV key value` / `LABEL key value` (no `=`): the legacy form sets one variable
// to the whole rest of the line, so `ENV A 1 B 2` is A="1 B 2". Docker deprecates it.
import type { Rule, RuleHit } from '../types.js';
import { replaceLine } from '../../fix/build.js';

export const hc310: Rule = {
  meta: {
    id: 'HC310',
    title: 'Legacy ENV/LABEL key value form',
    severity: 'note',
    anchors: { buildkit: ['LegacyKeyValueFormat'] },
    description:
      'The `ENV key value` form (without `=`) is deprecated and takes everything after the key as one value, which surprises anyone who adds a second pair. Write `ENV key=value`.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ENV' && instr.keyword !== 'LABEL') continue;
      const first = instr.args[0];
      if (!first || instr.args.length < 2 || first.includes('=')) continue;
      const name = instr.properties[0]?.name ?? first;
      const value = instr.text.slice(instr.text.indexOf(first) + first.length).trim();
      const hit: RuleHit = {
        line: instr.line,
        message: `${instr.keyword} ${name} uses the legacy "key value" form: write ${instr.keyword} ${name}=… (quote a value with spaces).`,
      };
      // a safe one-line rewrite: ENV key "value"
      const src = model.lines[instr.line - 1] ?? '';
      if (instr.endLine === instr.line && !/["'\\`$]/.test(value)) {
        const lead = /^\s*\S+/.exec(src)?.[0] ?? instr.keyword;
        hit.fix = replaceLine(
          instr.line,
          `${lead} ${name}=${/\s/.test(value) ? `"${value}"` : value}`,
          `Use ${instr.keyword} ${name}=value`,
        );
      }
      hits.push(hit);
    }
    return hits;
  },
};
