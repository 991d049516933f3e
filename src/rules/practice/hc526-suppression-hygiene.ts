// HC526: inline suppressions that hide findings without saying why, name no known rule, or
// cover nothing. Rule ids are checked against the registry at check time (a static import used
// lazily: the registry module has finished loading before any rule runs).
import { inlineIgnores } from '../../suppress.js';
import { ruleMeta } from '../registry.js';
import type { Rule, RuleHit } from '../types.js';

export const hc526: Rule = {
  meta: {
    id: 'HC526',
    title: 'Inline suppression without a reason or for an unknown rule',
    severity: 'note',
    anchors: { hadolint: ['DL1001'] },
    description:
      'A suppression is a decision reviewers should be able to read: `# harden-check ignore=HC101 -- debug image only`. An unknown id suppresses nothing and usually hides a typo.',
  },
  check({ model, allowInlineIgnore }) {
    const hits: RuleHit[] = [];
    for (const s of inlineIgnores(model)) {
      if (!allowInlineIgnore) {
        // hadolint#346: teams that forbid inline ignores want to see each one that no longer works
        hits.push({
          line: s.line,
          severity: 'warning',
          message: `Inline ignores are disabled (allow-inline-ignore: false), so this comment suppresses nothing: fix the finding or ask for an entry in the config file.`,
        });
        continue;
      }
      const unknown = s.ids.filter((id) => !/^HC\d{3}$/.test(id) || !ruleMeta(id));
      const problems: string[] = [];
      if (s.ids.length === 0) problems.push('names no rule id');
      if (unknown.length > 0)
        problems.push(`names unknown rule id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
      if (!s.reason) problems.push('gives no reason (add `-- why`)');
      if (s.scope === 'next' && s.from === s.line && s.to === s.line)
        problems.push('is not followed by an instruction it could cover');
      if (problems.length === 0) continue;
      hits.push({
        line: s.line,
        message: `This ${s.scope === 'next' ? '' : s.scope + ' '}ignore comment ${problems.join(', ')}: fix it so the suppression is deliberate and reviewable.`,
      });
    }
    return hits;
  },
};
