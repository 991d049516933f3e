// Plan mode: the dockerfile globs resolved into matrix targets with stable, unique ids;
// through the bundle as the action (targets output, summary, nothing built) and the CLI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planTargets, targetId } from '../src/plan.js';
import { InputError } from '../src/inputs.js';
import { ROOT, runAction } from './helpers/run-action.js';

function monorepo(files: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hc-plan-'));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), 'FROM scratch\nUSER 10001\n');
  }
  return dir;
}

describe('planTargets', () => {
  it('resolves globs in order with each Dockerfile’s folder as context and one id per path', () => {
    const ws = monorepo([
      'services/b/Dockerfile',
      'services/a/Dockerfile',
      'tools/x.Dockerfile',
      'README.md',
    ]);
    const plan = planTargets({
      dockerfile: ['services/*/Dockerfile', 'tools/*.Dockerfile'],
      workspace: ws,
      context: '',
      target: '',
    });
    expect(plan).toEqual([
      { id: 'services-a-dockerfile', dockerfile: 'services/a/Dockerfile', context: 'services/a', target: '' },
      { id: 'services-b-dockerfile', dockerfile: 'services/b/Dockerfile', context: 'services/b', target: '' },
      { id: 'tools-x-dockerfile', dockerfile: 'tools/x.Dockerfile', context: 'tools', target: '' },
    ]);
  });

  it('keeps ids unique when two paths slug alike, and stable across runs', () => {
    const ws = monorepo(['a-b/Dockerfile', 'a/b/Dockerfile', 'Dockerfile']);
    const plan = planTargets({
      dockerfile: ['**/Dockerfile'],
      workspace: ws,
      context: '.',
      target: 'runtime',
    });
    expect(plan.map((t) => t.id)).toEqual(['dockerfile', 'a-b-dockerfile', 'a-b-dockerfile-2']);
    expect(plan.every((t) => t.context === '.' && t.target === 'runtime')).toBe(true);
    expect(
      planTargets({ dockerfile: ['**/Dockerfile'], workspace: ws, context: '.', target: 'runtime' }),
    ).toEqual(plan);
    expect(targetId('Services/API/Dockerfile.prod')).toBe('services-api-dockerfile-prod');
  });

  it('fails in one line when a pattern matches nothing', () => {
    const ws = monorepo(['Dockerfile']);
    expect(() =>
      planTargets({ dockerfile: ['apps/*/Dockerfile'], workspace: ws, context: '', target: '' }),
    ).toThrow(new InputError('Input "dockerfile": the pattern "apps/*/Dockerfile" matched no file.'));
  });
});

describe('plan mode through the bundle', () => {
  it('sets the targets output for fromJSON, lists them in the summary and builds nothing', async () => {
    const ws = monorepo(['svc/api/Dockerfile', 'svc/web/Dockerfile']);
    // A docker client that fails loudly proves no docker call is made.
    const run = await runAction({
      inputs: { plan: 'true', dockerfile: 'svc/*/Dockerfile' },
      workspace: ws,
      env: { HARDEN_CHECK_DOCKER: '/nonexistent/docker' },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.outputs.targets)).toEqual([
      { id: 'svc-api-dockerfile', dockerfile: 'svc/api/Dockerfile', context: 'svc/api', target: '' },
      { id: 'svc-web-dockerfile', dockerfile: 'svc/web/Dockerfile', context: 'svc/web', target: '' },
    ]);
    expect(run.outputs.result).toBeUndefined();
    expect(run.summary).toContain('harden-check plan');
    expect(run.summary).toContain('svc/web/Dockerfile');
    expect(run.stdout).not.toMatch(/building|::error/);
  });

  it('fails the plan job on a broken config, naming file and line', async () => {
    const ws = monorepo(['Dockerfile']);
    writeFileSync(path.join(ws, '.harden-check.yml'), 'ignore: [HC101]\nunknown-key: 1\n');
    const run = await runAction({ inputs: { plan: 'true' }, workspace: ws });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*\.harden-check\.yml:2/);
  });
});

describe('harden-check --list-targets', () => {
  it('prints the same targets as JSON and exits 0; a pattern matching nothing is exit 2', () => {
    const ws = monorepo(['svc/api/Dockerfile']);
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'index.js'), ...args], {
        cwd: ws,
        encoding: 'utf8',
      });
    const ok = cli(['--list-targets', '--target', 'prod', 'svc/*/Dockerfile']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([
      { id: 'svc-api-dockerfile', dockerfile: 'svc/api/Dockerfile', context: 'svc/api', target: 'prod' },
    ]);
    const none = cli(['--list-targets', 'nope/*/Dockerfile']);
    expect(none.status).toBe(2);
    expect(none.stderr.trim()).toBe('harden-check: the pattern "nope/*/Dockerfile" matched no file.');
  });
});
