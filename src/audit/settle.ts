// The last step of every target, with or without a runtime: one suppression pass over the
// static and runtime findings together, then the checklist from what is left. The static
// audit alone (--fix, rule specs) ends here too, so a suppression means the same everywhere.
import { CHECK_IDS, type Check, type CheckId, type Finding } from '../report/types.js';
import { byLine } from '../report/order.js';
import { suppressor, type SuppressionPolicy } from '../suppress.js';
import type { DockerfileModel } from '../dockerfile/model.js';
import type { TrustedBaseImage } from '../dockerfile/base-images.js';
import { mergeChecks } from './merge-checks.js';
import { staticChecks } from './static-checks.js';

/** What the static audit found before any suppression. */
export interface StaticScan {
  model: DockerfileModel;
  findings: Finding[];
  policy: SuppressionPolicy;
  trustedBaseImages: readonly TrustedBaseImage[];
}

export interface Settled {
  findings: Finding[];
  suppressed: Finding[];
  checks: Check[];
}

/**
 * `required`: the checks the `checks` input requires (default: the lesson's five). Every
 * other check is advisory: its findings warn (never error) and its failure counts as a warning.
 */
export function settle(
  scan: StaticScan,
  runtime: { findings: Finding[]; checks: Check[] } | null,
  required: readonly CheckId[] = CHECK_IDS,
): Settled {
  const keep = suppressor(scan.policy);
  const advisory = (id: CheckId | undefined) => id !== undefined && !required.includes(id);
  const suppressed: Finding[] = [];
  const pass = (list: Finding[]) =>
    list.flatMap((f) => {
      const kept = keep(f);
      if (!kept) suppressed.push(f);
      if (kept && kept.severity === 'error' && advisory(kept.check))
        return [{ ...kept, severity: 'warning' as const }];
      return kept ? [kept] : [];
    });
  const statics = pass(scan.findings);
  const runtimes = pass(runtime?.findings ?? []);
  const checks = staticChecks(scan.model, statics, scan.trustedBaseImages);
  return {
    findings: [...statics, ...withoutRepeats(runtimes, statics)].sort(byLine),
    suppressed,
    checks: (runtime ? mergeChecks(checks, runtime.checks) : checks).map((c) => ({
      ...c,
      required: required.includes(c.id),
    })),
  };
}

/**
 * A runtime finding that only repeats a static error on the same line for the same check
 * (e.g. the secret in ENV that docker inspect shows again) adds nothing for the reader.
 */
export function withoutRepeats(runtime: Finding[], statics: Finding[]): Finding[] {
  return runtime.filter(
    (r) =>
      !statics.some(
        (s) => s.severity === 'error' && s.line === r.line && s.check !== undefined && s.check === r.check,
      ),
  );
}
