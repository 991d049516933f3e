import { describe, expect, it } from 'vitest';
import { df, linesOf } from '../../helpers/audit.js';

describe('HC414 development files in the final image', () => {
  it('flags editor settings, Dockerfiles, compose files and .DS_Store by name, on their line', () => {
    expect(
      linesOf(
        'HC414',
        df`
      FROM node:20-slim
      WORKDIR /app
      COPY .vscode/ .vscode/
      COPY Dockerfile \\
           docker-compose.yml \\
           .DS_Store ./
    `,
      ),
    ).toEqual([3, 4, 5, 6]);
  });
  it('flags a host node_modules but not one copied from a build stage', () => {
    expect(
      linesOf(
        'HC414',
        df`
      FROM node:20 AS build
      WORKDIR /src
      RUN npm ci
      FROM node:20-slim
      WORKDIR /app
      COPY --from=build /src/node_modules ./node_modules
      COPY node_modules ./node_modules
    `,
      ),
    ).toEqual([7]);
  });
  it('ignores builder stages and look-alike names', () => {
    expect(
      linesOf(
        'HC414',
        df`
      FROM node:20 AS build
      COPY .idea /tmp/.idea
      FROM node:20-slim
      COPY dockerfile-parser.js docker-compose-helper.js /app/
      COPY . /app
    `,
      ),
    ).toEqual([]);
  });
  it('leaves .git to HC304 so a path is reported once', () => {
    expect(linesOf('HC414', 'FROM alpine:3.19\nCOPY .git /app/.git\n')).toEqual([]);
  });
});
