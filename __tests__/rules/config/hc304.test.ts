import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';
import { secretFileReason } from '../../../src/rules/config/hc304-secret-file-copied.js';

describe('HC304 secret-bearing file copied into the image', () => {
  it.each([
    '.env',
    '.env.production',
    'id_rsa',
    'keys/id_ed25519',
    'credentials.json',
    'certs/server.key',
    'tls/privkey.pem',
    'keystore.p12',
    'app.jks',
    '.npmrc',
    '.pypirc',
    '.docker/config.json',
    '.aws/',
    '.aws/credentials',
    '.ssh',
    '.git',
  ])('flags COPY %s in the final stage', (src) => {
    const [f] = findingsOf('HC304', `FROM alpine:3.19\nCOPY ${src} /app/\nUSER 1000\n`);
    expect(f).toMatchObject({ line: 2, severity: 'error', check: 'no-secrets' });
  });
  it.each([
    '.env.example',
    'id_rsa.pub',
    'ca.pem',
    'fullchain.pem',
    'nodesource.gpg.key',
    '.github',
    '.gitignore',
    '.docker/nginx.conf',
    'package.json',
    'public.key',
  ])('does not flag %s', (src) => {
    expect(secretFileReason(src)).toBeNull();
    expect(linesOf('HC304', `FROM alpine:3.19\nCOPY ${src} /app/\n`)).toEqual([]);
  });
  it('does not flag COPY . . (that is .dockerignore territory) nor a built artefact from a builder', () => {
    expect(
      linesOf(
        'HC304',
        df`
      FROM golang:1.22 AS build
      COPY . .
      COPY .env ./
      RUN go build -o /out/app .
      FROM gcr.io/distroless/static-debian12:nonroot
      COPY --from=build /out/app /app
    `,
      ),
    ).toEqual([]);
  });
  it('follows FROM <stage>, ADD, JSON form and multi-line sources', () => {
    expect(
      linesOf(
        'HC304',
        df`
      FROM python:3.12-slim AS base
      ADD ["secrets/.pypirc", "/root/"]
      FROM base
      COPY requirements.txt \\
           .env \\
           /app/
    `,
      ),
    ).toEqual([2, 5]);
  });
  it('resolves variables in sources and evaluates the --target stage', () => {
    const text = df`
      FROM alpine:3.19 AS debug
      ARG KEYFILE=id_rsa
      COPY \${KEYFILE} /root/.ssh/
      FROM alpine:3.19 AS prod
      COPY app /app
    `;
    expect(linesOf('HC304', text)).toEqual([]);
    expect(linesOf('HC304', text, { target: 'debug' })).toEqual([3]);
  });
  it('flags a file copied to the path GOOGLE_APPLICATION_CREDENTIALS points at', () => {
    expect(
      linesOf(
        'HC304',
        df`
      FROM python:3.12-slim
      ENV GOOGLE_APPLICATION_CREDENTIALS=/app/gcp.json
      COPY gcp.json /app/
    `,
      ),
    ).toEqual([3]);
  });
  it('leaves COPY heredocs to HC302', () => {
    expect(
      linesOf(
        'HC304',
        df`
      FROM alpine:3.19
      COPY <<EOF /app/.env
      MODE=prod
      EOF
    `,
      ),
    ).toEqual([]);
  });
});
