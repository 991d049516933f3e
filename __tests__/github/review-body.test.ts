// The text of a review comment: the marker, the message, and the fix as a ```suggestion
// block that shows the replacement exactly and cannot be broken out of.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import {
  findingFingerprint,
  parseReviewMarker,
  renderReviewComment,
  renderSuggestion,
  reviewMarker,
} from '../../src/github/review-body.js';
import type { Finding } from '../../src/report/types.js';
import { SECRET } from '../report/sample-report.js';

/** The code blocks marked (CommonMark/GFM) finds in a body, with their info string. */
function codeBlocks(md: string): { lang: string; text: string }[] {
  return marked
    .lexer(md, { gfm: true })
    .filter((t) => t.type === 'code')
    .map((t) => ({ lang: (t as { lang?: string }).lang ?? '', text: (t as { text: string }).text }));
}

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'HC413',
  severity: 'warning',
  file: 'Dockerfile',
  line: 4,
  message: 'ADD copies only local files here: use `COPY`.',
  fix: { startLine: 4, endLine: 4, text: 'COPY app.py /app/', description: 'Replace ADD with COPY' },
  ...over,
});

describe('renderSuggestion', () => {
  it('a one-line replacement', () => {
    const s = renderSuggestion({ text: 'COPY app.py /app/' })!;
    expect(s).toBe('```suggestion\nCOPY app.py /app/\n```');
    expect(codeBlocks(s)).toEqual([{ lang: 'suggestion', text: 'COPY app.py /app/' }]);
  });

  it('remove: an empty suggestion (deletes the lines); an empty text without remove keeps one empty line', () => {
    expect(renderSuggestion({ text: '', remove: true })).toBe('```suggestion\n```');
    expect(renderSuggestion({ text: '' })).toBe('```suggestion\n\n```');
  });

  it('text with backtick runs (the escape directive, a fence) cannot close the block', () => {
    const hostile = [
      '# escape=`',
      'RUN echo hi `',
      '    && echo ```',
      '```',
      '</details> @octocat #1 <!-- x --> [a](javascript:alert(1))',
      '````suggestion',
      'RUN rm -rf /',
    ].join('\n');
    const s = renderSuggestion({ text: hostile })!;
    expect(s.startsWith('`````suggestion\n')).toBe(true);
    expect(s.endsWith('\n`````')).toBe(true);
    // A markdown parser sees one suggestion block holding the text exactly, and nothing else.
    const md = `before\n\n${s}\n\nafter`;
    expect(codeBlocks(md)).toEqual([{ lang: 'suggestion', text: hostile }]);
    // Inside the block nothing is neutralized: the replacement goes into the file as is.
    expect(s).toContain('@octocat #1');
  });

  it('CRLF and lone CR become line breaks: the suggestion replaces whole lines', () => {
    const s = renderSuggestion({ text: 'RUN a \\\r\n    && b\rCMD ["x"]' })!;
    expect(s).toBe('```suggestion\nRUN a \\\n    && b\nCMD ["x"]\n```');
    expect(codeBlocks(s)[0].text.split('\n')).toHaveLength(3);
  });

  it('no suggestion when it could not be shown exactly: control characters, bidi overrides, a secret, too long', () => {
    expect(renderSuggestion({ text: 'RUN echo \u0007' })).toBeNull();
    expect(renderSuggestion({ text: 'RUN echo \u202Eevil' })).toBeNull();
    expect(renderSuggestion({ text: `ENV TOKEN=${SECRET}` })).toBeNull();
    expect(renderSuggestion({ text: 'ENV X=literal-value' }, ['literal-value'])).toBeNull();
    expect(renderSuggestion({ text: `RUN ${'x'.repeat(30_000)}` })).toBeNull();
    expect(renderSuggestion({ text: 'RUN\ttabs are fine' })).toBe('```suggestion\nRUN\ttabs are fine\n```');
  });
});

