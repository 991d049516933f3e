// HC517: one stage runs both wget and curl. Per stage (trivy#10333: tools used in different
// stages are not a problem), and only commands actually run (`apt-get install curl wget` is not).
import { commandsOf, effectiveCommand } from '../../shell/commands.js';
import type { Rule, RuleHit } from '../types.js';

export const hc517: Rule = {
  meta: {
    id: 'HC517',
    title: 'Both wget and curl used in one stage',
    severity: 'note',
    anchors: { hadolint: ['DL4001'], trivy: ['DS-0014'], kics: ['fc775e75'] },
    description: 'Two download tools in one stage is one more package to install, patch and scan: pick one.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      const first: Record<'curl' | 'wget', number | null> = { curl: null, wget: null };
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'RUN') continue;
        for (const c of commandsOf(instr, model)) {
          const name = effectiveCommand(c).name;
          if ((name === 'curl' || name === 'wget') && first[name] === null) first[name] = c.line;
        }
      }
      if (first.curl !== null && first.wget !== null) {
        const [later, other] =
          first.curl > first.wget ? (['curl', 'wget'] as const) : (['wget', 'curl'] as const);
        hits.push({
          line: first[later]!,
          message: `This stage uses ${later} here and ${other} on line ${first[other]}: use one download tool throughout the stage.`,
        });
      }
    }
    return hits;
  },
};
