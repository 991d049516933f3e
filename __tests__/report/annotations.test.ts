// Annotation planning: GitHub shows 10 per type per step, so the most severe go first,
// the rest are counted, paths are repository-relative, and no secret gets through.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planAnnotations } from '../../src/report/annotations.js';
import { SECRET, check, finding, hostileReport, reportOf, target } from './sample-report.js';

describe('planAnnotations', () => {
  it('keeps at most 10 per level, most severe first, and counts the rest', () => {
    const findings = [
      ...Array.from({ length: 15 }, (_, i) => finding('HC503', 'warning', i + 1, `w${i}`)),
      ...Array.from({ length: 12 }, (_, i) => finding('HC101', 'error', 100 + i, `e${i}`)),
      finding('HC104', 'note', 50, 'n'),
    ];
    const plan = planAnnotations(reportOf([target(findings, [])]));
    const levels = plan.annotations.map((a) => a.level);
    expect(levels.filter((l) => l === 'error')).toHaveLength(10);
    expect(levels.filter((l) => l === 'warning')).toHaveLength(10);
    expect(levels.filter((l) => l === 'notice')).toHaveLength(1);
    expect(levels.indexOf('warning')).toBeGreaterThan(levels.lastIndexOf('error'));
    expect(plan.omitted).toBe(7);
    expect(plan.annotations[0].properties).toEqual({ title: 'HC101', file: 'Dockerfile', startLine: 100 });
  });

  it('links the rule page and includes failed checks without a finding', () => {
    const plan = planAnnotations(
      reportOf([
        target(
          [finding('HC201', 'error', 9, 'wrong port')],
          [check('non-root', 'fail', 'uid 0 (USER root)', { line: 4 })],
        ),
      ]),
    );
    // Same severity: ordered by line (the check carries the USER's line 4).
    expect(plan.annotations.map((a) => a.properties.title)).toEqual(['harden-check/non-root', 'HC201']);
    expect(plan.annotations[0].properties.startLine).toBe(4);
    expect(plan.annotations[1].message).toMatch(/wrong port\nhttps:\/\/github.com\/.*\/HC201\.md$/);
  });

  it('places a failed check by its lines, never by the words of its evidence', () => {
    const plan = planAnnotations(
      reportOf([
        target(
          [],
          [
            check('healthy', 'fail', 'probe on line 7 refused', { line: 3, endLine: 5 }),
            check('non-root', 'fail', 'uid 0 (USER root, line 4)'),
          ],
        ),
      ]),
    );
    const where = Object.fromEntries(plan.annotations.map((a) => [a.properties.title, a.properties]));
    expect(where['harden-check/healthy']).toMatchObject({ startLine: 3, endLine: 5 });
    // A check without lines (a report from an older version) points at the top of the file.
    expect(where['harden-check/non-root'].startLine).toBe(1);
  });

  it('makes absolute paths relative to the workspace with POSIX separators', () => {
    const ws = path.resolve('/work/repo');
    const plan = planAnnotations(
      reportOf([target([finding('HC101', 'error', 1, 'x', path.join(ws, 'svc', 'Dockerfile'))], [])]),
      { workspace: ws },
    );
    expect(plan.annotations[0].properties.file).toBe('svc/Dockerfile');
    const win = planAnnotations(
      reportOf([target([finding('HC101', 'error', 1, 'x', '.\\svc\\Dockerfile')], [])]),
    );
    expect(win.annotations[0].properties.file).toBe('svc/Dockerfile');
  });

  it('masks secrets and strips control characters from messages', () => {
    const plan = planAnnotations(hostileReport());
    const text = JSON.stringify(plan);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/[\u0000-\u0008\u001B\u202E]/);
    expect(plan.annotations.every((a) => a.message.length <= 1200)).toBe(true);
  });
});
