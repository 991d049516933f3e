// The physical lines of an instruction (continuations and heredoc bodies included), so
// findings inside a multi-line instruction point at the line that says it.
import type { DockerfileModel, Instr } from './model.js';

export interface PhysicalLine {
  /** 1-based line number. */
  line: number;
  text: string;
}

/** Every physical line of the instruction, as written. */
export function physicalLines(model: DockerfileModel, instr: Instr): PhysicalLine[] {
  const out: PhysicalLine[] = [];
  for (let n = instr.line; n <= instr.endLine; n++) out.push({ line: n, text: model.lines[n - 1] ?? '' });
  return out;
}

/** The physical lines that are not comment lines (`# …` inside a continuation or a heredoc body). */
export function codeLines(model: DockerfileModel, instr: Instr): PhysicalLine[] {
  return physicalLines(model, instr).filter((l) => !/^\s*#/.test(l.text));
}
