// HC409: COPY/ADD with several sources needs a destination directory ending in `/`.
// Heredoc COPY is excluded (each heredoc is a file named after it); the JSON form is included.
// `.` works with BuildKit but fails on the classic builder and Kaniko: a warning, not an error.
import type { Rule, RuleHit } from '../types.js';
import { copyParts, resolved } from './words.js';

export const hc409: Rule = {
  meta: {
    id: 'HC409',
    title: 'COPY with several sources to a destination not ending in /',
    severity: 'error',
    anchors: { hadolint: ['DL3021'], trivy: ['DS-0011'], kics: ['6db6e0c2'] },
    description:
      'With more than one source, Docker requires the destination to be a directory written with a trailing `/`; otherwise the build fails ("When using COPY with more than one source file, the destination must be a directory and end with a /").',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.stageIndex < 0) continue;
      const { sources, dest, heredoc } = copyParts(instr);
      if (heredoc || !dest || sources.length < 2) continue;
      const v = resolved(model, dest.value, instr);
      if (v === null) continue;
      if (v.endsWith('/') || v.endsWith('\\')) continue;
      const fix = `${dest.value}/`;
      if (v === '.' || v === '..' || v.endsWith('/.') || v.endsWith('/..')) {
        hits.push({
          line: dest.line,
          severity: 'warning',
          message: `${instr.keyword} has ${sources.length} sources and the destination ${dest.value} has no trailing slash: BuildKit accepts it but the classic builder and Kaniko fail, so write ${fix}.`,
        });
        continue;
      }
      hits.push({
        line: dest.line,
        message: `${instr.keyword} has ${sources.length} sources but the destination ${dest.value} does not end with /, so the build fails: write ${fix}.`,
      });
    }
    return hits;
  },
};
