// Reading a report file back (the `report` input): a file from a fork is untrusted, so
// every field the renderers rely on is checked, and the error is one line naming it.
import { describe, expect, it } from 'vitest';
import { parseReport, reportJsonPath, serializeReport } from '../../src/report/json.js';
import { SECRET, realisticReport } from './sample-report.js';

const PR = { number: 7, headSha: 'b'.repeat(40) };
const withPr = () => ({ ...realisticReport(), pullRequest: PR });

describe('report JSON', () => {
  it('round-trips, with its origin written beside the report', () => {
    const r = realisticReport();
    const origin = { commentTag: 'api', pullRequest: PR };
    const text = serializeReport(r, origin);
    expect(JSON.parse(text)).toMatchObject({ result: 'fail', commentTag: 'api', pullRequest: PR });
    expect(parseReport(text, 'r.json')).toEqual({ report: r, origin });
    expect(parseReport(serializeReport(r), 'r.json')).toEqual({ report: r, origin: {} });
  });

  it('reads the lines of a check, and rejects bad ones', () => {
    const r = realisticReport();
    const read = parseReport(serializeReport(r), 'r.json').report;
    expect(read.targets[0].checks.find((c) => c.id === 'healthy')?.line).toBe(9);
    (r.targets[0].checks[2] as unknown as Record<string, unknown>).endLine = 0;
    expect(() => parseReport(serializeReport(r), 'r.json')).toThrow(
      /report\.targets\[0\]\.checks\[2\]\.endLine must be a positive integer/,
    );
  });

  it('reads the deploy checks, required and the Kubernetes snippet, and rejects bad ones', () => {
    const r = realisticReport();
    r.targets[0].checks.push({ id: 'graceful-stop', status: 'pass', detail: 'stopped', required: false });
    r.targets[0].kubernetes = 'spec:\n  terminationGracePeriodSeconds: 5';
    expect(parseReport(serializeReport(r), 'r.json').report).toEqual(r);
    (r.targets[0].checks.at(-1) as unknown as Record<string, unknown>).required = 'no';
    expect(() => parseReport(serializeReport(r), 'r.json')).toThrow(
      /checks\[5\]\.required must be true or false/,
    );
    const k = realisticReport();
    (k.targets[0] as unknown as Record<string, unknown>).kubernetes = 5;
    expect(() => parseReport(serializeReport(k), 'r.json')).toThrow(
      /targets\[0\]\.kubernetes must be a string/,
    );
  });

  it('names the first bad field in one line', () => {
    const cases: [unknown, RegExp][] = [
      [[], /r\.json is not a harden-check report: report must be a JSON object\.$/],
      [{ ...withPr(), version: 2 }, /report\.version must be 1/],
      [{ ...withPr(), result: 'ok' }, /report\.result must be one of pass, fail/],
      [{ ...withPr(), targets: 'x' }, /report\.targets must be an array/],
      [
        { ...withPr(), pullRequest: { number: 7, headSha: 'main' } },
        /report\.pullRequest\.headSha must be a full commit sha/,
      ],
      [
        { ...withPr(), pullRequest: { number: '7', headSha: 'b'.repeat(40) } },
        /report\.pullRequest\.number must be a positive integer/,
      ],
    ];
    for (const [value, re] of cases) {
      expect(() => parseReport(JSON.stringify(value), 'r.json')).toThrow(re);
    }
    const bad = withPr();
    (bad.targets[0].findings[2] as unknown as Record<string, unknown>).line = 0;
    expect(() => parseReport(JSON.stringify(bad), 'r.json')).toThrow(
      /report\.targets\[0\]\.findings\[2\]\.line must be a positive integer/,
    );
    const badCheck = withPr();
    (badCheck.targets[0].checks[0] as unknown as Record<string, unknown>).id = 'root';
    expect(() => parseReport(JSON.stringify(badCheck), 'r.json')).toThrow(
      /checks\[0\]\.id must be one of non-root/,
    );
  });

  it('rejects text that is not JSON without echoing a secret', () => {
    let message = '';
    try {
      parseReport(`{"token": ${SECRET}`, 'r.json');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^r\.json is not valid JSON: /);
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain('\n');
  });

  it('derives a safe file name from the tag', () => {
    expect(reportJsonPath('/tmp/rt', 'services/api/Dockerfile')).toBe(
      '/tmp/rt/harden-check-report-services_api_Dockerfile.json',
    );
    expect(reportJsonPath('/tmp/rt', '../../etc/passwd')).toBe(
      '/tmp/rt/harden-check-report-.._.._etc_passwd.json',
    );
  });
});
