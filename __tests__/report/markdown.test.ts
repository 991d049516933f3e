// The markdown renderer: structure, links, escaping of hostile input, secrets, size.
// Escaping is checked on the markdown text and on the HTML that marked (a CommonMark/GFM
// renderer) makes of it, so "cannot break out" is proven on a real parse, not on regexes alone.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import {
  COMMENT_LIMIT,
  commentMarker,
  renderComment,
  renderMarkdown,
  renderSummary,
  sanitizeTag,
} from '../../src/report/markdown.js';
import { codeBlock, inlineText, stripControl, truncate } from '../../src/report/escape.js';
import { DOCS_BASE } from '../../src/report/docs.js';
import type { TargetReport } from '../../src/report/types.js';
import {
  HOSTILE,
  SECRET,
  SK_SECRET,
  check,
  finding,
  hostileReport,
  realisticReport,
  reportOf,
  target,
} from './sample-report.js';

const links = { serverUrl: 'https://github.com', owner: 'acme', repo: 'shop', sha: 'a'.repeat(40) };
const html = (md: string) => marked.parse(md, { gfm: true, async: false }) as string;

describe('renderMarkdown layout', () => {
  const md = renderMarkdown(realisticReport(), {
    links,
    runUrl: 'https://github.com/acme/shop/actions/runs/42',
  });

  it('puts the verdict in the title, then the checklist table', () => {
    expect(md.startsWith('## ❌ harden-check failed · Dockerfile')).toBe(true);
    expect(md).toContain('2 failed checks, 2 errors, 1 warning, 1 note · fail-on: error');
    expect(md).toContain('| Check | Result | Evidence |');
    expect(md).toContain('| Runs as non-root | ✅ pass | uid 1000 (USER 1000:1000, line 12) |');
    expect(md).toContain(
      '| Container becomes healthy | ❌ fail | unhealthy after 30.2 s: connection refused on :8080 (30.2 s) |',
    );
    expect(md.indexOf('| Check |')).toBeLessThan(md.indexOf('#### ❌ Errors'));
  });

  it('groups findings by severity, errors first, with line and rule links', () => {
    const errors = md.indexOf('#### ❌ Errors (2)');
    const warnings = md.indexOf('#### ⚠️ Warnings (1)');
    const notes = md.indexOf('#### ℹ️ Notes (1)');
    expect(errors).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(errors);
    expect(notes).toBeGreaterThan(warnings);
    expect(md).toContain(`[Dockerfile:9](https://github.com/acme/shop/blob/${'a'.repeat(40)}/Dockerfile#L9)`);
    expect(md).toContain(`[HC201](${DOCS_BASE}HC201.md)`);
  });

  it('collapses diagnosis, health log and build log in <details>', () => {
    expect(md).toContain('<details><summary>Diagnosis: Container becomes healthy</summary>');
    expect(md).toContain('<details><summary>Health probe log</summary>');
    expect(md).toContain('<details><summary>Build log (tail)</summary>');
    expect(md).toContain('[workflow run](https://github.com/acme/shop/actions/runs/42)');
  });

  it('masks secrets in findings and evidence', () => {
    expect(md).not.toContain(SK_SECRET);
    expect(md).toContain('sk-p…(redacted)');
  });

  it('prints plain file:line without a repository context', () => {
    const plain = renderMarkdown(realisticReport());
    expect(plain).toContain('- Dockerfile:9 · **[HC201]');
    expect(plain).not.toContain('acme/shop/blob');
  });

  it('does not link with a malformed context (sha, owner)', () => {
    const bad = renderMarkdown(realisticReport(), { links: { ...links, sha: 'main) [x](http://evil' } });
    expect(bad).not.toContain('acme/shop/blob');
    const bad2 = renderMarkdown(realisticReport(), { links: { ...links, owner: 'a b' } });
    expect(bad2).not.toContain('/shop/blob');
  });

  it('gives several Dockerfiles one section each', () => {
    const api = target(
      [finding('HC101', 'error', 1, 'root', 'services/api/Dockerfile')],
      [check('non-root', 'fail', 'uid 0')],
      {
        dockerfile: 'services/api/Dockerfile',
      },
    );
    const web = target([], [check('non-root', 'pass', 'uid 101')], { dockerfile: 'services/web/Dockerfile' });
    const multi = renderMarkdown(reportOf([api, web]), { links });
    expect(multi).toContain('## ❌ harden-check failed · 2 Dockerfiles');
    expect(multi).toContain('### ❌ services/api/Dockerfile');
    expect(multi).toContain('### ✅ services/web/Dockerfile');
    expect(multi.match(/\| Check \| Result \| Evidence \|/g)).toHaveLength(2);
    expect(multi).toContain(`/blob/${'a'.repeat(40)}/services/api/Dockerfile#L1`);
  });

  it('encodes odd file names in URLs and refuses to link paths outside the repository', () => {
    const f = target(
      [
        finding('HC101', 'error', 3, 'x', 'a dir/(x)/Docker file'),
        finding('HC101', 'error', 4, 'y', '../up/Dockerfile'),
      ],
      [],
    );
    const out = renderMarkdown(reportOf([f]), { links });
    expect(out).toContain('/a%20dir/%28x%29/Docker%20file#L3)');
    expect(out).not.toContain('/blob/' + 'a'.repeat(40) + '/../');
  });
});

