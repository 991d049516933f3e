import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC305 secret build argument used by a shipped RUN', () => {
  it('flags a secret ARG consumed by a final-stage RUN, on the line that uses it', () => {
    const [f] = findingsOf(
      'HC305',
      df`
      FROM node:20-slim
      ARG NPM_TOKEN
      RUN npm ci \\
       && curl -H "Authorization: Bearer \${NPM_TOKEN}" https://example.com/x
      USER node
    `,
    );
    expect(f).toMatchObject({ line: 4, severity: 'error', check: 'no-secrets' });
    expect(f.message).toContain('ARG on line 2');
    expect(f.message).toContain('--mount=type=secret,id=npm_token,env=NPM_TOKEN');
  });
  it('does not flag a secret ARG that is declared but never used (docker/cli#2473)', () => {
    expect(linesOf('HC305', 'FROM alpine:3.19\nARG GITHUB_TOKEN\nRUN echo hello\n')).toEqual([]);
  });
  it('does not flag an ARG used only in a builder stage (multi-stage)', () => {
    expect(
      linesOf(
        'HC305',
        df`
      FROM node:20 AS build
      ARG NPM_TOKEN
      RUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci
      FROM gcr.io/distroless/nodejs20-debian12:nonroot
      COPY --from=build /app /app
    `,
      ),
    ).toEqual([]);
  });
  it('follows FROM <stage> and a global ARG redeclared in the stage', () => {
    expect(
      linesOf(
        'HC305',
        df`
      ARG API_KEY
      FROM alpine:3.19 AS base
      ARG API_KEY
      RUN wget --header "X-Key: $API_KEY" https://example.com/data
      FROM base
      USER 1000
    `,
      ),
    ).toEqual([4]);
  });
  it('finds the use inside a RUN heredoc', () => {
    expect(
      linesOf(
        'HC305',
        df`
      FROM alpine:3.19
      ARG DEPLOY_TOKEN
      RUN <<EOF
      set -e
      curl -fsS -H "Private-Token: $DEPLOY_TOKEN" https://gitlab.example.com/api
      EOF
    `,
      ),
    ).toEqual([5]);
  });
  it('does not flag non-secret ARGs, ENV values, or a secret mounted as env', () => {
    expect(
      linesOf(
        'HC305',
        df`
      FROM alpine:3.19
      ARG APP_VERSION TOKEN_URL
      ENV API_TOKEN_FILE=/run/secrets/api
      ARG NPM_TOKEN
      RUN echo $APP_VERSION $TOKEN_URL $API_TOKEN_FILE
      RUN --mount=type=secret,id=npm,env=NPM_TOKEN npm ci --token "$NPM_TOKEN"
      RUN apk add --no-cache libcrypto3=3.1.4-r1
    `,
      ),
    ).toEqual([]);
  });
  it('sees the second name of a multi-name ARG', () => {
    expect(linesOf('HC305', 'FROM alpine:3.19\nARG VERSION DB_PASS\nRUN echo $DB_PASS | app init\n')).toEqual(
      [3],
    );
  });
});
