// A failed checklist item is an error even when no rule produced a finding for it
// (e.g. the container never became healthy). Annotations and SARIF need a location
// for it, so it becomes a synthetic finding at the Dockerfile line of the relevant
// instruction, or line 1.
import type { CheckId, Finding, TargetReport } from './types.js';

/** Rule id of the synthetic finding of a failed check, e.g. `harden-check/healthy`. */
export function checkRuleId(id: CheckId): string {
  return `harden-check/${id}`;
}

export const CHECK_LABELS: Record<CheckId, string> = {
  'non-root': 'Runs as non-root',
  'healthcheck-defined': 'HEALTHCHECK defined',
  healthy: 'Container becomes healthy',
  'no-secrets': 'No secrets in the image',
  'env-override': 'Environment override reaches the process',
};

// The instruction whose line best explains each check.
const INSTRUCTION: Record<CheckId, RegExp> = {
  'non-root': /^\s*USER\s/i,
  'healthcheck-defined': /^\s*HEALTHCHECK\s/i,
  healthy: /^\s*HEALTHCHECK\s/i,
  'no-secrets': /^\s*(ENV|ARG)\s/i,
  'env-override': /^\s*ENV\s/i,
};

/** Reads a repository file as lines, or undefined when it cannot be read. */
export type SourceReader = (file: string) => string[] | undefined;

export function locateCheck(id: CheckId, detail: string, source: string[] | undefined): number {
  const stated = /\bline (\d+)\b/i.exec(detail);
  if (stated && Number(stated[1]) >= 1) return Number(stated[1]);
  if (!source) return 1;
  for (let i = source.length - 1; i >= 0; i--) {
    if (INSTRUCTION[id].test(source[i])) return i + 1;
  }
  return 1;
}

/** Synthetic error findings for the failed checks of a target that no finding already covers. */
export function failedCheckFindings(target: TargetReport, read?: SourceReader): Finding[] {
  const covered = new Set(
    target.findings.filter((f) => f.severity === 'error' && f.check).map((f) => f.check),
  );
  const failed = target.checks.filter((c) => c.status === 'fail' && !covered.has(c.id));
  if (failed.length === 0) return [];
  const source = read?.(target.dockerfile);
  return failed.map((c) => ({
    ruleId: checkRuleId(c.id),
    severity: 'error' as const,
    file: target.dockerfile,
    line: locateCheck(c.id, c.detail, source),
    message: `Check "${CHECK_LABELS[c.id]}" failed: ${c.detail}`,
    check: c.id,
  }));
}
