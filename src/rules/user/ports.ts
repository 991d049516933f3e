// EXPOSE arguments of the shipped chain, resolved through ARG/ENV: single ports and ranges.
import type { DockerfileModel, Instr } from '../../dockerfile/model.js';
import { chainInstructions } from '../../dockerfile/facts.js';

export interface ExposedPort {
  instr: Instr;
  /** The argument as written and after expansion. */
  raw: string;
  value: string;
  from: number;
  to: number;
  proto: string;
}

export function exposedPorts(model: DockerfileModel): ExposedPort[] {
  const out: ExposedPort[] = [];
  for (const instr of chainInstructions(model)) {
    if (instr.keyword !== 'EXPOSE') continue;
    for (const raw of instr.args) {
      const res = model.resolveWord(raw, instr);
      if (!res.complete) continue;
      for (const value of res.value.split(/\s+/).filter(Boolean)) {
        const m = /^(\d{1,5})(?:-(\d{1,5}))?(?:\/([A-Za-z]+))?$/.exec(value);
        if (!m) continue;
        const from = Number(m[1]);
        const to = m[2] ? Number(m[2]) : from;
        out.push({ instr, raw, value, from, to, proto: (m[3] ?? 'tcp').toLowerCase() });
      }
    }
  }
  return out;
}
