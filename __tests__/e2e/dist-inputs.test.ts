// Every input's validation through the bundle, as the runner runs it: one `::error::` line
// naming the input and what it accepts, exit 1, no stack trace.
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runAction } from '../helpers/run-action.js';
import { requireDocker } from '../runtime/helpers.js';

const hasDocker = await requireDocker();

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hc-inputs-'));
  copyFileSync(join(ROOT, 'examples/python-fastapi/Dockerfile'), join(dir, 'Dockerfile'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function expectOneLineError(inputs: Record<string, string>, re: RegExp, ws?: string): Promise<void> {
  const run = await runAction({ inputs: { build: 'false', comment: 'false', ...inputs }, workspace: ws });
  expect(run.code).toBe(1);
  const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(re);
  expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
}

describe('input validation through the bundle', () => {
  it.each([
    [
      'fail-on unknown',
      { 'fail-on': 'critical' },
      /Input "fail-on" must be one of error, warning, note, never; got "critical"/,
    ],
    [
      'health-timeout negative',
      { 'health-timeout': '-5' },
      /Input "health-timeout" must be a positive number of seconds \(e\.g\. 60\); got "-5"/,
    ],
    [
      'health-timeout not a number',
      { 'health-timeout': 'soon' },
      /Input "health-timeout" must be a positive number of seconds.*"soon"/,
    ],
    [
      'build-args line without =',
      { 'build-args': 'VERSION' },
      /Input "build-args": "VERSION" is not KEY=VALUE/,
    ],
    [
      'env-overrides line without =',
      { 'env-overrides': 'PORT 8080' },
      /Input "env-overrides": "PORT 8080" is not KEY=VALUE/,
    ],
    ['build not a boolean', { build: 'maybe' }, /Input "build" must be true or false, got "maybe"/],
    ['ignore not a rule id', { ignore: 'DL3008' }, /Input "ignore": "DL3008" is not a rule id like HC101/],
    [
      'network not a network name',
      { network: '--cap-add=ALL' },
      /Input "network" must be none, bridge, host, container:<name> or the name of a network .*got "--cap-add=ALL"/,
    ],
    [
      'dockerfile glob matching nothing',
      { dockerfile: 'services/*/Dockerfile' },
      /Input "dockerfile": .*services\/\*\/Dockerfile/,
    ],
  ])('%s', async (_name, inputs, re) => {
    await expectOneLineError(inputs as Record<string, string>, re);
  });

  it('context that is not a directory (before any docker call)', async () => {
    await expectOneLineError(
      { dockerfile: 'Dockerfile', build: 'true', context: 'nope' },
      /Input "context": "nope" is not a directory \(looked in /,
      workspace({}),
    );
  });

  it('config with an unknown key', async () => {
    const ws = workspace({ '.harden-check.yml': 'ignroe: [HC101]\n' });
    await expectOneLineError(
      { dockerfile: 'Dockerfile' },
      /\.harden-check\.yml.*ignroe.*(ignore|allowed|expected)/i,
      ws,
    );
  });

  it('config with bad YAML', async () => {
    const ws = workspace({ 'hc.yml': 'ignore: [HC101\nseverity: {\n' });
    await expectOneLineError({ dockerfile: 'Dockerfile', config: 'hc.yml' }, /hc\.yml/, ws);
  });

  it.skipIf(!hasDocker)('image that does not exist', async () => {
    await expectOneLineError(
      { image: 'hc-no-such-image:never', build: 'true', dockerfile: 'examples/python-fastapi/Dockerfile' },
      /Input "image": "hc-no-such-image:never" is not in the Docker engine; pull or build it before this step/,
    );
  });
});
