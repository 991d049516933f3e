// non-root: the UIDs of the running processes as the host sees them (docker top), or,
// when no process could be observed, the image's Config.User (and the detail says why).
import type { ProcessInfo } from '../../docker/container.js';
import type { StaticFacts } from '../types.js';
import { decideUser } from '../user-probe.js';
import type { CheckOutcome } from './outcome.js';

export const RUNS_AS_ROOT = 'HC901';
export const NAMED_USER = 'HC911';

export interface NonRootEvidence {
  /** null: no process was observed; `unobservedReason` says why. */
  processes: ProcessInfo[] | null;
  unobservedReason: string;
  configUser: string;
  facts: StaticFacts;
  /** Where a finding points without a USER line: the shipped stage's FROM. */
  stageLine: number;
}

export function checkNonRoot(e: NonRootEvidence): CheckOutcome {
  const u = decideUser({
    processes: e.processes,
    configUser: e.configUser,
    facts: e.facts.user,
    unobservedReason: e.unobservedReason,
  });
  const root = u.check.status === 'fail';
  const line = e.facts.user?.line ?? e.stageLine;
  const findings: CheckOutcome['findings'] = [];
  if (root) {
    findings.push({
      ruleId: RUNS_AS_ROOT,
      severity: 'error',
      check: 'non-root',
      line,
      message:
        'The container runs as root. Add `USER <uid>` (numeric, e.g. 10001) as the last USER of the final stage.',
    });
  }
  // The static audit reports a named USER from the Dockerfile; only an image checked
  // without one (image input) needs this note.
  if (u.nonNumericUser && !root && !e.facts.user) {
    findings.push({
      ruleId: NAMED_USER,
      severity: 'note',
      check: 'non-root',
      line,
      message: `USER "${e.configUser}" is a name, not a numeric UID: Kubernetes runAsNonRoot cannot verify it. Prefer USER <uid>:<gid>.`,
    });
  }
  return { check: u.check, findings };
}
