// HC411: COPY --from names no earlier stage. Semantics (compare hadolint DL3022):
// - a numeric index must name an earlier stage (the stage itself is HC410);
// - a name defined only in a later stage is flagged (BuildKit resolves it, the classic builder pulls an image);
// - a name that is not a stage is an image reference for Docker: values with a registry, path,
//   tag or digest (`nginx:1.27`, `ghcr.io/x/y`) and well-known images (`busybox`) are valid; a bare word
//   that looks like an alias (`build`, `builder`) is flagged, as it is almost always a typo.
import type { Rule, RuleHit } from '../types.js';
import { describeBaseImage } from '../../dockerfile/base-images.js';
import { copyFromRefs } from './words.js';

export const hc411: Rule = {
  meta: {
    id: 'HC411',
    title: 'COPY --from references an undefined stage',
    severity: 'warning',
    anchors: { hadolint: ['DL3022'], kics: ['68a51e22'] },
    description:
      'COPY --from must name an earlier stage (by alias or index) or a full image reference. A mistyped alias is silently treated as an image name and the build tries to pull it; an index that is out of range or not earlier fails or depends on the builder.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const { stage, from, value: v } of copyFromRefs(model)) {
      if (v === '') continue;
      if (/^\d+$/.test(v)) {
        const n = Number(v);
        if (n < stage.index) continue;
        if (n === stage.index) continue; // HC410
        const what =
          n >= model.stages.length
            ? `there are only ${model.stages.length} stage(s), numbered from 0`
            : `stage ${n} comes after this one`;
        hits.push({
          line: from.line,
          message: `COPY --from=${from.value} does not name an earlier stage (${what}): reference an earlier stage by its AS name.`,
        });
        continue;
      }
      const name = v.toLowerCase();
      if (stage.name === name) continue; // HC410
      const target = model.stages.find((s) => s.name === name);
      if (target && target.index < stage.index) continue;
      if (target) {
        hits.push({
          line: from.line,
          message: `COPY --from=${from.value} names a stage defined later (line ${target.line}): BuildKit resolves it but the classic builder pulls an image of that name, so move stage ${v} before this one.`,
        });
        continue;
      }
      // Not a stage: Docker treats it as an image reference.
      if (/[:/@.]/.test(v) || describeBaseImage(v) !== null) continue;
      const names = model.stages
        .slice(0, stage.index)
        .map((s) => s.name)
        .filter((s): s is string => s !== null);
      const known = names.length ? ` (earlier stages: ${names.join(', ')})` : ' (no earlier stage is named)';
      hits.push({
        line: from.line,
        message: `COPY --from=${from.value} names no earlier stage${known}, so Docker will try to pull an image called ${v}: fix the alias, or write a full image reference with a tag.`,
      });
    }
    return hits;
  },
};
