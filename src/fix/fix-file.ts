// Fix one Dockerfile's text: audit, apply the findings' fixes (src/fix/apply.ts), re-audit
// and repeat while fixes that overlapped an earlier one remain (at most a few passes).
import type { Finding, Fix } from '../report/types.js';
import { applyFixes } from './apply.js';

export interface FixedFinding {
  ruleId: string;
  /** Line of the finding in the text the fix was applied to. */
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
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixes: FixOf[] = audit(current)
      .filter((f): f is Finding & { fix: Fix } => f.fix !== undefined)
      .map((f) => ({ ...f.fix, finding: f }));
    if (fixes.length === 0) break;
    const r = applyFixes(current, fixes);
    if (r.applied.length === 0 || r.text === current) break;
    for (const f of r.applied) fixed.push({ ruleId: f.finding.ruleId, line: f.finding.line, description: f.description });
    current = r.text;
  }
  return { text: current, fixed };
}
