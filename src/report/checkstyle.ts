// Checkstyle XML, the format Jenkins' Warnings Next Generation plugin, reviewdog and many
// editors read: one <file> per Dockerfile, one <error> per finding (failed checks included).
import { findingsWithFailedChecks } from './check-findings.js';
import { toRepoPath } from './paths.js';
import { byLine } from './order.js';
import { XML_DECLARATION, xmlText } from './xml.js';
import type { Finding, Report, Severity } from './types.js';

// Checkstyle's severities are error, warning, info and ignore.
const SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'info' };

export interface CheckstyleOptions {
  workspace?: string;
  secrets?: readonly string[];
}

export function renderCheckstyle(report: Report, opts: CheckstyleOptions = {}): string {
  const byFile = new Map<string, Finding[]>();
  for (const t of report.targets) byFile.set(toRepoPath(t.dockerfile, opts.workspace), []);
  for (const f of findingsWithFailedChecks(report)) {
    const file = toRepoPath(f.file, opts.workspace);
    byFile.set(file, [...(byFile.get(file) ?? []), f]);
  }
  const out = [XML_DECLARATION, '<checkstyle version="4.3">'];
  for (const file of [...byFile.keys()].sort()) {
    out.push(`  <file name="${xmlText(file)}">`);
    for (const f of [...byFile.get(file)!].sort(byLine)) {
      const column = f.column ? ` column="${f.column}"` : '';
      out.push(
        `    <error line="${f.line}"${column} severity="${SEVERITY[f.severity]}" ` +
          `message="${xmlText(`${f.ruleId}: ${f.message}`, opts.secrets)}" ` +
          `source="harden-check.${xmlText(f.ruleId.replace(/^harden-check\//, ''))}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return out.join('\n') + '\n';
}
