// The deploy group through the whole runtime (verifyRuntime): graceful-stop runs after the
// checklist on the main container, the verdict lands in the result with its finding, and the
// verified Kubernetes snippet holds what this run proved. Built by the builder of this leg.
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { verifyRuntime } from '../../../src/runtime/verify.js';
import { requireBuilder } from '../../helpers/builder.js';
import {
  check,
  deployStatuses,
  expectNoLeftovers,
  fixtureOptions,
  removeContexts,
  requireDocker,
  statuses,
} from '../helpers.js';

const hasDocker = await requireDocker();
// .ci/run runs this suite once per builder: the leg's declared builder must be the detected one
if (hasDocker) await requireBuilder();
afterAll(removeContexts);

async function verify(name: string, stopTimeoutSeconds: number) {
  const opts = fixtureOptions(name, { stopTimeoutSeconds });
  const t0 = Date.now();
  const r = await verifyRuntime(opts);
  const seconds = (Date.now() - t0) / 1000;
  await expectNoLeftovers(opts.runId);
  return { r, seconds };
}

describe.skipIf(!hasDocker)('the deploy group in a run', () => {
  it('a SIGTERM-handling image: the five pass, graceful-stop passes, the snippet carries the proof', async () => {
    const { r } = await verify('stop-trap', 5);
    expect(statuses(r)).toMatchObject({ 'non-root': 'pass', healthy: 'pass' });
    const stop = check(r, 'graceful-stop');
    expect(stop).toMatchObject({ status: 'pass', source: 'runtime', line: 8 });
    expect(stop.seconds).toBeLessThan(2);
    expect(r.findings.filter((f) => f.check === 'graceful-stop')).toEqual([]);
    const spec = parse(r.kubernetes!).spec;
    expect(spec.terminationGracePeriodSeconds).toBe(5);
    // every line below was proven by a check that passed in this run
    expect(deployStatuses(r)).toEqual({
      'graceful-stop': 'pass',
      'read-only-rootfs': 'pass',
      'restricted-profile': 'pass',
      'setuid-files': 'pass',
    });
    expect(spec.containers[0].securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    // proven with a tmpfs on /tmp: the pod gets a volume there
    expect(spec.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
    expect(spec.containers[0].livenessProbe).toEqual({
      httpGet: { path: '/', port: 8080 },
      periodSeconds: 30,
      timeoutSeconds: 5,
      failureThreshold: 3,
    });
  });

  it('busybox httpd as PID 1: graceful-stop fails with HC913 at the CMD, no grace period in the snippet', async () => {
    const { r } = await verify('hardened', 2);
    expect(statuses(r)).toMatchObject({ 'non-root': 'pass', healthy: 'pass', 'env-override': 'pass' });
    expect(check(r, 'graceful-stop')).toMatchObject({ status: 'fail', line: 12, stage: '0' });
    expect(r.findings).toEqual([
      expect.objectContaining({
        ruleId: 'HC913',
        severity: 'error',
        check: 'graceful-stop',
        line: 12,
        file: '__tests__/fixtures/runtime/hardened/Dockerfile',
      }),
    ]);
    const spec = parse(r.kubernetes!).spec;
    expect(spec).not.toHaveProperty('terminationGracePeriodSeconds');
    expect(spec.containers[0].readinessProbe).toBeDefined();
  });

  it('a container that exits before the stop: graceful-stop is skipped with the reason', async () => {
    const { r } = await verify('crash', 2);
    expect(check(r, 'graceful-stop')).toMatchObject({ status: 'skip' });
    expect(check(r, 'graceful-stop').detail).toMatch(/^the container had already exited \(code \d+\)/);
  });
});
