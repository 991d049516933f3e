// HC410: COPY --from names the stage it is in (by alias or by index): the build fails
// with a circular dependency (BuildKit) or pulls an image of that name (classic builder).
import type { Rule, RuleHit } from '../types.js';
import { copyFromRefs } from './words.js';

export const hc410: Rule = {
  meta: {
    id: 'HC410',
    title: 'COPY --from references its own stage',
    severity: 'error',
    anchors: { hadolint: ['DL3023'], trivy: ['DS-0006'], kics: ['cdddb86f'] },
    description:
      "A stage cannot copy from itself: BuildKit reports a circular dependency and the classic builder tries to pull an image with the stage's name. Copy from an earlier stage, or use the files already in this stage.",
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const { stage, from, value: v } of copyFromRefs(model)) {
      const self = /^\d+$/.test(v)
        ? Number(v) === stage.index
        : stage.name !== null && v.toLowerCase() === stage.name;
      if (!self) continue;
      hits.push({
        line: from.line,
        message: `COPY --from=${from.value} refers to the stage it is in (${stage.name ?? `stage ${stage.index}`}): copy from an earlier stage, or drop --from and use the files already in this stage.`,
      });
    }
    return hits;
  },
};
