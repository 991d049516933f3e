// Which builder and engine a test run exercises. CI runs the builder-sensitive suites once
// per matrix leg (.ci/run): the legacy builder, buildx (DOCKER_CONFIG holding the plugin),
// and a second engine (DOCKER_HOST). A leg declares what it expects with
//   HARDEN_CHECK_TEST_BUILDER=legacy|buildx   the builder the action must detect
//   HARDEN_CHECK_TEST_BUILD_FLAGS=...         extra `docker build` flags (e.g. --network=none:
//                                             BuildKit's RUN needs a network, this engine has no bridge)
// Without a declaration the tests use whatever the client has. Under CI=true a declared
// builder that is not there fails the run instead of skipping its tests.
import { detectBuilder } from '../../src/docker/build.js';
import { dockerOk } from '../../src/docker/exec.js';

export type TestBuilder = 'legacy' | 'buildx';

/** Extra flags every build of the test run gets (HARDEN_CHECK_TEST_BUILD_FLAGS, space-separated). */
export function testBuildFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.HARDEN_CHECK_TEST_BUILD_FLAGS ?? '').split(/\s+/).filter(Boolean);
}

/** The builder this leg declares, or null when it declares none. */
export function declaredBuilder(env: NodeJS.ProcessEnv = process.env): TestBuilder | null {
  const v = env.HARDEN_CHECK_TEST_BUILDER?.trim();
  if (!v) return null;
  if (v !== 'legacy' && v !== 'buildx')
    throw new Error(`HARDEN_CHECK_TEST_BUILDER must be "legacy" or "buildx", got "${v}"`);
  return v;
}

/**
 * The builder the action will use with this client (`docker build` on the legacy builder is
 * 'classic' in the action's terms). Throws when it is not the declared one under CI=true;
 * elsewhere warns and returns null (the caller skips).
 */
export async function requireBuilder(): Promise<TestBuilder | null> {
  const detected = (await detectBuilder({})) === 'buildx' ? 'buildx' : 'legacy';
  const declared = declaredBuilder();
  if (!declared || declared === detected) return detected;
  const msg =
    declared === 'buildx'
      ? 'HARDEN_CHECK_TEST_BUILDER=buildx but the docker client has no buildx plugin (scripts/setup-buildx.sh installs it; point DOCKER_CONFIG at the directory it prints)'
      : 'HARDEN_CHECK_TEST_BUILDER=legacy but the docker client has the buildx plugin';
  if (process.env.CI === 'true') throw new Error(`CI=true: ${msg}`);
  console.warn(`\n⚠️  ${msg}: builder suite SKIPPED\n`);
  return null;
}

/** The engine's version string, e.g. "20.10.24+dfsg1" or "26.1.5+dfsg1". */
export async function engineVersion(): Promise<string> {
  return (await dockerOk(['version', '--format', '{{.Server.Version}}'])).trim();
}
