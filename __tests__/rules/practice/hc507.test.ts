import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC507 casing', () => {
  it('flags an upper-case stage name and AS cased unlike FROM', () => {
    const f = findingsOf('HC507', 'FROM alpine:3.20 as Build\nFROM alpine:3.20\nCOPY --from=build /a /a\n');
    expect(f.map((x) => x.line)).toEqual([1, 1]);
    expect(f.map((x) => x.message).join(' ')).toMatch(
      /write AS.*Stage name Build|Stage name Build.*write AS/s,
    );
  });
  it('flags instructions cased unlike the majority', () => {
    expect(
      linesOf(
        'HC507',
        df`
      FROM alpine:3.20
      RUN echo a
      copy a /a
      CMD ["sh"]
    `,
      ),
    ).toEqual([3]);
    expect(linesOf('HC507', 'from alpine:3.20\nrun echo a\nCOPY a /a\n')).toEqual([3]);
  });
  it('does not flag a consistently lower-case file with lower-case as (look-alike)', () => {
    expect(linesOf('HC507', 'from alpine:3.20 as build\nrun echo a\n')).toEqual([]);
    expect(linesOf('HC507', 'FROM alpine:3.20 AS build\nRUN echo a\n')).toEqual([]);
  });
  it('flags an upper-case parser directive, and reads files with the backtick escape', () => {
    expect(linesOf('HC507', '# ESCAPE=`\nFROM alpine:3.20\n')).toEqual([1]);
    expect(
      linesOf(
        'HC507',
        df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN echo a \`
          b
    `,
      ),
    ).toEqual([]);
  });
});
