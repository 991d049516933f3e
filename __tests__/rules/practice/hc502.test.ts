import { describe, expect, it } from 'vitest';
import { df, linesOf } from '../../helpers/audit.js';

describe('HC502 FROM :latest', () => {
  it('flags :latest in any stage, via ARG too', () => {
    expect(linesOf('HC502', 'FROM node:latest AS build\nFROM nginx:1.27\n')).toEqual([1]);
    expect(linesOf('HC502', 'ARG TAG=latest\nFROM nginx:${TAG}\n')).toEqual([2]);
  });
  it('does not flag a pinned tag, a digest next to latest, or an untagged image (HC501 says that)', () => {
    expect(linesOf('HC502', 'FROM nginx:1.27-alpine\n')).toEqual([]);
    expect(linesOf('HC502', 'FROM nginx:latest@sha256:' + 'b'.repeat(64) + '\n')).toEqual([]);
    expect(linesOf('HC502', 'FROM nginx\n')).toEqual([]);
    expect(linesOf('HC502', 'FROM registry.local/latest:2\n')).toEqual([]);
  });
  it('stays silent when the tag comes from an ARG without a value', () => {
    expect(
      linesOf(
        'HC502',
        df`
      ARG TAG
      FROM nginx:\${TAG}
    `,
      ),
    ).toEqual([]);
  });
});
