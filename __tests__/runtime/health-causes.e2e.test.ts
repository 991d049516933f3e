// End-to-end: each cause of an unhealthy (or falsely healthy) container, named in the healthy
// check's first words, with the evidence beyond the probe's output (the app's access log or
// harden-check's own request from inside the container).
import { afterAll, describe, expect, it } from 'vitest';
import { verifyLesson } from './helpers.js';
import type { RuntimeOptions, RuntimeResult } from '../../src/runtime/types.js';
import {
  FASTAPI_BASE,
  check,
  expectNoLeftovers,
  fixtureOptions,
  imageExists,
  removeContexts,
  requireDocker,
  withEnv,
} from './helpers.js';

const hasDocker = await requireDocker();
const hasFastapi = hasDocker && (await imageExists(FASTAPI_BASE));
const BUILDKIT_CLIENT = '/usr/bin/docker';
const hasBuildkitClient = hasDocker && (await import('node:fs')).existsSync(BUILDKIT_CLIENT);
// our own request needs nsenter as root (or sudo -n): the evidence lines say so otherwise
const ownRequests = process.getuid?.() === 0;

if (hasDocker && !hasFastapi) {
  if (process.env.CI === 'true') throw new Error(`${FASTAPI_BASE} missing: run scripts/build-test-bases.sh`);
  console.warn(`⚠️  ${FASTAPI_BASE} missing (scripts/build-test-bases.sh): HEAD/405 lesson tests SKIPPED`);
}

afterAll(removeContexts);

async function verify(name: string, over: Partial<RuntimeOptions> = {}): Promise<RuntimeResult> {
  const opts = fixtureOptions(name, over);
  const result = await verifyLesson(opts);
  await expectNoLeftovers(opts.runId);
  return result;
}

function expectLesson(r: RuntimeResult): void {
  const h = check(r, 'healthy');
  expect(h.status).toBe('fail');
  expect(h.detail).toMatch(
    /^HEAD answered 405(, GET 200)?: the probe sends HEAD \(GNU `wget --spider`\), the app allows only GET on \/health; probe with `wget -q -O \/dev\/null http:\/\/localhost:8000\/health` or `curl -fsS http:\/\/localhost:8000\/health`$/,
  );
  // the app's own access log line
  expect(h.diagnosis).toMatch(
    / {2}INFO: +127\.0\.0\.1:\d+ - "HEAD \/health HTTP\/1\.1" 405 Method Not Allowed/,
  );
  if (ownRequests) {
    expect(h.detail).toMatch(/^HEAD answered 405, GET 200:/);
    expect(h.diagnosis).toContain(
      "harden-check's own request inside the container to http://localhost:8000/health: GET → 200, HEAD → 405",
    );
  }
  expect(r.findings.map((f) => f.ruleId)).toEqual(['HC905']);
  // the sentinel LOG_LEVEL did not break the app: proven on the same (only) container
  expect(check(r, 'env-override').status).toBe('pass');
}

