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
  it('flags HEALTHCHECK with an ARG-only variable on the exact line, not EXPOSE (expanded at build time)', () => {
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
    ).toEqual([5]);
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
  it('real case: EXPOSE ${PORT} from an ARG is not runtime configuration', () => {
    const text = df`
      FROM node:20-alpine
      ARG PORT=3000
      WORKDIR /app
      COPY . .
      RUN npm ci
      EXPOSE \${PORT}
      CMD ["node", "server.js"]
    `;
    expect(linesOf('HC306', text)).toEqual([]);
  });
  it('real case: an ARG copied into ENV under another name is promoted', () => {
    const text = df`
      FROM python:3.12-slim
      ARG APP_PORT=8000
      ENV PORT=\${APP_PORT}
      CMD uvicorn main:app --host 0.0.0.0 --port $PORT
    `;
    expect(linesOf('HC306', text)).toEqual([]);
  });
  it('real case: flags an ARG nothing uses and no build step can read (meant for the app)', () => {
    const text = df`
      ARG UNUSED_GLOBAL=1
      FROM node:20-alpine AS build
      ARG BUILD_ONLY
      RUN npm ci
      FROM node:20-alpine
      WORKDIR /app
      COPY --from=build /app .
      ARG DATABASE_URL
      ARG LOG_LEVEL=info
      CMD ["node", "server.js"]
    `;
    const found = findingsOf('HC306', text);
    // the global one is only visible to FROM lines: a version pin, not app configuration
    expect(found.map((f) => f.line)).toEqual([8, 9]);
    expect(found[1].message).toContain('declare it with ENV LOG_LEVEL=info');
  });
  it('does not flag an unused ARG that a later RUN can read from its environment, or a platform arg', () => {
    const text = df`
      FROM node:20-alpine
      ARG NODE_ENV=production
      ARG TARGETARCH
      RUN npm ci
      CMD ["node", "server.js"]
    `;
    expect(linesOf('HC306', text)).toEqual([]);
    // real case (docker/buildx): an arg BuildKit itself reads
    expect(
      linesOf(
        'HC306',
        'FROM scratch AS binaries-linux\nFROM binaries-$TARGETOS AS binaries\nARG BUILDKIT_SBOM_SCAN_STAGE=true\n',
      ),
    ).toEqual([]);
  });
});
