// src/fix/diff.ts: the unified diff that `--fix --dry-run` prints is accepted by patch(1)
// and git apply, and reproduces the fixed text exactly (CRLF and no-final-newline included).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { unifiedDiff } from '../../src/fix/diff.js';

function viaPatch(before: string, after: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hc-diff-'));
  writeFileSync(path.join(dir, 'Dockerfile'), before);
  const diff = unifiedDiff(before, after, 'a/Dockerfile', 'b/Dockerfile');
  execFileSync('patch', ['-p1', '--quiet', '--binary'], { cwd: dir, input: diff });
  return readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
}

function viaGitApply(before: string, after: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hc-diff-git-'));
  execFileSync('git', ['init', '-q'], { cwd: dir });
  writeFileSync(path.join(dir, 'Dockerfile'), before);
  const diff = unifiedDiff(before, after, 'a/Dockerfile', 'b/Dockerfile');
  writeFileSync(path.join(dir, 'fix.patch'), diff);
  execFileSync('git', ['apply', '--check', 'fix.patch'], { cwd: dir });
  execFileSync('git', ['apply', 'fix.patch'], { cwd: dir });
  return readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
}

const lines = (n: number, eol = '\n') => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join(eol) + eol;

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', 'a', 'b')).toBe('');
  });

  it('writes standard hunks with 3 lines of context', () => {
    const before = lines(10);
    const after = before.replace('line 5\n', 'LINE 5\n');
    expect(unifiedDiff(before, after, 'a/Dockerfile', 'b/Dockerfile')).toBe(
      '--- a/Dockerfile\n+++ b/Dockerfile\n@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+LINE 5\n line 6\n line 7\n line 8\n',
    );
  });

  it('separates distant changes into hunks and merges near ones', () => {
    const before = lines(30);
    const after = before.replace('line 2\n', 'two\n').replace('line 6\n', '').replace('line 25\n', 'x\ny\n');
    const diff = unifiedDiff(before, after, 'a/Dockerfile', 'b/Dockerfile');
    expect(diff.match(/^@@/gm)).toHaveLength(2);
    expect(viaPatch(before, after)).toBe(after);
    expect(viaGitApply(before, after)).toBe(after);
  });

  it('merges two changes 6 unchanged lines apart into one hunk, not 7 apart (as diff -u)', () => {
    const before = lines(20);
    const six = before.replace('line 2\n', 'two\n').replace('line 9\n', 'nine\n');
    expect(unifiedDiff(before, six, 'a', 'b').match(/^@@.*$/gm)).toEqual(['@@ -1,12 +1,12 @@']);
    const seven = before.replace('line 2\n', 'two\n').replace('line 10\n', 'ten\n');
    expect(unifiedDiff(before, seven, 'a', 'b').match(/^@@.*$/gm)).toEqual([
      '@@ -1,5 +1,5 @@',
      '@@ -7,7 +7,7 @@',
    ]);
    expect(viaPatch(before, seven)).toBe(seven);
  });

  it.each([
    ['LF', lines(8)],
    ['CRLF', lines(8, '\r\n')],
    ['no final newline', lines(8).slice(0, -1)],
    ['CRLF, no final newline', lines(8, '\r\n').slice(0, -2)],
  ])('patch and git apply reproduce the fixed text (%s)', (_name, before) => {
    const eol = before.includes('\r\n') ? '\r\n' : '\n';
    for (const after of [
      before.replace('line 1', 'FIRST'),
      before.replace(`line 4${eol}`, ''),
      before.replace('line 8', 'LAST'),
      before.replace(`line 3${eol}`, `three${eol}and more${eol}`),
    ]) {
      expect(viaPatch(before, after)).toBe(after);
      expect(viaGitApply(before, after)).toBe(after);
    }
  });
});
