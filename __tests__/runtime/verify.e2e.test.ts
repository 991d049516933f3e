// End-to-end: real images, real engine, one exact verdict and diagnosis per case.
// Every test also proves nothing labelled with its run id is left behind.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
  statuses,
  ALL_PASS,
} from './helpers.js';

const hasDocker = await requireDocker();

// Everything the action prints (core.info & co. write to process.stdout).
let printed = '';
beforeEach(() => {
  printed = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(removeContexts);

async function verify(name: string, over: Partial<RuntimeOptions> = {}): Promise<RuntimeResult> {
  const opts = fixtureOptions(name, over);
  const result = await verifyLesson(opts);
  await expectNoLeftovers(opts.runId);
  return result;
}

describe.skipIf(!hasDocker)('verifyRuntime against a real engine (classic builder)', () => {
  it('fully hardened image: all five checks pass', async () => {
    const r = await verify('hardened');
    expect(statuses(r)).toEqual(ALL_PASS);
    expect(r.imageId).toMatch(/^sha256:/);
    expect(check(r, 'non-root').detail).toBe('uid 1000 (running process; USER 1000:1000, line 10)');
    expect(check(r, 'healthy').seconds).toBeLessThan(4); // app ready at once, probe every 1 s
    expect(check(r, 'env-override').detail).toMatch(/^LOG_LEVEL reached the process/);
    expect(r.findings).toEqual([]);
    expect(r.buildLogTail).toBeTruthy();
    // Build output is echoed with workflow commands disabled.
    expect(printed).toMatch(/::stop-commands::([0-9a-f]{32})[\s\S]*::\1::/);
  });

  it('no USER: non-root fails with HC901 on the running process', async () => {
    const r = await verify('no-user');
    expect(statuses(r)).toEqual({ ...ALL_PASS, 'non-root': 'fail' });
    expect(check(r, 'non-root').detail).toBe('uid 0 (running process: httpd as root; no USER in the image)');
    expect(r.findings.map((f) => f.ruleId)).toEqual(['HC901']);
  });

  it('USER switched back to root at the end: fails, naming the line', async () => {
    const r = await verify('root-again');
    expect(check(r, 'non-root').status).toBe('fail');
    expect(check(r, 'non-root').detail).toBe('uid 0 (running process: httpd as root; USER 0, line 11)');
    expect(r.findings.find((f) => f.ruleId === 'HC901')?.line).toBe(11);
  });

  it('named USER: passes on the running uid', async () => {
    const r = await verify('named-user');
    expect(check(r, 'non-root')).toMatchObject({
      status: 'pass',
      detail: 'uid 1000 (running process; USER appuser, line 9)',
    });
    // The static audit owns the "prefer a numeric USER" finding when a Dockerfile exists.
    expect(r.findings).toEqual([]);
  });

  it('no HEALTHCHECK: healthcheck-defined fails, healthy is skipped', async () => {
    const r = await verify('no-healthcheck');
    expect(statuses(r)).toEqual({
      ...ALL_PASS,
      'healthcheck-defined': 'fail',
      healthy: 'skip',
      'env-override': 'pass',
    });
    expect(check(r, 'healthy').detail).toBe('no HEALTHCHECK in the image');
  });

  it('HEALTHCHECK on the wrong port: diagnosis names both ports, stops early', async () => {
    const r = await verify('wrong-port');
    const h = check(r, 'healthy');
    expect(h.status).toBe('fail');
    expect(h.detail).toBe('HEALTHCHECK probes port 8081, the process listens on port 8080');
    expect(h.diagnosis).toMatch(
      /Connection refused: .* port 8081, but nothing listens there\. The process listens on port 8080/,
    );
    expect(h.seconds).toBeLessThan(15); // certain after 3 identical refusals, not the 30 s timeout
    expect(r.findings.map((f) => f.ruleId)).toEqual(['HC904']);
  });

  it('probe binary missing (curl on busybox scratch): HC903 names curl at once', async () => {
    const r = await verify('probe-missing');
    const h = check(r, 'healthy');
    expect(h).toMatchObject({
      status: 'fail',
      detail: 'probe command not found: `curl` is not in the image',
    });
    expect(h.seconds).toBeLessThan(6); // the first probe decides
    expect(r.findings.map((f) => f.ruleId)).toEqual(['HC903']);
  });

  it('endpoint missing: HTTP 404 diagnosis', async () => {
    const r = await verify('endpoint-404');
    const h = check(r, 'healthy');
    expect(h).toMatchObject({
      status: 'fail',
      detail: 'GET /health answered 404: the health route does not exist',
    });
    expect(h.diagnosis).toMatch(/404 Not Found/);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['HC910']);
  });

  it.skipIf(!hasDocker)(
    'HEAD probe to a GET-only FastAPI endpoint: 405 diagnosis',
    async (ctx) => {
      if (!(await imageExists(FASTAPI_BASE))) {
        if (process.env.CI === 'true')
          throw new Error(`${FASTAPI_BASE} missing: run scripts/build-test-bases.sh`);
        console.warn(`⚠️  ${FASTAPI_BASE} missing (scripts/build-test-bases.sh): 405 test SKIPPED`);
        ctx.skip();
      }
      const r = await verify('fastapi-head');
      const h = check(r, 'healthy');
      expect(h.status).toBe('fail');
      expect(h.detail).toMatch(
        /^HEAD answered 405(, GET 200)?: the probe sends HEAD \(GNU `wget --spider`\)/,
      );
      expect(h.diagnosis).toMatch(/GNU `wget --spider`/);
      expect(h.diagnosis).toContain('Probe with GET: `wget -q -O /dev/null http://127.0.0.1:8000/health`');
      expect(check(r, 'non-root').detail).toMatch(/^uid 65534 /);
      expect(r.findings.map((f) => f.ruleId)).toEqual(['HC905']);
    },
    60_000,
  );

  it('app crashes on start: container exited, exit code and log tail', async () => {
    const r = await verify('crash');
    const h = check(r, 'healthy');
    expect(h.status).toBe('fail');
    expect(h.detail).toMatch(/^container exited with code 3 after \d+\.\d s, before it became healthy$/);
    expect(h.diagnosis).toMatch(/Last log lines:\n(.|\n)*fatal: DATABASE_URL is not set/);
    expect(check(r, 'non-root')).toMatchObject({ status: 'pass' });
    expect(check(r, 'non-root').detail).toMatch(/exited \(code 3\) before its processes could be observed/);
    expect(check(r, 'env-override').status).toBe('error');
    expect(r.findings.map((f) => f.ruleId)).toEqual(['HC906']);
  });

  it('app that needs 4 s to start ends healthy (no early unhealthy verdict)', async () => {
    const r = await verify('slow-start');
    const h = check(r, 'healthy');
    expect(h.status).toBe('pass');
    expect(h.seconds).toBeGreaterThan(3.9);
    expect(h.seconds).toBeLessThan(9);
  });

  it('never healthy: ends at the health-timeout with a clear message', async () => {
    const r = await verify('never-healthy', { healthTimeoutSeconds: 5 });
    const h = check(r, 'healthy');
    expect(h.status).toBe('fail');
    expect(h.detail).toMatch(/^never healthy: connection refused on port 8080 for [5-6]\.\d s$/);
    expect(h.seconds).toBeGreaterThanOrEqual(5);
    expect(h.seconds).toBeLessThan(7); // ends at the timeout, not at the image's 90 s grace
    expect(h.diagnosis).toMatch(/The container listens on no TCP port at all/);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['HC902']);
  });

  it('secret in ENV: no-secrets fails, the value is masked everywhere', async () => {
    const value = 'sk-live-4f9A8b7C6d5E4f3a2B1c0D9e8F7a';
    const r = await verify('secret-env');
    const s = check(r, 'no-secrets');
    expect(s.status).toBe('fail');
    expect(s.detail).toBe(
      'API_KEY=sk-l…(redacted) (OpenAI/Anthropic-style API key; image Config.Env, docker history)',
    );
    expect(r.findings.map((f) => f.ruleId)).toEqual(['HC908']);
    expect(JSON.stringify(r)).not.toContain(value);
    expect(printed).not.toContain(value);
  });

  it('secret build arg visible in docker history: fails, value never in any output', async () => {
    const value = 'npm_' + 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5';
    const r = await verify('secret-build-arg', { buildArgs: { NPM_TOKEN: value } });
    const s = check(r, 'no-secrets');
    expect(s.status).toBe('fail');
    expect(s.detail).toBe('NPM_TOKEN=npm_…(redacted) (npm token; docker history)');
    expect(r.findings[0]).toMatchObject({ ruleId: 'HC908', line: 8 });
    expect(JSON.stringify(r)).not.toContain(value);
    expect(printed).not.toContain(value);
    expect(printed).toContain('installing with a token of 40 characters');
  });

  it('secret look-alikes (PASSWORD_FILE, GPG_KEY, TOKEN_URL) pass', async () => {
    const r = await verify('secret-lookalikes');
    expect(check(r, 'no-secrets').status).toBe('pass');
    expect(r.findings).toEqual([]);
  });

  it('scratch image without any shell or cat: every probe still decides', async () => {
    const r = await verify('no-shell');
    expect(statuses(r)).toEqual(ALL_PASS);
    expect(check(r, 'env-override').detail).toBe(
      'LOG_LEVEL reached the process (read from /proc/<pid>/environ on the host)',
    );
  });

  it('env override given with -e is honoured (LOG_LEVEL=debug)', async () => {
    const r = await verify('hardened', { envOverrides: { LOG_LEVEL: 'debug' } });
    expect(check(r, 'env-override')).toMatchObject({ status: 'pass' });
    expect(check(r, 'env-override').diagnosis).toMatch(/env-overrides input: LOG_LEVEL/);
  });

  it('env override replaced by an entrypoint script: fails, names the value the app sees', async () => {
    const r = await verify('env-replaced', { envOverrides: { LOG_LEVEL: 'debug' } });
    const e = check(r, 'env-override');
    expect(e.status).toBe('fail');
    expect(e.detail).toBe('override not honoured: LOG_LEVEL is "info" in httpd');
    expect(r.findings.map((f) => f.ruleId)).toEqual(['HC312']);
    expect(check(r, 'healthy').status).toBe('pass');
  });

  it('a sentinel that stops the app (APP_ENV validated): retried without it, image not blamed', async () => {
    const r = await verify('env-validated');
    expect(statuses(r)).toEqual({ ...ALL_PASS, 'env-override': 'error' });
    expect(check(r, 'env-override').detail).toBe(
      'the app does not start with sentinel values for APP_ENV; it does without them',
    );
    expect(r.findings).toEqual([]);
    // With a valid value given, the override is proven.
    const ok = await verify('env-validated', { envOverrides: { APP_ENV: 'staging' } });
    expect(statuses(ok)).toEqual(ALL_PASS);
  }, 60_000);

  it('a build that fails: buildFailed, tail shown, checks error, no throw', async () => {
    const r = await verify('build-fails');
    expect(r.buildFailed).toBe(true);
    expect(r.imageId).toBeNull();
    expect(r.buildLogTail).toMatch(/error: missing dependency libfoo/);
    expect(new Set(r.checks.map((c) => c.status))).toEqual(new Set(['error']));
    expect(check(r, 'healthy').detail).toMatch(/^build failed \(classic, exit \d+\)/);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['HC909']);
  });

  it('run: false inspects only (no container)', async () => {
    const r = await verify('hardened', { run: false });
    expect(statuses(r)).toEqual({ ...ALL_PASS, healthy: 'skip', 'env-override': 'skip' });
    expect(check(r, 'non-root').detail).toBe('Config.User 1000:1000 (USER 1000:1000, line 10; run: false)');
  });
});
