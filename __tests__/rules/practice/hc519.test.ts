import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC519 consecutive RUN', () => {
  it('flags a run of consecutive RUNs once, at the second', () => {
    const text = df`
      FROM debian:12
      RUN apt-get update
      # comment between
      RUN apt-get install -y curl
      RUN rm -rf /var/lib/apt/lists/*
      USER 1000
    `;
    expect(linesOf('HC519', text)).toEqual([4]);
    expect(findingsOf('HC519', text)[0].message).toMatch(/3 consecutive RUN instructions \(lines 2–5\)/);
  });
  it('does not flag RUNs separated by other instructions, with --mount, or with heredocs (look-alikes)', () => {
    expect(
      linesOf(
        'HC519',
        df`
      FROM debian:12
      RUN a
      ENV X=1
      RUN b
      RUN --mount=type=cache,target=/root/.cache make
      RUN <<EOF
      c
      EOF
      RUN d
      RUN ["/bin/busybox", "--install", "-s", "/bin"]
      RUN mkdir -p /www
    `,
      ),
    ).toEqual([]);
  });
  it('only reports stages that ship (multi-stage)', () => {
    expect(
      linesOf('HC519', 'FROM debian:12 AS build\nRUN a\nRUN b\nFROM scratch\nCOPY --from=build /x /x\n'),
    ).toEqual([]);
    expect(linesOf('HC519', 'FROM debian:12 AS base\nRUN a\nRUN b\nFROM base\n')).toEqual([3]);
  });
});
