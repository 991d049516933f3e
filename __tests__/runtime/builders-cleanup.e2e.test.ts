// The same adapter through both builders, the `image` input (never removed), and the
// post-step cleanup of a container left running by a killed main step.
import { afterAll, describe, expect, it } from 'vitest';
import { docker, dockerOk } from '../../src/docker/exec.js';
import { RUN_LABEL } from '../../src/docker/labels.js';
import { cleanupRun, verifyRuntime } from '../../src/runtime/verify.js';
import { post } from '../../src/post.js';
import { STATE_CONTAINERS, STATE_IMAGES, STATE_RUN_IDS } from '../../src/docker/cleanup.js';
import {
  expectNoLeftovers,
  fixtureContext,
  fixtureOptions,
  imageExists,
  newRunId,
  removeContexts,
  requireDocker,
  statuses,
  withEnv,
  ALL_PASS,
} from './helpers.js';

const hasDocker = await requireDocker();
const BUILDKIT_CLIENT = '/usr/bin/docker';
const hasBuildkitClient = hasDocker && (await import('node:fs')).existsSync(BUILDKIT_CLIENT);

afterAll(removeContexts);

describe.skipIf(!hasDocker)('builders, image input, cleanup', () => {
  it.skipIf(!hasBuildkitClient)(
    'BuildKit (HARDEN_CHECK_DOCKER=/usr/bin/docker, DOCKER_BUILDKIT=1, --network=none): hardened image passes',
    async () => {
      const opts = fixtureOptions('hardened', { buildFlags: ['--network=none'] });
      const r = await withEnv({ HARDEN_CHECK_DOCKER: BUILDKIT_CLIENT, DOCKER_BUILDKIT: '1' }, () =>
        verifyRuntime(opts),
      );
      expect(statuses(r)).toEqual(ALL_PASS);
      // BuildKit's plain progress, not the legacy "Step 1/9" lines.
      expect(r.buildLogTail).toMatch(/#\d+ /);
      expect(r.buildLogTail).not.toMatch(/Step \d+\/\d+/);
      await expectNoLeftovers(opts.runId);
    },
    60_000,
  );

  it.skipIf(!hasBuildkitClient)(
    'BuildKit: a failing build reports buildFailed with the tail',
    async () => {
      const opts = fixtureOptions('build-fails', { buildFlags: ['--network=none'] });
      const r = await withEnv({ HARDEN_CHECK_DOCKER: BUILDKIT_CLIENT, DOCKER_BUILDKIT: '1' }, () =>
        verifyRuntime(opts),
      );
      expect(r.buildFailed).toBe(true);
      expect(r.buildLogTail).toMatch(/error: missing dependency libfoo/);
      expect(r.checks.find((c) => c.id === 'healthy')?.detail).toMatch(/^build failed \(buildkit, exit 1\)/);
      await expectNoLeftovers(opts.runId);
    },
    60_000,
  );

  it('image input: checks a prebuilt image and never removes it', async () => {
    const tag = `hc-test-prebuilt:${newRunId('img').slice(-8)}`;
    const ctx = fixtureContext('hardened');
    await dockerOk(['build', '-q', '-t', tag, ctx]);
    try {
      const opts = fixtureOptions('hardened', { image: tag });
      const r = await verifyRuntime(opts);
      expect(statuses(r)).toEqual(ALL_PASS);
      expect(r.timings.build).toBeUndefined();
      expect(await imageExists(tag)).toBe(true);
      await expectNoLeftovers(opts.runId);
    } finally {
      await docker(['image', 'rm', '--force', tag]);
    }
  }, 60_000);

  it('image input that does not exist: every check errors with the reason', async () => {
    const opts = fixtureOptions('hardened', { image: 'hc-test-missing:nope' });
    const r = await verifyRuntime(opts);
    expect(new Set(r.checks.map((c) => c.status))).toEqual(new Set(['error']));
    expect(r.checks[0].detail).toBe(
      'image hc-test-missing:nope not found in the Docker engine (pull or build it before this step)',
    );
  });

  it('post() removes a container and image a killed run left behind (by the saved state)', async () => {
    const runId = newRunId('killed');
    const ctx = fixtureContext('hardened');
    const iid = (await dockerOk(['build', '-q', '--label', `${RUN_LABEL}=${runId}`, ctx])).trim();
    const cid = (
      await dockerOk(['run', '--detach', '--network', 'none', '--label', `${RUN_LABEL}=${runId}`, iid])
    ).trim();
    expect((await dockerOk(['inspect', '--format', '{{.State.Running}}', cid])).trim()).toBe('true');
    // What the runner gives the post step: STATE_<name> from the main step's saveState.
    await withEnv(
      {
        [`STATE_${STATE_RUN_IDS}`]: runId,
        [`STATE_${STATE_CONTAINERS}`]: cid,
        [`STATE_${STATE_IMAGES}`]: iid,
      },
      () => post(),
    );
    await expectNoLeftovers(runId);
    expect(await imageExists(iid)).toBe(false);
  }, 60_000);

  it('cleanupRun removes only what carries the run label', async () => {
    const runId = newRunId('mine');
    const other = newRunId('other');
    const ctx = fixtureContext('hardened');
    const iid = (await dockerOk(['build', '-q', ctx])).trim();
    const mine = (
      await dockerOk(['run', '-d', '--network', 'none', '--label', `${RUN_LABEL}=${runId}`, iid])
    ).trim();
    const theirs = (
      await dockerOk(['run', '-d', '--network', 'none', '--label', `${RUN_LABEL}=${other}`, iid])
    ).trim();
    try {
      expect(await cleanupRun(runId)).toEqual([]);
      await expectNoLeftovers(runId);
      expect((await docker(['inspect', theirs])).exitCode).toBe(0);
      expect(await imageExists(iid)).toBe(true); // not built by this run: kept
      expect((await docker(['inspect', mine])).exitCode).not.toBe(0);
    } finally {
      await docker(['rm', '-f', theirs]);
      await docker(['image', 'rm', '--force', iid]);
    }
  }, 60_000);
});
