// A failed build: nothing can be verified, so one finding points at the build log tail.
import type { BuildResult } from '../docker/build.js';
import type { RuntimeFinding } from './checks/outcome.js';

export const BUILD_FAILED = 'HC909';

/** The finding, and the reason every undecided check gets. */
export function buildFailure(b: BuildResult): { finding: RuntimeFinding; reason: string } {
  const last = b.logTail.trim().split('\n').filter(Boolean).at(-1) ?? '';
  return {
    finding: {
      ruleId: BUILD_FAILED,
      severity: 'error',
      check: undefined,
      line: 1,
      message: `The image did not build (exit ${b.exitCode}); see the build log tail. ${last}`.slice(0, 400),
    },
    reason: `build failed (${b.builder}, exit ${b.exitCode}): ${last}`.slice(0, 300),
  };
}
