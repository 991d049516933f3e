// graceful-stop on the real engine: the probe stops a running container as `docker stop -t`
// does, on images built by the builder of this leg (classic or buildx). An exec-form shell
// that traps SIGTERM stops at once; a shell-form CMD and busybox httpd as PID 1 (no handler)
// are SIGKILLed at the bound, each with its own cause and line: the probe says so from PID 1's
// signal mask without waiting, and a real docker stop afterwards confirms it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupRun } from '../../../src/docker/cleanup.js';
import { runContainer } from '../../../src/docker/container.js';
import { docker } from '../../../src/docker/exec.js';
import { inspectContainer, inspectImage } from '../../../src/docker/inspect.js';
import { checkGracefulStop } from '../../../src/runtime/checks/graceful-stop.js';
import { requireBuilder } from '../../helpers/builder.js';
import {
  FASTAPI_BASE,
  expectNoLeftovers,
  imageExists,
  factsFrom,
  buildFixture,
  newRunId,
  removeContexts,
  requireDocker,
} from '../helpers.js';

const hasDocker = await requireDocker();
// .ci/run runs this suite once per builder: the leg's declared builder must be the detected one
if (hasDocker) await requireBuilder();
const hasDebianBase = hasDocker && (await imageExists(FASTAPI_BASE));
if (hasDocker && !hasDebianBase) {
  if (process.env.CI === 'true') throw new Error(`${FASTAPI_BASE} missing: run scripts/build-test-bases.sh`);
  console.warn(`⚠️  ${FASTAPI_BASE} missing (scripts/build-test-bases.sh): uvicorn stop test SKIPPED`);
}
afterAll(removeContexts);

/**
 * Build the fixture, start it, let it settle, run the probe; everything is removed after.
 * `realStop`: then stop it as docker stop -t <bound> does and time that too (the probe may
 * have decided without waiting: its verdict must be what really happens).
 */
async function stopFixture(name: string, boundSeconds: number, realStop = false) {
  const runId = newRunId(`stop-${name}`);
  const built: string[] = [];
  try {
    const b = await buildFixture(name, runId);
    built.push(b.imageId);
    const info = (await inspectImage(b.imageId)) ?? (await inspectImage(b.tag));
    const run = await runContainer({ image: info!.id, runId, network: 'none', env: {}, runArgs: [] });
    expect(run.error).toBe('');
    await new Promise((r) => setTimeout(r, 700));
    const tProbe = Date.now();
    const probe = await checkGracefulStop({
      containerId: run.id!,
      boundSeconds,
      stopSignal: info!.stopSignal,
      facts: factsFrom(readFileSync(join(b.ctx, 'Dockerfile'), 'utf8')),
    });
    const r = { ...probe, probeSeconds: (Date.now() - tProbe) / 1000 };
    if (!realStop) return { ...r, real: null };
    const t0 = Date.now();
    await docker(['stop', '-t', String(boundSeconds), run.id!]);
    const seconds = (Date.now() - t0) / 1000;
    const state = await inspectContainer(run.id!);
    return { ...r, real: { seconds, exitCode: state?.exitCode } };
  } finally {
    await cleanupRun(runId, built);
    await expectNoLeftovers(runId);
  }
}

describe.skipIf(!hasDocker)('graceful-stop against a real engine', () => {
  it('passes an exec-form shell that traps SIGTERM, with the measured stop time', async () => {
    const r = await stopFixture('stop-trap', 5);
    expect(r.check).toMatchObject({ id: 'graceful-stop', status: 'pass', line: 8 });
    expect(r.check.detail).toMatch(
      /^stopped by itself: exited with code 0 [\d.]+ s after SIGTERM \(bound 5 s\)$/,
    );
    expect(r.check.seconds).toBeLessThan(2);
    expect(r.findings).toEqual([]);
    expect(r.pid1Ids).toEqual({ uid: 1000, gid: 1000 });
  });

  it.skipIf(!hasDebianBase)(
    'passes uvicorn in exec form on the Debian base: it handles SIGTERM itself',
    async () => {
      const r = await stopFixture('fastapi-lesson', 5);
      expect(r.check).toMatchObject({ status: 'pass', line: 10 });
      expect(r.check.detail).toMatch(/^stopped by itself: exited with code 0 /);
    },
  );

  it('fails a shell-form CMD: sh -c is PID 1 and is SIGKILLed at the bound', async () => {
    const r = await stopFixture('stop-shell-form', 2, true);
    expect(r.check).toMatchObject({ status: 'fail', line: 9 });
    expect(r.check.seconds).toBe(2);
    // decided from PID 1's signal mask; the real stop afterwards confirms it
    expect(r.check.detail).toMatch(
      /^would be SIGKILLed 2 s after SIGTERM \(bound 2 s; PID 1's signal mask shows no SIGTERM handler, so the stop was not waited for\): PID 1 is a shell \(`\/bin\/sh -c httpd -f -p 8080 -h \/www; echo httpd exited`\): a shell-form CMD/,
    );
    expect(r.real!.seconds).toBeGreaterThanOrEqual(1.8);
    expect(r.real!.exitCode).toBe(137);
    expect(r.findings).toEqual([
      expect.objectContaining({ ruleId: 'HC913', severity: 'error', line: 9, check: 'graceful-stop' }),
    ]);
    expect(r.findings[0].message).toMatch(/exec form/);
  });

  it('fails busybox httpd as PID 1: no SIGTERM handler, so only SIGKILL stops it', async () => {
    const r = await stopFixture('hardened', 3, true);
    expect(r.check).toMatchObject({ status: 'fail', line: 12, seconds: 3 });
    expect(r.check.detail).toMatch(
      /^would be SIGKILLed 3 s after SIGTERM .*: PID 1 \(`httpd -f -p 8080 -h \/www`\) has no SIGTERM handler/,
    );
    // what docker stop really does: SIGKILL at the bound
    expect(r.real!.seconds).toBeGreaterThanOrEqual(2.8);
    expect(r.real!.exitCode).toBe(137);
    // the probe decided from the signal mask, without waiting for the bound
    expect(r.probeSeconds).toBeLessThan(2.8);
    expect(r.check.diagnosis).toMatch(/--init/);
  });
});
