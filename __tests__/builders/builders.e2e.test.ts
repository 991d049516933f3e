// The scenarios whose behaviour depends on the builder (legacy builder or buildx/BuildKit) or
// on the engine. CI runs this folder once per matrix leg (.ci/run): legacy builder on the
// machine's engine, buildx on it, and both on a second engine when one runs. Where the
// builders differ, each test asserts what each one does; where they must not differ (the
// verdicts), it asserts the one expected answer.
import { actionsHost } from '../../src/github/actions-host.js';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildImage, localTag, type BuildRequest } from '../../src/docker/build.js';
import { cleanupRun } from '../../src/docker/cleanup.js';
import { docker, dockerBin, dockerEnv, dockerOk } from '../../src/docker/exec.js';
import { imageHistory } from '../../src/docker/history.js';
import { inspectContainer } from '../../src/docker/inspect.js';
import { RUN_LABEL } from '../../src/docker/labels.js';
import { parseDockerTime } from '../../src/runtime/health-probe.js';
import { verifyLesson } from '../runtime/helpers.js';
import { engineVersion, requireBuilder, testBuildFlags } from '../helpers/builder.js';
import { nodeBinaries, runAction } from '../helpers/run-action.js';
import {
  check,
  contextOptions,
  expectNoLeftovers,
  fixtureContext,
  fixtureOptions,
  newRunId,
  removeContexts,
  requireDocker,
  statuses,
  ALL_PASS,
} from '../runtime/helpers.js';

const hasDocker = await requireDocker();
const builder = hasDocker ? await requireBuilder() : null;
const engine = builder ? await engineVersion() : '';
/** The action's name for it: the legacy builder is 'classic'. */
const actionBuilder = builder === 'buildx' ? 'buildx' : 'classic';

// Builds print through core.info: keep them out of the test output.
beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const runIds: string[] = [];
afterAll(async () => {
  for (const id of runIds) await cleanupRun(id);
  removeContexts();
});

function request(ctx: string, name: string, over: Partial<BuildRequest> = {}): BuildRequest {
  const runId = newRunId(name);
  runIds.push(runId);
  return {
    dockerfile: join(ctx, 'Dockerfile'),
    context: ctx,
    buildArgs: {},
    target: '',
    flags: testBuildFlags(),
    runId,
    host: actionsHost,
    tailLines: 200,
    ...over,
  };
}

/** A build context with busybox and this Dockerfile text. */
function contextWith(dockerfile: string): string {
  const ctx = fixtureContext('hardened');
  writeFileSync(join(ctx, 'Dockerfile'), dockerfile);
  return ctx;
}

const BUSYBOX_BASE = [
  'COPY busybox /bin/busybox',
  'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
  'RUN mkdir -p /etc /tmp && echo "root:x:0:0:root:/root:/bin/sh" > /etc/passwd && echo "root:x:0:" > /etc/group',
].join('\n');

