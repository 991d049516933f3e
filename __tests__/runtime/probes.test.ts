// The pure halves of the probes, on plain data.
import { describe, expect, it } from 'vitest';
import { chooseOverrides, FALLBACK_KEY, judgeOverrides, parseEnviron } from '../../src/runtime/env-probe.js';
import { historyPairs, scanImageSecrets } from '../../src/runtime/secret-probe.js';
import { decideUser, isRootUser } from '../../src/runtime/user-probe.js';
import { imageGraceSeconds, parseDockerTime } from '../../src/runtime/health-probe.js';
import type { StaticFacts } from '../../src/runtime/types.js';

const facts = (env: [string, string][] = [], extra: Partial<StaticFacts> = {}): StaticFacts => ({
  stage: null,
  declared: [],
  user: null,
  baseImage: null,
  env: env.map(([key, value], i) => ({ key, value, line: i + 2, secret: /TOKEN|PASSWORD/.test(key) })),
  healthcheck: null,
  appPorts: [],
  ...extra,
});

describe('chooseOverrides', () => {
  it('uses the given overrides as they are', () => {
    expect(
      chooseOverrides({
        given: { A: '1' },
        facts: facts([['B', 'x']]),
        imageEnv: [],
        healthTest: null,
        ports: [],
      }),
    ).toEqual({
      overrides: { A: '1' },
      derived: false,
      skipped: [],
    });
  });

  it('derives sentinels only for safe, non-secret keys and says why the others are skipped', () => {
    const c = chooseOverrides({
      given: {},
      facts: facts([
        ['LOG_LEVEL', 'info'],
        ['PATH', '/usr/bin'],
        ['PYTHONUNBUFFERED', '1'],
        ['LC_ALL', 'C.UTF-8'],
        ['JAVA_HOME', '/opt/java'],
        ['APP_PORT', '8080'],
        ['PORT', '8080'],
        ['WORKERS', '4'],
        ['API_TOKEN', 'abc'],
        ['HEALTH_URL', 'http://localhost:8080/'],
        ['GREETING', 'hello'],
      ]),
      imageEnv: [],
      healthTest: ['CMD-SHELL', 'wget -q -O /dev/null $HEALTH_URL'],
      ports: [8080],
    });
    expect(Object.keys(c.overrides)).toEqual(['LOG_LEVEL', 'GREETING']);
    expect(c.overrides.LOG_LEVEL).toMatch(/^hc-sentinel-[0-9a-f]{8}$/);
    expect(Object.fromEntries(c.skipped.map((s) => [s.key, s.reason]))).toEqual({
      PATH: 'runtime/locale/network setting: a sentinel would break the app',
      PYTHONUNBUFFERED: 'runtime/locale/network setting: a sentinel would break the app',
      LC_ALL: 'runtime/locale/network setting: a sentinel would break the app',
      JAVA_HOME: 'runtime/locale/network setting: a sentinel would break the app',
      APP_PORT: 'runtime/locale/network setting: a sentinel would break the app',
      PORT: 'runtime/locale/network setting: a sentinel would break the app',
      WORKERS: 'number/boolean value: a sentinel string could stop the app',
      API_TOKEN: 'looks secret: never echoed or replaced',
      HEALTH_URL: 'the HEALTHCHECK uses it',
    });
  });

  it('leaves a key alone whose value is the app port, whatever its name', () => {
    const c = chooseOverrides({
      given: {},
      facts: facts([['SERVE_ON', '8080']]),
      imageEnv: [],
      healthTest: null,
      ports: [8080],
    });
    expect(c.skipped).toEqual([{ key: 'SERVE_ON', reason: 'its value 8080 is the app/HEALTHCHECK port' }]);
  });

  it('falls back to HARDEN_CHECK_SENTINEL when nothing is left; reads Config.Env in image mode', () => {
    const c = chooseOverrides({
      given: {},
      facts: facts(),
      imageEnv: ['PATH=/bin', 'HOME=/root'],
      healthTest: null,
      ports: [],
    });
    expect(Object.keys(c.overrides)).toEqual([FALLBACK_KEY]);
    expect(c.skipped.map((s) => s.key)).toEqual(['PATH', 'HOME']);
  });
});

describe('parseEnviron / judgeOverrides', () => {
  it('parses NUL-separated environ, values may hold "="', () => {
    expect(parseEnviron('A=1\0B=x=y\0\0')).toEqual({ A: '1', B: 'x=y' });
  });

  it('honoured when every readable process has the value', () => {
    const v = judgeOverrides({ LOG_LEVEL: 'debug' }, [
      { pid: 10, comm: 'httpd', env: { LOG_LEVEL: 'debug' } },
      { pid: 11, comm: 'wget', env: null },
    ]);
    expect(v).toEqual({ honoured: ['LOG_LEVEL'], replaced: [], unreadable: false });
  });

  it("replaced when a process (the exec'd app) sees another value or none", () => {
    const v = judgeOverrides({ LOG_LEVEL: 'debug', MODE: 'x' }, [
      { pid: 10, comm: 'sh', env: { LOG_LEVEL: 'debug', MODE: 'x' } },
      { pid: 12, comm: 'app', env: { LOG_LEVEL: 'info' } },
    ]);
    expect(v.replaced).toEqual([
      { key: 'LOG_LEVEL', seen: 'info', comm: 'app' },
      { key: 'MODE', seen: null, comm: 'app' },
    ]);
  });

  it('unreadable when no environ could be read', () => {
    expect(judgeOverrides({ A: '1' }, [{ pid: 1, comm: 'x', env: null }]).unreadable).toBe(true);
  });
});

