// The files API `patch` → the right-side lines a review comment may sit on.
import { describe, expect, it } from 'vitest';
import { hunkOf, parsePatch } from '../../src/github/diff-lines.js';

const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);

describe('parsePatch', () => {
  it('a new file: every line is added and in the hunk', () => {
    const d = parsePatch('@@ -0,0 +1,3 @@\n+FROM alpine\n+USER app\n+CMD ["x"]');
    expect(sorted(d.added)).toEqual([1, 2, 3]);
    expect(sorted(d.inHunk)).toEqual([1, 2, 3]);
    expect(d.text.get(2)).toBe('USER app');
    expect(d.hunks).toEqual([{ start: 1, end: 3 }]);
  });

  it('modified lines count as added; context lines are in the hunk but not changed; deletions have no right line', () => {
    const patch = [
      '@@ -3,6 +3,6 @@ FROM python:3.12-slim',
      ' WORKDIR /app',
      '-ADD app.py /app/',
      '+COPY app.py /app/',
      ' USER 10001',
      '-RUN old',
      ' EXPOSE 8000',
      '+HEALTHCHECK CMD ["true"]',
      ' CMD ["python", "app.py"]',
    ].join('\n');
    const d = parsePatch(patch);
    expect(sorted(d.added)).toEqual([4, 7]);
    expect(sorted(d.inHunk)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(d.text.get(4)).toBe('COPY app.py /app/');
    expect(d.text.get(6)).toBe('EXPOSE 8000');
  });

  it('several hunks, header counts omitted (= 1), "\\ No newline" lines skipped', () => {
    const patch = [
      '@@ -1 +1 @@',
      '-FROM alpine:3.18',
      '+FROM alpine:3.19',
      '@@ -20,2 +20,3 @@',
      ' RUN a',
      '+RUN b',
      ' CMD ["c"]',
      '\\ No newline at end of file',
    ].join('\n');
    const d = parsePatch(patch);
    expect(d.hunks).toEqual([
      { start: 1, end: 1 },
      { start: 20, end: 22 },
    ]);
    expect(sorted(d.added)).toEqual([1, 21]);
    expect(sorted(d.inHunk)).toEqual([1, 20, 21, 22]);
    expect(hunkOf(d, 20, 22)).toEqual({ start: 20, end: 22 });
    expect(hunkOf(d, 1, 20)).toBeUndefined(); // a range may not span two hunks
    expect(hunkOf(d, 5, 5)).toBeUndefined();
  });

  it('CRLF files: the CR is not part of the line text', () => {
    const d = parsePatch('@@ -0,0 +1,2 @@\r\n+FROM alpine\r\n+USER app\r\n');
    expect(d.text.get(1)).toBe('FROM alpine');
    expect(d.text.get(2)).toBe('USER app');
    expect(sorted(d.added)).toEqual([1, 2]);
  });

  it('an empty context line whose space was trimmed still counts; text after the hunk is ignored', () => {
    const d = parsePatch('@@ -1,3 +1,4 @@\n FROM a\n\n+RUN b\n RUN c\n+not part of any hunk');
    expect(sorted(d.inHunk)).toEqual([1, 2, 3, 4]);
    expect(d.text.get(2)).toBe('');
    expect(sorted(d.added)).toEqual([3]);
  });

  it('lines that look like hunk content inside the content are content ("+++", "@@" not at the start)', () => {
    const d = parsePatch('@@ -0,0 +1,2 @@\n+++ not a header\n+ RUN echo "@@ -1 +1 @@"');
    expect(d.text.get(1)).toBe('++ not a header');
    expect(d.text.get(2)).toBe(' RUN echo "@@ -1 +1 @@"');
  });

  it('no patch (binary or too large): nothing is commentable; garbage never throws', () => {
    expect(parsePatch(undefined).inHunk.size).toBe(0);
    expect(parsePatch('').hunks).toEqual([]);
    expect(parsePatch('garbage\n+x\n@@ nonsense @@').inHunk.size).toBe(0);
  });
});
