// `--fix` and `--fix --dry-run` through the bundled CLI (npm run bundle first): exact bytes
// written on a CRLF file with the backtick escape directive and comments, a dry-run diff
// that git apply and patch accept (and that gives the same bytes), and exit codes follow
// --fail-on. (A file changed on disk between the read and the write: fix/run-fix.test.ts.)
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers/run-action.js';

const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');

const ORIGINAL = [
  '# escape=`',
  '# A comment that must stay, with trailing spaces   ',
  'FROM debian:12-slim',
  'RUN groupadd -g 10001 app && `',
  '    useradd -u 10001 -g app -m app',
  '',
  '# the app',
  'ADD app.sh /usr/local/bin/app.sh',
  'USER app',
  'CMD /usr/local/bin/app.sh --serve',
  '',
].join('\r\n');

const FIXED = ORIGINAL.replace('ADD app.sh', 'COPY app.sh')
  .replace('USER app', 'USER 10001:10001')
  .replace('CMD /usr/local/bin/app.sh --serve', 'CMD ["/usr/local/bin/app.sh", "--serve"]');

function workdir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hc-fix-cli-'));
  writeFileSync(path.join(dir, 'Dockerfile'), ORIGINAL);
  writeFileSync(path.join(dir, 'app.sh'), '#!/bin/sh\n');
  return dir;
}

function cli(dir: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('harden-check --fix (bundled CLI)', () => {
  it('writes exactly the expected bytes on a CRLF file with the backtick escape', () => {
    const dir = workdir();
    const r = cli(dir, ['--fix', '--no-color', '--fail-on', 'never']);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(FIXED);
    expect(r.stdout).toMatch(/^Dockerfile:8: fixed HC413: /m);
    expect(r.stdout).toMatch(/^Dockerfile:9: fixed HC103: Use the numeric USER 10001:10001$/m);
    expect(r.stdout).toMatch(/^Dockerfile:10: fixed HC212: /m);
    // the remaining findings follow, and none of the fixed ones
    expect(r.stdout).toMatch(/harden-check Dockerfile/);
    const report = r.stdout.slice(r.stdout.indexOf('harden-check Dockerfile'));
    expect(report).toMatch(/HC201/);
    expect(report).not.toMatch(/HC103|HC212|HC413/);

    // a second run has nothing to fix and leaves the bytes alone
    const again = cli(dir, ['--fix', '--no-color', '--fail-on', 'never']);
    expect(again.stdout).toMatch(/^Dockerfile: nothing to fix\.$/m);
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(FIXED);
  });

  it('exits per --fail-on on what remains', () => {
    // HC201 / HC503 (notes) remain, and the failed healthcheck-defined check counts as an error
    for (const extra of [[], ['--dry-run']]) {
      expect(cli(workdir(), ['--fix', ...extra, '--fail-on', 'never']).code).toBe(0);
      expect(cli(workdir(), ['--fix', ...extra, '--fail-on', 'note']).code).toBe(1);
      expect(cli(workdir(), ['--fix', ...extra]).code).toBe(1);
    }
    // with a HEALTHCHECK nothing at or above error remains once fixed
    const clean = workdir();
    writeFileSync(
      path.join(clean, 'Dockerfile'),
      ORIGINAL + 'HEALTHCHECK CMD ["/usr/local/bin/app.sh", "--check"]\r\n',
    );
    expect(cli(clean, ['--fix', '--fail-on', 'error']).code).toBe(0);
    expect(cli(clean, ['--fix', '--fail-on', 'note']).code).toBe(1);
  });

  it('--dry-run prints a diff that git apply and patch accept, and writes nothing', () => {
    const dir = workdir();
    const r = cli(dir, ['--fix', '--dry-run', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(ORIGINAL);
    expect(r.stdout.startsWith('--- a/Dockerfile\n+++ b/Dockerfile\n@@ ')).toBe(true);
    expect(r.stderr).toMatch(/would fix HC103/);
    writeFileSync(path.join(dir, 'fix.patch'), r.stdout);

    execFileSync('patch', ['-p1', '--dry-run', '--binary', '-i', 'fix.patch'], { cwd: dir });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['apply', '--check', 'fix.patch'], { cwd: dir });
    execFileSync('git', ['apply', 'fix.patch'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(FIXED);
  });

  it('--dry-run needs --fix', () => {
    const r = cli(workdir(), ['--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('harden-check: --dry-run goes with --fix (see --help)');
  });
});
