import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC203 more than one HEALTHCHECK in a stage', () => {
  it('warns on the earlier, ignored HEALTHCHECK with a removal fix', () => {
    const f = findingsOf(
      'HC203',
      df`
      FROM nginx:1.27
      HEALTHCHECK --interval=10s \\
        CMD curl -f http://localhost/ || exit 1
      HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
    `,
    );
    expect(f.map((x) => [x.line, x.endLine, x.severity])).toEqual([[2, 3, 'warning']]);
    expect(f[0].message).toContain('line 4');
    expect(f[0].fix).toMatchObject({ startLine: 2, endLine: 3, remove: true });
  });
  it('flags every earlier one', () => {
    expect(
      linesOf('HC203', 'FROM nginx:1.27\nHEALTHCHECK NONE\nHEALTHCHECK CMD true\nHEALTHCHECK CMD false\n'),
    ).toEqual([2, 3]);
  });
  it('does not flag one HEALTHCHECK per stage, or an override through FROM <stage>', () => {
    expect(
      linesOf(
        'HC203',
        df`
      FROM nginx:1.27 AS base
      HEALTHCHECK CMD true
      FROM base
      HEALTHCHECK CMD curl -f http://localhost/ || exit 1
      FROM alpine:3.19 AS other
      HEALTHCHECK NONE
    `,
      ),
    ).toEqual([]);
  });
  it('counts per stage, also in builder stages', () => {
    expect(
      linesOf(
        'HC203',
        df`
      FROM alpine:3.19 AS build
      HEALTHCHECK CMD true
      HEALTHCHECK CMD false
      FROM nginx:1.27
    `,
      ),
    ).toEqual([2]);
  });
  it('does not count ONBUILD HEALTHCHECK', () => {
    expect(linesOf('HC203', 'FROM nginx:1.27\nONBUILD HEALTHCHECK CMD true\nHEALTHCHECK CMD true\n')).toEqual(
      [],
    );
  });
});
