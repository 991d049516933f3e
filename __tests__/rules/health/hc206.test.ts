import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC206 HEALTHCHECK probe binary not in the final image', () => {
  it.each([
    'python:3.12-slim',
    'node:20-alpine',
    'debian:bookworm-slim',
    'ubuntu:24.04',
    'gcr.io/distroless/static-debian12:nonroot',
    'scratch',
  ])('flags curl on %s', (base) => {
    const f = findingsOf('HC206', `FROM ${base}\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\n`);
    expect(f.map((x) => [x.line, x.severity, x.check])).toEqual([[2, 'warning', 'healthy']]);
    expect(f[0].message).toContain('curl');
  });
  it('flags curl in exec form on node slim and suggests BusyBox wget on alpine', () => {
    expect(
      linesOf('HC206', 'FROM node:20-slim\nHEALTHCHECK CMD ["curl", "-f", "http://localhost:3000/"]\n'),
    ).toEqual([2]);
    expect(
      findingsOf('HC206', 'FROM node:20-alpine\nHEALTHCHECK CMD curl -f http://localhost:3000/\n')[0].message,
    ).toContain('wget -q -O /dev/null');
  });
  it('does not flag curl on the full python:3.12 image (buildpack-deps has curl)', () => {
    expect(
      linesOf('HC206', 'FROM python:3.12\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\n'),
    ).toEqual([]);
  });
  it('does not flag curl installed in the final stage', () => {
    expect(
      linesOf(
        'HC206',
        df`
      FROM python:3.12-slim
      RUN apt-get update && apt-get install -y --no-install-recommends curl \\
       && rm -rf /var/lib/apt/lists/*
      HEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1
    `,
      ),
    ).toEqual([]);
    expect(
      linesOf(
        'HC206',
        'FROM alpine:3.19\nRUN apk add --no-cache curl\nHEALTHCHECK CMD curl -f http://localhost/\n',
      ),
    ).toEqual([]);
  });
  it('does not flag curl installed in a heredoc RUN', () => {
    expect(
      linesOf(
        'HC206',
        df`
      FROM debian:bookworm-slim
      RUN <<EOF
      apt-get update
      apt-get install -y curl
      EOF
      HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
    `,
      ),
    ).toEqual([]);
  });
  it('does not flag a curl binary copied in', () => {
    expect(
      linesOf(
        'HC206',
        df`
      FROM gcr.io/distroless/static-debian12:nonroot
      COPY --from=curlimages/curl:8.8.0 /usr/bin/curl /usr/bin/curl
      HEALTHCHECK CMD ["/usr/bin/curl", "-f", "http://localhost:8080/"]
    `,
      ),
    ).toEqual([]);
  });
  it('still flags curl installed only in a builder stage (multi-stage)', () => {
    expect(
      linesOf(
        'HC206',
        df`
      FROM python:3.12-slim AS build
      RUN apt-get update && apt-get install -y curl
      FROM python:3.12-slim
      HEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1
    `,
      ),
    ).toEqual([4]);
  });
  it('counts installs inherited through FROM <stage> and a base given by ARG', () => {
    expect(
      linesOf(
        'HC206',
        df`
      ARG BASE=python:3.12-slim
      FROM \${BASE} AS base
      RUN apt-get update && apt-get install -y curl
      FROM base
      HEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1
    `,
      ),
    ).toEqual([]);
  });
  it('does not flag wget on alpine (BusyBox) but flags it on slim', () => {
    expect(
      linesOf(
        'HC206',
        'FROM alpine:3.19\nHEALTHCHECK CMD wget -q -O /dev/null http://localhost/ || exit 1\n',
      ),
    ).toEqual([]);
    expect(
      linesOf(
        'HC206',
        'FROM python:3.12-slim\nHEALTHCHECK CMD wget -q -O /dev/null http://localhost/ || exit 1\n',
      ),
    ).toEqual([2]);
  });
  it('flags nc on debian slim, not on alpine', () => {
    expect(linesOf('HC206', 'FROM debian:bookworm-slim\nHEALTHCHECK CMD nc -z localhost 5432\n')).toEqual([
      2,
    ]);
    expect(linesOf('HC206', 'FROM alpine:3.19\nHEALTHCHECK CMD nc -z localhost 5432\n')).toEqual([]);
  });
  it('is silent when one of several alternative probes exists', () => {
    expect(
      linesOf(
        'HC206',
        'FROM alpine:3.19\nHEALTHCHECK CMD curl -f http://localhost/ || wget -q -O /dev/null http://localhost/\n',
      ),
    ).toEqual([]);
  });
  it('is silent for an unknown base, an unresolved ARG base, or a non-probe command', () => {
    expect(linesOf('HC206', 'FROM myorg/base:1\nHEALTHCHECK CMD curl -f http://localhost/\n')).toEqual([]);
    expect(linesOf('HC206', 'ARG BASE\nFROM ${BASE}\nHEALTHCHECK CMD curl -f http://localhost/\n')).toEqual(
      [],
    );
    expect(
      linesOf(
        'HC206',
        'FROM python:3.12-slim\nHEALTHCHECK CMD python -c "import urllib.request as u; u.urlopen(\'http://localhost:8000/\')"\n',
      ),
    ).toEqual([]);
  });
});
