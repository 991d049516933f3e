import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC213 more than one CMD in a stage', () => {
  it('warns on every earlier CMD with a removal fix', () => {
    const f = findingsOf('HC213', 'FROM alpine:3.19\nCMD ["a"]\nCMD ["b"]\nCMD ["c"]\n');
    expect(f.map((x) => [x.line, x.severity])).toEqual([
      [2, 'warning'],
      [3, 'warning'],
    ]);
    expect(f[0].fix).toMatchObject({ startLine: 2, endLine: 2, remove: true });
    expect(f[0].message).toContain('line 4');
  });
  it('does not flag one CMD per stage, or an override through FROM <stage>', () => {
    expect(
      linesOf(
        'HC213',
        df`
      FROM alpine:3.19 AS base
      CMD ["a"]
      FROM base
      CMD ["b"]
    `,
      ),
    ).toEqual([]);
  });
  it('counts builder stages too, and keeps continuation lines', () => {
    expect(
      findingsOf(
        'HC213',
        df`
      FROM alpine:3.19 AS build
      CMD echo one \\
        two
      CMD ["b"]
      FROM alpine:3.19
    `,
      ).map((x) => [x.line, x.endLine]),
    ).toEqual([[2, 3]]);
  });
  it('ignores ONBUILD CMD', () => {
    expect(linesOf('HC213', 'FROM alpine:3.19\nONBUILD CMD ["a"]\nCMD ["b"]\n')).toEqual([]);
  });
});
