// Emit planned annotations as workflow commands (::error file=…,line=…,title=…::message).
// @actions/core escapes newlines and `%`, so a message cannot start another command.
import * as core from '@actions/core';
import type { AnnotationPlan } from '../report/annotations.js';

export function emitAnnotations(plan: AnnotationPlan): void {
  for (const a of plan.annotations) {
    const props = {
      title: a.properties.title,
      file: a.properties.file,
      startLine: a.properties.startLine,
      endLine: a.properties.endLine,
    };
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
  if (plan.omitted > 0) {
    core.info(
      `${plan.omitted} more finding(s) were not annotated (GitHub shows 10 per type per step): see the job summary.`,
    );
  }
}
