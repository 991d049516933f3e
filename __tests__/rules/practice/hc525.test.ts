import { describe, expect, it } from 'vitest';
import { df, linesOf } from '../../helpers/audit.js';

const on = { config: { enable: ['HC525'] } };

describe('HC525 description comments (opt-in)', () => {
  it('flags a comment directly above a stage or ARG that does not start with its name', () => {
    expect(
      linesOf(
        'HC525',
        df`
      # the version of Go
      ARG GO_VERSION=1.22
      # compiles the app
      FROM golang:\${GO_VERSION} AS build
    `,
        on,
      ),
    ).toEqual([1, 3]);
  });
  it('accepts well-formed descriptions, separated comments, and suppression comments (look-alikes)', () => {
    expect(
      linesOf(
        'HC525',
        df`
      # GO_VERSION the version of Go
      ARG GO_VERSION=1.22

      # a note that is not a description

      # build compiles the app
      FROM golang:\${GO_VERSION} AS build
      # harden-check ignore=HC101 -- builder
      FROM build AS test
      # unrelated comment above an unnamed stage
      FROM alpine:3.20
    `,
        on,
      ),
    ).toEqual([]);
  });
  it('is off unless enabled', () => {
    expect(linesOf('HC525', '# x\nARG A=1\nFROM alpine:3.20\n')).toEqual([]);
  });
});
