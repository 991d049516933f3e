// GitLab Code Quality report (the Code Climate subset GitLab reads from
// `artifacts: reports: codequality`): a JSON array of issues with a description, a check
// name, a stable fingerprint, a severity and a location. The fingerprint is the one SARIF
// uses (rule + file + the line's content), so a finding keeps its identity when lines move.
import { fingerprintBase } from './sarif.js';
import { findingsWithFailedChecks } from './check-findings.js';
import type { SourceReader } from './source.js';
import { toRepoPath } from './paths.js';
import { redact } from '../secrets/detect.js';
import { stripControl } from './escape.js';
import type { Report, Severity } from './types.js';

// GitLab's severities: info, minor, major, critical, blocker.
const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', note: 'info' };

export interface GitlabOptions {
  readSource?: SourceReader;
  workspace?: string;
  secrets?: readonly string[];
}

export interface GitlabIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end?: number } };
}

export function renderGitlab(report: Report, opts: GitlabOptions = {}): GitlabIssue[] {
  const secrets = opts.secrets ?? [];
  const seen = new Map<string, number>();
  return findingsWithFailedChecks(report).map((f) => {
    const path = toRepoPath(f.file, opts.workspace);
    const base = fingerprintBase(f, path, opts.readSource, secrets);
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    const lines: { begin: number; end?: number } = { begin: f.line };
    if (f.endLine && f.endLine > f.line) lines.end = f.endLine;
    return {
      type: 'issue' as const,
      description: stripControl(redact(`${f.ruleId}: ${f.message}`, secrets)),
      check_name: f.ruleId,
      fingerprint: `${base}:${occurrence}`,
      severity: SEVERITY[f.severity],
      location: { path, lines },
    };
  });
}
