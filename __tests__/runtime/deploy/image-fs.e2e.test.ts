// The two readers of an image's filesystem on the real engine must find the same setuid/setgid
// files: the running container's root walked on the host (fast) and docker export (any
// engine). The walk is refused, and the export used, whenever it could miss or misread a file:
// a volume over part of the image, a pid that is not the container's, a stopped container.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupRun } from '../../../src/docker/cleanup.js';
import { runContainer } from '../../../src/docker/container.js';
import { docker } from '../../../src/docker/exec.js';
import { inspectContainer } from '../../../src/docker/inspect.js';
import type { SpecialFile } from '../../../src/runtime/checks/setuid-files.js';
import { readImageFs, type ImageFs } from '../../../src/runtime/image-fs.js';
import { requireBuilder } from '../../helpers/builder.js';
import { buildFixture, expectNoLeftovers, newRunId, removeContexts, requireDocker } from '../helpers.js';

const hasDocker = await requireDocker();
if (hasDocker) await requireBuilder();
// this project's test machines run the tests as root against a local engine: the walk must be taken there
const walkExpected = process.getuid?.() === 0 && !/^(tcp|ssh):/.test(process.env.DOCKER_HOST ?? '');

const runId = newRunId('image-fs');
let image = '';
const made: string[] = [];
const track = (id: string) => made.push(id);

beforeAll(async () => {
  if (!hasDocker) return;
  image = (await buildFixture('image-fs', runId)).imageId;
}, 120_000);

afterAll(async () => {
  if (!hasDocker) return;
  await cleanupRun(runId, image ? [image] : [], made);
  await expectNoLeftovers(runId);
  removeContexts();
});

async function start(runArgs: string[] = []): Promise<{ id: string; pid: number }> {
  const run = await runContainer({ image, runId, network: 'none', env: {}, runArgs });
  expect(run.error).toBe('');
  made.push(run.id!);
  const state = await inspectContainer(run.id!);
  expect(state.running).toBe(true);
  return { id: run.id!, pid: state.pid };
}

/** The files as facts both readers must agree on; which of two hard links stands for the other is the walk order's. */
const facts = (fs: ImageFs) =>
  fs.special
    .map((f: SpecialFile) => ({
      path: f.path,
      mode: f.mode,
      uid: f.uid,
      gid: f.gid,
      uname: f.uname,
      gname: f.gname,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
const links = (fs: ImageFs) =>
  fs.special.filter((f) => f.linkTo).map((f) => [f.path, f.linkTo].sort().join(' = '));

const EXPECTED = [
  { path: '/bin/helper', mode: 0o4755, uid: 1000, gid: 1000, uname: 'app', gname: 'app' },
  { path: '/bin/helper-link', mode: 0o4755, uid: 1000, gid: 1000, uname: 'app', gname: 'app' },
  { path: '/opt/my tool', mode: 0o6755, uid: 0, gid: 0, uname: 'root', gname: 'root' },
  { path: '/tmp/left-behind', mode: 0o4755, uid: 0, gid: 0, uname: 'root', gname: 'root' },
  { path: '/www/page', mode: 0o2644, uid: 0, gid: 50, uname: 'root', gname: 'staff' },
];

describe.skipIf(!hasDocker)('reading the image filesystem (e2e)', () => {
  let exported: ImageFs;
  beforeAll(async () => {
    if (!image) return;
    exported = await readImageFs({ image, runId, track });
  }, 60_000);

  it("docker export: every shape of setuid/setgid file, owners named from the image's own files", () => {
    expect(exported.how).toMatch(/^docker export: \d+ entries, [\d.]+ MB read in [\d.]+ s$/);
    expect(facts(exported)).toEqual(EXPECTED);
    expect(links(exported)).toEqual(['/bin/helper = /bin/helper-link']);
    expect(exported.passwd).toContain('app:x:1000:1000');
  });

  it.skipIf(!walkExpected)(
    'the running container walked on the host finds exactly what the export finds',
    async () => {
      const c = await start();
      const walked = await readImageFs({ image, runId, track, running: c });
      expect(walked.how).toMatch(
        /^the running container's root walked on the host as root: \d+ entries in [\d.]+ s$/,
      );
      expect(facts(walked)).toEqual(facts(exported));
      expect(links(walked)).toEqual(links(exported));
      // the same tree; the export also holds the engine's placeholders under /dev (console, pts,
      // shm), which the walk does not enter (a mount)
      expect(exported.entries - walked.entries).toBeGreaterThanOrEqual(0);
      expect(exported.entries - walked.entries).toBeLessThanOrEqual(4);
      expect(walked.entries).toBeGreaterThan(250);
      expect(walked.passwd).toBe(exported.passwd);
      expect(walked.group).toBe(exported.group);
    },
    60_000,
  );

  it('a volume over /www hides its image content from the walk: the export is used and says why', async () => {
    const c = await start(['-v', '/www']);
    const fs = await readImageFs({ image, runId, track, running: c });
    expect(fs.how).toMatch(/^docker export: .*; not walked on the host: /);
    if (walkExpected) expect(fs.how).toMatch(/not walked on the host: \/www is mounted over the image$/);
    expect(facts(fs)).toEqual(EXPECTED);
  }, 60_000);

  it("a pid that is not the container's is never walked (it would be the host's root)", async () => {
    const c = await start();
    const fs = await readImageFs({ image, runId, track, running: { id: c.id, pid: process.pid } });
    if (walkExpected) expect(fs.how).toMatch(/not walked on the host: the engine runs elsewhere/);
    expect(facts(fs)).toEqual(EXPECTED);
  }, 60_000);

  it('a container that stopped: the export', async () => {
    const c = await start();
    await docker(['kill', c.id]);
    const fs = await readImageFs({ image, runId, track, running: c });
    if (walkExpected) expect(fs.how).toMatch(/not walked on the host: the engine runs elsewhere/);
    expect(facts(fs)).toEqual(EXPECTED);
  }, 60_000);
});
