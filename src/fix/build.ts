// Builders of the fixes rules attach to their hits. A Fix replaces whole lines of the original
// file (src/report/types.ts; ./apply.ts applies them), so every builder works on physical lines.
import type { DockerfileModel, Instr } from '../dockerfile/model.js';
import type { Fix } from '../report/types.js';

/** Remove the instruction, all its lines. */
export function removeInstruction(instr: Instr, description: string): Fix {
  return { startLine: instr.line, endLine: instr.endLine, text: '', remove: true, description };
}

/** Replace one physical line with `text`. */
export function replaceLine(line: number, text: string, description: string): Fix {
  return { startLine: line, endLine: line, text, description };
}

/**
 * A fix that rewrites the instruction's single line: keep everything up to `prefix`
 * (keyword, flags, `CMD`), replace the rest. Null when the instruction spans lines.
 */
export function rewriteLine(
  model: DockerfileModel,
  instr: Instr,
  prefix: RegExp,
  rest: string,
  description: string,
): Fix | null {
  if (instr.line !== instr.endLine) return null;
  const original = model.lines[instr.line - 1] ?? '';
  const m = prefix.exec(original);
  if (!m || m.index !== 0) return null;
  return replaceLine(instr.line, m[0] + rest, description);
}
