// HC108: the shipped image EXPOSEs port 22 (ssh), directly, in a range, or through a variable.
// An ssh daemon in a container is a second entry point with its own credentials; use
// `docker exec` / `kubectl exec` instead. EXPOSE 2222 is not port 22.
import type { Rule, RuleHit } from '../types.js';
import { exposedPorts } from './ports.js';

export const hc108: Rule = {
  meta: {
    id: 'HC108',
    title: 'Port 22 exposed',
    severity: 'warning',
    anchors: { trivy: ['DS-0004'], checkov: ['CKV_DOCKER_1'], kics: ['5907595b'] },
    description:
      'Exposing 22 means an ssh daemon runs in the container: another process to patch, host keys and credentials baked into the image, and a way in that bypasses the orchestrator. Use docker exec or kubectl exec for shell access.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const p of exposedPorts(model)) {
      if (p.from > 22 || p.to < 22 || p.proto !== 'tcp') continue;
      const spelled = p.raw === p.value ? p.raw : `${p.raw} (= ${p.value})`;
      hits.push({
        line: p.instr.line,
        message: `EXPOSE ${spelled} opens the ssh port 22: remove it and the ssh daemon, and use docker exec or kubectl exec for shell access.`,
      });
    }
    return hits;
  },
};
