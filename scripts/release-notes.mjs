#!/usr/bin/env node
// Prints the CHANGELOG.md section of one version, the body of its GitHub release.
//   node scripts/release-notes.mjs v1.2.3 [CHANGELOG.md]
// Exits 1 with a one-line reason when the tag is not a vX.Y.Z version, when package.json
// names another version, or when CHANGELOG.md has no non-empty section for it: a release
// without notes is a mistake worth stopping for.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The body of the `## [X.Y.Z]` section, without its heading; undefined when absent. */
export function sectionOf(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const heading = new RegExp(`^## \\[?v?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`);
  const start = lines.findIndex((l) => heading.test(l));
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}

function main([tag, file = path.join(root, 'CHANGELOG.md')]) {
  const m = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(tag ?? '');
  if (!m) return fail(`"${tag ?? ''}" is not a release tag of the form v1.2.3`);
  const version = m[1];
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  if (pkg.version !== version) return fail(`tag ${tag} but package.json has version ${pkg.version}`);
  const body = sectionOf(readFileSync(file, 'utf8'), version);
  if (!body)
    return fail(`${path.relative(process.cwd(), file) || file} has no notes under "## [${version}]"`);
  process.stdout.write(body + '\n');
}

function fail(message) {
  console.error(`release-notes: ${message}`);
  process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2));
}
