// Which stages ship: the target and the stages it builds FROM. Hardening rules report
// there; build-time rules (sudo, TLS, signatures) also look at the other stages, softer.
import type { DockerfileModel, Instr } from '../../dockerfile/model.js';

/** Indexes of the stages whose filesystem and config end up in the shipped image. */
export function shippedStages(model: DockerfileModel): Set<number> {
  return new Set(model.chain().map((s) => s.index));
}

/** Is this instruction part of the shipped image (the target stage or a stage it builds FROM)? */
export function isShipped(model: DockerfileModel, instr: Instr, shipped = shippedStages(model)): boolean {
  return shipped.has(instr.stageIndex);
}

/** Every instruction of every stage, in file order (the preamble excluded). */
export function stageInstructions(model: DockerfileModel): Instr[] {
  return model.stages.flatMap((s) => s.instructions);
}

/** `/a/./b/../c//` → `/a/c` (absolute paths). */
export function normalizePath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}
