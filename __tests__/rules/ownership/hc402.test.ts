import { describe, expect, it } from 'vitest';
import { df, linesOf } from '../../helpers/audit.js';

describe('HC402 application code writable by the runtime user', () => {
  it('flags --chown=<runtime user> on code', () => {
    expect(
      linesOf(
        'HC402',
        df`
      FROM node:20-slim
      WORKDIR /app
      COPY --chown=node:node . .
      USER node
    `,
      ),
    ).toEqual([3]);
  });
  it('flags chmod -R 777 / a+w and a recursive chown of code to the runtime user', () => {
    expect(
      linesOf(
        'HC402',
        df`
      FROM python:3.12-slim
      RUN useradd -u 10001 app
      COPY . /app
      RUN chmod -R 777 /app
      RUN chmod -R a+w /opt/tool && \\
          chown -R app:app /app
      USER app
    `,
      ),
    ).toEqual([4, 5, 6]);
  });
  it('flags --chmod that lets everyone write', () => {
    expect(
      linesOf('HC402', 'FROM alpine:3.19\nCOPY --chmod=777 app /usr/local/bin/app\nUSER 1000\n'),
    ).toEqual([2]);
  });
  it('does not double-fire with HC401: writable dirs may be chowned to the runtime user', () => {
    expect(
      linesOf(
        'HC402',
        df`
      FROM node:20-slim
      WORKDIR /app
      COPY . .
      COPY --chown=node:node uploads/ /app/uploads/
      RUN mkdir -p /app/cache && chown -R node /app/cache && chmod 777 /tmp/x
      VOLUME /data
      RUN chown -R node /data
      USER node
    `,
      ),
    ).toEqual([]);
  });
  it('is silent for root-owned code, for another user (HC403) and for builder stages', () => {
    expect(linesOf('HC402', 'FROM node:20-slim\nCOPY . /app\nUSER node\n')).toEqual([]);
    expect(linesOf('HC402', 'FROM node:20-slim\nCOPY --chown=www-data . /app\nUSER node\n')).toEqual([]);
    expect(
      linesOf(
        'HC402',
        df`
      FROM node:20 AS build
      COPY --chown=node:node . /src
      RUN chmod -R 777 /src
      FROM node:20-slim
      COPY --from=build /src/dist /app
      USER node
    `,
      ),
    ).toEqual([]);
  });
  it('maps the runtime uid to the --chown name (useradd -u)', () => {
    expect(
      linesOf(
        'HC402',
        'FROM debian:bookworm-slim\nRUN useradd -u 10001 app\nCOPY --chown=app . /app\nUSER 10001\n',
      ),
    ).toEqual([3]);
  });
});