describe('secret probe', () => {
  it('reads build args of RUN lines (legacy and BuildKit) and ENV lines', () => {
    expect(historyPairs('|2 NPM_TOKEN=npm_x VERSION=1.2 /bin/sh -c npm ci')).toEqual([
      ['NPM_TOKEN', 'npm_x'],
      ['VERSION', '1.2'],
    ]);
    expect(historyPairs('RUN |1 NPM_TOKEN=abc /bin/sh -c echo hi # buildkit')).toEqual([
      ['NPM_TOKEN', 'abc'],
    ]);
    expect(historyPairs('/bin/sh -c #(nop)  ENV API_KEY=sk-1 MODE=prod')).toEqual([
      ['API_KEY', 'sk-1'],
      ['MODE', 'prod'],
    ]);
    expect(historyPairs('ENV DB_PASSWORD="hunter22"')).toEqual([['DB_PASSWORD', 'hunter22']]);
  });

  it('finds secrets by name (literal value) or by value, masks them, merges places', () => {
    const hits = scanImageSecrets(
      [
        'DB_PASSWORD=hunter2hunter2',
        'PASSWORD_FILE=/run/secrets/db',
        'GPG_KEY=A4A9406876FCBD3C456770C88C718D3B5072E1F5',
        'API_TOKEN=${API_TOKEN}',
        'X=ghp_' + 'a'.repeat(36),
      ],
      [
        { createdBy: '/bin/sh -c #(nop)  ENV DB_PASSWORD=hunter2hunter2', comment: '' },
        { createdBy: '|1 NPM_TOKEN=npm_' + 'b'.repeat(36) + ' /bin/sh -c npm ci', comment: '' },
        { createdBy: '/bin/sh -c curl https://user:s3cr3tpass@example.com/x', comment: '' },
        { createdBy: '/bin/sh -c echo TOKEN_URL=https://auth.example.com/token', comment: '' },
      ],
    );
    expect(hits.map((h) => [h.key, h.masked, h.reason, h.where])).toEqual([
      ['DB_PASSWORD', '…(redacted)', 'name contains "password"', ['image Config.Env', 'docker history']],
      ['X', 'ghp_…(redacted)', 'GitHub token', ['image Config.Env']],
      ['NPM_TOKEN', 'npm_…(redacted)', 'npm token', ['docker history']],
      [null, 'http…(redacted)', 'URL with credentials', ['docker history']],
    ]);
  });
});

describe('decideUser', () => {
  const p = (uid: number, comm = 'httpd') => ({ uid, pid: 100 + uid, comm });

  it('the running uid decides, the USER line explains', () => {
    const v = decideUser({
      processes: [p(1000)],
      configUser: 'appuser',
      facts: { raw: 'appuser', resolved: 'appuser', line: 12, endLine: 12 },
    });
    expect(v.check).toMatchObject({
      status: 'pass',
      detail: 'uid 1000 (running process; USER appuser, line 12)',
    });
    expect(v.nonNumericUser).toBe(true);
  });

  it('any root process fails, named', () => {
    const v = decideUser({ processes: [p(0, 'nginx'), p(101, 'nginx')], configUser: '', facts: null });
    expect(v.check).toMatchObject({
      status: 'fail',
      detail: 'uid 0 (2 running processes: nginx as root; no USER in the image)',
    });
  });

  it('without a process: Config.User, with the reason', () => {
    expect(
      decideUser({ processes: null, configUser: '', facts: null, unobservedReason: 'run: false' }).check
        .detail,
    ).toBe('runs as root (no USER in the image; run: false)');
    expect(
      decideUser({ processes: null, configUser: '10001', facts: null, unobservedReason: 'run: false' }).check,
    ).toMatchObject({
      status: 'pass',
      detail: 'Config.User 10001 (image Config.User 10001; run: false)',
    });
  });

  it('isRootUser', () => {
    expect(['', '0', '0:0', 'root', 'root:root'].every(isRootUser)).toBe(true);
    expect(['1000', 'app', '1000:0'].some(isRootUser)).toBe(false);
  });
});

describe('health timing helpers', () => {
  it("Docker's own grace before unhealthy (defaults: 30 s x 3)", () => {
    expect(imageGraceSeconds({ test: [], interval: 0, timeout: 0, startPeriod: 0, retries: 0 })).toBe(90);
    expect(imageGraceSeconds({ test: [], interval: 2e9, timeout: 0, startPeriod: 5e9, retries: 2 })).toBe(9);
  });

  it('parses Docker nanosecond timestamps', () => {
    expect(parseDockerTime('2024-05-01T10:00:00.123456789Z')).toBe(Date.UTC(2024, 4, 1, 10, 0, 0, 123));
    expect(parseDockerTime('')).toBeNaN();
  });
});
