// The committed bundle, run exactly as the runner runs it, in static mode (build: false).
// Proves the bundle loads on Node 20 and Node 24, writes the outputs and a report-json
// of the documented schema, annotates, and fails only per fail-on.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { nodeBinaries, runAction } from '../helpers/run-action.js';

const CHECK_IDS = [
  'non-root',
  'healthcheck-defined',
  'healthy',
  'no-secrets',
  'env-override',
  'graceful-stop',
  'read-only-rootfs',
  'restricted-profile',
  'setuid-files',
];

describe.each(nodeBinaries())('dist/index.js on $name', ({ bin }) => {
  it('audits the production template: passes, writes outputs and the report JSON', async () => {
    const run = await runAction({
      node: bin,
      inputs: { dockerfile: 'examples/python-fastapi/Dockerfile', build: 'false' },
    });
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe('pass');
    expect(run.outputs.errors).toBe('0');
    expect(run.outputs['image-id']).toBe('');
    const reportPath = run.outputs['report-json'];
    expect(existsSync(reportPath)).toBe(true);
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    expect(report).toMatchObject({ version: 1, result: 'pass' });
    expect(report.targets).toHaveLength(1);
    const t = report.targets[0];
    expect(t.dockerfile).toBe('examples/python-fastapi/Dockerfile');
    expect(t.image).toBeNull();
    expect(t.checks.map((c: { id: string }) => c.id)).toEqual(CHECK_IDS);
    expect(t.checks.find((c: { id: string }) => c.id === 'non-root')).toMatchObject({ status: 'pass' });
    expect(t.checks.find((c: { id: string }) => c.id === 'healthy')).toMatchObject({ status: 'skip' });
    expect(typeof t.timings.audit).toBe('number');
    expect(Array.isArray(report.findings)).toBe(true);
    expect(report.checks.map((c: { id: string }) => c.id)).toEqual(CHECK_IDS);
    expect(run.summary).toContain('non-root');
  });

  it('fails the step on the insecure example, annotates lines, never prints a secret', async () => {
    const run = await runAction({
      node: bin,
      inputs: { dockerfile: 'examples/insecure/Dockerfile', build: 'false' },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('fail');
    expect(Number(run.outputs.errors)).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/::error (?:[^:]*,)?file=examples\/insecure\/Dockerfile,(?:[^:]*,)?line=\d+/);
    const everything =
      run.stdout + run.stderr + run.summary + readFileSync(run.outputs['report-json'], 'utf8');
    expect(everything).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(everything).not.toContain('s3cr3t-Passw0rd');
  });

  it('fail-on: never reports the failure but does not fail the step', async () => {
    const run = await runAction({
      node: bin,
      inputs: { dockerfile: 'examples/insecure/Dockerfile', build: 'false', 'fail-on': 'never' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe('pass');
    expect(Number(run.outputs.errors)).toBeGreaterThan(0);
  });

  it('rejects a bad input in one line naming the input and the accepted values', async () => {
    const run = await runAction({ node: bin, inputs: { 'fail-on': 'high', build: 'false' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::Input "fail-on" must be one of error, warning, note, never; got "high".',
    );
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a Dockerfile that does not exist', async () => {
    const run = await runAction({ node: bin, inputs: { dockerfile: 'nope/Dockerfile', build: 'false' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::Input "dockerfile": nope\/Dockerfile: Dockerfile not found/);
  });
});
