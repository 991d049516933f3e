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

/** First physical line whose text matches, else the instruction's first line. */
export function lineMatching(model: DockerfileModel, instr: Instr, re: RegExp): number {
  // a global/sticky regexp would carry lastIndex from one line to the next
  const test = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
  for (const l of physicalLines(model, instr)) if (test.test(l.text)) return l.line;
  return instr.line;
}

/** First physical line where `word` stands as a whole word (`chown`, not `chowned` or `my-chown`). */
export function lineOfWord(model: DockerfileModel, instr: Instr, word: string): number {
  return lineMatching(model, instr, new RegExp(`(^|[^\\w-])${escapeRegExp(word)}($|[^\\w-])`));
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The physical lines that are not comment lines (`# …` inside a continuation or a heredoc body). */
export function codeLines(model: DockerfileModel, instr: Instr): PhysicalLine[] {
  return physicalLines(model, instr).filter((l) => !/^\s*#/.test(l.text));
}
