import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC503 final base not pinned by digest', () => {
  it('flags the shipped base only (multi-stage)', () => {
    const text = df`
      FROM golang:1.22 AS build
      FROM gcr.io/distroless/static-debian12:nonroot AS base
      FROM base
      COPY --from=build /app /app
    `;
    expect(linesOf('HC503', text)).toEqual([2]);
    expect(findingsOf('HC503', text)[0].severity).toBe('note');
  });
  it('does not flag a digest, scratch or an unresolved ARG (look-alikes)', () => {
    expect(linesOf('HC503', 'FROM alpine:3.20@sha256:' + 'c'.repeat(64) + '\n')).toEqual([]);
    expect(linesOf('HC503', 'FROM golang:1.22 AS b\nFROM scratch\n')).toEqual([]);
    expect(linesOf('HC503', 'ARG BASE\nFROM ${BASE}\n')).toEqual([]);
  });
  it('follows --target', () => {
    const text = 'FROM alpine:3.20@sha256:' + 'd'.repeat(64) + ' AS prod\nFROM debian:12 AS debug\n';
    expect(linesOf('HC503', text, { target: 'prod' })).toEqual([]);
    expect(linesOf('HC503', text)).toEqual([2]);
  });
});
