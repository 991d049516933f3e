// The bundled CLI as a user runs it: clear one-line errors (never a stack trace),
// file:line findings for a malformed Dockerfile, machine-readable formats on stdout.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers/run-action.js';

const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const dir = mkdtempSync(path.join(tmpdir(), 'hc-cli-'));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('harden-check CLI', () => {
  it('names a missing file in one line and exits 2', () => {
    const r = cli(['--static', 'missing/Dockerfile']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `harden-check: missing/Dockerfile: Dockerfile not found (looked in ${dir}).`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a malformed Dockerfile with file and line, never a stack trace', () => {
    writeFileSync(
      path.join(dir, 'Bad.Dockerfile'),
      'FROM alpine:3.19\nRUNN echo hi\nHEALTHCHECK --interval=abc CMD true\n',
    );
    const r = cli(['--static', '--no-color', 'Bad.Dockerfile']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Bad\.Dockerfile:2 {2}error {3}HC524 {2}Unknown instruction: RUNN/m);
    expect(r.stdout).toMatch(/^Bad\.Dockerfile:3 {2}error {3}HC208 /m);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown option and a bad enum value with exit 2', () => {
    expect(cli(['--frobnicate']).code).toBe(2);
    const r = cli(['--format', 'xml', 'Bad.Dockerfile']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'Option --format must be one of text, json, sarif, markdown, checkstyle, junit, gitlab; got "xml".',
    );
    const c = cli(['--context', 'nope', 'Bad.Dockerfile']);
    expect(c.code).toBe(2);
    expect(c.stderr.trim()).toBe(
      `harden-check: Option --context: "nope" is not a directory (looked in ${dir}).`,
    );
    const n = cli(['--network', 'bad net', 'Bad.Dockerfile']);
    expect(n.code).toBe(2);
    expect(n.stderr.trim()).toBe(
      'harden-check: Option --network must be none, bridge, host, container:<name> or the name of a network (letters, digits, _ . -); got "bad net".',
    );
  });

  it('prints parseable JSON and SARIF on stdout', () => {
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM alpine:3.19\nUSER 10001\n');
    const json = cli(['--static', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ version: 1, targets: [{ dockerfile: 'Dockerfile' }] });
    const sarif = cli(['--static', '--format', 'sarif']);
    expect(JSON.parse(sarif.stdout)).toMatchObject({ version: '2.1.0' });
  });

  it('prints checkstyle, JUnit and GitLab Code Quality reports, and --help lists every format', () => {
    writeFileSync(
      path.join(dir, 'Dockerfile'),
      'FROM alpine:3.19\nENV API_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n',
    );
    const checkstyle = cli(['--static', '--format', 'checkstyle']);
    expect(checkstyle.code).toBe(1);
    expect(checkstyle.stdout).toMatch(
      /^<\?xml [^>]+\?>\n<checkstyle version="4.3">\n {2}<file name="Dockerfile">/,
    );
    expect(checkstyle.stdout).toMatch(
      /<error line="2" column="15" severity="error" message="HC302: [^"]+" source="harden-check.HC302"\/>/,
    );
    const junit = cli(['--static', '--format', 'junit']);
    expect(junit.stdout).toContain('<testsuite name="harden-check Dockerfile" tests="10" failures="');
    expect(junit.stdout).toContain('name="non-root: Runs as non-root"');
    const gitlab = JSON.parse(cli(['--static', '--format', 'gitlab']).stdout) as { check_name: string }[];
    expect(gitlab.map((i) => i.check_name)).toContain('HC302');
    for (const out of [checkstyle.stdout, junit.stdout, JSON.stringify(gitlab)]) {
      expect(out).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    }
    const help = cli(['--help']).stdout;
    for (const f of ['text', 'json', 'sarif', 'markdown', 'checkstyle', 'junit', 'gitlab']) {
      expect(help).toMatch(new RegExp(`^ +${f} +\\S`, 'm'));
    }
  });

  it('lists the rules', () => {
    const r = cli(['--list-rules']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| [HC101](docs/rules/HC101.md) | Final stage runs as root | error |');
  });
});
