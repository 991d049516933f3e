import { describe, expect, it } from 'vitest';
import { audit, df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC301 ARG/ENV name indicates a secret', () => {
  it.each([
    'DB_PASS',
    'APIKEY',
    'AWS_ACCESS_KEY_ID',
    'MYSQL_ROOT_PASSWORD',
    'GITHUB_TOKEN',
    'NPM_TOKEN',
    'aws_secret_access_key',
    'stripeApiKey',
  ])('flags ARG %s passed as --build-arg, as a warning that points to secret mounts', (name) => {
    const [f, ...rest] = findingsOf('HC301', `FROM alpine:3.19\nARG ${name}\nUSER 1000\n`);
    expect(rest).toEqual([]);
    expect(f.line).toBe(2);
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('RUN --mount=type=secret');
  });
  it.each([
    'PASSWORD_FILE',
    'SESSION_SECRET_FILE',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'TOKEN_URL',
    'GPG_KEY',
    'PUBLIC_KEY',
    'AUTH_MODE',
    'AUTH_MODULE_VERSION',
    'KMS_KEY_ALIAS',
    'GOPRIVATE',
    'KEYCLOAK_VERSION',
    'ACCESS_LOG',
    'GIT_SHA',
    'FACEBOOK_APP_ID',
    'TRAVIS_OS_NAME',
    'PASSWORD_PROMPT_STRING',
    'CREDENTIAL_MANAGER',
    'JENKINS_USERNAME',
  ])('stays silent for %s (BuildKit/hadolint/Dockle false positives)', (name) => {
    const value = name === 'TOKEN_URL' ? 'https://auth.example.com/oauth/token' : '/run/secrets/x';
    expect(linesOf('HC301', `FROM alpine:3.19\nARG ${name}\nENV ${name}=${value}\nUSER 1000\n`)).toEqual([]);
  });
  it('errors on a final-stage ENV with a literal value, without printing it', () => {
    const [f] = findingsOf('HC301', 'FROM alpine:3.19\nENV DB_PASSWORD=hunter2\n');
    expect(f).toMatchObject({ line: 2, severity: 'error' });
    expect(f.message).not.toContain('hunter2');
  });
  it('errors on a final-stage ENV that copies a build argument into the image config', () => {
    const [a, f] = findingsOf(
      'HC301',
      df`
      FROM node:20-slim
      ARG NPM_TOKEN
      ENV NPM_TOKEN=\${NPM_TOKEN}
    `,
    );
    expect(a).toMatchObject({ line: 2, severity: 'warning' });
    expect(f).toMatchObject({ line: 3, severity: 'error' });
    expect(f.message).toContain('copies build argument NPM_TOKEN');
  });
  it('only warns for an empty or placeholder ENV value', () => {
    expect(findingsOf('HC301', 'FROM alpine:3.19\nENV API_KEY=""\n').map((f) => f.severity)).toEqual([
      'warning',
    ]);
    expect(findingsOf('HC301', 'FROM alpine:3.19\nENV API_KEY=changeme\n').map((f) => f.severity)).toEqual([
      'warning',
    ]);
  });
  it('only warns for a builder-stage ENV (multi-stage)', () => {
    const found = findingsOf(
      'HC301',
      df`
      FROM node:20 AS build
      ENV NPM_TOKEN=abc123def456
      RUN npm ci
      FROM gcr.io/distroless/nodejs20-debian12:nonroot
      COPY --from=build /app /app
    `,
    );
    expect(found.map((f) => [f.line, f.severity])).toEqual([[2, 'warning']]);
  });
  it('leaves a provider-shaped value to HC302 (one finding, not two)', () => {
    const text = `FROM alpine:3.19\nENV GITHUB_TOKEN=ghp_${'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5'}\n`;
    expect(linesOf('HC301', text)).toEqual([]);
    expect(linesOf('HC302', text)).toEqual([2]);
  });
  it('points at the continuation line of a multi-line ENV and each name of a multi-name ARG', () => {
    expect(
      linesOf(
        'HC301',
        df`
      FROM alpine:3.19
      ENV APP_MODE=prod \\
          DB_PASSWORD=s3cr3t \\
          LOG_LEVEL=info
    `,
      ),
    ).toEqual([3]);
    expect(linesOf('HC301', 'FROM alpine:3.19\nARG VERSION NPM_TOKEN\n')).toEqual([2]);
  });
  it('reads global ARGs before FROM and honours the backtick escape directive', () => {
    expect(
      linesOf(
        'HC301',
        df`
      # escape=\`
      ARG REGISTRY_PASSWORD
      FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
      ENV APP=1 \`
          API_TOKEN=abcdef123456
    `,
      ),
    ).toEqual([2, 5]);
  });
  it('does not treat package pins in RUN as variables (dockle#250)', () => {
    expect(linesOf('HC301', 'FROM alpine:3.19\nRUN apk add --no-cache libcrypto3=3.1.4-r1\n')).toEqual([]);
  });
  it('honours an inline ignore', () => {
    expect(
      linesOf(
        'HC301',
        'FROM alpine:3.19\n# harden-check ignore=HC301 -- kept for compatibility\nARG PACKAGE_TOKEN\n',
      ),
    ).toEqual([]);
  });
  it('real case: a path to a secret file is the right pattern, not a literal secret', () => {
    const text = df`
      FROM python:3.12-slim
      ENV FILE_SECRETS=/run/secrets/api_key
      ENV GOOGLE_APPLICATION_CREDENTIALS=/app/keys.json
      ARG SERVICE_CREDENTIALS=./config/credentials.json
      ENV APP_HOME=/srv
      ENV DB_PASSWORD_PATH=\${APP_HOME}/db
      ENV CLIENT_SECRET=\${APP_HOME}/client-secret.json
    `;
    expect(linesOf('HC301', text)).toEqual([]);
    expect(audit(text).checks.find((c) => c.id === 'no-secrets')?.status).toBe('pass');
  });
  it('real case: ENV DB_PASSWORD=${DB_PASSWORD}, with no such ARG names the undefined variable, not a secret', () => {
    const text = df`
      FROM node:20-alpine
      ENV DB_HOST=db \\
          DB_PASSWORD=\${DB_PASSWORD},
      CMD ["node", "index.js"]
    `;
    const [f] = findingsOf('HC301', text);
    expect(f).toMatchObject({ line: 3, severity: 'warning' });
    expect(f.message).toContain('takes its value from $DB_PASSWORD, which is not defined in this stage');
    expect(f.message).toContain('the image gets ","');
    expect(linesOf('HC308', text)).toEqual([3]);
    expect(audit(text).checks.find((c) => c.id === 'no-secrets')?.status).toBe('pass');
  });
  it('still errors on a secret ARG copied into ENV, and on a literal mixed with a variable', () => {
    expect(
      findingsOf('HC301', 'FROM alpine:3.19\nARG API_TOKEN\nENV API_TOKEN=$API_TOKEN\n').map(
        (f) => f.severity,
      ),
    ).toEqual(['warning', 'error']);
    expect(findingsOf('HC301', 'FROM alpine:3.19\nENV API_TOKEN=sk${X}live9x\n')[0].severity).toBe('error');
  });
  it('real case: a CI replace token (#{SECRET_KEY}) is a template, not a literal', () => {
    const text =
      'FROM python:3\nARG SECRET_KEY=""\nENV SECRET_KEY=#{SECRET_KEY}\nCMD python3 manage.py runserver\n';
    expect(findingsOf('HC301', text).map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(audit(text).checks.find((c) => c.id === 'no-secrets')?.status).toBe('pass');
  });
  it('real case: a vendor API key build arg copied into ENV (OPENAI_KEY) is exposed', () => {
    const text = 'FROM python:3.10\nARG OPENAI_KEY\nENV OPENAI_KEY=$OPENAI_KEY\nCMD uvicorn src.main:app\n';
    expect(findingsOf('HC301', text).map((f) => [f.line, f.severity])).toEqual([
      [2, 'warning'],
      [3, 'error'],
    ]);
  });
});
