// runFix refuses to write a Dockerfile that changed on disk between its read and the
// write (the edit lands in the window the beforeWrite hook opens), and writes nothing.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runFix } from '../../src/cli/fix.js';
import { parseCliArgs } from '../../src/cli/args.js';
import { DEFAULT_CONFIG } from '../../src/config.js';

const ORIGINAL = 'FROM debian:12-slim\n# the app\nADD app.sh /usr/local/bin/app.sh\nUSER 10001\n';

describe('runFix', () => {
  it('refuses to write a Dockerfile that changed on disk since it was read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hc-run-fix-'));
    const file = path.join(dir, 'Dockerfile');
    writeFileSync(file, ORIGINAL);
    const edited = ORIGINAL.replace('# the app', '# the app, edited meanwhile');
    let stderr = '';
    let info = '';
    const outcome = await runFix(parseCliArgs(['--fix'], {}), DEFAULT_CONFIG, dir, {
      stdout: () => undefined,
      info: (s) => (info += s),
      stderr: (s) => (stderr += s),
      beforeWrite: () => writeFileSync(file, edited),
    });
    expect(outcome.abort).toBe(2);
    expect(stderr).toBe(
      'harden-check: Dockerfile changed on disk since it was read: not written, run --fix again.\n',
    );
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(info).toBe('');
  });

  it('names an unknown --target as the option it is', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hc-run-fix-'));
    writeFileSync(path.join(dir, 'Dockerfile'), ORIGINAL);
    const io = { stdout: () => undefined, info: () => undefined, stderr: () => undefined };
    await expect(
      runFix(parseCliArgs(['--fix', '--target', 'nope'], {}), DEFAULT_CONFIG, dir, io),
    ).rejects.toThrow(/^Option --target: /);
  });

  it('writes the fixes when nothing changed meanwhile', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hc-run-fix-'));
    const file = path.join(dir, 'Dockerfile');
    writeFileSync(file, ORIGINAL);
    let info = '';
    const outcome = await runFix(parseCliArgs(['--fix'], {}), DEFAULT_CONFIG, dir, {
      stdout: () => undefined,
      info: (s) => (info += s),
      stderr: () => undefined,
    });
    expect(outcome.abort).toBeNull();
    expect(readFileSync(file, 'utf8')).toContain('COPY app.sh /usr/local/bin/app.sh');
    expect(info).toMatch(/^Dockerfile:3: fixed HC\d+/m);
  });
});
