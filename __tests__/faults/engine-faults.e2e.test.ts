// Fault tests against the real engine: an unreachable daemon, a build that hangs past the
// build timeout, a container that ignores SIGTERM, a fork bomb and a memory hog (the
// --pids-limit / --memory limits hold), two runs at once, the main step SIGKILLed
// mid-verification and the post step cleaning up, an image without /etc/passwd, and a
// container that exits before the first probe. Every test leaves nothing behind.
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docker, dockerOk } from '../../src/docker/exec.js';
import { runArgs } from '../../src/docker/container.js';
import { runFilter } from '../../src/docker/labels.js';
import { cleanupRun } from '../../src/runtime/verify.js';
import { verifyLesson } from '../runtime/helpers.js';
import { STATE_CONTAINERS, STATE_RUN_IDS } from '../../src/docker/cleanup.js';
import { runAction } from '../helpers/run-action.js';
import {
  BUSYBOX,
  contextOptions,
  expectNoLeftovers,
  fixtureOptions,
  removeContexts,
  requireDocker,
  statuses,
  withEnv,
} from '../runtime/helpers.js';
import type { RuntimeOptions } from '../../src/runtime/types.js';

const hasDocker = await requireDocker();
const dirs: string[] = [];
afterAll(removeContexts);

const BASE = ['FROM scratch', 'COPY busybox /bin/busybox', 'RUN ["/bin/busybox", "--install", "-s", "/bin"]'];
const PASSWD =
  'RUN mkdir -p /etc /tmp && echo "root:x:0:0:root:/root:/bin/sh" > /etc/passwd && echo "root:x:0:" > /etc/group' +
  ' && echo "appuser:x:1000:1000::/home/appuser:/bin/sh" >> /etc/passwd && echo "appuser:x:1000:" >> /etc/group';

