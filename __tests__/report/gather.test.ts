// Gathering matrix legs: which files the `report` input names, and one Report from many.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeReports, readReportFile, resolveReportFiles } from '../../src/report/gather.js';
import { ReportFormatError, serializeReport } from '../../src/report/json.js';
import { InputError } from '../../src/option-parsers.js';
import type { Report, ReportOrigin } from '../../src/report/types.js';
import { check, finding, reportOf, target } from './sample-report.js';

const SHA = 'a'.repeat(40);

const PR = { number: 7, headSha: SHA };

function leg(name: string, failing: boolean, extra: Partial<Report> = {}): Report {
  const t = target(
    failing
      ? [finding('HC101', 'error', 3, 'root', `${name}/Dockerfile`)]
      : [finding('HC503', 'note', 1, 'pin', `${name}/Dockerfile`)],
    [check('non-root', failing ? 'fail' : 'pass', failing ? 'uid 0' : 'uid 10001')],
    { dockerfile: `${name}/Dockerfile` },
  );
  return { ...reportOf([t], failing ? 'fail' : 'pass'), ...extra };
}

const entry = (file: string, report: Report, origin: ReportOrigin = { pullRequest: PR }) => ({
  file,
  report,
  origin,
});

function workspaceWith(files: Record<string, Report | string>): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'hc-gather-'));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
    writeFileSync(
      path.join(ws, rel),
      typeof content === 'string' ? content : serializeReport(content, { pullRequest: PR }),
    );
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
  it('keeps every target, re-judges the verdict over all of them, and keeps the common pull request', () => {
    const { report, origin } = mergeReports(
      [
        entry('a.json', leg('a', false)),
        entry('b.json', { ...leg('b', true), result: 'pass' }),
        entry('c.json', leg('c', false)),
      ],
      'error',
    );
    expect(report.result).toBe('fail'); // b claimed pass; its error finding says otherwise
    expect(report.failOn).toBe('error');
    expect(report.targets.map((t) => t.dockerfile)).toEqual(['a/Dockerfile', 'b/Dockerfile', 'c/Dockerfile']);
    expect(report.findings).toHaveLength(3);
    expect(Object.isFrozen(report)).toBe(true);
    expect(origin.pullRequest).toEqual(PR);
  });

  it('uses the legs’ common fail-on, or the gather step’s own when they disagree', () => {
    const strict = { ...leg('a', false), failOn: 'note' as const };
    expect(mergeReports([entry('a.json', strict), entry('b.json', strict)], 'error').report.result).toBe(
      'fail',
    );
    const lax = { ...leg('b', false), failOn: 'error' as const };
    const mixed = mergeReports([entry('a.json', strict), entry('b.json', lax)], 'error').report;
    expect(mixed.failOn).toBe('error');
    expect(mixed.result).toBe('pass');
  });

  it('refuses reports of different pull requests or commits', () => {
    expect(() =>
      mergeReports(
        [
          entry('a.json', leg('a', false)),
          entry('b.json', leg('b', false), { pullRequest: { number: 8, headSha: SHA } }),
        ],
        'error',
      ),
    ).toThrow(
      'b.json is for PR 8 (aaaaaaa), but a.json is for PR 7 (aaaaaaa): gather the reports of one pull request run.',
    );
  });

  it('reads a leg file back with its origin', () => {
    const ws = workspaceWith({ 'leg.json': leg('a', true) });
    const read = readReportFile('leg.json', ws);
    expect(read.origin.pullRequest).toEqual(PR);
    expect(read.report.targets).toHaveLength(1);
  });
});
