import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { messageText } from '../../src/report/escape.js';

describe('finding messages in markdown', () => {
  it('renders backticked parts as inert code spans', () => {
    const md = messageText(
      'The HEALTHCHECK `wget --spider http://localhost:8080/health || exit 1` is wrong.',
    );
    expect(md).toBe('The HEALTHCHECK `wget --spider http://localhost:8080/health || exit 1` is wrong.');
    const html = marked.parseInline(md) as string;
    expect(html).toContain('<code>wget --spider http://localhost:8080/health || exit 1</code>');
    expect(html).not.toContain('<a ');
  });
  it('keeps hostile text inert inside and outside code spans', () => {
    const md = messageText(
      'Run `</details><img src=x onerror=alert(1)>` for @org/team </details> *x* [a](b)',
    );
    const html = marked.parseInline(md) as string;
    expect(html).not.toMatch(/<img|<\/details>|<em>|<a /);
    expect(md).toContain('@\u200Dorg/team');
  });
  it('masks secrets in either part', () => {
    const md = messageText(
      'ENV `TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB` and ghp_0123456789abcdefghijklmnopqrstuvwxyzAB',
    );
    expect(md).not.toContain('ghp_0123456789abcdefghijklmnopqrstuvwxyzAB');
  });
  it('escapes an unmatched backtick', () => {
    expect(messageText('a ` b')).toBe('a \\` b');
  });
});
