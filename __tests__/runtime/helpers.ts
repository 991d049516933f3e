// Shared helpers for the runtime e2e tests: a real Docker engine, fixture build
// contexts (busybox is copied in at test time, not committed), the StaticFacts the audit
// reads from the fixture Dockerfile, and the "nothing left behind" assertion.
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { buildImage } from '../../src/docker/build.js';
import { docker } from '../../src/docker/exec.js';
import { plainHost } from '../../src/host.js';
import { dockerAvailable } from '../../src/docker/engine.js';
import { runFilter } from '../../src/docker/labels.js';
import type { RuntimeOptions, RuntimeResult, StaticFacts } from '../../src/runtime/types.js';
import { verifyRuntime } from '../../src/runtime/verify.js';
import { CHECK_IDS, type Check, type CheckId } from '../../src/report/types.js';
import { parseDockerfile } from '../../src/dockerfile/model.js';
import { staticFacts } from '../../src/audit/static-facts.js';
import { actionsHost } from '../../src/github/actions-host.js';
import { testBuildFlags } from '../helpers/builder.js';

const here = dirname(fileURLToPath(import.meta.url));
export const FIXTURES = resolve(here, '../fixtures/runtime');
export const BUSYBOX = '/bin/busybox';
export const FASTAPI_BASE = 'local/python-fastapi:bookworm';

/**
 * true when an engine answers. Without one the Docker suites are skipped with a
 * visible message, except under CI=true, where a missing engine is a failure: CI must
 * never pass by running no runtime test.
 */
export async function requireDocker(): Promise<boolean> {
  if (await dockerAvailable()) return true;
  const msg =
    'No Docker engine answered `docker version`: runtime e2e tests SKIPPED. Start one with scripts/setup-docker.sh.';
  if (process.env.CI === 'true')
    throw new Error(`CI=true: ${msg.replace('SKIPPED', 'cannot be skipped in CI')}`);
  console.warn(`\n⚠️  ${msg}\n`);
  return false;
}

export async function imageExists(ref: string): Promise<boolean> {
  return (await docker(['image', 'inspect', ref])).exitCode === 0;
}

const contexts: string[] = [];

/** A temp copy of a fixture folder with /bin/busybox added. */
export function fixtureContext(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `hc-fx-${name}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  if (existsSync(BUSYBOX)) cpSync(BUSYBOX, join(dir, 'busybox'));
  contexts.push(dir);
  return dir;
}

export function removeContexts(): void {
  for (const d of contexts.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** StaticFacts of a fixture Dockerfile, computed by the production audit. */
export function factsFrom(dockerfileText: string): StaticFacts {
  return staticFacts(parseDockerfile('Dockerfile', dockerfileText), []);
}

export function newRunId(name: string): string {
  return `hc-test-${name}-${randomBytes(4).toString('hex')}`;
}

/** RuntimeOptions for a build context holding a Dockerfile (facts read from its text). */
export function contextOptions(
  ctx: string,
  displayPath: string,
  name: string,
  over: Partial<RuntimeOptions> = {},
): RuntimeOptions {
  const dockerfile = join(ctx, 'Dockerfile');
  return {
    dockerfile,
    displayPath,
    context: ctx,
    buildArgs: {},
    target: '',
    // the matrix leg's flags (e.g. --network=none for BuildKit on this bridgeless engine)
    buildFlags: testBuildFlags(),
    image: '',
    run: true,
    envOverrides: {},
    healthTimeoutSeconds: 30,
    // an image without a SIGTERM handler (busybox httpd as PID 1) is stopped at this bound
    stopTimeoutSeconds: 2,
    runArgs: [],
    network: 'none',
    runId: newRunId(name),
    // As in the action: the build and container logs go to the runner (workflow commands).
    host: actionsHost,
    facts: factsFrom(readFileSync(dockerfile, 'utf8')),
    ...over,
  };
}

/** Builds a fixture with this leg's builder and flags (the build must succeed): its context, image id and tag. */
export async function buildFixture(
  name: string,
  runId: string,
): Promise<{ ctx: string; imageId: string; tag: string }> {
  const ctx = fixtureContext(name);
  const b = await buildImage({
    dockerfile: join(ctx, 'Dockerfile'),
    context: ctx,
    buildArgs: {},
    target: '',
    flags: testBuildFlags(),
    runId,
    host: plainHost(() => undefined),
  });
  expect(b.ok, b.logTail).toBe(true);
  return { ctx, imageId: b.imageId!, tag: b.tag };
}

/** RuntimeOptions for a fixture, built from its folder. */
export function fixtureOptions(name: string, over: Partial<RuntimeOptions> = {}): RuntimeOptions {
  return contextOptions(fixtureContext(name), `__tests__/fixtures/runtime/${name}/Dockerfile`, name, over);
}

/** Run fn with env vars set, restoring them after. */
export async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const old = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(old)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Nothing labelled with this run id may remain: no container, no image. */
export async function expectNoLeftovers(runId: string): Promise<void> {
  const ps = await docker(['ps', '--all', '--quiet', '--filter', runFilter(runId)]);
  const images = await docker(['images', '--quiet', '--filter', runFilter(runId)]);
  expect(ps.stdout.trim(), `containers left by ${runId}`).toBe('');
  expect(images.stdout.trim(), `images left by ${runId}`).toBe('');
}

export function check(result: RuntimeResult, id: CheckId): Check {
  const c = result.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id} in result`);
  return c;
}

/** The five checks of a hardened image, as statuses() returns them. */
export const ALL_PASS: Readonly<Record<string, string>> = {
  'non-root': 'pass',
  'healthcheck-defined': 'pass',
  healthy: 'pass',
  'no-secrets': 'pass',
  'env-override': 'pass',
};

/**
 * The result with only the lesson's five checks and their findings: the suites written for them
 * run busybox httpd as PID 1, which the deploy group's graceful-stop rightly fails (HC913);
 * __tests__/runtime/deploy asserts the deploy group.
 */
export function lessonOnly(result: RuntimeResult): RuntimeResult {
  const lesson = (id: CheckId | undefined) =>
    id === undefined || (CHECK_IDS as readonly string[]).includes(id);
  return {
    ...result,
    checks: result.checks.filter((c) => lesson(c.id)),
    findings: result.findings.filter((f) => lesson(f.check)),
  };
}

/** verifyRuntime, reduced to the lesson's five checks (lessonOnly). */
export async function verifyLesson(opts: RuntimeOptions): Promise<RuntimeResult> {
  return lessonOnly(await verifyRuntime(opts));
}

/** { id: status } of the lesson's five checks, for one exact expectation per test (the deploy group has its own tests). */
export function statuses(result: RuntimeResult): Record<string, string> {
  return Object.fromEntries(
    result.checks.filter((c) => (CHECK_IDS as readonly string[]).includes(c.id)).map((c) => [c.id, c.status]),
  );
}

/** { id: status } of the deploy checks the runtime decided (the deploy group). */
export function deployStatuses(result: RuntimeResult): Record<string, string> {
  return Object.fromEntries(
    result.checks
      .filter((c) => !(CHECK_IDS as readonly string[]).includes(c.id))
      .map((c) => [c.id, c.status]),
  );
}
