// The Report as it leaves the pipeline (or is read back from a file): its verdict decided
// once, here, and frozen, so no renderer or publisher can change what the others show.
import type { Check, FailOn, Report, TargetReport } from './types.js';
import { decideResult } from './verdict.js';

/** The report of these targets under this threshold. */
export function finalizeReport(targets: TargetReport[], failOn: FailOn): Report {
  return judged(
    {
      version: 1,
      targets,
      checks: targets.length === 1 ? targets[0].checks : mergeAcrossTargets(targets),
      findings: targets.flatMap((t) => t.findings),
    },
    failOn,
  );
}

/** A report's content judged under this threshold (the result in a file is never trusted). */
export function judged(content: Omit<Report, 'result' | 'failOn'>, failOn: FailOn): Report {
  const report: Report = {
    version: 1,
    result: 'pass',
    failOn,
    targets: content.targets,
    checks: content.checks,
    findings: content.findings,
  };
  return deepFreeze({ ...report, result: decideResult(report, failOn) });
}

/** With several targets, the top-level checklist shows the worst status per check. */
function mergeAcrossTargets(targets: TargetReport[]): Check[] {
  const rank = { fail: 0, error: 1, pass: 2, skip: 3 } as const;
  const ids = targets[0]?.checks.map((c) => c.id) ?? [];
  return ids.map((id) => {
    const all = targets.map((t) => ({ t, c: t.checks.find((c) => c.id === id)! })).filter((x) => x.c);
    all.sort((a, b) => rank[a.c.status] - rank[b.c.status]);
    const worst = all[0];
    return { ...worst.c, detail: `${worst.t.dockerfile}: ${worst.c.detail}` };
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