describe('renderReviewComment', () => {
  it('starts with the marker, names rule and message, carries the suggestion', () => {
    const fp = findingFingerprint(finding(), 'Dockerfile', 'ADD app.py /app/', 1);
    const { body, suggested } = renderReviewComment(finding(), 'Dockerfile', fp, { suggest: true });
    expect(suggested).toBe(true);
    expect(body.startsWith(reviewMarker('Dockerfile', fp))).toBe(true);
    expect(parseReviewMarker(body)).toEqual({ tag: 'Dockerfile', fingerprint: fp });
    expect(body).toContain('[HC413](');
    expect(body).toContain('`COPY`');
    expect(codeBlocks(body)).toEqual([{ lang: 'suggestion', text: 'COPY app.py /app/' }]);
  });

  it('without a placeable range the fix is described, not suggested', () => {
    const { body, suggested } = renderReviewComment(finding(), 'Dockerfile', 'a'.repeat(24) + '-1', {
      suggest: false,
    });
    expect(suggested).toBe(false);
    expect(codeBlocks(body)).toEqual([]);
    expect(body).toContain('Replace ADD with COPY (line 4)');
  });

  it('a hostile message is escaped and redacted; its secret appears nowhere', () => {
    const f = finding({
      message: `</details><img src=x> @team ${SECRET} [x](http://evil) \`code\``,
      fix: { startLine: 4, endLine: 4, text: `ENV T=${SECRET}`, description: 'x' },
    });
    const { body, suggested } = renderReviewComment(f, 'Dockerfile', 'b'.repeat(24) + '-1', {
      suggest: true,
    });
    expect(suggested).toBe(false);
    expect(body).not.toContain(SECRET);
    expect(body).not.toContain('</details>');
    expect(body).not.toContain('<img');
    expect(body).not.toMatch(/@team/);
  });
});

describe('markers and fingerprints', () => {
  it('tags with colons round-trip; foreign or malformed markers are not ours', () => {
    const fp = 'c'.repeat(24) + '-2';
    expect(parseReviewMarker(`${reviewMarker('svc:api/Dockerfile', fp)}\ntext`)).toEqual({
      tag: 'svc:api/Dockerfile',
      fingerprint: fp,
    });
    expect(parseReviewMarker('<!-- harden-check:Dockerfile -->')).toBeNull();
    expect(parseReviewMarker('<!-- harden-check-review:Dockerfile:nothex -->')).toBeNull();
    expect(parseReviewMarker('hello <!-- harden-check-review:Dockerfile:' + fp + ' -->')).toBeNull();
    expect(parseReviewMarker(null)).toBeNull();
  });

  it('stable across whitespace and moved line numbers; changes with rule, path, line content or message', () => {
    const f = finding({ message: 'CMD is in shell form (see line 12): use exec form' });
    const fp = findingFingerprint(f, 'Dockerfile', 'CMD  python app.py', 1);
    expect(
      findingFingerprint(
        { ...f, message: 'CMD is in shell form (see line 14): use exec form' },
        'Dockerfile',
        '  CMD python app.py ',
        1,
      ),
    ).toBe(fp);
    expect(findingFingerprint({ ...f, ruleId: 'HC212' }, 'Dockerfile', 'CMD python app.py', 1)).not.toBe(fp);
    expect(findingFingerprint(f, 'api/Dockerfile', 'CMD python app.py', 1)).not.toBe(fp);
    expect(findingFingerprint(f, 'Dockerfile', 'CMD python main.py', 1)).not.toBe(fp);
    expect(findingFingerprint({ ...f, message: 'other' }, 'Dockerfile', 'CMD python app.py', 1)).not.toBe(fp);
    expect(findingFingerprint(f, 'Dockerfile', 'CMD python app.py', 2)).not.toBe(fp);
    expect(fp).toMatch(/^[0-9a-f]{24}-1$/);
  });
});
