// The one order of findings everywhere: by line, then severity, then rule id.
import type { Finding } from './types.js';

const SEVERITY_ORDER = { error: 0, warning: 1, note: 2 } as const;

export function byLine(a: Finding, b: Finding): number {
  return (
    a.line - b.line ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
