#!/usr/bin/env node
// Fails when the committed dist/ differs from a fresh `npm run bundle` of src/.
// Bundles into a temporary folder (never touching dist/) and compares byte for byte.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = mkdtempSync(path.join(tmpdir(), 'harden-check-dist-'));
const ncc = path.join(root, 'node_modules', '.bin', 'ncc');
try {
  for (const [entry, dir] of [
    ['src/index.ts', out],
    ['src/cli.ts', path.join(out, 'cli')],
  ]) {
    execFileSync(ncc, ['build', entry, '-o', dir, '--license', 'licenses.txt', '--quiet'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  const files = (dir, base = dir) =>
    readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? files(p, base) : [path.relative(base, p)];
    });
  const fresh = files(out).sort();
  const committed = existsSync(path.join(root, 'dist')) ? files(path.join(root, 'dist')).sort() : [];
  const problems = [];
  for (const f of new Set([...fresh, ...committed])) {
    if (!fresh.includes(f)) problems.push(`dist/${f} is committed but a fresh bundle does not produce it`);
    else if (!committed.includes(f)) problems.push(`dist/${f} is missing`);
    else if (!readFileSync(path.join(out, f)).equals(readFileSync(path.join(root, 'dist', f)))) {
      problems.push(`dist/${f} differs from a fresh bundle`);
    }
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    console.error(
      'dist/ is stale: run `npm run bundle` and commit dist/ ' +
        '(dependencies installed with --ignore-scripts lack patches/: run `npx patch-package`).',
    );
    process.exit(1);
  }
  console.log(`dist/ matches a fresh bundle (${fresh.length} files).`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
