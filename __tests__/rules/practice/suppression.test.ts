// Issue 5 point 3: `allow-inline-ignore: false` (hadolint#346) and per-stage ignores.
import { describe, expect, it } from 'vitest';
import { audit, df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('inline suppressions', () => {
  const text = df`
    FROM debian:12 AS build
    # harden-check ignore=HC502 -- builder tracks latest on purpose
    FROM node:latest AS tools
    FROM nginx:latest
  `;
  it('an inline ignore covers the next instruction only', () => {
    expect(linesOf('HC502', text)).toEqual([4]);
    expect(
      audit(text)
        .suppressed.filter((f) => f.ruleId === 'HC502')
        .map((f) => f.line),
    ).toEqual([3]);
  });
  it('allow-inline-ignore: false makes inline ignores ineffective', () => {
    expect(linesOf('HC502', text, { config: { allowInlineIgnore: false } })).toEqual([3, 4]);
  });
  it('a stage ignore covers the rest of its stage and nothing after it', () => {
    const staged = df`
      FROM debian:12 AS build
      # harden-check stage ignore=HC516,HC518 -- builder only
      RUN apt-get install curl
      RUN service x start
      FROM debian:12
      RUN apt-get install -y curl
      RUN service y start
    `;
    expect(linesOf('HC516', staged)).toEqual([6]);
    expect(linesOf('HC518', staged)).toEqual([7]);
  });
  it('a global ignore covers the whole file, and the ignore input too', () => {
    expect(
      linesOf('HC501', '# images\n# harden-check global ignore=HC501 -- internal images\nFROM a\nFROM b\n'),
    ).toEqual([]);
    expect(linesOf('HC501', 'FROM a\n', { ignore: ['HC501'] })).toEqual([]);
  });
  // dockerfile-ast reads `# key=value` on line 1 as a parser directive; the model keeps it a comment.
  it('honours a suppression comment on the very first line', () => {
    expect(
      linesOf('HC501', '# harden-check global ignore=HC501 -- internal images\nFROM a\nFROM b\n'),
    ).toEqual([]);
    expect(linesOf('HC501', '# harden-check ignore=HC501\nFROM a\nFROM b\n')).toEqual([3]);
  });
  it('reports every inline ignore as having no effect when inline ignores are forbidden', () => {
    const text = 'FROM alpine:3.19\n# harden-check ignore=HC101 -- debug\nUSER root\n';
    const config = { allowInlineIgnore: false };
    expect(linesOf('HC101', text, { config })).toEqual([3]);
    expect(findingsOf('HC526', text, { config }).map((f) => [f.line, f.severity])).toEqual([[2, 'warning']]);
  });
});
