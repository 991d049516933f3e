import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC313 build-time setting made permanent with ENV', () => {
  it('flags ENV DEBIAN_FRONTEND=noninteractive in the shipped stage', () => {
    const [f] = findingsOf(
      'HC313',
      'FROM debian:12-slim\nENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get update\n',
    );
    expect(f).toMatchObject({ line: 2, severity: 'note' });
    expect(f.message).toContain('ARG DEBIAN_FRONTEND=noninteractive');
  });
  it('flags BUILDKIT_* and apt-key settings on their continuation lines', () => {
    expect(
      linesOf(
        'HC313',
        df`
      FROM ubuntu:24.04
      ENV TZ=UTC \\
          APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE=1 \\
          BUILDKIT_PROGRESS=plain
    `,
      ),
    ).toEqual([3, 4]);
  });
  it('does not flag ARG, a RUN prefix, runtime settings, or a builder stage (multi-stage)', () => {
    expect(
      linesOf(
        'HC313',
        df`
      FROM debian:12 AS build
      ENV DEBIAN_FRONTEND=noninteractive
      RUN apt-get update
      FROM debian:12-slim
      ARG DEBIAN_FRONTEND=noninteractive
      RUN DEBIAN_FRONTEND=noninteractive apt-get install -y curl
      ENV PIP_NO_CACHE_DIR=1 PYTHONUNBUFFERED=1 TZ=UTC
    `,
      ),
    ).toEqual([]);
  });
  it('follows FROM <stage>', () => {
    expect(
      linesOf(
        'HC313',
        df`
      FROM debian:12-slim AS base
      ENV DEBIAN_FRONTEND noninteractive
      FROM base
      USER 1000
    `,
      ),
    ).toEqual([2]);
  });
});
