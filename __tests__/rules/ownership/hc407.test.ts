import { describe, expect, it } from 'vitest';
import { df, linesOf } from '../../helpers/audit.js';

describe('HC407 COPY to a relative destination with no WORKDIR', () => {
  it('flags COPY . . with no WORKDIR on a known base and on scratch', () => {
    expect(linesOf('HC407', 'FROM python:3.12-slim\nCOPY . app/\n')).toEqual([2]);
    expect(linesOf('HC407', 'FROM scratch\nCOPY app .\n')).toEqual([2]);
  });
  it('flags an unknown base too (its WORKDIR is invisible here)', () => {
    expect(linesOf('HC407', 'FROM myorg/base:1\nCOPY app.jar app.jar\n')).toEqual([2]);
  });
  it('is silent with a WORKDIR, an absolute destination, or a WORKDIR inherited through FROM <stage>', () => {
    expect(linesOf('HC407', 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n')).toEqual([]);
    expect(linesOf('HC407', 'FROM python:3.12-slim\nCOPY . /app/\n')).toEqual([]);
    expect(
      linesOf(
        'HC407',
        df`
      FROM python:3.12-slim AS base
      WORKDIR /app
      FROM base
      COPY . .
    `,
      ),
    ).toEqual([]);
  });
  it('is silent on bases that set a WORKDIR on purpose (golang: /go)', () => {
    expect(linesOf('HC407', 'FROM golang:1.22\nCOPY go.mod .\n')).toEqual([]);
  });
  it('resolves variables in the destination; unknown values stay silent', () => {
    expect(linesOf('HC407', 'FROM alpine:3.19\nENV DEST=/app\nCOPY a $DEST/\n')).toEqual([]);
    expect(linesOf('HC407', 'FROM alpine:3.19\nARG DEST\nCOPY a $DEST\n')).toEqual([]);
  });
  it('covers heredoc and JSON forms, on the continuation line of the destination', () => {
    expect(linesOf('HC407', 'FROM alpine:3.19\nCOPY <<EOF run.sh\necho hi\nEOF\n')).toEqual([2]);
    expect(linesOf('HC407', 'FROM alpine:3.19\nCOPY ["a", "b/"]\n')).toEqual([2]);
    expect(linesOf('HC407', 'FROM alpine:3.19\nCOPY a \\\n  b/\n')).toEqual([3]);
  });
});
