import { describe, expect, it } from 'vitest';
import { df, linesOf } from '../../helpers/audit.js';

describe('HC404 --chown names an account the stage does not have', () => {
  it('flags a name created only in a builder stage, on scratch', () => {
    expect(
      linesOf(
        'HC404',
        df`
      FROM alpine:3.19 AS build
      RUN adduser -D app
      FROM scratch
      COPY --from=build --chown=app:app /app /app
    `,
      ),
    ).toEqual([4]);
  });
  it('flags a user never created on a known distro base', () => {
    expect(linesOf('HC404', 'FROM python:3.12-slim\nCOPY --chown=appuser:appuser . /app\n')).toEqual([2]);
  });
  it('accepts a user created earlier in the stage (useradd, adduser, groupadd)', () => {
    expect(
      linesOf(
        'HC404',
        df`
      FROM debian:bookworm-slim
      RUN groupadd -g 10001 app && useradd -u 10001 -g app app
      COPY --chown=app:app . /app
    `,
      ),
    ).toEqual([]);
    expect(
      linesOf(
        'HC404',
        'FROM alpine:3.19\nRUN addgroup -S web && adduser -S -G web web\nCOPY --chown=web:web . /app\n',
      ),
    ).toEqual([]);
  });
  it('accepts a user created in a parent stage (FROM <stage>) and one appended to /etc/passwd', () => {
    expect(
      linesOf(
        'HC404',
        df`
      FROM alpine:3.19 AS base
      RUN adduser -D app
      FROM base
      COPY --chown=app . /app
    `,
      ),
    ).toEqual([]);
    expect(
      linesOf(
        'HC404',
        df`
      FROM alpine:3.19 AS build
      RUN echo 'app:x:10001:10001::/app:/sbin/nologin' >> /etc/passwd
      COPY --chown=app . /app
    `,
      ),
    ).toEqual([]);
  });
  it('accepts a copied /etc/passwd (scratch pattern)', () => {
    expect(
      linesOf(
        'HC404',
        df`
      FROM alpine:3.19 AS build
      RUN adduser -D -u 10001 app
      FROM scratch
      COPY --from=build /etc/passwd /etc/passwd
      COPY --from=build --chown=app /app /app
    `,
      ),
    ).toEqual([]);
  });
  it('accepts numeric ids on scratch and names a known base provides', () => {
    expect(linesOf('HC404', 'FROM scratch\nCOPY --chown=1000:1000 app /app\n')).toEqual([]);
    expect(linesOf('HC404', 'FROM node:20-slim\nCOPY --chown=node:node . /app\n')).toEqual([]);
    expect(
      linesOf(
        'HC404',
        'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY --chown=nonroot:nonroot app /app\n',
      ),
    ).toEqual([]);
  });
  it('stays silent on an unknown base or an unset build argument', () => {
    expect(linesOf('HC404', 'FROM myorg/base:1\nCOPY --chown=svc . /app\n')).toEqual([]);
    expect(linesOf('HC404', 'FROM alpine:3.19\nARG OWNER\nCOPY --chown=${OWNER} . /app\n')).toEqual([]);
  });
  it('resolves a name from ARG with a default', () => {
    expect(linesOf('HC404', 'FROM alpine:3.19\nARG OWNER=svc\nCOPY --chown=${OWNER} . /app\n')).toEqual([3]);
  });
  it('reports the flag line of a multi-line COPY and skips unused stages', () => {
    expect(linesOf('HC404', 'FROM alpine:3.19\nCOPY \\\n  --chown=svc \\\n  . /app\n')).toEqual([3]);
    expect(
      linesOf('HC404', 'FROM alpine:3.19 AS unused\nCOPY --chown=svc . /app\nFROM alpine:3.19\n'),
    ).toEqual([]);
  });
});
