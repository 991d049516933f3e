// `docker events` wake-ups against the real engine: the health wait hears about a finished
// probe or a dead container at once instead of at its next poll, only events of its own run
// wake it, and the events client never outlives the wait.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docker } from '../../src/docker/exec.js';
import { watchRunEvents } from '../../src/docker/events.js';
import { RUN_LABEL } from '../../src/docker/labels.js';
import { cleanupRun } from '../../src/docker/cleanup.js';
import { fixtureContext, newRunId, removeContexts, requireDocker } from '../runtime/helpers.js';

const hasDocker = await requireDocker();
const IMAGE = 'harden-check-test/events:busybox';

/** `docker events` clients started by this process that are still alive. */
function eventClients(runId: string): number {
  const out = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes(' events ') && l.includes(runId)).length;
}

/** A detached container of the test image, labelled as the given run's. */
async function runLabelled(runId: string, ...cmd: string[]): Promise<void> {
  const run = await docker([
    'run',
    '--detach',
    '--network',
    'none',
    '--label',
    `${RUN_LABEL}=${runId}`,
    IMAGE,
    '/bin/busybox',
    ...cmd,
  ]);
  expect(run.exitCode, run.stderr).toBe(0);
}

describe.skipIf(!hasDocker)('docker events wake-ups', () => {
  const runIds: string[] = [];

  beforeAll(async () => {
    const ctx = fixtureContext('no-healthcheck');
    writeFileSync(join(ctx, 'Dockerfile'), 'FROM scratch\nCOPY busybox /bin/busybox\nUSER 1000\n');
    const b = await docker(['build', '-q', '-t', IMAGE, ctx]);
    expect(b.exitCode, b.stderr).toBe(0);
  }, 120_000);

  afterAll(async () => {
    for (const id of runIds) await cleanupRun(id);
    await docker(['image', 'rm', '-f', IMAGE]);
    removeContexts();
  });

  it('wakes the moment a container of the run dies, long before the wait would end', async () => {
    const runId = newRunId('events');
    runIds.push(runId);
    const events = watchRunEvents(runId, 60);
    try {
      // the client subscribes asynchronously: give it a moment before the container exists
      await new Promise((r) => setTimeout(r, 300));
      await runLabelled(runId, 'sleep', '1');
      const t0 = Date.now();
      while (events.count === 0 && Date.now() - t0 < 20_000) await events.wait(20_000);
      expect(events.count).toBeGreaterThan(0);
      // died after its 1 s sleep; a plain 20 s wait would still be sleeping
      expect(Date.now() - t0).toBeLessThan(10_000);
    } finally {
      events.stop();
    }
  }, 60_000);

  it('ignores the containers of other runs, and its client is gone after stop()', async () => {
    const mine = newRunId('events-mine');
    const other = newRunId('events-other');
    runIds.push(mine, other);
    const events = watchRunEvents(mine, 60);
    await new Promise((r) => setTimeout(r, 300));
    expect(eventClients(mine)).toBe(1);
    await runLabelled(other, 'true');
    const t0 = Date.now();
    await events.wait(3_000);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2_900);
    expect(events.count).toBe(0);
    events.stop();
    await new Promise((r) => setTimeout(r, 300));
    expect(eventClients(mine)).toBe(0);
  }, 60_000);

  it('bounds the client by --until even when stop() is never called', async () => {
    const runId = newRunId('events-until');
    watchRunEvents(runId, 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(eventClients(runId)).toBe(1);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(eventClients(runId)).toBe(0);
  }, 30_000);
});
