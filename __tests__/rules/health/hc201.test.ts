import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC201 final image has no HEALTHCHECK', () => {
  it('flags a service image without HEALTHCHECK, on the shipped FROM line', () => {
    const f = findingsOf(
      'HC201',
      df`
      FROM python:3.12-slim
      COPY . /app
      EXPOSE 8000
      CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
    `,
    );
    expect(f.map((x) => [x.line, x.severity])).toEqual([[1, 'warning']]);
    expect(f[0].check).toBe('healthcheck-defined');
    expect(f[0].message).toContain('http://localhost:8000/health');
  });
  it('is satisfied by a HEALTHCHECK in the final stage', () => {
    expect(
      linesOf('HC201', 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n'),
    ).toEqual([]);
  });
  it('does not count a builder stage HEALTHCHECK (multi-stage)', () => {
    expect(
      linesOf(
        'HC201',
        df`
      FROM golang:1.22 AS build
      HEALTHCHECK CMD ["true"]
      RUN go build -o /app .
      FROM gcr.io/distroless/static-debian12:nonroot
      COPY --from=build /app /app
      EXPOSE 8080
      ENTRYPOINT ["/app"]
    `,
      ),
    ).toEqual([4]);
  });
  it('counts a HEALTHCHECK inherited through FROM <stage>', () => {
    expect(
      linesOf(
        'HC201',
        df`
      FROM node:20-alpine AS base
      HEALTHCHECK CMD wget -q -O /dev/null http://localhost:3000/health || exit 1
      FROM base AS prod
      EXPOSE 3000
      CMD ["node", "server.js"]
    `,
      ),
    ).toEqual([]);
  });
  it('leaves HEALTHCHECK NONE to HC202 instead of passing or failing silently', () => {
    const text = 'FROM nginx:1.27\nHEALTHCHECK NONE\n';
    expect(linesOf('HC201', text)).toEqual([]);
    expect(linesOf('HC202', text)).toEqual([2]);
  });
  it('is a note for a one-shot / CLI image (no EXPOSE, no server)', () => {
    const f = findingsOf(
      'HC201',
      df`
      FROM alpine:3.19
      RUN apk add --no-cache jq
      ENTRYPOINT ["jq"]
    `,
    );
    expect(f.map((x) => [x.line, x.severity])).toEqual([[1, 'note']]);
  });
  it('treats a server command or a server base image as a service', () => {
    expect(findingsOf('HC201', 'FROM python:3.12-slim\nCMD gunicorn -b :8000 app:app\n')[0].severity).toBe(
      'warning',
    );
    expect(findingsOf('HC201', 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n')[0].severity).toBe(
      'warning',
    );
  });
  it('sees an EXPOSE given through an ARG in FROM and in the port', () => {
    expect(
      findingsOf(
        'HC201',
        df`
      ARG BASE=python:3.12-slim
      FROM \${BASE}
      ARG PORT=8000
      EXPOSE \${PORT}
    `,
      ).map((x) => [x.line, x.severity]),
    ).toEqual([[2, 'warning']]);
  });
  it('evaluates the --target stage', () => {
    const text = df`
      FROM nginx:1.27 AS web
      HEALTHCHECK CMD curl -f http://localhost/ || exit 1
      FROM alpine:3.19 AS tools
      ENTRYPOINT ["sh"]
    `;
    expect(linesOf('HC201', text, { target: 'web' })).toEqual([]);
    expect(linesOf('HC201', text)).toEqual([3]);
  });
  it('works with the backtick escape directive', () => {
    expect(
      linesOf(
        'HC201',
        df`
      # escape=\`
      FROM nginx:1.27
      HEALTHCHECK --interval=30s \`
        CMD curl -f http://localhost/ || exit 1
    `,
      ),
    ).toEqual([]);
  });
  it('honours an inline ignore', () => {
    expect(
      linesOf('HC201', 'ARG V=1.27\n# harden-check ignore=HC201 -- kubernetes probes\nFROM nginx:${V}\n'),
    ).toEqual([]);
  });
});
