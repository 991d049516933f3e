// Every fix a rule offers: applies cleanly (only its lines change, every other byte kept),
// applying again changes nothing, the finding is gone after re-audit, and no new finding
// appears. Each case runs on LF, CRLF and `# escape=\`` variants of its Dockerfile.
import { describe, expect, it } from 'vitest';
import { audit } from '../helpers/audit.js';
import { applyFixes } from '../../src/fix/apply.js';
import { fixText } from '../../src/fix/fix-file.js';
import type { Finding } from '../../src/report/types.js';
import { CASES, HC212_REFUSED } from './cases.js';

const VARIANTS = [
  { name: 'LF', make: (t: string) => t, shift: 0, eol: '\n' },
  { name: 'CRLF', make: (t: string) => t.replace(/\n/g, '\r\n'), shift: 0, eol: '\r\n' },
  // continuation lines end with the backtick then
  { name: 'escape=`', make: (t: string) => '# escape=`\n' + t.replace(/\\\n/g, '`\n'), shift: 1, eol: '\n' },
  {
    name: 'escape=` CRLF',
    make: (t: string) => ('# escape=`\n' + t.replace(/\\\n/g, '`\n')).replace(/\n/g, '\r\n'),
    shift: 1,
    eol: '\r\n',
  },
];

/** A finding as rule@line; `removed` lines shift the ones below them (messages may change wording). */
const key = (f: Finding, removed?: { at: number; count: number }) =>
  `${f.ruleId}@${removed && f.line > removed.at ? f.line - removed.count : f.line}`;
const findings = (text: string) => audit(text).findings;

