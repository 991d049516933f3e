// Settings written as text (heredoc bodies, `echo … >` lines, repository files) that no
// command-line parse sees: HC114 and HC115 match their patterns line by line.
import type { DockerfileModel, Instr } from '../../dockerfile/model.js';
import { codeLines } from '../../dockerfile/lines.js';
import type { RuleHit } from '../types.js';

export interface TextPattern {
  re: RegExp;
  /** What the matched text does, for the message. */
  what: string;
}

/** One hit per code line of `instr` matching a pattern; lines in `seen` are skipped, hit lines added. */
export function textHits(
  model: DockerfileModel,
  instr: Instr,
  patterns: readonly TextPattern[],
  seen: Set<number>,
  hit: (line: number, what: string) => RuleHit,
): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const { line, text } of codeLines(model, instr)) {
    if (seen.has(line)) continue;
    const p = patterns.find((x) => x.re.test(text));
    if (!p) continue;
    seen.add(line);
    hits.push(hit(line, p.what));
  }
  return hits;
}
