import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { globToRegExp, resolveDockerfiles } from '../src/targets.js';

const ws = mkdtempSync(path.join(tmpdir(), 'hc-targets-'));
for (const f of [
  'Dockerfile',
  'services/api/Dockerfile',
  'services/worker/Dockerfile',
  'services/worker/Dockerfile.dev',
  'node_modules/x/Dockerfile',
]) {
  mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
  writeFileSync(path.join(ws, f), 'FROM scratch\n');
}

describe('dockerfile input resolution', () => {
  it('keeps plain paths, resolves folders and globs in order without duplicates', () => {
    expect(resolveDockerfiles(['Dockerfile', 'services/*/Dockerfile', 'services/api'], ws)).toEqual([
      'Dockerfile',
      'services/api/Dockerfile',
      'services/worker/Dockerfile',
    ]);
  });
  it('supports ** and braces, and skips node_modules', () => {
    expect(resolveDockerfiles(['**/Dockerfile{,.dev}'], ws)).toEqual([
      'Dockerfile',
      'services/api/Dockerfile',
      'services/worker/Dockerfile',
      'services/worker/Dockerfile.dev',
    ]);
  });
  it('names the input and the pattern that matched nothing', () => {
    expect(() => resolveDockerfiles(['apps/*/Dockerfile'], ws)).toThrow(
      'Input "dockerfile": the pattern "apps/*/Dockerfile" matched no file.',
    );
  });
  it('translates globs precisely', () => {
    expect(globToRegExp('a/*.txt').test('a/b.txt')).toBe(true);
    expect(globToRegExp('a/*.txt').test('a/b/c.txt')).toBe(false);
    expect(globToRegExp('**/x').test('x')).toBe(true);
    expect(globToRegExp('**/x').test('a/b/x')).toBe(true);
  });
});