describe('hostile input', () => {
  const md = renderComment(hostileReport(), 'Dockerfile', { links });
  const rendered = html(md);
  // User text may appear verbatim only inside fenced code blocks, where it is inert.
  const outsideCode = md.replace(/^(`{3,})text\n[\s\S]*?\n\1$/gm, '');
  const renderedOutsideCode = rendered.replace(/<pre><code[\s\S]*?<\/code><\/pre>/g, '');

  it('injects no HTML element from user text', () => {
    expect(outsideCode).not.toMatch(/<img|<script/);
    expect(rendered).not.toMatch(/<img|<script/);
    expect(outsideCode).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('keeps exactly the <details> blocks the renderer opened', () => {
    const opened = (outsideCode.match(/<details>/g) ?? []).length;
    expect(opened).toBe(3); // diagnosis, health log, build log
    expect((outsideCode.match(/<\/details>/g) ?? []).length).toBe(opened);
    expect(rendered).not.toContain('<details open>');
    expect((renderedOutsideCode.match(/<details>/g) ?? []).length).toBe(opened);
    expect((renderedOutsideCode.match(/<\/details>/g) ?? []).length).toBe(opened);
  });

  it('pings nobody: every @mention and #ref is broken by a zero-width joiner, in code too', () => {
    expect(md).not.toMatch(/@org\/security-team/);
    expect(md).not.toMatch(/@octocat/);
    expect(md).not.toMatch(/@org\/team/);
    expect(md).toContain('@\u200Dorg/security-team');
    expect(outsideCode).not.toMatch(/#[0-9]/);
  });

  it('cannot break a table row with pipes or a line break', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(7); // header, separator, five checks
    for (const row of rows.slice(2)) {
      const unescapedPipes = row.replace(/\\\|/g, '').match(/\|/g) ?? [];
      expect(unescapedPipes).toHaveLength(4);
    }
    const table = rendered.slice(rendered.indexOf('<table>'), rendered.indexOf('</table>'));
    expect(table.match(/<tr>/g)).toHaveLength(6);
    expect(table.match(/<td[ >]/g)).toHaveLength(15);
  });

  it('escapes brackets and headings outside code blocks; backticked message parts are inert code spans', () => {
    // only whole `…` pairs of a finding message become code spans; no raw HTML inside them
    expect(renderedOutsideCode).not.toMatch(/<code>[^<]*<(?!\/code>)/);
    expect(outsideCode).not.toContain('[click]');
    expect(outsideCode).not.toMatch(/^# Injected/m);
    expect(rendered).not.toContain('href="javascript:');
    expect(rendered).not.toContain('<h1');
  });

  it('a log cannot close its fence', () => {
    expect(md).toContain('````````text');
    const pre = rendered.match(/<pre><code[\s\S]*?<\/code><\/pre>/g) ?? [];
    expect(pre.some((block) => block.includes('after fence'))).toBe(true);
  });

  it('removes control characters and bidi overrides', () => {
    expect(md).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u202E]/);
    expect(md).toContain('bell escred');
  });

  it('truncates very long lines', () => {
    expect(md).not.toContain('L'.repeat(1001));
    expect(md.split('\n').every((l) => l.length < 5000)).toBe(true);
  });

  it('never shows the secret', () => {
    expect(md).not.toContain(SECRET);
    expect(rendered).toContain('ghp_…(redacted)');
  });

  it('a hostile comment-marker in user text cannot open a second marker', () => {
    expect(md.split('<!-- harden-check:')).toHaveLength(3);
    expect(md.startsWith(commentMarker('Dockerfile'))).toBe(true);
    expect(md.trimEnd().endsWith(commentMarker('Dockerfile'))).toBe(true);
  });
});

describe('size budget', () => {
  const many = (n: number) =>
    reportOf([
      target(
        Array.from({ length: n }, (_, i) =>
          finding('HC503', i % 3 === 0 ? 'error' : 'warning', i + 1, `finding ${i} ${'x'.repeat(400)}`),
        ),
        [
          check('non-root', 'pass', 'uid 1000'),
          check('healthcheck-defined', 'pass', 'line 9'),
          check('healthy', 'pass', 'healthy after 2 s'),
          check('no-secrets', 'pass', 'none'),
          check('env-override', 'pass', 'reached'),
        ],
        { buildLogTail: 'log line\n'.repeat(10_000) },
      ),
    ]);

  it('keeps the comment under the budget by cutting findings, never the checklist', () => {
    const md = renderComment(many(2000), 'Dockerfile', { links });
    expect(md.length).toBeLessThanOrEqual(60_000);
    expect(md.length).toBeLessThan(COMMENT_LIMIT);
    expect(
      md.match(
        /^\| (Runs as non-root|HEALTHCHECK defined|Container becomes healthy|No secrets|Environment)/gm,
      ),
    ).toHaveLength(5);
    expect(md).toMatch(/… \d+ more findings not shown here \(size limit\): see the job summary\./);
    // Errors are kept before warnings.
    const shownErrors = (md.match(/finding \d+/g) ?? []).map((s) => Number(s.split(' ')[1]));
    expect(shownErrors.every((i) => i % 3 === 0)).toBe(true);
    expect(md.trimEnd().endsWith(commentMarker('Dockerfile'))).toBe(true);
  });

  it('the summary gets a larger, byte-measured budget', () => {
    const md = renderSummary(many(1000), { links });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(900 * 1024);
    expect((md.match(/finding \d+/g) ?? []).length).toBe(1000);
  });

  it('puts a Dockerfiles x checks table first, worst first, and collapses each Dockerfile', () => {
    const ok = target([], [check('non-root', 'pass', 'uid 101'), check('healthy', 'skip', 'static')], {
      dockerfile: 'svc/ok/Dockerfile',
    });
    const warn = target(
      [finding('HC103', 'warning', 2, 'name', 'svc/warn/Dockerfile')],
      [check('non-root', 'pass', 'uid 101')],
      {
        dockerfile: 'svc/warn/Dockerfile',
      },
    );
    const bad = target(
      [
        finding('HC101', 'error', 1, 'root', 'svc/bad/Dockerfile'),
        finding('HC301', 'error', 2, 'secret', 'svc/bad/Dockerfile'),
      ],
      [
        check('non-root', 'fail', 'uid 0'),
        check('healthy', 'error', 'no engine'),
        { ...check('graceful-stop', 'fail', 'SIGKILLed'), required: false },
        { ...check('setuid-files', 'pass', 'none'), required: false },
      ],
      { dockerfile: 'svc/bad/Dockerfile' },
    );
    const md = renderMarkdown(reportOf([ok, warn, bad]));
    const table = md.slice(md.indexOf('| | Dockerfile |'), md.indexOf('### '));
    expect(table.split('\n')[0]).toBe(
      '| | Dockerfile | Runs as non-root | HEALTHCHECK defined | Container becomes healthy | No secrets in the image | Environment override reaches the process | Deploy | Findings |',
    );
    const rows = table.split('\n').filter((l) => /^\| (❌|⚠️|✅) \|/.test(l));
    expect(rows).toEqual([
      '| ❌ | svc/bad/Dockerfile | ❌ | – | ⚠️ | – | – | ⚠️ | 1 failed check, 2 errors, 1 warning, 1 undecided check |',
      '| ⚠️ | svc/warn/Dockerfile | ✅ | – | – | – | – | – | 0 errors, 1 warning |',
      '| ✅ | svc/ok/Dockerfile | ✅ | – | ⏭️ | – | – | – | 0 errors, 0 warnings |',
    ]);
    // sections follow the same order, each collapsed and closed
    expect(md.indexOf('### ❌ svc/bad/Dockerfile')).toBeLessThan(md.indexOf('### ⚠️ svc/warn/Dockerfile'));
    expect(md.indexOf('### ⚠️ svc/warn/Dockerfile')).toBeLessThan(md.indexOf('### ✅ svc/ok/Dockerfile'));
    expect(md.match(/<details><summary>Checklist and findings<\/summary>/g)).toHaveLength(3);
    expect(md.match(/<details>/g)?.length).toBe(md.match(/<\/details>/g)?.length);
  });

  it('cuts the table of 500 Dockerfiles to a third of the budget, keeping the worst rows', () => {
    const targets = Array.from({ length: 500 }, (_, i) =>
      target(
        i % 50 === 49 ? [finding('HC101', 'error', 1, 'root', `services/service-${i}/Dockerfile`)] : [],
        [check('non-root', i % 50 === 49 ? 'fail' : 'pass', 'uid')],
        { dockerfile: `services/service-${i}/Dockerfile` },
      ),
    );
    const md = renderComment(reportOf(targets), 'all', {});
    expect(md.length).toBeLessThanOrEqual(60_000);
    const rows = md.split('\n').filter((l) => /^\| (❌|⚠️|✅) \| services\//.test(l));
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.length).toBeLessThan(500);
    expect(rows.slice(0, 10).every((r) => r.startsWith('| ❌ |'))).toBe(true);
    expect(md).toContain(`… ${500 - rows.length} more Dockerfiles in the table (size limit).`);
    // the failing services' sections come first too
    expect(md.indexOf('### ❌ services/service-49/Dockerfile')).toBeLessThan(
      md.indexOf('### ✅ services/service-0/Dockerfile') >>> 0,
    );
  });

  it('keeps every checklist of a large multi-target run within budget', () => {
    const targets = Array.from({ length: 60 }, (_, i) =>
      target(
        [finding('HC101', 'error', 1, 'x'.repeat(900), `svc${i}/Dockerfile`)],
        [check('non-root', 'fail', 'y'.repeat(300)), check('healthy', 'pass', 'z'.repeat(300))],
        { dockerfile: `svc${i}/Dockerfile` },
      ),
    );
    const md = renderComment(reportOf(targets), 'all', {});
    expect(md.length).toBeLessThanOrEqual(60_000);
    expect(md.match(/### ❌ svc\d+\/Dockerfile/g)).toHaveLength(60);
  });
});

describe('escape helpers', () => {
  it('inlineText escapes markdown and HTML and neutralizes mentions', () => {
    expect(inlineText('a|b')).toBe('a\\|b');
    expect(inlineText('<b>&')).toBe('&lt;b&gt;&amp;');
    expect(inlineText('`x`')).toBe('\\`x\\`');
    expect(inlineText('@team')).toBe('@\u200Dteam');
    expect(inlineText('line1\nline2')).toBe('line1 line2');
    expect(inlineText('x'.repeat(50), 10)).toBe('x'.repeat(9) + '…');
  });

  it('truncate never splits a surrogate pair', () => {
    const s = 'ab😀cd';
    expect(truncate(s, 4)).toBe('ab…');
  });

  it('stripControl removes ANSI colours and keeps newlines and tabs', () => {
    expect(stripControl('\u001b[31mred\u001b[0m\tok\r\nnext')).toBe('red\tok\nnext');
  });

  it('codeBlock keeps the tail of a long log and redacts it', () => {
    const block = codeBlock(
      Array.from({ length: 200 }, (_, i) => `line ${i}`).join('\n') + `\n${HOSTILE.secret}`,
    );
    expect(block).toContain('… 121 earlier lines');
    expect(block).toContain('line 199');
    expect(block).not.toContain(SECRET);
  });

  it('sanitizeTag keeps tags to safe characters', () => {
    expect(sanitizeTag('services/api/Dockerfile')).toBe('services/api/Dockerfile');
    expect(sanitizeTag('x --> <script>')).toBe('x-script');
    expect(sanitizeTag('')).toBe('default');
    expect(commentMarker('a-->b')).toBe('<!-- harden-check:a-b -->');
  });
});

describe('inlineText on arbitrary input (property)', () => {
  it('never yields a raw pipe, angle bracket, backtick, line break, control character or live mention', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const out = inlineText(s, 300);
        expect(out).not.toMatch(/(^|[^\\])[|`]/);
        expect(out).not.toMatch(/[<>\n\r\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
        expect(out).not.toMatch(/@[A-Za-z0-9_-]/);
        expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }),
      { numRuns: 2000, seed: 4 },
    );
  });
});

