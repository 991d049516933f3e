// Fix one Dockerfile's text: audit, apply the findings' fixes (src/fix/apply.ts), re-audit
// and repeat while fixes that overlapped an earlier one remain (at most a few passes).
import type { Finding, Fix } from '../report/types.js';
import { applyFixes } from './apply.js';

export interface FixedFinding {
  ruleId: string;
  /** Line of the finding in the original text (a later pass maps its lines back). */
  line: number;
  description: string;
}

export interface FixFileResult {
  text: string;
  fixed: FixedFinding[];
}

type FixOf = Fix & { finding: Finding };

export function fixText(text: string, audit: (text: string) => Finding[], maxPasses = 4): FixFileResult {
  let current = text;
  const fixed: FixedFinding[] = [];
  // origin[i]: the original line number of the current text's line i + 1
  const origin = Array.from({ length: text.split(/\r\n|\n|\r/).length }, (_, i) => i + 1);
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes: FixOf[] = audit(current)
      .filter((f): f is Finding & { fix: Fix } => f.fix !== undefined)
      .map((f) => ({ ...f.fix, finding: f }));
    if (fixes.length === 0) break;
    const r = applyFixes(current, fixes);
    if (r.applied.length === 0 || r.text === current) break;
    for (const f of r.applied) {
      fixed.push({
        ruleId: f.finding.ruleId,
        line: origin[f.finding.line - 1] ?? f.finding.line,
        description: f.description,
      });
    }
    for (const f of [...r.applied].sort((a, b) => b.startLine - a.startLine)) {
      const count = f.remove ? 0 : f.text.split(/\r\n|\n|\r/).length;
      origin.splice(
        f.startLine - 1,
        f.endLine - f.startLine + 1,
        ...Array<number>(count).fill(origin[f.startLine - 1]),
      );
    }
    current = r.text;
  }
  return { text: current, fixed: fixed.sort((a, b) => a.line - b.line) };
}
