// The verified Kubernetes snippet holds only what the run proved: each field appears with the
// check that proves it and disappears when that check is skipped, failed or absent.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kubernetesSnippet, type ProvenRun } from '../../../src/runtime/kubernetes-snippet.js';
import type { Check, CheckId } from '../../../src/report/types.js';

const NS = 1e9;
const check = (id: CheckId, status: Check['status'], extra: Partial<Check> = {}): Check => ({
  id,
  status,
  detail: '',
  source: 'runtime',
  ...extra,
});
const httpHc = {
  test: ['CMD', 'wget', '-qO-', 'http://localhost:8000/health?full=1'],
  interval: 15 * NS,
  timeout: 3 * NS,
  startPeriod: 0,
  retries: 4,
};
const all: Check[] = [
  check('non-root', 'pass'),
  check('healthy', 'pass'),
  check('graceful-stop', 'pass', { seconds: 0.31 }),
  check('read-only-rootfs', 'pass'),
  check('restricted-profile', 'pass'),
];
const run = (over: Partial<ProvenRun> = {}): ProvenRun => ({
  checks: all,
  uid: 10001,
  gid: 10001,
  healthcheck: httpHc,
  stopBoundSeconds: 10,
  sockets: [
    { address: '0.0.0.0', port: 8000 },
    { address: '::', port: 8443 },
  ],
  writablePaths: ['/tmp'],
  ...over,
});
/* eslint-disable @typescript-eslint/no-explicit-any -- parsed YAML */
const spec = (r: ProvenRun): any => {
  const text = kubernetesSnippet(r);
  return text === null ? null : parse(text).spec;
};
const without = (...ids: CheckId[]) => all.filter((c) => !ids.includes(c.id));
const withStatus = (id: CheckId, status: Check['status']) =>
  all.map((c) => (c.id === id ? { ...c, status } : c));

