// A failed checklist item is an error even when no rule produced a finding for it
// (e.g. the container never became healthy). Annotations and SARIF need a location
// for it, so it becomes a synthetic finding at the lines the check carries.
import type { CheckId, Finding, Report, TargetReport } from './types.js';

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
  'graceful-stop': 'Stops gracefully on SIGTERM',
  'read-only-rootfs': 'Runs with a read-only root filesystem',
  'restricted-profile': "Runs under Kubernetes' restricted profile",
  'setuid-files': 'No unexpected setuid/setgid files',
};

/** Synthetic error findings for the failed checks of a target that no finding already covers. */
export function failedCheckFindings(target: TargetReport): Finding[] {
  const coveredAt = (severities: string[]) =>
    new Set(target.findings.filter((f) => f.check && severities.includes(f.severity)).map((f) => f.check));
  const covered = coveredAt(['error']);
  const coveredAdvisory = coveredAt(['error', 'warning']);
  return target.checks
    .filter((c) => c.status === 'fail' && !(c.required === false ? coveredAdvisory : covered).has(c.id))
    .map((c) => ({
      ruleId: checkRuleId(c.id),
      // an advisory check (not required by the `checks` input) warns
      severity: c.required === false ? ('warning' as const) : ('error' as const),
      file: target.dockerfile,
      // Where the verdict was made; a report without it (an older JSON) points at the file.
      line: c.line ?? 1,
      ...(c.endLine !== undefined ? { endLine: c.endLine } : {}),
      message: `Check "${CHECK_LABELS[c.id]}" failed: ${c.detail}`,
      check: c.id,
    }));
}

/** Every finding of a report plus one per failed check no finding covers (annotations, SARIF). */
export function findingsWithFailedChecks(report: Report): Finding[] {
  if (report.targets.length === 0) return [...report.findings];
  return report.targets.flatMap((t) => [...t.findings, ...failedCheckFindings(t)]);
}
