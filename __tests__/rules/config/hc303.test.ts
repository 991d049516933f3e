import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC303 credentials configured in RUN without a build secret', () => {
  it.each([
    'aws configure set aws_secret_access_key $AWS_SECRET_ACCESS_KEY',
    'aws configure set default.aws_access_key_id $KEY_ID',
    'gcloud auth activate-service-account ci@p.iam.gserviceaccount.com --key-file=/tmp/key.json',
    'az login --service-principal -u $APP_ID -p $PASSWORD --tenant $TENANT',
    'doctl auth init -t $DO_TOKEN',
    'npm config set //registry.npmjs.org/:_authToken $NPM_TOKEN',
    'echo $TOKEN > ~/.npmrc',
    'echo "//npm.pkg.github.com/:_authToken=${GH_TOKEN}" >> /root/.npmrc',
    'docker login -u ci -p $REGISTRY_PASSWORD registry.example.com',
    'git clone https://ci:${GIT_TOKEN}@github.com/org/private.git',
    'git clone https://${GITHUB_TOKEN}@github.com/org/private.git',
    'pip install --index-url https://${PYPI_USER}:${PYPI_PASS}@pypi.example.com/simple app',
  ])('flags `%s` in the shipped stage', (cmd) => {
    const [f, ...rest] = findingsOf('HC303', `FROM python:3.12-slim\nRUN ${cmd}\n`);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ line: 2, severity: 'error', check: 'no-secrets' });
    expect(f.message).toContain('--mount=type=secret');
  });
  it('accepts a RUN that mounts the secret and reads it from /run/secrets', () => {
    expect(
      linesOf(
        'HC303',
        df`
      FROM node:20-slim
      RUN --mount=type=secret,id=npm_token \\
          npm config set //registry.npmjs.org/:_authToken "$(cat /run/secrets/npm_token)" && npm ci && rm -f ~/.npmrc
    `,
      ),
    ).toEqual([]);
  });
  it('does not flag look-alikes', () => {
    expect(
      linesOf(
        'HC303',
        df`
      FROM node:20-slim
      RUN echo "registry=https://registry.npmjs.org/" > .npmrc
      RUN echo $TOKEN | docker login --password-stdin registry.example.com || true
      RUN aws configure set region eu-west-1
      RUN git clone https://$GIT_USER@github.com/org/public.git
      RUN npm config set fund false
    `,
      ),
    ).toEqual([]);
  });
  it('points at the continuation line and finds commands in heredocs', () => {
    expect(
      linesOf(
        'HC303',
        df`
      FROM amazon/aws-cli:2.15.0
      ARG AWS_SECRET_ACCESS_KEY
      RUN yum install -y jq \\
       && aws configure set aws_secret_access_key "$AWS_SECRET_ACCESS_KEY" \\
       && aws s3 cp s3://bucket/model /model
      RUN <<EOF
      set -e
      doctl auth init -t "$DO_TOKEN"
      EOF
    `,
      ),
    ).toEqual([4, 8]);
  });
  it('only warns in a builder stage that does not ship (multi-stage)', () => {
    const found = findingsOf(
      'HC303',
      df`
      FROM node:20 AS build
      ARG NPM_TOKEN
      RUN npm config set //registry.npmjs.org/:_authToken $NPM_TOKEN && npm ci
      FROM gcr.io/distroless/nodejs20-debian12:nonroot
      COPY --from=build /app /app
    `,
    );
    expect(found.map((f) => [f.line, f.severity])).toEqual([[3, 'warning']]);
  });
});