describe.skipIf(!builder)(`builder-sensitive behaviour (${builder} builder)`, () => {
  it('--iidfile gives the id of the image the engine holds (--load for buildx), log style per builder', async () => {
    const req = request(fixtureContext('hardened'), 'iid');
    const b = await buildImage(req);
    expect(b).toMatchObject({ ok: true, builder: actionBuilder, exitCode: 0 });
    expect(b.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    // The image is in the engine's store under the run's tag: buildx loaded it.
    const id = (await dockerOk(['image', 'inspect', '--format', '{{.Id}}', localTag(req.runId)])).trim();
    expect(id).toBe(b.imageId);
    const labels = JSON.parse(
      await dockerOk(['image', 'inspect', '--format', '{{json .Config.Labels}}', b.imageId!]),
    );
    expect(labels[RUN_LABEL]).toBe(req.runId);
    if (builder === 'legacy') {
      expect(b.logTail).toMatch(/^Step 1\/\d+ : FROM scratch$/m);
      expect(b.logTail).toContain(`Successfully built ${b.imageId!.slice(7, 19)}`);
    } else {
      // BuildKit's plain progress: numbered steps, no "Successfully built" line.
      expect(b.logTail).toMatch(/^#\d+ \[\d\/\d\] RUN /m);
      expect(b.logTail).toContain(`writing image ${b.imageId}`);
      expect(b.logTail).not.toMatch(/Successfully built|^Step \d/m);
    }
  });

  it('docker history: created_by and comment of each builder; the build-arg secret is found in both', async () => {
    const token = 'npm_' + 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5';
    const req = request(fixtureContext('secret-build-arg'), 'history', { buildArgs: { NPM_TOKEN: token } });
    const b = await buildImage(req);
    expect(b.ok).toBe(true);
    const history = await imageHistory(b.imageId!);
    const run = history.find((h) => h.createdBy.includes('NPM_TOKEN=npm_'));
    const user = history.find((h) => /USER 1000:1000/.test(h.createdBy));
    const label = history.find((h) => h.createdBy.includes(`LABEL ${RUN_LABEL}=`));
    const cmd = `echo "installing with a token of \${#NPM_TOKEN} characters"`;
    if (builder === 'legacy') {
      expect(run).toEqual({ createdBy: `|1 NPM_TOKEN=${token} /bin/sh -c ${cmd}`, comment: '' });
      expect(user?.createdBy).toBe('/bin/sh -c #(nop)  USER 1000:1000');
      // The legacy builder records --label as a last, empty layer.
      expect(label?.createdBy).toBe(`/bin/sh -c #(nop)  LABEL ${RUN_LABEL}=${req.runId}`);
    } else {
      expect(run).toEqual({
        createdBy: `RUN |1 NPM_TOKEN=${token} /bin/sh -c ${cmd} # buildkit`,
        comment: 'buildkit.dockerfile.v0',
      });
      expect(user).toEqual({ createdBy: 'USER 1000:1000', comment: 'buildkit.dockerfile.v0' });
      expect(label).toBeUndefined();
    }
    // The verdict does not depend on the builder.
    const opts = fixtureOptions('secret-build-arg', { buildArgs: { NPM_TOKEN: token }, run: false });
    const r = await verifyLesson(opts);
    expect(check(r, 'no-secrets').detail).toBe('NPM_TOKEN=npm_…(redacted) (npm token; docker history)');
    expect(JSON.stringify(r)).not.toContain(token);
    await expectNoLeftovers(opts.runId);
  });

  it('hardened image: all checks pass, nothing left behind', async () => {
    const opts = fixtureOptions('hardened');
    const r = await verifyLesson(opts);
    expect(statuses(r)).toEqual(ALL_PASS);
    expect(check(r, 'non-root').detail).toBe('uid 1000 (running process; USER 1000:1000, line 10)');
    await expectNoLeftovers(opts.runId);
  });

  it('secret in ENV and a wrong health port: same verdicts as on any builder', async () => {
    const secret = fixtureOptions('secret-env', { run: false });
    const s = await verifyLesson(secret);
    expect(check(s, 'no-secrets').detail).toBe(
      'API_KEY=sk-l…(redacted) (OpenAI/Anthropic-style API key; image Config.Env, docker history)',
    );
    await expectNoLeftovers(secret.runId);
    const port = fixtureOptions('wrong-port');
    const w = await verifyLesson(port);
    expect(check(w, 'healthy').detail).toBe('HEALTHCHECK probes port 8081, the process listens on port 8080');
    await expectNoLeftovers(port.runId);
  });

  it('a failing RUN: buildFailed names the builder, the tail holds the error', async () => {
    const opts = fixtureOptions('build-fails');
    const r = await verifyLesson(opts);
    expect(r.buildFailed).toBe(true);
    expect(r.buildLogTail).toMatch(/error: missing dependency libfoo/);
    // The legacy client exits with the failed RUN's own code (2), buildx with 1.
    const exit = builder === 'legacy' ? 2 : 1;
    expect(check(r, 'healthy').detail).toMatch(
      new RegExp(`^build failed \\(${actionBuilder}, exit ${exit}\\)`),
    );
    await expectNoLeftovers(opts.runId);
  });

  it('target stage: BuildKit skips a stage the target does not need, the legacy builder builds it', async () => {
    const ctx = contextWith(
      [
        'FROM scratch AS broken',
        BUSYBOX_BASE,
        'RUN echo "this stage is not needed by the target" >&2 && exit 7',
        '',
        'FROM scratch AS app',
        BUSYBOX_BASE,
        'USER 1000:1000',
        'CMD ["sleep", "60"]',
        '',
      ].join('\n'),
    );
    const b = await buildImage(request(ctx, 'target', { target: 'app' }));
    if (builder === 'legacy') {
      expect(b.ok).toBe(false);
      expect(b.logTail).toContain('this stage is not needed by the target');
    } else {
      expect(b.ok).toBe(true);
      expect(b.logTail).not.toContain('this stage is not needed by the target');
    }
  });

  it('WORKDIR after a non-root USER: BuildKit gives it to the user, the legacy builder to root (HC406)', async () => {
    const ctx = contextWith(
      ['FROM scratch', BUSYBOX_BASE, 'USER 1000:1000', 'WORKDIR /app', 'CMD ["sleep", "60"]', ''].join('\n'),
    );
    const b = await buildImage(request(ctx, 'workdir'));
    expect(b.ok).toBe(true);
    const owner = await dockerOk([
      'run',
      '--rm',
      '--network',
      'none',
      b.imageId!,
      'stat',
      '-c',
      '%u',
      '/app',
    ]);
    expect(owner.trim()).toBe(builder === 'legacy' ? '0' : '1000');
  });

  it("engine events of a build's run label: the legacy builder's LABEL step container, BuildKit none", async () => {
    const req = request(fixtureContext('hardened'), 'events', { flags: [...testBuildFlags(), '--no-cache'] });
    // Filtered by the run label, as the health wait's watcher is (other runs share the engine).
    const events = spawn(
      dockerBin(),
      [
        'events',
        '--filter',
        'type=container',
        '--filter',
        `label=${RUN_LABEL}=${req.runId}`,
        '--format',
        '{{.Action}}',
      ],
      { env: dockerEnv(), stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let out = '';
    events.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    try {
      await new Promise((r) => setTimeout(r, 500)); // subscribed before the build starts
      const b = await buildImage(req);
      expect(b.ok).toBe(true);
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      events.kill();
    }
    const actions = out.split('\n').filter(Boolean);
    // The legacy builder applies --label as a last step, in a container created and destroyed
    // (never started); BuildKit runs no engine container at all.
    expect(actions).toEqual(builder === 'legacy' ? ['create', 'destroy'] : []);
  });

  it(`health log timestamps of engine ${engine} parse to the probe times`, async () => {
    const ctx = contextWith(
      [
        'FROM scratch',
        BUSYBOX_BASE,
        'USER 1000:1000',
        'HEALTHCHECK CMD true',
        'CMD ["sleep", "60"]',
        '',
      ].join('\n'),
    );
    const req = request(ctx, 'health-log');
    const b = await buildImage(req);
    expect(b.ok).toBe(true);
    const t0 = Date.now();
    const cid = (
      await dockerOk([
        'run',
        '--detach',
        '--network',
        'none',
        '--health-interval=1s',
        '--label',
        `${RUN_LABEL}=${req.runId}`,
        b.imageId!,
      ])
    ).trim();
    let state = await inspectContainer(cid);
    while ((state.health?.log.length ?? 0) < 2 && Date.now() - t0 < 15_000) {
      await new Promise((r) => setTimeout(r, 300));
      state = await inspectContainer(cid);
    }
    expect(state.health?.status).toBe('healthy');
    const log = state.health!.log;
    expect(log.length).toBeGreaterThanOrEqual(2);
    for (const e of log) {
      // RFC 3339 with nanoseconds, UTC or with an offset
      expect(e.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+(Z|[+-]\d\d:\d\d)$/);
      const start = parseDockerTime(e.start);
      const end = parseDockerTime(e.end);
      expect(start).toBeGreaterThanOrEqual(t0 - 2_000);
      expect(end).toBeGreaterThanOrEqual(start);
      expect(end).toBeLessThanOrEqual(Date.now() + 2_000);
    }
    // probes one interval apart (1 s), give or take the probe's own run time
    const gap = parseDockerTime(log[1].start) - parseDockerTime(log[0].start);
    expect(gap).toBeGreaterThan(500);
    expect(gap).toBeLessThan(3_000);
  }, 30_000);

  it('a prebuilt image (built by this builder) given as `image` is checked and kept', async () => {
    const req = request(fixtureContext('hardened'), 'prebuilt');
    const b = await buildImage(req);
    expect(b.ok).toBe(true);
    const opts = contextOptions(fixtureContext('hardened'), 'Dockerfile', 'prebuilt-check', {
      image: b.imageId!,
    });
    const r = await verifyLesson(opts);
    expect(statuses(r)).toEqual(ALL_PASS);
    expect((await docker(['image', 'inspect', b.imageId!])).exitCode).toBe(0);
    await expectNoLeftovers(opts.runId);
  });

  it.each(nodeBinaries())(
    'the bundled action on $name: builds with the detected builder, outputs image-id',
    async ({ bin }) => {
      const workspace = fixtureContext('no-user');
      const env: Record<string, string> = {};
      for (const k of ['DOCKER_CONFIG', 'DOCKER_HOST']) if (process.env[k]) env[k] = process.env[k]!;
      const run = await runAction({
        node: bin,
        workspace,
        env,
        inputs: {
          dockerfile: 'Dockerfile',
          'build-flags': testBuildFlags().join('\n'),
          'health-timeout': '20',
          comment: 'false',
        },
        timeoutMs: 90_000,
      });
      expect(run.stdout).toMatch(new RegExp(`^::group::Build \\S*/Dockerfile \\(${actionBuilder}\\)$`, 'm'));
      expect(run.outputs['image-id']).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(run.outputs.result).toBe('fail');
      const report = JSON.parse(readFileSync(run.outputs['report-json'], 'utf8'));
      expect(JSON.stringify(report)).toContain('HC901');
      // The post step removes what the main step built.
      const post = await runAction({ node: bin, workspace, env, state: run.state });
      expect(post.code).toBe(0);
      expect((await docker(['image', 'inspect', run.outputs['image-id']])).exitCode).not.toBe(0);
    },
    120_000,
  );
});
