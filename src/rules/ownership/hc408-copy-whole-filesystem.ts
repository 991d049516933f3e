// HC408: `COPY --from=x / /` copies another stage's (or image's) entire filesystem,
// package databases, caches, setuid binaries and all, over this one.
import type { Rule, RuleHit } from '../types.js';
import { normalizePath } from '../../dockerfile/paths.js';
import { absoluteDest } from './workdir.js';
import { copyParts, flag, resolved } from './words.js';

export const hc408: Rule = {
  meta: {
    id: 'HC408',
    title: 'COPY of an entire filesystem from another stage',
    severity: 'warning',
    anchors: { hadolint: ['DL3067'] },
    description:
      'Copying `/` from another stage brings everything that stage contains (compilers, caches, package databases, setuid binaries, leftover secrets) into this image and hides what the image really ships. Copy only the directories and files the application needs.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'COPY' || instr.stageIndex < 0) continue;
      const from = flag(instr, 'from');
      if (!from) continue;
      const { sources, dest, heredoc } = copyParts(instr);
      if (heredoc || !dest) continue;
      const root = sources.find((s) => {
        const v = resolved(model, s.value, instr);
        return v !== null && (normalizePath(v) === '/' || v === '/*') && v.startsWith('/');
      });
      if (!root) continue;
      if (absoluteDest(model, instr, dest.value) !== '/') continue;
      hits.push({
        line: instr.line,
        message: `COPY --from=${from.value} ${root.value} ${dest.value} copies that stage's whole filesystem into this one: copy only the directories the application needs (e.g. COPY --from=${from.value} /app /app).`,
      });
    }
    return hits;
  },
};
