// Runs the committed bundle the way the GitHub runner does: every input as INPUT_<NAME>
// (hyphens kept) with action.yml's defaults filled in, file commands pointing at files
// that exist, and the post step started with the STATE_* values the main step saved.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist', 'index.js');

interface ActionYml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string; post?: string };
}

export function actionYml(): ActionYml {
  return parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state: Record<string, string>;
  dir: string;
}

export interface RunOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** Node binary (default: this process's). */
  node?: string;
  workspace?: string;
  /** Run the post step instead, with this state. */
  state?: Record<string, string>;
  timeoutMs?: number;
}

/** Parse `name<<delimiter\nvalue\ndelimiter` records of GITHUB_OUTPUT / GITHUB_STATE. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]);
    out[m[1]] = value.join('\n');
  }
  return out;
}

export async function runAction(opts: RunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hc-action-'));
  const files = { output: 'output', state: 'state', summary: 'summary', env: 'env', path: 'path' };
  for (const f of Object.values(files)) writeFileSync(path.join(dir, f), '');
  const yml = actionYml();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: opts.workspace ?? ROOT,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9', // nothing listens: a stray API call fails fast, locally
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: path.join(dir, files.output),
    GITHUB_STATE: path.join(dir, files.state),
    GITHUB_STEP_SUMMARY: path.join(dir, files.summary),
    GITHUB_ENV: path.join(dir, files.env),
    GITHUB_PATH: path.join(dir, files.path),
  };
  // The runner injects action.yml defaults; `${{ github.token }}` becomes a token.
  for (const [name, spec] of Object.entries(yml.inputs)) {
    const def = spec.default ?? '';
    env[`INPUT_${name.toUpperCase()}`] = def.includes('${{') ? 'ghs_testtoken' : def;
  }
  for (const [name, value] of Object.entries(opts.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value;
  Object.assign(env, opts.env ?? {});
  if (opts.state) for (const [k, v] of Object.entries(opts.state)) env[`STATE_${k}`] = v;

  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(opts.node ?? process.execPath, [DIST], { env, cwd: env.GITHUB_WORKSPACE });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
      child.on('error', reject);
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve({ code: c ?? -1, stdout, stderr });
      });
    },
  );
  return {
    code,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(path.join(dir, files.output), 'utf8')),
    summary: readFileSync(path.join(dir, files.summary), 'utf8'),
    state: parseFileCommands(readFileSync(path.join(dir, files.state), 'utf8')),
    dir,
  };
}

/** Node binaries to run the bundle with: this one, and Node 24 when HARDEN_CHECK_NODE24 points at it. */
export function nodeBinaries(): { name: string; bin: string }[] {
  const out = [{ name: `node ${process.version}`, bin: process.execPath }];
  const n24 = process.env.HARDEN_CHECK_NODE24;
  if (n24) out.push({ name: 'node 24', bin: n24 });
  else if (process.env.HARDEN_CHECK_REQUIRE_NODE24 === 'true') {
    throw new Error(
      'HARDEN_CHECK_REQUIRE_NODE24 is set but HARDEN_CHECK_NODE24 is not: .ci/run installs Node 24',
    );
  }
  return out;
}
