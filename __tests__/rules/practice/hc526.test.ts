import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC526 suppression hygiene', () => {
  it('flags an ignore without a reason', () => {
    const f = findingsOf('HC526', 'FROM alpine:3.20\n# harden-check ignore=HC101\nUSER root\n');
    expect(f.map((x) => x.line)).toEqual([2]);
    expect(f[0].message).toMatch(/gives no reason/);
  });
  it('flags unknown rule ids (other tools ids, typos)', () => {
    const f = findingsOf(
      'HC526',
      'FROM alpine:3.20\n# harden-check ignore=HC999,DL3008 -- reason\nUSER root\n',
    );
    expect(f[0].message).toMatch(/unknown rule ids HC999, DL3008/);
  });
  it('flags a stage ignore without a reason, and an ignore that covers nothing', () => {
    expect(
      linesOf(
        'HC526',
        df`
      FROM alpine:3.20
      # harden-check stage ignore=HC101
      USER root
      RUN echo

      CMD ["sh"]
      # harden-check ignore=HC101 -- trailing
    `,
      ),
    ).toEqual([2, 7]);
  });
  it('accepts a well-formed suppression (look-alike)', () => {
    expect(
      linesOf(
        'HC526',
        df`
      FROM alpine:3.20
      # harden-check ignore=HC101 -- debug image, never deployed
      USER root
      # harden-check global ignore=HC501 -- pinned by the CI base-image policy
    `,
      ),
    ).toEqual([]);
  });
});
