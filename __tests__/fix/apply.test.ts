// src/fix/apply.ts: only the fixed lines change, every other byte is kept (BOM, CRLF, a
// missing final newline, mixed endings); overlapping fixes are skipped; bottom-up order.
import { describe, expect, it } from 'vitest';
import { applyFixes, detectEol } from '../../src/fix/apply.js';
import type { Fix } from '../../src/report/types.js';

const fix = (startLine: number, endLine: number, text: string, remove = false): Fix => ({
  startLine,
  endLine,
  text,
  remove,
  description: 'test',
});

describe('applyFixes', () => {
  it('replaces lines bottom-up so earlier fixes keep their line numbers', () => {
    const r = applyFixes('a\nb\nc\nd\n', [fix(1, 1, 'A'), fix(3, 4, 'C'), fix(2, 2, '', true)]);
    expect(r.text).toBe('A\nC\n');
    expect(r.applied).toHaveLength(3);
  });

  it('keeps CRLF, a BOM and a missing final newline', () => {
    expect(applyFixes('\ufeffa\r\nb\r\nc', [fix(1, 1, 'X'), fix(3, 3, 'Z')]).text).toBe('\ufeffX\r\nb\r\nZ');
  });

  it('writes the file line ending between the lines of a multi-line replacement', () => {
    expect(applyFixes('a\r\nb\r\n', [fix(1, 1, 'x\ny')]).text).toBe('x\r\ny\r\nb\r\n');
  });

  it('keeps each line its own terminator in a mixed file', () => {
    expect(applyFixes('a\nb\r\nc\n', [fix(2, 2, 'B')]).text).toBe('a\nB\r\nc\n');
  });

  it('removes the last line of a file without a final newline', () => {
    expect(applyFixes('a\nb', [fix(2, 2, '', true)]).text).toBe('a\n');
  });

  it('skips a fix that overlaps one already taken, and out-of-range or no-op fixes', () => {
    const first = fix(2, 3, 'X');
    const r = applyFixes('a\nb\nc\nd\n', [first, fix(3, 3, 'Y'), fix(9, 9, 'Z'), fix(1, 1, 'a')]);
    expect(r.text).toBe('a\nX\nd\n');
    expect(r.applied).toEqual([first]);
    expect(r.skipped).toHaveLength(3);
  });

  it('is idempotent: the same fixes again change nothing', () => {
    const fixes = [fix(1, 1, 'USER 10001'), fix(3, 3, 'COPY a /a')];
    const once = applyFixes('USER app\r\n# keep\r\nADD a /a\r\n', fixes).text;
    expect(once).toBe('USER 10001\r\n# keep\r\nCOPY a /a\r\n');
    expect(applyFixes(once, fixes).text).toBe(once);
  });

  it('detects the dominant line ending', () => {
    expect(detectEol('a\r\nb\r\nc\n')).toBe('\r\n');
    expect(detectEol('a\nb\n')).toBe('\n');
    expect(detectEol('a')).toBe('\n');
    expect(detectEol('a\rb\r')).toBe('\r');
  });
});
