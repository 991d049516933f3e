import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC216 wget --spider with GNU wget', () => {
  it('warns on a Debian-based image with GNU wget and fixes it to a GET', () => {
    const f = findingsOf(
      'HC216',
      'FROM python:3.12\nHEALTHCHECK CMD wget -q --spider http://localhost:8000/health || exit 1\n',
    );
    expect(f.map((x) => [x.line, x.severity, x.check])).toEqual([[2, 'warning', 'healthy']]);
    expect(f[0].message).toContain('HEAD');
    expect(f[0].fix?.text).toBe(
      'HEALTHCHECK CMD wget -q -O /dev/null http://localhost:8000/health || exit 1',
    );
  });
  it('adds -q when missing, and fixes the exec form', () => {
    expect(
      findingsOf('HC216', 'FROM node:20\nHEALTHCHECK CMD wget --spider http://localhost:3000/\n')[0].fix
        ?.text,
    ).toBe('HEALTHCHECK CMD wget -q -O /dev/null http://localhost:3000/');
    expect(
      findingsOf(
        'HC216',
        'FROM node:20\nHEALTHCHECK CMD ["wget", "-q", "--spider", "http://localhost:3000/"]\n',
      )[0].fix?.text,
    ).toBe('HEALTHCHECK CMD ["wget", "-q", "-O", "/dev/null", "http://localhost:3000/"]');
  });
  it('warns when wget is installed with apt-get in the shipped chain', () => {
    expect(
      linesOf(
        'HC216',
        df`
      FROM python:3.12-slim
      RUN apt-get update && apt-get install -y --no-install-recommends wget
      HEALTHCHECK --interval=30s \\
        CMD wget -q --spider http://localhost:8000/health || exit 1
    `,
      ),
    ).toEqual([3]);
  });
  it('does not fire on alpine (BusyBox wget sends GET)', () => {
    expect(
      linesOf(
        'HC216',
        'FROM alpine:3.19\nHEALTHCHECK CMD wget -q --spider http://localhost:8080/ || exit 1\n',
      ),
    ).toEqual([]);
    expect(
      linesOf('HC216', 'FROM node:20-alpine\nHEALTHCHECK CMD wget --spider -q http://localhost:3000/\n'),
    ).toEqual([]);
  });
  it('fires on alpine when GNU wget is installed with apk', () => {
    expect(
      linesOf(
        'HC216',
        'FROM alpine:3.19\nRUN apk add --no-cache wget\nHEALTHCHECK CMD wget -q --spider http://localhost/\n',
      ),
    ).toEqual([3]);
  });
  it('does not fire for wget without --spider, or with an unknown base', () => {
    expect(
      linesOf(
        'HC216',
        'FROM python:3.12\nHEALTHCHECK CMD wget -q -O /dev/null http://localhost:8000/ || exit 1\n',
      ),
    ).toEqual([]);
    expect(
      linesOf('HC216', 'FROM myorg/runtime:1\nHEALTHCHECK CMD wget -q --spider http://localhost/\n'),
    ).toEqual([]);
  });
  it('decides from the shipped chain only (multi-stage, ARG in FROM)', () => {
    expect(
      linesOf(
        'HC216',
        df`
      ARG RUNTIME=alpine:3.19
      FROM debian:bookworm AS build
      RUN apt-get update && apt-get install -y wget
      FROM \${RUNTIME}
      HEALTHCHECK CMD wget -q --spider http://localhost/ || exit 1
    `,
      ),
    ).toEqual([]);
  });
});
