// The model's variable scopes against a real engine: what a build really expands, on
// BuildKit (the model's choice: runners build with it) and on the legacy builder (which
// differs, and is why the choice is written down). Skips without Docker; images are
// FROM scratch with busybox copied in, tagged per run and removed afterwards.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docker } from '../../src/docker/exec.js';
import { effectiveUser } from '../../src/dockerfile/facts.js';
import { hostPlatform } from '../../src/dockerfile/model.js';
import { BUSYBOX, newRunId, requireDocker, withEnv } from '../runtime/helpers.js';
import { df, model } from '../helpers/audit.js';

const hasDocker = await requireDocker();
const BUILDKIT_CLIENT = '/usr/bin/docker';
const hasBuildkit = hasDocker && (await import('node:fs')).existsSync(BUILDKIT_CLIENT);

const id = newRunId('argscope').slice(-8).toLowerCase();
const images: string[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const image of images) await docker(['image', 'rm', '--force', image]);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

// Every case writes `NAME=[value]` lines to /out and ends with a USER to read from the config.
const DOCKERFILE = df`
  FROM scratch AS base-linux
  COPY busybox /bin/busybox
  RUN ["/bin/busybox", "--install", "-s", "/bin"]
  FROM base-$TARGETOS AS base
  ARG FROM_PARENT=parent
  ARG KEPT=kept
  ARG KEPT
  ENV SHADOWED=env
  ARG SHADOWED=arg
  RUN echo "SHADOWED_HERE=[$SHADOWED]" > /out
  FROM base
  ARG KEPT
  ARG UID=0
  RUN echo "FROM_PARENT=[$FROM_PARENT]" >> /out && echo "KEPT=[$KEPT]" >> /out && echo "SHADOWED=[$SHADOWED]" >> /out
  USER "$UID:$UID"
  CMD ["cat", "/out"]
`;

/** What the model says each name is at the RUN, in the same `NAME=[value]` form. */
function modelSays(): { out: string; user: string } {
  const m = model(DOCKERFILE, { buildPlatform: hostPlatform() });
  const [first, second] = m.instructions.filter((i) => i.keyword === 'RUN' && i.text.includes('/out'));
  const get = (at: typeof first, n: string) => m.scope(at).get(n) ?? '';
  const out = [
    `SHADOWED_HERE=[${get(first, 'SHADOWED')}]`,
    ...['FROM_PARENT', 'KEPT', 'SHADOWED'].map((n) => `${n}=[${get(second, n)}]`),
  ].join('\n');
  return { out, user: effectiveUser(m)!.resolved.value };
}

/** Build with BuildKit (the 20.10 client with DOCKER_BUILDKIT=1; no network here) and read /out and the USER. */
async function buildWithBuildkit(): Promise<{ out: string; user: string }> {
  const ctx = mkdtempSync(join(tmpdir(), 'hc-argscope-'));
  dirs.push(ctx);
  cpSync(BUSYBOX, join(ctx, 'busybox'));
  writeFileSync(join(ctx, 'Dockerfile'), DOCKERFILE);
  const tag = `hc-test-argscope:${id}-buildkit`;
  images.push(tag);
  const built = await withEnv({ HARDEN_CHECK_DOCKER: BUILDKIT_CLIENT }, () =>
    docker(['build', '-q', '-t', tag, '--network=none', ctx], { env: { DOCKER_BUILDKIT: '1' } }),
  );
  expect(built.exitCode, built.stderr).toBe(0);
  const run = await docker(['run', '--rm', '--pull=never', '--network=none', '--user=0', tag]);
  expect(run.exitCode, run.stderr).toBe(0);
  const user = (await docker(['image', 'inspect', '--format', '{{.Config.User}}', tag])).stdout.trim();
  return { out: run.stdout.trim(), user };
}

describe.skipIf(!hasDocker)('variable scopes agree with the engine', () => {
  it.skipIf(!hasBuildkit)(
    'BuildKit: parent ARGs inherited (config ENV wins there), ARG NAME keeps its value, ARG after ENV wins in its stage, platform args, quotes stripped',
    async () => {
      const engine = await buildWithBuildkit();
      // in its own stage the ARG declared after the ENV wins; in the child the config ENV does
      expect(engine.out).toBe('SHADOWED_HERE=[arg]\nFROM_PARENT=[parent]\nKEPT=[kept]\nSHADOWED=[env]');
      expect(modelSays()).toEqual(engine);
      expect(engine.user).toBe('0:0');
    },
    120_000,
  );
  it('legacy builder: drops parent ARGs and lets ENV win (why the model follows BuildKit)', async () => {
    // The legacy builder leaves TARGETOS empty: base-$TARGETOS is not a stage there.
    const legacy = DOCKERFILE.replace('base-$TARGETOS', 'base-linux');
    const ctx = mkdtempSync(join(tmpdir(), 'hc-argscope-'));
    dirs.push(ctx);
    cpSync(BUSYBOX, join(ctx, 'busybox'));
    writeFileSync(join(ctx, 'Dockerfile'), legacy);
    const tag = `hc-test-argscope:${id}-legacy`;
    images.push(tag);
    const built = await docker(['build', '-q', '-t', tag, ctx], { env: { DOCKER_BUILDKIT: '0' } });
    expect(built.exitCode, built.stderr).toBe(0);
    const run = await docker(['run', '--rm', '--pull=never', '--network=none', '--user=0', tag]);
    expect(run.stdout.trim()).toBe('SHADOWED_HERE=[env]\nFROM_PARENT=[]\nKEPT=[]\nSHADOWED=[env]');
    expect(modelSays().out).not.toBe(run.stdout.trim());
  }, 120_000);
});
