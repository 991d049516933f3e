// HC503: the shipped image's base (root of the target stage's FROM chain) has no digest.
// Builder stages are not reported: their bytes do not ship.
import { externalBase } from '../../dockerfile/facts.js';
import { parseImageRef } from '../../dockerfile/base-images.js';
import type { Rule } from '../types.js';

export const hc503: Rule = {
  meta: {
    id: 'HC503',
    title: 'Final base image not pinned by digest',
    severity: 'note',
    anchors: { hadolint: ['(DL3007 exempts digests)'] },
    description:
      'A tag can be re-pushed: only a digest (`image:tag@sha256:…`) guarantees that a rebuild ships the same base image. Let Renovate or Dependabot update the digest.',
  },
  check({ model, trustedBaseImages }) {
    const base = externalBase(model, trustedBaseImages);
    if (!base || !base.resolved.complete || !base.resolved.value) return [];
    const value = base.resolved.value;
    if (value.toLowerCase() === 'scratch') return [];
    if (parseImageRef(value).digest !== null) return [];
    return [
      {
        line: base.stage.fromInstr.line,
        message: `The shipped image's base ${value} is not pinned by digest: use ${value}@sha256:<digest> and let Renovate or Dependabot keep it current.`,
      },
    ];
  },
};
