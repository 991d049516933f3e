import { describe, expect, it } from 'vitest';
import { df, linesOf } from '../../helpers/audit.js';

describe('HC406 WORKDIR created after a non-root USER', () => {
  it('flags a new WORKDIR after USER node', () => {
    expect(
      linesOf(
        'HC406',
        df`
      FROM node:20-slim
      USER node
      WORKDIR /home/node/app
      COPY --chown=node:node . .
    `,
      ),
    ).toEqual([3]);
  });
  it('is silent when the directory exists already (earlier WORKDIR, mkdir, COPY, home dir)', () => {
    expect(
      linesOf(
        'HC406',
        df`
      FROM node:20-slim
      RUN mkdir -p /home/node/app && chown node:node /home/node/app
      USER node
      WORKDIR /home/node/app
    `,
      ),
    ).toEqual([]);
    expect(linesOf('HC406', 'FROM node:20-slim\nWORKDIR /app\nUSER node\nWORKDIR /app\n')).toEqual([]);
    expect(linesOf('HC406', 'FROM node:20-slim\nUSER node\nWORKDIR /home/node\n')).toEqual([]);
  });
  it('is silent before USER and after USER root', () => {
    expect(linesOf('HC406', 'FROM node:20-slim\nWORKDIR /app\nUSER node\n')).toEqual([]);
    expect(linesOf('HC406', 'FROM node:20-slim\nUSER node\nUSER root\nWORKDIR /app\n')).toEqual([]);
  });
  it('follows USER through FROM <stage> and resolves variables', () => {
    expect(
      linesOf(
        'HC406',
        df`
      FROM node:20-slim AS base
      USER node
      FROM base
      ENV APP=/srv/app
      WORKDIR $APP
    `,
      ),
    ).toEqual([5]);
  });
  it('stays silent for an unset build argument', () => {
    expect(linesOf('HC406', 'FROM node:20-slim\nARG DIR\nUSER node\nWORKDIR ${DIR}\n')).toEqual([]);
  });
});
