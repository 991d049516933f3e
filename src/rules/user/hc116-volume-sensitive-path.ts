// HC116: VOLUME on /proc, /sys or /dev (or below them). These are kernel pseudo-filesystems
// the runtime mounts itself; a volume there shadows them, or invites the operator to bind
// the host's /proc, /sys or /dev into the container, which hands it the host.
import type { Rule, RuleHit } from '../types.js';
import { chainInstructions } from '../../dockerfile/facts.js';
import { normalizePath } from '../../dockerfile/paths.js';

const SENSITIVE = ['/proc', '/sys', '/dev'];

export const hc116: Rule = {
  meta: {
    id: 'HC116',
    title: 'VOLUME on a sensitive host path',
    severity: 'error',
    anchors: { dockle: ['DKL-DI-0002'] },
    description:
      '/proc, /sys and /dev are provided by the container runtime; declaring a volume there hides them behind an empty volume, or suggests mounting the host directories, which exposes the host kernel interfaces and devices to the container.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of chainInstructions(model)) {
      if (instr.keyword !== 'VOLUME') continue;
      const paths = instr.json ?? instr.args;
      for (const raw of paths) {
        const res = model.resolveWord(raw, instr);
        if (!res.complete || !res.value.startsWith('/')) continue;
        const path = normalizePath(res.value);
        const hit = SENSITIVE.find((s) => path === s || path.startsWith(s + '/'));
        if (!hit) continue;
        const shown = raw === res.value ? raw : `${raw} (= ${res.value})`;
        hits.push({
          line: instr.line,
          message: `VOLUME ${shown} is under ${hit}, which the runtime provides: remove it and keep data volumes in an application directory such as /data.`,
        });
      }
    }
    return hits;
  },
};
