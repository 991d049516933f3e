// Which stages matter for the target image. Two different questions:
//   shipped: the stages whose filesystem and config *are* the image (the target and the
//            stages it builds FROM): hardening rules report there;
//   needed:  the stages a build of the target runs (shipped, plus those it COPYs --from or
//            mounts from=, transitively): a failing step there fails the build.
import { unquote, type DockerfileModel, type Instr, type Stage } from './model.js';

/** The target and the stages it builds FROM, root of the chain first (file order). */
export function shippedStages(model: DockerfileModel): Stage[] {
  return model.chain().reverse();
}

/** Is this instruction part of the shipped image? (Global ARGs before the first FROM are not.) */
export function isShipped(model: DockerfileModel, instr: Instr): boolean {
  return model.chain().some((s) => s.index === instr.stageIndex);
}

/** Stages the target needs: its FROM chain plus stages named by COPY --from / RUN --mount from=, transitively. */
export function neededStages(model: DockerfileModel): Stage[] {
  const seen = new Set<number>();
  const queue: Stage[] = model.target ? [model.target] : [];
  while (queue.length) {
    const s = queue.pop()!;
    for (const c of model.chain(s)) {
      if (seen.has(c.index)) continue;
      seen.add(c.index);
      for (const i of c.instructions)
        for (const ref of stagesReadBy(model, i)) if (!seen.has(ref.index)) queue.push(ref);
    }
  }
  return model.stages.filter((s) => seen.has(s.index));
}

/** Stages an instruction reads files from: `COPY --from=<stage>`, `RUN --mount=…,from=<stage>` (resolvable names only). */
export function stagesReadBy(model: DockerfileModel, instr: Instr): Stage[] {
  const refs: string[] = [];
  for (const f of instr.flags) {
    if (f.value === null) continue;
    if (f.name === 'from' && instr.keyword === 'COPY') refs.push(unquote(f.value));
    if (f.name === 'mount') {
      const m = /(?:^|,)from=([^,]+)/.exec(f.value);
      if (m) refs.push(unquote(m[1]));
    }
  }
  const out: Stage[] = [];
  for (const r of refs) {
    const v = model.resolveWord(r, instr);
    const stage = v.complete ? model.stageByRef(v.value) : null;
    if (stage) out.push(stage);
  }
  return out;
}

/** Every instruction of every stage, in file order (global ARGs before the first FROM excluded). */
export function stageInstructions(model: DockerfileModel): Instr[] {
  return model.stages.flatMap((s) => s.instructions);
}
