// A container's changes read from its layer on the host must be what `docker diff` lists, on
// the real engine: additions under a directory the image has, a changed file, a chmod, a
// deletion, a directory the image's own layers deleted and the app recreated, a name with a
// space and a symlink. The host read is refused (the engine's diff is used) when the pid is not
// the container's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupRun } from '../../../src/docker/cleanup.js';
import { runContainer } from '../../../src/docker/container.js';
import { containerChanges, parseDiff, type DiffEntry } from '../../../src/docker/diff.js';
import { docker } from '../../../src/docker/exec.js';
import { hostDiff } from '../../../src/docker/host-diff.js';
import { inspectContainer, type ContainerState } from '../../../src/docker/inspect.js';
import { requireBuilder } from '../../helpers/builder.js';
import { buildFixture, expectNoLeftovers, newRunId, removeContexts, requireDocker } from '../helpers.js';

const hasDocker = await requireDocker();
if (hasDocker) await requireBuilder();
// this project's test machines run the tests as root against a local engine: the host read must be taken there
const hostExpected = process.getuid?.() === 0 && !/^(tcp|ssh):/.test(process.env.DOCKER_HOST ?? '');

const runId = newRunId('host-diff');
let image = '';
const made: string[] = [];
let state: ContainerState;

const sorted = (d: DiffEntry[]) => [...d].sort((a, b) => a.path.localeCompare(b.path));

beforeAll(async () => {
  if (!hasDocker) return;
  image = (await buildFixture('container-diff', runId)).imageId;
  const run = await runContainer({ image, runId, network: 'none', env: {}, runArgs: [] });
  expect(run.error).toBe('');
  made.push(run.id!);
  // the command's writes are done when /ready exists
  for (let i = 0; i < 100; i++) {
    if ((await docker(['exec', run.id!, 'test', '-e', '/ready'])).exitCode === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  state = await inspectContainer(run.id!);
  expect(state.running).toBe(true);
}, 120_000);

afterAll(async () => {
  if (!hasDocker) return;
  await cleanupRun(runId, image ? [image] : [], made);
  await expectNoLeftovers(runId);
  removeContexts();
});

describe.skipIf(!hasDocker)("a container's changes (e2e)", () => {
  it('read on the host: the same entries as docker diff', async () => {
    const engine = parseDiff((await docker(['diff', state.id])).stdout);
    expect(engine.length).toBeGreaterThan(10);
    const changes = await containerChanges(state.id, state);
    const ours = changes.entries!;
    // files, links and deletions: exactly the engine's
    const dirs = new Set(
      ours.filter((e) => ours.some((o) => o.path.startsWith(`${e.path}/`))).map((e) => e.path),
    );
    const notDir = (e: DiffEntry) => !dirs.has(e.path);
    expect(sorted(ours.filter(notDir))).toEqual(sorted(engine.filter(notDir)));
    // directories: every one the engine lists; beyond those only directories the image has,
    // listed for a change inside them (the engine's full comparison lists them too, its
    // overlay shortcut not when their own times are unchanged)
    expect(ours).toEqual(expect.arrayContaining(engine.filter((e) => dirs.has(e.path))));
    for (const e of ours.filter((o) => dirs.has(o.path) && !engine.some((g) => g.path === o.path)))
      expect(e.kind, e.path).toBe('C');
    if (hostExpected) expect(changes.how).toBe('its layer read on the host (as root)');
    // what the fixture's command did, as both readers must say it
    expect(engine).toEqual(
      expect.arrayContaining([
        { kind: 'C', path: '/data' },
        { kind: 'A', path: '/data/new' },
        { kind: 'A', path: '/data/new/deep/file' },
        { kind: 'A', path: '/data/link' },
        { kind: 'C', path: '/etc/app.conf' },
        { kind: 'A', path: '/ready' },
        { kind: 'D', path: '/www/old' },
        { kind: 'C', path: '/www/keep' },
        { kind: 'A', path: '/gone' },
        { kind: 'A', path: '/gone/new' },
        { kind: 'A', path: '/var/cache/app/with space' },
        { kind: 'A', path: '/tmp/x' },
      ]),
    );
  });

  it('a pid that is not the container: refused, and docker diff gives the same entries', async () => {
    const foreign = await hostDiff(state.id, process.pid, state.layers ?? null);
    expect(foreign).toEqual({ refused: 'the engine runs elsewhere (its pid is not this container here)' });
    const changes = await containerChanges(state.id, { pid: process.pid, layers: state.layers });
    expect(changes.how).toBe(
      'docker diff (its layer was not read on the host: the engine runs elsewhere (its pid is not this container here))',
    );
    expect(sorted(changes.entries!)).toEqual(sorted(parseDiff((await docker(['diff', state.id])).stdout)));
  });

  it('no layers named (another storage driver): refused before anything is read', async () => {
    expect(await hostDiff(state.id, state.pid, { driver: 'vfs', upper: null, lower: [] })).toEqual({
      refused: 'the storage driver is vfs, not overlay2',
    });
  });
});
