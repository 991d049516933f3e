import { describe, expect, it } from 'vitest';
import { mergeChecks } from '../../src/audit/merge-checks.js';
import { settle, withoutRepeats } from '../../src/audit/settle.js';
import { parseDockerfile } from '../../src/dockerfile/model.js';
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

describe('settling required and advisory checks', () => {
  const scan = () => ({
    model: parseDockerfile('Dockerfile', 'FROM scratch\nUSER 1000\nCMD ["/app"]\n'),
    findings: [],
    policy: { inline: [], ignore: [], severity: {} },
    trustedBaseImages: [],
  });
  const runtime = {
    checks: [
      { id: 'non-root', status: 'pass', detail: 'uid 1000' },
      { id: 'graceful-stop', status: 'fail', detail: 'SIGKILLed after 10 s' },
    ] as Check[],
    findings: [
      {
        ruleId: 'HC913',
        severity: 'error',
        file: 'Dockerfile',
        line: 3,
        message: 'm',
        check: 'graceful-stop',
      },
      { ruleId: 'HC901', severity: 'error', file: 'Dockerfile', line: 2, message: 'm', check: 'non-root' },
    ] as Finding[],
  };
  it("marks every check required or not and turns an advisory check's errors into warnings", () => {
    const s = settle(scan(), runtime);
    expect(s.checks.map((c) => [c.id, c.required])).toEqual([
      ['non-root', true],
      ['healthcheck-defined', true],
      ['healthy', true],
      ['no-secrets', true],
      ['env-override', true],
      ['graceful-stop', false],
      ['read-only-rootfs', false],
      ['restricted-profile', false],
      ['setuid-files', false],
    ]);
    expect(s.checks.find((c) => c.id === 'graceful-stop')?.status).toBe('fail');
    expect(s.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['HC901', 'error'],
      ['HC913', 'warning'],
    ]);
  });
  it('keeps an error when the checks input requires that check', () => {
    const s = settle(scan(), runtime, ['non-root', 'graceful-stop']);
    expect(s.findings.find((f) => f.ruleId === 'HC913')?.severity).toBe('error');
    expect(s.checks.find((c) => c.id === 'healthy')?.required).toBe(false);
  });
  it('reports the deploy checks as skipped with the reason when nothing ran', () => {
    const s = settle(scan(), null);
    expect(s.checks.find((c) => c.id === 'read-only-rootfs')).toMatchObject({
      status: 'skip',
      detail: 'needs a run (build: true, run: true and a Docker engine)',
    });
  });
});
