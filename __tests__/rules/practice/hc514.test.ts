import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC514 RUN cd instead of WORKDIR', () => {
  it('flags a RUN that starts with cd', () => {
    expect(linesOf('HC514', 'FROM node:20\nRUN cd /app && npm ci\n')).toEqual([2]);
    expect(findingsOf('HC514', 'FROM node:20\nRUN cd /app && npm ci\n')[0].message).toMatch(/WORKDIR \/app/);
    expect(findingsOf('HC514', 'FROM node:20\nRUN cd /app\n')[0].message).toMatch(/no effect/);
  });
  it('flags the cd x && make && cd .. pattern once', () => {
    expect(linesOf('HC514', 'FROM gcc:13\nRUN cd /src && make && cd ..\n')).toEqual([2]);
    expect(linesOf('HC514', 'FROM gcc:13\nRUN set -eux; cd /src; make\n')).toEqual([2]);
  });
  it('does not flag look-alikes: a cd later in the RUN, in a subshell, cd -, a word "cd"', () => {
    expect(
      linesOf(
        'HC514',
        df`
      FROM gcc:13
      RUN curl -fsSL https://x/src.tgz | tar -xz && cd src && ./configure && make
      RUN (cd /src && make)
      RUN echo cd /tmp
      RUN cd - && true
      RUN mkdir -p /x && abcd /y
    `,
      ),
    ).toEqual([]);
  });
  it('flags the first line of a heredoc script, with its own line number', () => {
    expect(
      linesOf(
        'HC514',
        df`
      FROM node:20
      RUN <<EOF
      cd /app
      npm ci
      EOF
    `,
      ),
    ).toEqual([3]);
  });
  it('follows continuations and the backtick escape directive', () => {
    expect(
      linesOf(
        'HC514',
        df`
      # escape=\`
      FROM node:20
      RUN \`
        cd /app && npm ci
    `,
      ),
    ).toEqual([4]);
  });
});
