// HC210: HEALTHCHECK / EXPOSE / USER / CMD written only in an intermediate stage that the
// shipped stage does not build FROM (it only COPYs from it): the shipped image has none
// (Cisco-Talos/clamav#368). A USER followed by RUN/COPY in that stage is not dead (it
// runs those steps), and stages nothing refers to are left alone: they are other targets.
import type { DockerfileModel, Instr, Stage } from '../../dockerfile/model.js';
import { chainInstructions } from '../../dockerfile/facts.js';
import { shippedStages, stagesReadBy } from '../../dockerfile/stages.js';
import type { Rule, RuleHit } from '../types.js';
import { stageLabel } from './shared.js';

const KEYWORDS = ['HEALTHCHECK', 'EXPOSE', 'USER', 'CMD'];

/** Stages some other stage builds FROM, COPYs --from or mounts --from: intermediates. */
function referenced(model: DockerfileModel): Set<number> {
  const out = new Set<number>();
  for (const stage of model.stages) {
    if (stage.from.stageRef !== null) out.add(stage.from.stageRef);
    for (const instr of stage.instructions) {
      for (const s of stagesReadBy(model, instr)) if (s.index < stage.index) out.add(s.index);
    }
  }
  return out;
}

function users(stage: Stage): Instr[] {
  return stage.instructions.filter((i) => i.keyword === 'USER');
}

export const hc210: Rule = {
  meta: {
    id: 'HC210',
    title: 'HEALTHCHECK, EXPOSE, USER or CMD only in a stage that does not ship',
    severity: 'warning',
    anchors: { hadolint: ['(DL3057 models inheritance)'] },
    description:
      "Image configuration (HEALTHCHECK, EXPOSE, USER, CMD) is inherited only through FROM <stage>. Written in a builder stage that the shipped stage merely copies from, it is silently dropped: the shipped image has no health check, no documented port, runs as root, or runs the base image's command.",
  },
  check({ model }) {
    const target = model.target;
    if (!target) return [];
    const chain = shippedStages(model);
    const shipped = new Set(chainInstructions(model).map((i) => i.keyword));
    const intermediates = referenced(model);
    const hits: RuleHit[] = [];
    for (const keyword of KEYWORDS) {
      if (shipped.has(keyword)) continue;
      for (const stage of model.stages) {
        if (chain.includes(stage) || !intermediates.has(stage.index)) continue;
        // Stages that the shipped chain inherits from count through `chain`; other stages
        // built FROM this one would inherit it, but they do not ship either.
        const same = stage.instructions.filter((i) => i.keyword === keyword);
        const last = same[same.length - 1];
        if (!last) continue;
        if (keyword === 'USER') {
          const after = stage.instructions.filter((i) => i.line > users(stage).at(-1)!.line);
          if (
            after.some(
              (i) =>
                i.keyword === 'RUN' || i.keyword === 'COPY' || i.keyword === 'ADD' || i.keyword === 'WORKDIR',
            )
          )
            continue;
        }
        hits.push({
          line: last.line,
          endLine: last.endLine,
          message: `${keyword} is set in ${stageLabel(stage)}, which the shipped stage ${stageLabel(target)} does not build FROM, so the shipped image has no ${keyword}: move it into the final stage.`,
        });
      }
    }
    return hits.sort((a, b) => a.line - b.line);
  },
};
