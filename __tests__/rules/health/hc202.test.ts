import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC202 final HEALTHCHECK is NONE', () => {
  it('notes HEALTHCHECK NONE in the final stage', () => {
    const f = findingsOf('HC202', 'FROM nginx:1.27\nHEALTHCHECK NONE\n');
    expect(f.map((x) => [x.line, x.severity, x.check])).toEqual([[2, 'note', 'healthcheck-defined']]);
  });
  it('notes NONE inherited through FROM <stage>', () => {
    expect(
      linesOf(
        'HC202',
        df`
      FROM nginx:1.27 AS base
      HEALTHCHECK NONE
      FROM base
      EXPOSE 80
    `,
      ),
    ).toEqual([2]);
  });
  it('does not fire when a later HEALTHCHECK replaces NONE', () => {
    expect(
      linesOf(
        'HC202',
        df`
      FROM nginx:1.27 AS base
      HEALTHCHECK NONE
      FROM base
      HEALTHCHECK CMD curl -f http://localhost/ || exit 1
    `,
      ),
    ).toEqual([]);
  });
  it('ignores NONE in a builder stage (multi-stage)', () => {
    expect(
      linesOf(
        'HC202',
        df`
      FROM golang:1.22 AS build
      HEALTHCHECK NONE
      FROM nginx:1.27
      HEALTHCHECK CMD curl -f http://localhost/ || exit 1
    `,
      ),
    ).toEqual([]);
  });
  it('does not fire on a real probe', () => {
    expect(
      linesOf('HC202', 'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n'),
    ).toEqual([]);
  });
});
