// HC502: FROM <image>:latest. A digest next to the tag pins the image, so it is not flagged.
import { parseImageRef } from '../../dockerfile/base-images.js';
import type { Rule } from '../types.js';

export const hc502: Rule = {
  meta: {
    id: 'HC502',
    title: 'FROM uses the latest tag',
    severity: 'warning',
    anchors: {
      hadolint: ['DL3007'],
      trivy: ['DS-0001'],
      dockle: ['DKL-DI-0006'],
      checkov: ['CKV_DOCKER_7'],
      kics: ['f45ea400'],
    },
    description:
      '`:latest` is whatever was pushed last: builds are not reproducible and a new major version can break the image without any change in the repository.',
  },
  check({ model }) {
    const hits = [];
    for (const stage of model.stages) {
      const { raw, resolved, stageRef } = stage.from;
      if (stageRef !== null || !resolved.complete || !resolved.value) continue;
      const ref = parseImageRef(resolved.value);
      if (ref.tag?.toLowerCase() !== 'latest' || ref.digest !== null) continue;
      const shown = raw === resolved.value ? raw : `${raw} (= ${resolved.value})`;
      hits.push({
        line: stage.fromInstr.line,
        message: `FROM ${shown} uses the moving :latest tag: pin a version tag (or a digest) so rebuilds get the same base image.`,
      });
    }
    return hits;
  },
};