describe('kubernetesSnippet', () => {
  it('writes every proven field when every check passed', () => {
    const s = spec(run());
    expect(s.terminationGracePeriodSeconds).toBe(5);
    const c = s.containers[0];
    // the read-only root was proven with a tmpfs on /tmp: the pod gets a volume there
    expect(c.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(s.volumes).toEqual([{ name: 'tmp', emptyDir: {} }]);
    expect(c.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    const probe = {
      httpGet: { path: '/health?full=1', port: 8000 },
      periodSeconds: 15,
      timeoutSeconds: 3,
      failureThreshold: 4,
    };
    expect(c.livenessProbe).toEqual(probe);
    expect(c.readinessProbe).toEqual(probe);
    expect(kubernetesSnippet(run())).toMatch(/^# Verified by harden-check: only what this run proved\./);
  });
  it.each([
    ['read-only-rootfs skipped', withStatus('read-only-rootfs', 'skip'), ['readOnlyRootFilesystem']],
    ['read-only-rootfs absent', without('read-only-rootfs'), ['readOnlyRootFilesystem']],
    [
      'restricted-profile failed',
      withStatus('restricted-profile', 'fail'),
      ['capabilities', 'seccompProfile'],
    ],
    [
      'deploy-group checks absent',
      without('read-only-rootfs', 'restricted-profile'),
      ['readOnlyRootFilesystem', 'capabilities', 'seccompProfile'],
    ],
    ['non-root failed', withStatus('non-root', 'fail'), ['runAsNonRoot', 'runAsUser', 'runAsGroup']],
  ])('leaves out what is not proven: %s', (_name, checks, missing) => {
    const sc = spec(run({ checks })).containers[0].securityContext;
    for (const key of missing) expect(sc).not.toHaveProperty(key);
    expect(sc.allowPrivilegeEscalation).toBe(false);
  });
  it('sets runAsUser only for an observed numeric uid and runAsGroup only for a known gid', () => {
    expect(spec(run({ uid: null, gid: null })).containers[0].securityContext).not.toHaveProperty('runAsUser');
    const sc = spec(run({ gid: null })).containers[0].securityContext;
    expect(sc.runAsUser).toBe(10001);
    expect(sc).not.toHaveProperty('runAsGroup');
  });
  it('does not trust a static non-root verdict', () => {
    const checks = all.map((c) => (c.id === 'non-root' ? { ...c, source: 'static' as const } : c));
    expect(spec(run({ checks })).containers[0].securityContext).not.toHaveProperty('runAsNonRoot');
  });
  it('writes probes only when healthy passed', () => {
    const c = spec(run({ checks: withStatus('healthy', 'fail') })).containers[0];
    expect(c).not.toHaveProperty('livenessProbe');
    expect(c).not.toHaveProperty('readinessProbe');
  });
  it.each([
    [
      'a shell-form python probe',
      {
        test: ['CMD-SHELL', 'python -c "import urllib.request as u; u.urlopen(\'http://localhost:8000/\')"'],
      },
      {
        exec: {
          command: [
            '/bin/sh',
            '-c',
            'python -c "import urllib.request as u; u.urlopen(\'http://localhost:8000/\')"',
          ],
        },
      },
    ],
    [
      'an exec-form command',
      { test: ['CMD', '/app/healthcheck', '--quick'] },
      { exec: { command: ['/app/healthcheck', '--quick'] } },
    ],
    [
      'curl to another host',
      { test: ['CMD-SHELL', 'curl -f http://db:5432/'] },
      { exec: { command: ['/bin/sh', '-c', 'curl -f http://db:5432/'] } },
    ],
    [
      'curl -f over https to 127.0.0.1',
      { test: ['CMD-SHELL', 'curl -fsk https://127.0.0.1:8443/ready || exit 1'] },
      { httpGet: { path: '/ready', port: 8443, scheme: 'HTTPS' } },
    ],
  ])('derives the probe action from %s', (_name, hc, action) => {
    const probe = spec(run({ healthcheck: { ...httpHc, ...hc } })).containers[0].livenessProbe;
    expect(probe).toMatchObject(action);
    expect(Object.keys(probe)).toHaveLength(4);
  });
  it("uses Docker's defaults for HEALTHCHECK options left unset", () => {
    const probe = spec(run({ healthcheck: { ...httpHc, interval: 0, timeout: 0, retries: 0 } })).containers[0]
      .livenessProbe;
    expect(probe).toMatchObject({ periodSeconds: 30, timeoutSeconds: 30, failureThreshold: 3 });
  });
  it.each([
    [0.31, 10, 5],
    [4.2, 10, 9],
    [4.2, 30, 9],
    [6, 10, 10],
    [20.5, 30, 30],
  ])('derives terminationGracePeriodSeconds from a %s s stop under a %s s bound: %s', (s, bound, grace) => {
    const checks = all.map((c) => (c.id === 'graceful-stop' ? { ...c, seconds: s } : c));
    expect(spec(run({ checks, stopBoundSeconds: bound })).terminationGracePeriodSeconds).toBe(grace);
  });
  it('leaves out the grace period when the stop failed or was skipped', () => {
    expect(spec(run({ checks: withStatus('graceful-stop', 'fail') }))).not.toHaveProperty(
      'terminationGracePeriodSeconds',
    );
  });
  it('is null when nothing was proven (no run)', () => {
    const skipped = all.map((c) => ({ ...c, status: 'skip' as const }));
    expect(kubernetesSnippet(run({ checks: skipped }))).toBeNull();
    expect(kubernetesSnippet(run({ checks: [] }))).toBeNull();
  });

  describe('httpGet only for a port the app binds beyond the loopback (kubelet connects to the pod IP)', () => {
    const probeWith = (sockets: ProvenRun['sockets']) =>
      spec(run({ sockets })).containers[0].livenessProbe as Record<string, unknown>;
    const exec = { command: ['wget', '-qO-', 'http://localhost:8000/health?full=1'] };
    it.each([
      ['0.0.0.0', { address: '0.0.0.0', port: 8000 }],
      ['::', { address: '::', port: 8000 }],
      ['the container address', { address: '172.17.0.2', port: 8000 }],
    ])('bound to %s: httpGet', (_name, socket) => {
      expect(probeWith([socket])).toMatchObject({ httpGet: { path: '/health?full=1', port: 8000 } });
    });
    it.each([
      ['127.0.0.1 only', [{ address: '127.0.0.1', port: 8000 }]],
      ['::1 only', [{ address: '::1', port: 8000 }]],
      ['IPv4-mapped loopback only', [{ address: '::ffff:127.0.0.1', port: 8000 }]],
      ['another port only', [{ address: '0.0.0.0', port: 9000 }]],
      ['sockets unread', null],
    ])('%s: the HEALTHCHECK command as an exec probe', (_name, sockets) => {
      const probe = probeWith(sockets as ProvenRun['sockets']);
      expect(probe).not.toHaveProperty('httpGet');
      expect(probe).toMatchObject({ exec });
    });
  });

  describe('volumes for what the read-only run had writable', () => {
    it("the run-args' mounts too, each with its own DNS-label name", () => {
      const s = spec(run({ writablePaths: ['/tmp', '/var/cache/app', '/var/cache-app', '/tmp'] }));
      expect(s.containers[0].volumeMounts).toEqual([
        { name: 'tmp', mountPath: '/tmp' },
        { name: 'var-cache-app', mountPath: '/var/cache/app' },
        { name: 'var-cache-app-2', mountPath: '/var/cache-app' },
      ]);
      expect(s.volumes.map((v: { name: string }) => v.name)).toEqual([
        'tmp',
        'var-cache-app',
        'var-cache-app-2',
      ]);
      expect(kubernetesSnippet(run({ writablePaths: ['/tmp', '/data'] }))).toContain(
        '#   volumes: the read-only run had /tmp, /data writable',
      );
    });
    it('none when read-only-rootfs did not pass', () => {
      const s = spec(run({ checks: withStatus('read-only-rootfs', 'fail') }));
      expect(s.containers[0]).not.toHaveProperty('volumeMounts');
      expect(s).not.toHaveProperty('volumes');
    });
  });
});