describe.skipIf(!hasDocker)('health causes on a real engine', () => {
  it.skipIf(!hasFastapi)(
    'lesson template (GNU wget --spider, FastAPI GET-only): HEAD answered 405, classic builder',
    async () => {
      const r = await verify('fastapi-lesson', { healthTimeoutSeconds: 60 });
      expectLesson(r);
    },
    90_000,
  );

  it.skipIf(!hasFastapi || !hasBuildkitClient)(
    'lesson template: HEAD answered 405, BuildKit (--network=none)',
    async () => {
      const opts = fixtureOptions('fastapi-lesson', {
        buildFlags: ['--network=none'],
        healthTimeoutSeconds: 60,
      });
      const r = await withEnv({ HARDEN_CHECK_DOCKER: BUILDKIT_CLIENT, DOCKER_BUILDKIT: '1' }, () =>
        verifyLesson(opts),
      );
      expect(r.buildLogTail).toMatch(/#\d+ /);
      expectLesson(r);
      await expectNoLeftovers(opts.runId);
    },
    90_000,
  );

  it.skipIf(!ownRequests)(
    'redirect to HTTPS on the health route',
    async () => {
      const r = await verify('http-answer', {
        buildArgs: { STATUS: '301', LOCATION: 'https://127.0.0.1:8443/health' },
      });
      const h = check(r, 'healthy');
      expect(h.status).toBe('fail');
      expect(h.detail).toBe(
        'GET /cgi-bin/health answered 301 (redirect to https://127.0.0.1:8443/health): the health route redirects to HTTPS, the probe does not reach a 2xx',
      );
      expect(h.diagnosis).toContain(
        "harden-check's own request inside the container to http://127.0.0.1:8080/cgi-bin/health: GET → 301 (Location: https://127.0.0.1:8443/health), HEAD → 301",
      );
      expect(r.findings.map((f) => f.ruleId)).toEqual(['HC902']);
    },
    60_000,
  );

  it.each([
    ['401', 'GET /cgi-bin/health answered 401 (authentication required): the health route is behind auth'],
    ['403', 'GET /cgi-bin/health answered 403 (forbidden): the health route is behind auth'],
  ])(
    'health route answers %s',
    async (status, detail) => {
      const r = await verify('http-answer', { buildArgs: { STATUS: status } });
      expect(check(r, 'healthy')).toMatchObject({ status: 'fail', detail });
    },
    60_000,
  );

  it("5xx: the app's own error line is the cause, its secret masked", async () => {
    const r = await verify('http-answer', {
      buildArgs: { STATUS: '503', ERROR: 'ERROR: database unavailable: password=hunter2secret refused' },
      healthTimeoutSeconds: 10,
    });
    const h = check(r, 'healthy');
    expect(h.status).toBe('fail');
    expect(h.detail).toBe(
      "GET /cgi-bin/health answered 503: the app's health route fails: ERROR: database unavailable: password=…(redacted) refused",
    );
    expect(h.diagnosis).toContain('body: answer 503');
    expect(JSON.stringify(r)).not.toContain('hunter2secret');
    // 503 is what a warming-up app answers: the wait runs to the health-timeout (10 s here)
    // instead of deciding after 3 identical answers.
    expect(h.seconds).toBeGreaterThanOrEqual(9);
  }, 60_000);

  it('500 three times after start-period: decided at once, not at the health-timeout', async () => {
    const r = await verify('http-answer', { buildArgs: { STATUS: '500' }, healthTimeoutSeconds: 30 });
    const h = check(r, 'healthy');
    expect(h).toMatchObject({
      status: 'fail',
      detail: "GET /cgi-bin/health answered 500: the app's health route fails",
    });
    expect(h.seconds).toBeLessThan(15);
  }, 60_000);

  it.skipIf(!ownRequests)(
    'probe on localhost, app bound to 127.0.0.2 only',
    async () => {
      const r = await verify('bind-other-address');
      const h = check(r, 'healthy');
      expect(h.status).toBe('fail');
      expect(h.detail).toBe(
        'the app listens on 127.0.0.2:8080 only, the probe connects to localhost:8080: bind 0.0.0.0 (or probe that address)',
      );
      expect(h.diagnosis).toContain('where it answers GET with 200');
      expect(h.seconds).toBeLessThan(15);
    },
    60_000,
  );

  it.skipIf(!ownRequests)(
    'a probe that passes only because `|| true` hides the 404',
    async () => {
      const r = await verify('hides-failure');
      const h = check(r, 'healthy');
      expect(h.status).toBe('fail');
      expect(h.detail).toBe(
        'the probe passes only because `|| true` hides its failure: GET /health answers 404',
      );
      expect(r.findings.map((f) => f.ruleId)).toEqual(['HC912']);
    },
    60_000,
  );
});
