// HC508: MAINTAINER is deprecated; the author belongs in a label.
import type { Rule } from '../types.js';

export const hc508: Rule = {
  meta: {
    id: 'HC508',
    title: 'MAINTAINER is deprecated',
    severity: 'warning',
    anchors: {
      hadolint: ['DL4000'],
      trivy: ['DS-0022'],
      checkov: ['CKV_DOCKER_6'],
      buildkit: ['MaintainerDeprecated'],
      kics: ['99614418'],
    },
    description:
      'MAINTAINER has been deprecated since Docker 1.13; tools read the author from the `org.opencontainers.image.authors` label.',
  },
  check({ model }) {
    return model.instructions
      .filter((i) => i.keyword === 'MAINTAINER')
      .map((i) => {
        const who = i.text.replace(/"/g, '\\"');
        return {
          line: i.line,
          message: `MAINTAINER is deprecated: write LABEL org.opencontainers.image.authors="${who}" instead.`,
        };
      });
  },
};
