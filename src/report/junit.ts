// JUnit XML for test dashboards (Jenkins, GitLab, Azure DevOps, Buildkite): one <testsuite>
// per Dockerfile, one <testcase> per checklist item (failed, skipped or errored as the check
// is), and one "findings" case that fails when the Dockerfile's findings fail the verdict.
import { CHECK_LABELS } from './check-findings.js';
import { toRepoPath } from './paths.js';
import { byLine } from './order.js';
import { XML_DECLARATION, xmlText } from './xml.js';
import type { Check, FailOn, Finding, Report, TargetReport } from './types.js';
import { failsUnder } from './verdict.js';

export interface JunitOptions {
  workspace?: string;
  secrets?: readonly string[];
}

interface Case {
  name: string;
  seconds?: number;
  body: string;
  failed: boolean;
  errored: boolean;
  skipped: boolean;
}

function checkCase(c: Check, failOn: FailOn, secrets: readonly string[] | undefined): Case {
  const name = `${c.id}: ${CHECK_LABELS[c.id]}`;
  const detail = xmlText(c.detail, secrets);
  const text = c.diagnosis ? `${detail}\n${xmlText(c.diagnosis, secrets)}` : detail;
  const base = { name, seconds: c.seconds, failed: false, errored: false, skipped: false };
  // An advisory check (not required by the `checks` input) fails the suite only as a warning
  // fails the verdict, and an undecided one never does.
  if (c.required === false && c.status === 'fail' && !failsUnder('warning', failOn))
    return { ...base, body: `<system-out>warning (advisory check failed): ${text}</system-out>` };
  if (c.required === false && c.status === 'error')
    return { ...base, skipped: true, body: `<skipped message="advisory check undecided: ${detail}"/>` };
  switch (c.status) {
    case 'fail':
      return { ...base, failed: true, body: `<failure message="${detail}" type="${c.id}">${text}</failure>` };
    case 'error':
      return { ...base, errored: true, body: `<error message="${detail}" type="${c.id}">${text}</error>` };
    case 'skip':
      return { ...base, skipped: true, body: `<skipped message="${detail}"/>` };
    default:
      return { ...base, body: `<system-out>${detail}</system-out>` };
  }
}

function findingsCase(findings: Finding[], failOn: FailOn, secrets: readonly string[] | undefined): Case {
  const failing = findings.filter((f) => failsUnder(f.severity, failOn)).sort(byLine);
  const line = (f: Finding) => `line ${f.line}: ${f.severity} ${f.ruleId}: ${f.message}`;
  const base = { name: `findings (fail-on: ${failOn})`, errored: false, skipped: false };
  if (failing.length === 0) {
    const rest = findings.sort(byLine).map(line).join('\n');
    return { ...base, failed: false, body: rest ? `<system-out>${xmlText(rest, secrets)}</system-out>` : '' };
  }
  const message = `${failing.length} finding${failing.length === 1 ? '' : 's'} at or above ${failOn}`;
  const text = xmlText(failing.map(line).join('\n'), secrets);
  return { ...base, failed: true, body: `<failure message="${message}" type="findings">${text}</failure>` };
}

function suite(t: TargetReport, failOn: FailOn, opts: JunitOptions): string {
  const file = toRepoPath(t.dockerfile, opts.workspace);
  const cases = [
    ...t.checks.map((c) => checkCase(c, failOn, opts.secrets)),
    findingsCase([...t.findings], failOn, opts.secrets),
  ];
  const seconds = (t.timings.audit ?? 0) + (t.timings.build ?? 0) + (t.timings.verify ?? 0);
  const count = (p: (c: Case) => boolean) => cases.filter(p).length;
  const lines = [
    `  <testsuite name="harden-check ${xmlText(file)}" tests="${cases.length}" ` +
      `failures="${count((c) => c.failed)}" errors="${count((c) => c.errored)}" ` +
      `skipped="${count((c) => c.skipped)}" time="${seconds.toFixed(3)}">`,
  ];
  for (const c of cases) {
    const time = c.seconds !== undefined ? ` time="${c.seconds.toFixed(3)}"` : '';
    const open = `    <testcase classname="${xmlText(file)}" name="${xmlText(c.name)}"${time}`;
    lines.push(c.body ? `${open}>${c.body}</testcase>` : `${open}/>`);
  }
  lines.push('  </testsuite>');
  return lines.join('\n');
}

export function renderJunit(report: Report, opts: JunitOptions = {}): string {
  const failOn = report.failOn ?? 'error';
  const suites = report.targets.map((t) => suite(t, failOn, opts));
  return [XML_DECLARATION, '<testsuites name="harden-check">', ...suites, '</testsuites>'].join('\n') + '\n';
}
