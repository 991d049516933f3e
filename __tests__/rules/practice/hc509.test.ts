import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC509 must start with FROM', () => {
  it('flags an instruction before the first FROM', () => {
    expect(linesOf('HC509', 'ENV A=1\nFROM alpine:3.20\n')).toEqual([1]);
    expect(findingsOf('HC509', 'ARG X=1\nRUN echo\nFROM alpine:3.20\n')[0]).toMatchObject({
      line: 2,
      severity: 'error',
    });
  });
  it('accepts directives, comments and global ARGs before FROM (look-alike)', () => {
    expect(
      linesOf(
        'HC509',
        df`
      # syntax=docker/dockerfile:1
      # escape=\`
      # a comment
      ARG BASE=alpine:3.20
      FROM \${BASE}
    `,
      ),
    ).toEqual([]);
  });
});
