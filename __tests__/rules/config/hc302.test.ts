import { describe, expect, it } from 'vitest';
import { audit, df, findingsOf, linesOf } from '../../helpers/audit.js';

const GHP = 'ghp_' + 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5';
const AKIA = 'AKIAZ7Q3XK4PLM2NB6RT';

describe('HC302 hard-coded secret value', () => {
  it('flags a provider token under an innocent name, masked', () => {
    const [f] = findingsOf('HC302', `FROM alpine:3.19\nENV CONFIG=${GHP}\n`);
    expect(f).toMatchObject({ line: 2, severity: 'error', check: 'no-secrets' });
    expect(f.message).toContain('GitHub token');
    expect(f.message).toContain('ghp_…(redacted)');
    expect(f.message).not.toContain(GHP.slice(4));
  });
  it('flags values in ARG defaults, LABELs and RUN text in any stage', () => {
    expect(
      linesOf(
        'HC302',
        df`
      FROM alpine:3.19 AS build
      ARG KEY_ID=${AKIA}
      LABEL build.note="xoxb-1234567890-abcdefghij"
      RUN curl -H "Authorization: Bearer sk-Ab3De5Gh7Jk9Mn1Pq3St5Vw7" https://api.example.com
      FROM alpine:3.19
      USER 1000
    `,
      ),
    ).toEqual([2, 3, 4]);
  });
  it('flags a URL with user:pass@ (TOKEN_URL too) but not a credential-free one', () => {
    expect(
      linesOf('HC302', 'FROM alpine:3.19\nENV TOKEN_URL=https://ci:Xk92mPq7@auth.example.com/token\n'),
    ).toEqual([2]);
    expect(
      linesOf('HC302', 'FROM alpine:3.19\nENV TOKEN_URL=https://auth.example.com/oauth/token\n'),
    ).toEqual([]);
    expect(
      linesOf(
        'HC302',
        'FROM python:3.12\nRUN pip install --index-url https://bob:Pa55w0rd@pypi.example.com/simple app\n',
      ),
    ).toEqual([2]);
    expect(
      linesOf('HC302', 'FROM alpine:3.19\nRUN git clone https://bob:${GIT_TOKEN}@github.com/o/r.git\n'),
    ).toEqual([]);
  });
  it('finds a private key in a RUN heredoc and reports the exact line', () => {
    expect(
      linesOf(
        'HC302',
        df`
      FROM alpine:3.19
      RUN <<EOF
      mkdir -p /root/.ssh
      cat > /root/.ssh/id_rsa <<'KEY'
      -----BEGIN OPENSSH PRIVATE KEY-----
      KEY
      EOF
    `,
      ),
    ).toEqual([5]);
  });
  it('finds a token on a continuation line with the backtick escape directive', () => {
    expect(
      linesOf(
        'HC302',
        df`
      # escape=\`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN setx PATH C:\\tools \`
          && setx GH ${GHP}
    `,
      ),
    ).toEqual([4]);
  });
  it('reports a token inside a URL once', () => {
    expect(
      linesOf('HC302', `FROM alpine:3.19\nRUN git clone https://x-access-token:${GHP}@github.com/o/r.git\n`),
    ).toEqual([2]);
  });
  it('stays silent on look-alikes', () => {
    expect(
      linesOf(
        'HC302',
        df`
      FROM alpine:3.19
      RUN apk add --no-cache libcrypto3=3.1.4-r1
      ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
      ENV DATABASE_URL=postgres://\${DB_USER}:\${DB_PASSWORD}@db:5432/app
      LABEL org.opencontainers.image.revision=0a4eaa0eecf5f8c050e5bba433f58c052be7587e
      COPY --from=ghcr.io/astral-sh/uv:0.4 /uv /bin/uv
    `,
      ),
    ).toEqual([]);
  });
  it('real case: stand-in database URLs for a build step are not credentials', () => {
    const text = df`
      FROM node:20 AS build
      WORKDIR /app
      ENV DATABASE_URL=postgresql://user:pass@localhost/dummy
      RUN DATABASE_URL="postgres://postgres:postgres@db:5432/app" npx prisma generate
      FROM node:20-slim
      COPY --from=build /app /app
      ENV DATABASE_URL=mysql://root:root@127.0.0.1/app
    `;
    expect(linesOf('HC302', text)).toEqual([]);
    expect(audit(text).checks.find((c) => c.id === 'no-secrets')?.status).toBe('pass');
  });
  it('real case: a secret in a builder stage that does not ship is a warning, not in the image', () => {
    const text = df`
      FROM golang:1.22 AS build
      ENV GITHUB_TOKEN=ghp_${'A'.repeat(36)}
      RUN go build -o /app .
      FROM gcr.io/distroless/static-debian12:nonroot
      COPY --from=build /app /app
    `;
    const [f] = findingsOf('HC302', text);
    expect(f).toMatchObject({ line: 2, severity: 'warning' });
    expect(f.message).toContain('build stage build, which does not ship');
    expect(f.message).not.toContain('A'.repeat(20));
    expect(audit(text).checks.find((c) => c.id === 'no-secrets')?.status).toBe('pass');
  });
  it('keeps the error where the value reaches the image: shipped stages, RUN of a stage copied from', () => {
    const token = `ghp_${'B'.repeat(36)}`;
    const text = df`
      FROM node:20 AS build
      RUN echo "//npm.pkg.github.com/:_authToken=${token}" > /app/.npmrc
      FROM node:20-slim
      COPY --from=build /app /app
      ENV GH=${token}
    `;
    expect(findingsOf('HC302', text).map((f) => [f.line, f.severity])).toEqual([
      [2, 'error'],
      [5, 'error'],
    ]);
  });
  it('real case: a literal password for localhost in the shipped config is still exposed', () => {
    const text = df`
      FROM node:20-alpine
      WORKDIR /app
      COPY . .
      ENV DATABASE_URL=postgresql://postgres:mysecretpassword@localhost:5435/postgres
      RUN npx prisma generate
      CMD ["npm", "run", "start"]
    `;
    expect(findingsOf('HC302', text).map((f) => [f.line, f.severity])).toEqual([[4, 'error']]);
  });
});
