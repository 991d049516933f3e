// HC501: FROM names an image without a tag (or digest), so Docker pulls `:latest`.
// Not for `scratch`, not for an earlier stage's name, and not for `FROM ${BASE}` whose
// value (ARG default or build arg) carries a tag; an ARG without a value is left alone.
import { parseImageRef } from '../../dockerfile/base-images.js';
import type { Rule } from '../types.js';

export const hc501: Rule = {
  meta: {
    id: 'HC501',
    title: 'FROM without a tag',
    severity: 'warning',
    anchors: { hadolint: ['DL3006'], trivy: ['DS-0001'], checkov: ['CKV_DOCKER_7'], kics: ['9efb0b2d'] },
    description:
      'An image without a tag means `:latest`, which moves: the next build silently gets another base image, another libc or another major version.',
  },
  check({ model }) {
    const hits = [];
    for (const stage of model.stages) {
      const { raw, resolved, stageRef } = stage.from;
      if (stageRef !== null || !raw) continue;
      if (!resolved.complete || !resolved.value) continue; // unknown build arg: not guessed
      if (resolved.value.toLowerCase() === 'scratch') continue;
      const ref = parseImageRef(resolved.value);
      if (ref.tag !== null || ref.digest !== null) continue;
      const shown = raw === resolved.value ? raw : `${raw} (= ${resolved.value})`;
      hits.push({
        line: stage.fromInstr.line,
        message: `FROM ${shown} has no tag, so Docker pulls :latest: pin a version tag such as ${resolved.value}:<version> (or a digest).`,
      });
    }
    return hits;
  },
};
