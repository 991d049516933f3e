import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC504 FROM --platform', () => {
  it('flags a constant platform', () => {
    expect(linesOf('HC504', 'FROM --platform=linux/amd64 debian:12\n')).toEqual([1]);
  });
  it('flags the redundant $TARGETPLATFORM', () => {
    expect(linesOf('HC504', 'FROM --platform=$TARGETPLATFORM debian:12\n')).toEqual([1]);
    expect(findingsOf('HC504', 'FROM --platform=${TARGETPLATFORM} debian:12\n')[0].message).toMatch(
      /redundant/,
    );
  });
  it('accepts $BUILDPLATFORM, other variables, and stages named for their platform (look-alikes)', () => {
    expect(
      linesOf(
        'HC504',
        df`
      FROM --platform=$BUILDPLATFORM golang:1.22 AS build
      ARG PLATFORM=linux/arm64
      FROM --platform=\${PLATFORM} debian:12 AS x
      FROM --platform=linux/arm64 debian:12 AS build-arm64
      FROM debian:12
    `,
      ),
    ).toEqual([]);
  });
});
