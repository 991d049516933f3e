// What one checklist item decides from its evidence: the verdict and the findings that
// explain it. The collector places, masks and records both.
import type { Check, Finding } from '../../report/types.js';
import type { StaticFacts } from '../types.js';

/** A finding before the collector adds the Dockerfile path (and masks the message). */
export type RuntimeFinding = Omit<Finding, 'file'>;

export interface CheckOutcome {
  check: Check;
  findings: RuntimeFinding[];
  /** Raw secret values found on the way: masked in this outcome and in every later text. */
  secrets?: string[];
}

/** The line that sets a variable: its ENV in the shipped stage, else the last ARG/ENV declaring it. */
export function declaredLine(
  facts: Pick<StaticFacts, 'env' | 'declared'>,
  key: string,
  fallback: number,
): number {
  return (
    facts.env.find((e) => e.key === key)?.line ?? facts.declared.find((d) => d.key === key)?.line ?? fallback
  );
}