describe('the deploy group', () => {
  const deployTarget = (over: Partial<TargetReport> = {}, required = false) =>
    target(
      [],
      [
        { ...check('non-root', 'pass', 'uid 10001'), required: true },
        { ...check('graceful-stop', 'fail', 'SIGKILLed 10.1 s after SIGTERM'), required },
        { ...check('read-only-rootfs', 'skip', 'needs a run'), required: false },
      ],
      over,
    );
  it('renders the deploy checks as their own table after the five, advisory marked', () => {
    const md = renderMarkdown(reportOf([deployTarget()]));
    const lesson = md.indexOf('| Runs as non-root | ✅ pass | uid 10001 |');
    const group = md.indexOf(
      '**Deploy readiness** · advisory checks warn unless the `checks` input requires them',
    );
    expect(lesson).toBeGreaterThan(0);
    expect(group).toBeGreaterThan(lesson);
    expect(md).toContain(
      '| Stops gracefully on SIGTERM | ⚠️ fail (advisory) | SIGKILLed 10.1 s after SIGTERM |',
    );
    expect(md).toContain('| Runs with a read-only root filesystem | ⏭️ skip (advisory) | needs a run |');
    // two tables, each with its own header
    expect(md.match(/\| Check \| Result \| Evidence \|/g)).toHaveLength(2);
  });
  it('shows a required deploy check as any other', () => {
    const md = renderMarkdown(reportOf([deployTarget({}, true)]));
    expect(md).toContain('| Stops gracefully on SIGTERM | ❌ fail | SIGKILLed');
  });
  it('collapses the verified Kubernetes snippet as YAML', () => {
    const yaml = 'spec:\n  terminationGracePeriodSeconds: 5\n  containers:\n    - name: app';
    const md = renderMarkdown(reportOf([deployTarget({ kubernetes: yaml })]));
    expect(md).toContain(
      `<details><summary>Verified Kubernetes snippet</summary>\n\n\`\`\`yaml\n${yaml}\n\`\`\`\n\n</details>`,
    );
    expect(html(md)).toContain('terminationGracePeriodSeconds: 5');
  });
  it('renders a report without deploy checks as before', () => {
    const md = renderMarkdown(reportOf([target([], [check('non-root', 'pass', 'uid 1')])]));
    expect(md).not.toContain('Deploy readiness');
    expect(md).not.toContain('(advisory)');
  });
});
