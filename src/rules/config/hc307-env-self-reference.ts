// HC307: `ENV A=1 B=$A` — Docker expands every value of an ENV instruction with the
// variables as they were *before* the instruction, so B gets the previous A (usually
// nothing), not 1. `ENV PATH=/x:$PATH` (a name referring to its own previous value) is fine.
import { referencedVars } from '../../dockerfile/expand.js';
import type { Rule, RuleHit } from '../types.js';
import { expandableText, propertyLine } from './shared.js';

export const hc307: Rule = {
  meta: {
    id: 'HC307',
    title: 'ENV refers to a variable set in the same instruction',
    severity: 'error',
    anchors: { hadolint: ['DL3044'] },
    description:
      'All values of one ENV instruction are expanded before any of its variables is set, so a reference to a name set earlier in the same ENV sees the old value (usually empty). Split it into two ENV instructions.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ENV') continue;
      const scope = model.scope(instr);
      const earlier = new Set<string>();
      for (const p of instr.properties) {
        for (const ref of referencedVars(expandableText(p.raw ?? '', model.escapeChar), model.escapeChar)) {
          if (!earlier.has(ref) || ref === p.name) continue;
          const before = scope.get(ref);
          const sees = before === undefined || before === null ? 'nothing' : 'its previous value';
          hits.push({
            line: propertyLine(model, instr, p.name),
            message: `ENV ${p.name} refers to $${ref}, which this same ENV sets, so it gets ${sees}: set ${ref} in an earlier ENV instruction.`,
          });
        }
        earlier.add(p.name);
      }
    }
    return hits;
  },
};
