// Gathering matrix legs: which files the `report` input names, and one Report from many.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeReports, readReportFile, resolveReportFiles } from '../../src/report/gather.js';
import { ReportFormatError, serializeReport } from '../../src/report/json.js';
import { InputError } from '../../src/inputs.js';
import type { Report } from '../../src/report/types.js';
import { check, finding, reportOf, target } from './sample-report.js';

const SHA = 'a'.repeat(40);

function leg(name: string, failing: boolean, extra: Partial<Report> = {}): Report {
  const t = target(
    failing
      ? [finding('HC101', 'error', 3, 'root', `${name}/Dockerfile`)]
      : [finding('HC503', 'note', 1, 'pin', `${name}/Dockerfile`)],
    [check('non-root', failing ? 'fail' : 'pass', failing ? 'uid 0' : 'uid 10001')],
    { dockerfile: `${name}/Dockerfile` },
  );
  return { ...reportOf([t], failing ? 'fail' : 'pass'), pullRequest: { number: 7, headSha: SHA }, ...extra };
}

function workspaceWith(files: Record<string, Report | string>): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'hc-gather-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    writeFileSync(path.join(ws, rel), typeof content === 'string' ? content : serializeReport(content));
  }
  return ws;
}

describe('resolveReportFiles', () => {
  it('takes files, globs and folders (download-artifact paths), each file once, in a stable order', () => {
    const ws = workspaceWith({
      'reports/b/harden-check-report-b.json': leg('b', false),
      'reports/a/harden-check-report-a.json': leg('a', true),
      'single.json': leg('c', false),
    });
    expect(resolveReportFiles(['single.json', 'reports/**/*.json', 'single.json'], ws)).toEqual([
      'single.json',
      'reports/a/harden-check-report-a.json',
      'reports/b/harden-check-report-b.json',
    ]);
    expect(resolveReportFiles(['reports'], ws)).toEqual([
      'reports/a/harden-check-report-a.json',
      'reports/b/harden-check-report-b.json',
    ]);
  });

  it('names the input in one line when a pattern matches nothing or a file cannot be read', () => {
    const ws = workspaceWith({ 'x.json': '{}' });
    expect(() => resolveReportFiles(['legs/*.json'], ws)).toThrow(
      new InputError('Input "report": the pattern "legs/*.json" matched no file.'),
    );
    expect(() => readReportFile('missing.json', ws)).toThrow(
      /^Input "report": cannot read missing\.json \(ENOENT\)\.$/,
    );
    expect(() => readReportFile('x.json', ws)).toThrow(ReportFormatError);
  });
});

describe('mergeReports', () => {
  it('fails when any leg fails under its own fail-on, and keeps every target', () => {
    const merged = mergeReports(
      [
        { file: 'a.json', report: leg('a', false) },
        { file: 'b.json', report: leg('b', true) },
        { file: 'c.json', report: leg('c', false) },
      ],
      'error',
    );
    expect(merged.result).toBe('fail');
    expect(merged.failOn).toBe('error');
    expect(merged.targets.map((t) => t.dockerfile)).toEqual(['a/Dockerfile', 'b/Dockerfile', 'c/Dockerfile']);
    expect(merged.findings).toHaveLength(3);
    expect(merged.pullRequest).toEqual({ number: 7, headSha: SHA });
  });

  it('applies each leg’s threshold: a note fails a fail-on: note leg only', () => {
    const strict = { ...leg('a', false), failOn: 'note' as const };
    const lax = { ...leg('b', false), failOn: 'error' as const };
    const merged = mergeReports(
      [
        { file: 'a.json', report: strict },
        { file: 'b.json', report: lax },
      ],
      'error',
    );
    expect(merged.result).toBe('fail');
    expect(merged.failOn).toBeUndefined(); // mixed thresholds are not shown as one
    const passing = mergeReports(
      [
        { file: 'b.json', report: lax },
        { file: 'c.json', report: leg('c', false) },
      ],
      'error',
    );
    expect(passing.result).toBe('pass');
  });

  it('refuses reports of different pull requests or commits', () => {
    const other = leg('b', false, { pullRequest: { number: 8, headSha: SHA } });
    expect(() =>
      mergeReports(
        [
          { file: 'a.json', report: leg('a', false) },
          { file: 'b.json', report: other },
        ],
        'error',
      ),
    ).toThrow(
      'b.json is for PR 8 (aaaaaaa), but a.json is for PR 7 (aaaaaaa): gather the reports of one pull request run.',
    );
  });
});