/** A build context with busybox and this Dockerfile; options like fixtureOptions'. */
function inline(name: string, lines: string[], over: Partial<RuntimeOptions> = {}): RuntimeOptions {
  const ctx = mkdtempSync(join(tmpdir(), `hc-fault-${name}-`));
  dirs.push(ctx);
  cpSync(BUSYBOX, join(ctx, 'busybox'));
  writeFileSync(join(ctx, 'Dockerfile'), [...lines, ''].join('\n'));
  return contextOptions(ctx, 'Dockerfile', name, { healthTimeoutSeconds: 15, ...over });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('docker daemon not reachable', () => {
  // No engine needed: the point is that there is none.
  it('the bundle reports the static audit and one clear line about the engine', async () => {
    const r = await runAction({
      inputs: { dockerfile: 'examples/insecure/Dockerfile', 'fail-on': 'never', comment: 'false' },
      env: { DOCKER_HOST: `unix://${join(tmpdir(), 'hc-no-such-docker.sock')}` },
      timeoutMs: 30_000,
    });
    expect(r.code).toBe(0);
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning') && /Docker engine/.test(l));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/No Docker engine answered: static audit only/);
    expect(Number(r.outputs.errors)).toBeGreaterThan(0); // the static findings of examples/insecure
    expect(r.summary).toMatch(/HC1\d\d/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 40_000);
});

describe.skipIf(!hasDocker)('engine faults', () => {
  afterAll(async () => {
    const { rmSync } = await import('node:fs');
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('a build that hangs past the build timeout is stopped and reported, nothing left', async () => {
    const marker = `sleep ${6000 + Math.floor(Math.random() * 999)}`;
    const opts = inline('hang', [...BASE, `RUN ${marker}`]);
    const t0 = Date.now();
    const r = await withEnv({ HARDEN_CHECK_BUILD_TIMEOUT: '4' }, () => verifyLesson(opts));
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(r.buildFailed).toBe(true);
    expect(r.buildLogTail).toMatch(/build timed out after 4 s/);
    expect(r.checks.find((c) => c.id === 'healthy')?.detail).toMatch(/timed out after 4 s/);
    await expectNoLeftovers(opts.runId);
    // The legacy builder's intermediate container goes with the cancelled build.
    for (let i = 0; i < 20; i++) {
      const ps = await docker(['ps', '--all', '--no-trunc', '--format', '{{.Command}}']);
      if (!ps.stdout.includes(marker)) break;
      await sleep(500);
    }
    const ps = await docker(['ps', '--all', '--no-trunc', '--format', '{{.ID}} {{.Command}}']);
    const stray = ps.stdout.split('\n').filter((l) => l.includes(marker));
    for (const l of stray) await docker(['rm', '--force', l.split(' ')[0]]);
    expect(stray, 'intermediate build container left').toEqual([]);
  }, 60_000);

  it('a container that ignores SIGTERM is still removed', async () => {
    const opts = inline('noterm', [
      ...BASE,
      PASSWD,
      'USER 1000:1000',
      'HEALTHCHECK --interval=5s CMD true',
      `CMD ["sh", "-c", "trap '' TERM INT; while true; do sleep 1; done"]`,
    ]);
    const r = await verifyLesson(opts);
    expect(statuses(r)['non-root']).toBe('pass');
    expect(statuses(r).healthy).toBe('pass');
    await expectNoLeftovers(opts.runId);
  }, 60_000);

  it('a fork bomb and a memory hog hit --pids-limit / --memory; the runner survives', async () => {
    const opts = inline('limits', [...BASE, PASSWD, 'USER 1000:1000']);
    const built = await dockerOk(['build', '-q', '--label', `harden-check.run=${opts.runId}`, opts.context]);
    const image = built.trim().split('\n').pop()!;
    const runId = opts.runId;
    try {
      const start = async (cmd: string) => {
        const args = runArgs({ image, runId, network: 'none', env: {}, runArgs: ['--entrypoint', 'sh'] });
        args.push('-c', cmd);
        return (await dockerOk(args)).trim().split('\n').pop()!;
      };
      const bomb = await start('b() { b | b & }; b; sleep 30');
      const hog = await start('x=aaaaaaaaaaaaaaaa; while true; do x="$x$x"; done');
      await sleep(6000);
      const inspect = JSON.parse(await dockerOk(['inspect', bomb, hog])) as {
        HostConfig: { PidsLimit: number; Memory: number };
        State: { OOMKilled: boolean; Running: boolean; ExitCode: number };
      }[];
      expect(inspect[0].HostConfig.PidsLimit).toBe(256);
      expect(inspect[1].HostConfig.Memory).toBe(512 * 1024 * 1024);
      if (inspect[0].State.Running) {
        const top = await docker(['top', bomb]);
        expect(top.stdout.trim().split('\n').length - 1).toBeLessThanOrEqual(256);
      }
      // The hog was killed by the cgroup (OOM, exit 137), not by the host.
      expect(inspect[1].State.Running).toBe(false);
      expect(inspect[1].State.OOMKilled || inspect[1].State.ExitCode === 137).toBe(true);
      // The runner (this process) still works and can start processes.
      expect((await docker(['version', '--format', '{{.Server.Version}}'])).exitCode).toBe(0);
    } finally {
      expect(await cleanupRun(runId, [image])).toEqual([]);
    }
    await expectNoLeftovers(runId);
  }, 90_000);

  it('two runs at once on one engine: no name clash, each cleans only its own', async () => {
    const a = fixtureOptions('hardened');
    const b = fixtureOptions('hardened');
    const [ra, rb] = await Promise.all([verifyLesson(a), verifyLesson(b)]);
    for (const r of [ra, rb]) expect(statuses(r).healthy).toBe('pass');
    expect(ra.imageId).toBeTruthy();
    await expectNoLeftovers(a.runId);
    await expectNoLeftovers(b.runId);
  }, 120_000);

  it('the main step SIGKILLed mid-verification: the post step removes everything the run created', async () => {
    const ctx = inline('killed', [
      ...BASE,
      PASSWD,
      'USER 1000:1000',
      'HEALTHCHECK --interval=30s CMD false',
      'CMD ["sleep", "600"]',
    ]).context;
    const main = await runAction({
      workspace: ctx,
      inputs: { dockerfile: 'Dockerfile', 'health-timeout': '120', comment: 'false', 'fail-on': 'never' },
      env: { DOCKER_HOST: process.env.DOCKER_HOST ?? '' },
      timeoutMs: 12_000, // runAction SIGKILLs the step here, mid health wait
    });
    expect(main.code).not.toBe(0);
    const runIds = (main.state[STATE_RUN_IDS] ?? '').split(',').filter(Boolean);
    expect(runIds).toHaveLength(1);
    const ps = await docker(['ps', '--all', '--quiet', '--filter', runFilter(runIds[0])]);
    expect(ps.stdout.trim(), 'the killed step left its container').not.toBe('');
    expect(main.state[STATE_CONTAINERS]).toBeTruthy();

    const post = await runAction({ workspace: ctx, state: main.state, timeoutMs: 60_000 });
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(/cleaned up run/);
    await expectNoLeftovers(runIds[0]);
  }, 90_000);

  it('an image without /etc/passwd: a numeric USER is judged, a named USER that cannot start is named', async () => {
    const numeric = inline('nopasswd', [...BASE, 'USER 1000:1000', 'CMD ["sleep", "600"]']);
    const r1 = await verifyLesson(numeric);
    expect(statuses(r1)['non-root']).toBe('pass');
    await expectNoLeftovers(numeric.runId);

    const named = inline('nopasswd-named', [...BASE, 'USER appuser', 'CMD ["sleep", "600"]']);
    const r2 = await verifyLesson(named);
    // Judged from the image config (not root), and the start failure is named, not thrown.
    const nonRoot = r2.checks.find((c) => c.id === 'non-root')!;
    expect(nonRoot.status).toBe('pass');
    expect(nonRoot.detail).toMatch(/Config\.User appuser .*did not start/);
    expect(r2.checks.find((c) => c.id === 'env-override')).toMatchObject({
      status: 'error',
      detail: expect.stringMatching(
        /container did not start: .*unable to find user appuser: no matching entries in passwd file/,
      ),
    });
    await expectNoLeftovers(named.runId);
  }, 90_000);

  it('a container that exits before the first probe: healthy fails at once with the exit', async () => {
    const opts = fixtureOptions('crash', { healthTimeoutSeconds: 60 });
    const t0 = Date.now();
    const r = await verifyLesson(opts);
    expect(Date.now() - t0).toBeLessThan(30_000);
    const h = r.checks.find((c) => c.id === 'healthy')!;
    expect(h.status).toBe('fail');
    expect(`${h.detail} ${h.diagnosis ?? ''}`).toMatch(/exit/i);
    await expectNoLeftovers(opts.runId);
  }, 60_000);
});
