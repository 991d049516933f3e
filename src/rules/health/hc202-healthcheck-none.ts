// HC202: the shipped HEALTHCHECK is `NONE`. It satisfies every other scanner, yet the
// container reports no health at all; often added only to silence CKV_DOCKER_2.
import { finalHealthcheck } from '../../dockerfile/facts.js';
import type { Rule } from '../types.js';

export const hc202: Rule = {
  meta: {
    id: 'HC202',
    title: 'Final HEALTHCHECK is NONE',
    severity: 'note',
    check: 'healthcheck-defined',
    anchors: {},
    description:
      '`HEALTHCHECK NONE` disables any health check, including one inherited from the base image. It passes hadolint, Trivy, Dockle and Checkov, but the container never becomes healthy or unhealthy.',
  },
  check({ model }) {
    const hc = finalHealthcheck(model);
    if (!hc || !hc.none) return [];
    return [
      {
        line: hc.instr.line,
        message:
          'HEALTHCHECK NONE disables health checking for the shipped image: replace it with a probe of the service, or keep it with an ignore comment that says why (e.g. a one-shot job, or Kubernetes probes instead).',
      },
    ];
  },
};
