import { describe, expect, it } from 'vitest';
import { mergeChecks } from '../../src/engine/merge-checks.js';
import { withoutRepeats } from '../../src/engine/settle.js';
import type { Check, Finding } from '../../src/report/types.js';

const check = (status: Check['status'], detail: string, source: Check['source']): Check => ({
  id: 'non-root',
  status,
  detail,
  source,
});

describe('merging static evidence with runtime proof', () => {
  it('lets the runtime verdict win and says when it contradicts the Dockerfile', () => {
    const [merged] = mergeChecks(
      [check('pass', 'USER app (line 9)', 'static')],
      [check('fail', 'uid 0 (running process)', 'runtime')],
    );
    expect(merged.status).toBe('fail');
    expect(merged.detail).toBe(
      'uid 0 (running process) (the Dockerfile alone suggested pass: USER app (line 9))',
    );
  });
  it('keeps the static verdict when the runtime skipped the check', () => {
    const [merged] = mergeChecks(
      [check('fail', 'no HEALTHCHECK', 'static')],
      [check('skip', 'run: false', 'runtime')],
    );
    expect(merged).toMatchObject({ status: 'fail', source: 'static' });
  });
  it('drops a runtime finding that repeats a static error on the same line and check', () => {
    const f = (ruleId: string, line: number, severity: Finding['severity']): Finding => ({
      ruleId,
      line,
      severity,
      file: 'Dockerfile',
      message: ruleId,
      check: 'no-secrets',
    });
    expect(
      withoutRepeats(
        [f('HC908', 5, 'error'), f('HC908', 9, 'error')],
        [f('HC301', 5, 'error'), f('HC301', 9, 'warning')],
      ).map((x) => x.line),
    ).toEqual([9]);
  });
});
