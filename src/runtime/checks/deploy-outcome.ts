// What a deploy check decides: its checklist verdict and the findings that go with it. The
// file path is the collector's to add (it knows the display path and masks the text).
import type { Check, Finding } from '../../report/types.js';

export type DraftFinding = Pick<Finding, 'ruleId' | 'severity' | 'line' | 'message' | 'check'>;

export interface DeployOutcome {
  check: Check;
  findings: DraftFinding[];
}
