import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC214 more than one ENTRYPOINT in a stage', () => {
  it('errors on the earlier ENTRYPOINT', () => {
    const f = findingsOf('HC214', 'FROM alpine:3.19\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n');
    expect(f.map((x) => [x.line, x.severity])).toEqual([[2, 'error']]);
    expect(f[0].fix).toMatchObject({ startLine: 2, endLine: 2, remove: true });
  });
  it('does not flag one ENTRYPOINT per stage, or an override through FROM <stage>', () => {
    expect(
      linesOf(
        'HC214',
        df`
      FROM alpine:3.19 AS base
      ENTRYPOINT ["a"]
      FROM base
      ENTRYPOINT ["b"]
      CMD ["c"]
    `,
      ),
    ).toEqual([]);
  });
  it('counts every stage (multi-stage)', () => {
    expect(
      linesOf(
        'HC214',
        df`
      FROM alpine:3.19 AS build
      ENTRYPOINT ["a"]
      ENTRYPOINT ["b"]
      FROM alpine:3.19
      ENTRYPOINT ["c"]
    `,
      ),
    ).toEqual([2]);
  });
});
