// The verdict: the only thing that decides whether the step fails.
//
// Rule (inclusive threshold, tested in __tests__/report/verdict.test.ts):
//   - every error finding and every required check with status `fail` is an *error*;
//   - a failed advisory check (`required: false`, see the `checks` input) is a *warning*;
//   - every warning finding and every check with status `error` (could not be decided)
//     is a *warning*: an undecidable check must not pass silently under `fail-on: warning`,
//     but it must not fail the default `fail-on: error` because Docker was unavailable;
//   - every note finding is a *note*;
//   - fail-on `error` fails on errors, `warning` on warnings or errors, `note` on anything,
//     `never` never fails.
// Skipped checks never count.
import type { Check, FailOn, Finding, Report, Severity } from './types.js';

export interface Tally {
  /** Error findings plus failed checks: the `errors` output. */
  errors: number;
  /** Warning findings: the `warnings` output. */
  warnings: number;
  notes: number;
  /** Checks with status `error`: counted as warnings by the verdict, reported apart. */
  undecided: number;
  /** Required checks with status `fail` (already included in `errors`). */
  failedChecks: number;
  /** Advisory checks with status `fail` (already included in `warnings`). */
  failedAdvisory?: number;
}

/** All findings of a report: per target when there are targets, else the top-level list. */
export function allFindings(report: Report): Finding[] {
  return report.targets.length > 0 ? report.targets.flatMap((t) => t.findings) : report.findings;
}

/** All checks of a report: per target when there are targets, else the top-level list. */
export function allChecks(report: Report): Check[] {
  return report.targets.length > 0 ? report.targets.flatMap((t) => t.checks) : report.checks;
}

/** The counts of a list of findings and checks (a target, a report, what --fix leaves). */
export function tallyOf(findings: readonly Finding[], checks: readonly Check[]): Tally {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const failed = checks.filter((c) => c.status === 'fail');
  const failedChecks = failed.filter((c) => c.required !== false).length;
  const failedAdvisory = failed.length - failedChecks;
  return {
    errors: count('error') + failedChecks,
    warnings: count('warning') + failedAdvisory,
    notes: count('note'),
    // an advisory check that could not be decided is no reason to fail `fail-on: warning`
    undecided: checks.filter((c) => c.status === 'error' && c.required !== false).length,
    failedChecks,
    ...(failedAdvisory > 0 ? { failedAdvisory } : {}),
  };
}

export function tally(report: Report): Tally {
  return tallyOf(allFindings(report), allChecks(report));
}

/** Does a finding of this severity fail a run under this threshold? (inclusive, as verdictOf counts) */
export function failsUnder(severity: Severity, failOn: FailOn): boolean {
  const rank: Record<Severity, number> = { error: 0, warning: 1, note: 2 };
  const limit: Record<FailOn, number> = { error: 0, warning: 1, note: 2, never: -1 };
  return rank[severity] <= limit[failOn];
}

/** pass or fail for these counts under this threshold (the rule at the top of this file). */
export function verdictOf(t: Tally, failOn: FailOn): 'pass' | 'fail' {
  const errors = t.errors;
  const warnings = t.warnings + t.undecided;
  switch (failOn) {
    case 'never':
      return 'pass';
    case 'error':
      return errors > 0 ? 'fail' : 'pass';
    case 'warning':
      return errors + warnings > 0 ? 'fail' : 'pass';
    case 'note':
      return errors + warnings + t.notes > 0 ? 'fail' : 'pass';
  }
}

export function decideResult(report: Report, failOn: FailOn): 'pass' | 'fail' {
  return verdictOf(tally(report), failOn);
}

/**
 * "2 failed checks, 1 error, 1 warning" — for titles and the failure message. Failed checks
 * are named apart so the numbers match the lists a reader sees (the `errors` output adds them).
 */
export function describeTally(t: Tally): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const failed = t.failedChecks ?? 0;
  const parts = [plural(t.errors - failed, 'error'), plural(t.warnings, 'warning')];
  if (failed > 0) parts.unshift(plural(failed, 'failed check'));
  if (t.notes > 0) parts.push(plural(t.notes, 'note'));
  if (t.undecided > 0) parts.push(`${t.undecided} undecided check${t.undecided === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** "harden-check failed: 1 failed check, 2 errors, 0 warnings (fail-on: error)": the one verdict sentence. */
export function verdictSentence(report: Pick<Report, 'result' | 'failOn'>, t: Tally): string {
  const failOn = report.failOn ? ` (fail-on: ${report.failOn})` : '';
  return `harden-check ${report.result === 'fail' ? 'failed' : 'passed'}: ${describeTally(t)}${failOn}`;
}
