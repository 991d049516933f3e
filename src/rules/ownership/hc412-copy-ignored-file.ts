// HC412: COPY/ADD names a source that the build context's .dockerignore excludes, so the build
// fails ("not found") or copies nothing.
// Only literal local sources are judged: not `--from`, URLs, heredocs, wildcards or variables
// that cannot be resolved.
import type { Rule, RuleHit } from '../types.js';
import { isExcluded, parseDockerignore } from './dockerignore.js';

export const hc412: Rule = {
  meta: {
    id: 'HC412',
    title: 'COPY/ADD source excluded by .dockerignore',
    severity: 'error',
    anchors: { buildkit: ['CopyIgnoredFile'] },
    description:
      'Files excluded by .dockerignore are not sent to the builder: a COPY of them fails with "not found", or a wildcard silently copies nothing.',
  },
  check({ model, dockerignore }) {
    if (!dockerignore) return [];
    const patterns = parseDockerignore(dockerignore);
    if (patterns.length === 0) return [];
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
      if (instr.flags.some((f) => f.name === 'from') || instr.heredocs.length > 0) continue;
      const words = instr.json ?? instr.args;
      if (words.length < 2) continue;
      for (const src of words.slice(0, -1)) {
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(src) || src.startsWith('git@') || src.startsWith('<<')) continue;
        const r = model.resolveWord(src, instr);
        if (!r.complete || /[*?[]/.test(r.value)) continue;
        const pat = isExcluded(patterns, r.value);
        if (!pat) continue;
        hits.push({
          line: instr.line,
          message: `${instr.keyword} source ${src} is excluded by .dockerignore line ${pat.line} (${pat.exclusion ? '' : '!'}${pat.text}), so it never reaches the builder: remove it from .dockerignore or add a !${r.value.replace(/^\.?\//, '')} exception.`,
        });
      }
    }
    return hits;
  },
};
