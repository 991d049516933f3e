// Which findings become GitHub annotations. GitHub shows 10 error and 10 warning
// annotations per step, so we choose: most severe first, then by file and line, at most
// `limit` per level, and count what was left out so the summary can say so.
import { findingsWithFailedChecks } from './check-findings.js';
import { ruleDocUrl } from './docs.js';
import { stripControl, truncate } from './escape.js';
import { toRepoPath } from './paths.js';
import { redact } from '../secrets/detect.js';
import type { Report, Severity } from './types.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface PlannedAnnotation {
  level: AnnotationLevel;
  message: string;
  properties: { title: string; file: string; startLine: number; endLine?: number };
}

export interface AnnotationPlan {
  annotations: PlannedAnnotation[];
  /** Findings not annotated because of the per-level limit. */
  omitted: number;
}

const LEVEL: Record<Severity, AnnotationLevel> = { error: 'error', warning: 'warning', note: 'notice' };
const RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

export const ANNOTATIONS_PER_LEVEL = 10;

export function planAnnotations(
  report: Report,
  opts: { workspace?: string; limit?: number; secrets?: readonly string[] } = {},
): AnnotationPlan {
  const limit = opts.limit ?? ANNOTATIONS_PER_LEVEL;
  const sorted = findingsWithFailedChecks(report).sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || a.file.localeCompare(b.file) || a.line - b.line,
  );
  const perLevel: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const annotations: PlannedAnnotation[] = [];
  let omitted = 0;
  for (const f of sorted) {
    const level = LEVEL[f.severity];
    if (perLevel[level] >= limit) {
      omitted++;
      continue;
    }
    perLevel[level]++;
    const doc = ruleDocUrl(f.ruleId);
    const text = truncate(stripControl(redact(f.message, opts.secrets ?? [])), 1000);
    const startLine = Math.max(1, Math.trunc(f.line) || 1);
    annotations.push({
      level,
      message: doc ? `${text}\n${doc}` : text,
      properties: {
        title: stripControl(f.ruleId).slice(0, 60),
        file: toRepoPath(f.file, opts.workspace),
        startLine,
        ...(f.endLine && f.endLine > startLine ? { endLine: f.endLine } : {}),
      },
    });
  }
  return { annotations, omitted };
}
