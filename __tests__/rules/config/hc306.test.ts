import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC306 runtime configuration declared only as ARG', () => {
  it('flags CMD shell form using an ARG: empty at run time', () => {
    const [f] = findingsOf(
      'HC306',
      df`
      FROM python:3.12-slim
      ARG PORT=8000
      CMD uvicorn app:app --host 0.0.0.0 --port $PORT
    `,
    );
    expect(f).toMatchObject({ line: 3, severity: 'warning', check: 'env-override' });
    expect(f.message).toContain('empty when the container runs');
    expect(f.message).toContain('ENV PORT=${PORT}');
  });
  it('explains that exec form passes the literal text', () => {
    const [f] = findingsOf(
      'HC306',
      'FROM node:20-slim\nARG PORT=3000\nENTRYPOINT ["node", "server.js", "--port", "$PORT"]\n',
    );
    expect(f.line).toBe(3);
    expect(f.message).toContain('literal text $PORT');
  });
  it('flags EXPOSE and HEALTHCHECK with an ARG-only variable, on the exact line', () => {
    expect(
      linesOf(
        'HC306',
        df`
      FROM nginx:1.27-alpine
      ARG HTTP_PORT=8080
      EXPOSE \${HTTP_PORT}
      HEALTHCHECK --interval=30s \\
        CMD wget -qO- http://127.0.0.1:\${HTTP_PORT}/ || exit 1
    `,
      ),
    ).toEqual([3, 5]);
  });
  it('is silent once the ARG is promoted to ENV', () => {
    expect(
      linesOf(
        'HC306',
        df`
      FROM python:3.12-slim
      ARG PORT=8000
      ENV PORT=\${PORT}
      EXPOSE \${PORT}
      CMD uvicorn app:app --port $PORT
    `,
      ),
    ).toEqual([]);
  });
  it('ignores shell variables that are not ARGs and builder stages (multi-stage)', () => {
    expect(
      linesOf(
        'HC306',
        df`
      FROM golang:1.22 AS build
      ARG TARGETARCH
      CMD echo $TARGETARCH
      FROM alpine:3.19
      COPY --from=build /out/app /app
      CMD ["/bin/sh", "-c", "exec /app --home $HOME"]
    `,
      ),
    ).toEqual([]);
  });
  it('counts an ENV set in the parent stage of the chain as promoted', () => {
    expect(
      linesOf(
        'HC306',
        df`
      FROM node:20-slim AS base
      ENV PORT=3000
      FROM base
      ARG PORT
      CMD node server.js --port $PORT
    `,
      ),
    ).toEqual([]);
  });
});
