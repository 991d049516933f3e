import { describe, expect, it } from 'vitest';
import { df, linesOf } from '../../helpers/audit.js';

describe('HC403 --chown differs from the runtime user', () => {
  it('flags files given to another account than the final USER', () => {
    expect(
      linesOf(
        'HC403',
        df`
      FROM debian:bookworm-slim
      RUN useradd -u 10001 app
      COPY --chown=www-data:www-data . /srv/www
      USER app
    `,
      ),
    ).toEqual([3]);
  });
  it('flags a numeric owner that differs from a numeric USER', () => {
    expect(linesOf('HC403', 'FROM alpine:3.19\nCOPY --chown=1000:1000 . /app\nUSER 10001:10001\n')).toEqual([
      2,
    ]);
  });
  it('maps names to uids through useradd -u and known bases', () => {
    expect(
      linesOf(
        'HC403',
        'FROM debian:bookworm-slim\nRUN useradd -u 10001 app\nCOPY --chown=app . /data\nUSER 10001\n',
      ),
    ).toEqual([]);
    expect(linesOf('HC403', 'FROM node:20-slim\nCOPY --chown=node:node . /data\nUSER 1000\n')).toEqual([]);
    expect(
      linesOf(
        'HC403',
        'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY --chown=nonroot:nonroot app /data\n',
      ),
    ).toEqual([]);
  });
  it('accepts root owners (read-only code) and a matching group', () => {
    expect(
      linesOf('HC403', 'FROM alpine:3.19\nRUN adduser -D app\nCOPY --chown=root:root . /app\nUSER app\n'),
    ).toEqual([]);
    expect(
      linesOf('HC403', 'FROM alpine:3.19\nRUN adduser -D app\nCOPY --chown=1:app . /app\nUSER app:app\n'),
    ).toEqual([]);
  });
  it('ignores builder stages and a runtime user that cannot be resolved', () => {
    expect(
      linesOf(
        'HC403',
        df`
      FROM node:20 AS build
      COPY --chown=node:node . /src
      FROM gcr.io/distroless/nodejs20-debian12:nonroot
      COPY --from=build /src/dist /app
    `,
      ),
    ).toEqual([]);
    expect(linesOf('HC403', 'FROM alpine:3.19\nARG UID\nCOPY --chown=1000 . /app\nUSER ${UID}\n')).toEqual(
      [],
    );
  });
  it('resolves the USER through ARG', () => {
    expect(
      linesOf('HC403', 'FROM alpine:3.19\nARG UID=10001\nCOPY --chown=1000 . /data\nUSER ${UID}\n'),
    ).toEqual([3]);
  });
});
