import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC204 HEALTHCHECK in shell form', () => {
  it('warns on a shell-form HEALTHCHECK and offers the exec form without || exit 1', () => {
    const f = findingsOf(
      'HC204',
      df`
      FROM python:3.12
      HEALTHCHECK --interval=30s --timeout=5s CMD curl -f http://localhost:8000/health || exit 1
    `,
    );
    expect(f.map((x) => [x.line, x.severity, x.check])).toEqual([[2, 'warning', 'healthy']]);
    expect(f[0].fix?.text).toBe(
      'HEALTHCHECK --interval=30s --timeout=5s CMD ["curl", "-f", "http://localhost:8000/health"]',
    );
  });
  it('is an error on a shell-less base (distroless, scratch, chiseled, chainguard)', () => {
    for (const base of [
      'gcr.io/distroless/static-debian12:nonroot',
      'scratch',
      'mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled',
      'cgr.dev/chainguard/static:latest',
    ]) {
      const f = findingsOf('HC204', `FROM ${base}\nCOPY app /app\nHEALTHCHECK CMD /app healthcheck\n`);
      expect(f.map((x) => [x.line, x.severity])).toEqual([[3, 'error']]);
    }
  });
  it('stays a warning on distroless :debug and when a shell is copied in', () => {
    expect(
      findingsOf('HC204', 'FROM gcr.io/distroless/base-debian12:debug\nHEALTHCHECK CMD /app health\n')[0]
        .severity,
    ).toBe('warning');
    expect(
      findingsOf(
        'HC204',
        df`
      FROM gcr.io/distroless/static-debian12
      COPY --from=busybox:1.36-musl /bin/busybox /bin/busybox
      HEALTHCHECK CMD /bin/busybox wget -q -O /dev/null http://localhost:8080/ || exit 1
    `,
      )[0].severity,
    ).toBe('warning');
    expect(
      findingsOf(
        'HC204',
        df`
      FROM scratch
      COPY --from=build /bin/sh /bin/sh
      HEALTHCHECK CMD /app health
    `,
      )[0].severity,
    ).toBe('warning');
  });
  it('decides the shell from the base of the shipped chain (FROM <stage>, ARG in FROM)', () => {
    expect(
      findingsOf(
        'HC204',
        df`
      ARG RUNTIME=gcr.io/distroless/static-debian12:nonroot
      FROM golang:1.22 AS build
      RUN go build -o /app .
      FROM \${RUNTIME} AS base
      COPY --from=build /app /app
      FROM base
      HEALTHCHECK CMD /app -health
    `,
      ).map((x) => [x.line, x.severity]),
    ).toEqual([[7, 'error']]);
  });
  it('does not flag the exec form', () => {
    expect(
      linesOf('HC204', 'FROM python:3.12\nHEALTHCHECK CMD ["curl", "-f", "http://localhost:8000/health"]\n'),
    ).toEqual([]);
  });
  it('does not flag a builder stage shell-form HEALTHCHECK', () => {
    expect(
      linesOf(
        'HC204',
        df`
      FROM alpine:3.19 AS build
      HEALTHCHECK CMD true
      FROM alpine:3.19
      HEALTHCHECK CMD ["true"]
    `,
      ),
    ).toEqual([]);
  });
  it('gives no fix for shell logic or a multi-line instruction (escape directive too)', () => {
    const f = findingsOf(
      'HC204',
      'FROM alpine:3.19\nHEALTHCHECK CMD wget -qO- http://localhost/ | grep ok\n',
    );
    expect(f[0].fix).toBeUndefined();
    const g = findingsOf(
      'HC204',
      df`
      # escape=\`
      FROM alpine:3.19
      HEALTHCHECK --interval=5s \`
        CMD wget -q -O /dev/null http://localhost/
    `,
    );
    expect(g.map((x) => [x.line, x.endLine])).toEqual([[3, 4]]);
    expect(g[0].fix).toBeUndefined();
  });
  it('does not flag HEALTHCHECK NONE', () => {
    expect(linesOf('HC204', 'FROM scratch\nHEALTHCHECK NONE\n')).toEqual([]);
  });
});
