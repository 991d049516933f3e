// The fail-on rule, case by case: the one thing that decides the step's status.
import { describe, expect, it } from 'vitest';
import { decideResult, describeTally, failsUnder, tally } from '../../src/report/verdict.js';
import type { CheckStatus, FailOn, Severity } from '../../src/report/types.js';
import { check, finding, reportOf, target } from './sample-report.js';

const withFinding = (s: Severity) => reportOf([target([finding('HC101', s, 1, 'm')], [])]);
const withCheck = (s: CheckStatus) => reportOf([target([], [check('healthy', s, 'd')])]);
const advisory = (s: CheckStatus) =>
  reportOf([target([], [check('read-only-rootfs', s, 'd', { required: false })])]);
const clean = reportOf([
  target([], [check('non-root', 'pass', 'uid 1000'), check('healthy', 'skip', 'no engine')]),
]);

describe('decideResult (inclusive threshold)', () => {
  const table: [string, ReturnType<typeof reportOf>, Record<FailOn, 'pass' | 'fail'>][] = [
    [
      'an error finding',
      withFinding('error'),
      { error: 'fail', warning: 'fail', note: 'fail', never: 'pass' },
    ],
    [
      'a warning finding',
      withFinding('warning'),
      { error: 'pass', warning: 'fail', note: 'fail', never: 'pass' },
    ],
    ['a note finding', withFinding('note'), { error: 'pass', warning: 'pass', note: 'fail', never: 'pass' }],
    [
      'a failed check (= error)',
      withCheck('fail'),
      { error: 'fail', warning: 'fail', note: 'fail', never: 'pass' },
    ],
    [
      'an undecided check (= warning)',
      withCheck('error'),
      { error: 'pass', warning: 'fail', note: 'fail', never: 'pass' },
    ],
    [
      'a failed advisory check (= warning)',
      advisory('fail'),
      { error: 'pass', warning: 'fail', note: 'fail', never: 'pass' },
    ],
    [
      'an undecided advisory check (not counted)',
      advisory('error'),
      { error: 'pass', warning: 'pass', note: 'pass', never: 'pass' },
    ],
    [
      'a failed deploy check the checks input requires (= error)',
      reportOf([target([], [check('graceful-stop', 'fail', 'd', { required: true })])]),
      { error: 'fail', warning: 'fail', note: 'fail', never: 'pass' },
    ],
    ['a skipped check', withCheck('skip'), { error: 'pass', warning: 'pass', note: 'pass', never: 'pass' }],
    ['a clean report', clean, { error: 'pass', warning: 'pass', note: 'pass', never: 'pass' }],
  ];
  for (const [name, report, expected] of table) {
    for (const failOn of Object.keys(expected) as FailOn[]) {
      it(`${name} with fail-on ${failOn} → ${expected[failOn]}`, () => {
        expect(decideResult(report, failOn)).toBe(expected[failOn]);
      });
    }
  }
});

describe('tally', () => {
  it('errors = error findings + failed checks; warnings = warning findings', () => {
    const r = reportOf([
      target(
        [finding('HC1', 'error', 1, 'a'), finding('HC2', 'warning', 2, 'b'), finding('HC3', 'note', 3, 'c')],
        [
          check('non-root', 'fail', 'uid 0'),
          check('healthy', 'error', 'no engine'),
          check('no-secrets', 'pass', ''),
        ],
      ),
      target([finding('HC1', 'error', 1, 'a')], [check('non-root', 'fail', 'uid 0')], {
        dockerfile: 'b/Dockerfile',
      }),
    ]);
    expect(tally(r)).toEqual({ errors: 4, warnings: 1, notes: 1, undecided: 1, failedChecks: 2 });
    expect(describeTally(tally(r))).toBe('2 failed checks, 2 errors, 1 warning, 1 note, 1 undecided check');
  });

  it('uses the top-level lists when there are no targets', () => {
    const r = {
      ...reportOf([]),
      findings: [finding('HC1', 'warning', 1, 'a')],
      checks: [check('healthy', 'fail', 'x')],
    };
    expect(tally(r)).toMatchObject({ errors: 1, warnings: 1 });
  });
});

describe('failsUnder', () => {
  it('is the inclusive threshold the verdict applies', () => {
    expect(['error', 'warning', 'note'].map((s) => failsUnder(s as never, 'error'))).toEqual([
      true,
      false,
      false,
    ]);
    expect(['error', 'warning', 'note'].map((s) => failsUnder(s as never, 'warning'))).toEqual([
      true,
      true,
      false,
    ]);
    expect(['error', 'warning', 'note'].map((s) => failsUnder(s as never, 'note'))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['error', 'warning', 'note'].map((s) => failsUnder(s as never, 'never'))).toEqual([
      false,
      false,
      false,
    ]);
  });
});