describe.each(CASES)('$rule: $name', (c) => {
  it.each(VARIANTS)('$name', (v) => {
    const text = v.make(c.text);
    const line = c.line + v.shift;
    const before = findings(text);
    const target = before.find((f) => f.ruleId === c.rule && f.fix);
    expect(target, `no ${c.rule} finding with a fix`).toBeDefined();
    const fix = target!.fix!;
    expect([fix.startLine, fix.endLine]).toEqual([line, line]);

    // applies cleanly: exactly the expected bytes
    const { text: fixed, applied } = applyFixes(text, [fix]);
    expect(applied).toHaveLength(1);
    const lines = text.split(v.eol);
    const expectedLines =
      c.expected === null
        ? [...lines.slice(0, line - 1), ...lines.slice(line)]
        : [...lines.slice(0, line - 1), c.expected, ...lines.slice(line)];
    expect(fixed).toBe(expectedLines.join(v.eol));
    if (v.eol === '\r\n') expect(fixed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

    // the finding is gone, and no new finding appears
    const after = findings(fixed);
    const removed = fix.remove ? { at: fix.endLine, count: fix.endLine - fix.startLine + 1 } : undefined;
    const remaining = before.filter((f) => f !== target).map((f) => key(f, removed));
    for (const f of after)
      expect(remaining, `new finding ${f.ruleId} line ${f.line}: ${f.message}`).toContain(key(f));
    expect(
      after.filter(
        (f) => f.ruleId === c.rule && f.line === target!.line && f.fix?.description === fix.description,
      ),
    ).toHaveLength(0);
    expect(after.filter((f) => f.ruleId === c.rule).length).toBeLessThan(
      before.filter((f) => f.ruleId === c.rule).length,
    );

    // idempotent: fixing the fixed file changes nothing more
    const again = fixText(fixed, findings);
    expect(again.fixed.filter((f) => f.ruleId === c.rule)).toEqual([]);
    const second = fixText(again.text, findings);
    expect(second.text).toBe(again.text);
    expect(second.fixed).toEqual([]);
    expect(
      applyFixes(
        fixed,
        after.flatMap((f) => (f.ruleId === c.rule && f.fix ? [f.fix] : [])),
      ).text,
    ).toBe(fixed);
  });
});

describe('fixText', () => {
  it('fixes in passes (overlapping fixes) and reports lines of the original file', () => {
    const text = [
      'FROM debian:12-slim',
      'ENV DB_PASSWORD=Xk3s9vQ2pLm7',
      'ENV API_TOKEN=Xk3s9vQ2pLm8',
      'RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*',
      'USER 10001:10001',
      'CMD ["/app/server", "--port", "8000"]',
      'HEALTHCHECK CMD wget --spider http://localhost:8080/health || exit 1',
      '',
    ].join('\r\n');
    const r = fixText(text, findings);
    expect(r.fixed.map((f) => `${f.ruleId}@${f.line}`)).toEqual([
      'HC301@2',
      'HC301@3',
      'HC204@7',
      'HC207@7',
      'HC216@7',
    ]);
    expect(r.text).toBe(
      [
        'FROM debian:12-slim',
        'RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*',
        'USER 10001:10001',
        'CMD ["/app/server", "--port", "8000"]',
        'HEALTHCHECK CMD ["wget", "-q", "-O", "/dev/null", "http://localhost:8000/health"]',
        '',
      ].join('\r\n'),
    );
    expect(fixText(r.text, findings).fixed).toEqual([]);
  });
});

describe('HC212 refuses commands that need a shell', () => {
  it.each(HC212_REFUSED)('%s', (cmd) => {
    const text = `FROM node:20-slim\nUSER 1000:1000\n${cmd}\n`;
    const hits = findings(text).filter((f) => f.ruleId === 'HC212');
    expect(hits.every((f) => f.fix === undefined)).toBe(true);
  });

  it('refuses a shell-form ENTRYPOINT when a CMD would become its arguments', () => {
    const text = 'FROM node:20-slim\nUSER 1000:1000\nENTRYPOINT node server.js\nCMD ["--debug"]\n';
    const hits = findings(text).filter((f) => f.ruleId === 'HC212');
    expect(hits).toHaveLength(1);
    expect(hits[0].fix).toBeUndefined();
  });

  it('refuses a continued (multi-line) instruction', () => {
    const text = 'FROM node:20-slim\nUSER 1000:1000\nCMD node \\\n  server.js\n';
    expect(findings(text).filter((f) => f.ruleId === 'HC212' && f.fix)).toEqual([]);
  });
});

describe('fixes that must not be offered', () => {
  it('HC103: no fix when the uid is not known from the file', () => {
    const f = findings('FROM debian:12-slim\nRUN useradd app\nUSER app\nCMD ["/app"]\n').find(
      (x) => x.ruleId === 'HC103',
    );
    expect(f).toBeDefined();
    expect(f!.fix).toBeUndefined();
  });

  it('HC103: no fix when the user has supplementary groups (looked up by name)', () => {
    const f = findings(
      'FROM debian:12-slim\nRUN useradd -u 10001 -G audio app\nUSER app\nCMD ["/app"]\n',
    ).find((x) => x.ruleId === 'HC103');
    expect(f?.fix).toBeUndefined();
  });

  it('HC301: no fix when the secret variable is referenced', () => {
    const text =
      'FROM debian:12-slim\nENV DB_PASSWORD=Xk3s9vQ2pLm7\nRUN echo "$DB_PASSWORD" > /dev/null\nUSER 10001:10001\nCMD ["/app/run"]\n';
    const f = findings(text).find((x) => x.ruleId === 'HC301');
    expect(f).toBeDefined();
    expect(f!.fix).toBeUndefined();
  });

  it('HC207: no fix when the probe port comes from a variable', () => {
    const text = [
      'FROM python:3.12-slim',
      'ENV PROBE_PORT=8080',
      'USER 10001:10001',
      'CMD ["uvicorn", "app:app", "--port", "8000"]',
      'HEALTHCHECK CMD curl -f http://localhost:$PROBE_PORT/ || exit 1',
      '',
    ].join('\n');
    const f = findings(text).find((x) => x.ruleId === 'HC207');
    expect(f).toBeDefined();
    expect(f!.fix).toBeUndefined();
  });
});
