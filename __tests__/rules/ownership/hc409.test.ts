import { describe, expect, it } from 'vitest';
import { linesOf, findingsOf } from '../../helpers/audit.js';

describe('HC409 several sources need a directory destination ending in /', () => {
  it('flags COPY a b dest', () => {
    expect(linesOf('HC409', 'FROM alpine:3.19\nCOPY a b /app\n')).toEqual([2]);
  });
  it('flags the JSON form and ADD', () => {
    expect(linesOf('HC409', 'FROM alpine:3.19\nCOPY ["a", "b", "/app"]\n')).toEqual([2]);
    expect(linesOf('HC409', 'FROM alpine:3.19\nADD a b /app\n')).toEqual([2]);
  });
  it('is silent for a trailing slash, two arguments, and heredoc COPY', () => {
    expect(linesOf('HC409', 'FROM alpine:3.19\nCOPY a b /app/\n')).toEqual([]);
    expect(linesOf('HC409', 'FROM alpine:3.19\nCOPY a /app\n')).toEqual([]);
    expect(linesOf('HC409', 'FROM alpine:3.19\nCOPY <<one <<two /app\nx\none\ny\ntwo\n')).toEqual([]);
  });
  it('resolves the destination: a variable ending in / is fine', () => {
    expect(linesOf('HC409', 'FROM alpine:3.19\nENV D=/app/\nCOPY a b $D\n')).toEqual([]);
    expect(linesOf('HC409', 'FROM alpine:3.19\nARG D\nCOPY a b $D\n')).toEqual([]);
  });
  it('reports `.` as a warning (BuildKit accepts it, the classic builder does not)', () => {
    const f = findingsOf('HC409', 'FROM alpine:3.19\nWORKDIR /app\nCOPY a b .\n');
    expect(f.map((x) => [x.line, x.severity])).toEqual([[3, 'warning']]);
  });
  it('points at the continuation line of the destination', () => {
    expect(linesOf('HC409', 'FROM alpine:3.19\nCOPY a \\\n  b \\\n  /app\n')).toEqual([4]);
  });
});
