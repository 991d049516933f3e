// The deploy checks on the real engine: setuid-files (the image's filesystem read on the host),
// read-only-rootfs and restricted-profile (side containers started beside the main one).
// Builds go through the leg's builder (HARDEN_CHECK_TEST_BUILD_FLAGS / DOCKER_BUILDKIT).
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanupRun } from '../../../src/docker/cleanup.js';
import { verifyRuntime } from '../../../src/runtime/verify.js';
import type { RuntimeResult } from '../../../src/runtime/types.js';
import { requireBuilder } from '../../helpers/builder.js';
import {
  check,
  deployStatuses,
  expectNoLeftovers,
  FASTAPI_BASE,
  fixtureOptions,
  imageExists,
  removeContexts,
  requireDocker,
} from '../helpers.js';

const hasDocker = await requireDocker();
// .ci/run runs this suite once per builder: the leg's declared builder must be the detected one
if (hasDocker) await requireBuilder();
const walkExpected = process.getuid?.() === 0 && !/^(tcp|ssh):/.test(process.env.DOCKER_HOST ?? '');
const hasFastapi = hasDocker && (await imageExists(FASTAPI_BASE));
if (hasDocker && !hasFastapi) {
  if (process.env.CI === 'true') throw new Error(`${FASTAPI_BASE} missing: run scripts/build-test-bases.sh`);
  console.warn(`⚠️  ${FASTAPI_BASE} missing (scripts/build-test-bases.sh): Debian setuid test SKIPPED`);
}

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

async function run(name: string, over: Parameters<typeof fixtureOptions>[1] = {}): Promise<RuntimeResult> {
  const opts = fixtureOptions(name, over);
  runIds.push(opts.runId);
  const r = await verifyRuntime(opts);
  await expectNoLeftovers(opts.runId);
  return r;
}

// the three this suite is about (graceful-stop is decided elsewhere)
const deploy = (r: RuntimeResult) => {
  const { 'read-only-rootfs': ro, 'restricted-profile': rp, 'setuid-files': su } = deployStatuses(r);
  return { 'read-only-rootfs': ro, 'restricted-profile': rp, 'setuid-files': su };
};

describe.skipIf(!hasDocker)('deploy checks (e2e)', () => {
  it('hardened busybox image: all three pass, with their evidence', async () => {
    const r = await run('hardened');
    expect(check(r, 'healthy').status).toBe('pass');
    expect(deploy(r)).toEqual({
      'read-only-rootfs': 'pass',
      'restricted-profile': 'pass',
      'setuid-files': 'pass',
    });
    expect(check(r, 'read-only-rootfs').detail).toMatch(
      /^healthy [\d.]+ s after start with --read-only --tmpfs \/tmp \(together with the restricted profile's settings\)$/,
    );
    expect(check(r, 'restricted-profile').detail).toMatch(
      /as uid 1000, gid 1000, --cap-drop ALL, no-new-privileges, default seccomp \(and a read-only root\)$/,
    );
    // as root against a local engine (this project's test machines) the main container's root is walked
    expect(check(r, 'setuid-files').detail).toMatch(
      walkExpected
        ? /^no setuid\/setgid file \(the running container's root walked on the host as root: \d+ entries in [\d.]+ s\)$/
        : /^no setuid\/setgid file \(docker export: \d+ entries/,
    );
    expect(r.findings.filter((f) => /^HC91[456]$/.test(f.ruleId))).toEqual([]);
  }, 120_000);

  it('run-args that grant a capability: restricted-profile is not tried (no pass it did not earn), the rest still decided', async () => {
    const r = await run('hardened', { runArgs: ['--cap-add', 'SYS_ADMIN'] });
    expect(check(r, 'healthy').status).toBe('pass');
    expect(deploy(r)).toEqual({
      'read-only-rootfs': 'pass',
      'restricted-profile': 'skip',
      'setuid-files': 'pass',
    });
    expect(check(r, 'restricted-profile').detail).toBe(
      'not tried: run-args grant what the restricted profile forbids (--cap-add SYS_ADMIN), and later flags cannot take that back',
    );
    // the read-only root ran alone: no restricted settings beside it
    expect(check(r, 'read-only-rootfs').detail).toMatch(
      /^healthy [\d.]+ s after start with --read-only --tmpfs \/tmp$/,
    );
    // nothing unproven in the snippet
    expect(r.kubernetes).not.toMatch(/drop:|seccompProfile/);
  }, 120_000);

  it('a setuid and a setgid file the image adds: setuid-files fails naming both, the rest pass', async () => {
    const r = await run('deploy-setuid');
    expect(deploy(r)).toEqual({
      'read-only-rootfs': 'pass',
      'restricted-profile': 'pass',
      'setuid-files': 'fail',
    });
    const c = check(r, 'setuid-files');
    expect(c.detail).toBe(
      "2 setuid/setgid files beyond the distribution's own tools: /bin/helper, /www/index.html",
    );
    expect(c.diagnosis).toContain('/bin/helper -rwsr-xr-x setuid root(0)');
    expect(c.diagnosis).toContain('/www/index.html -rw-r-Sr-- setgid root(0)');
    // named with its job, not a finding of its own
    expect(c.diagnosis).toContain('/usr/bin/passwd -rwsr-xr-x setuid root(0): change password (passwd)');
    expect(c.diagnosis).toContain('1 of these is a tool the base distribution ships');
    const f = r.findings.filter((x) => x.ruleId === 'HC916');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', check: 'setuid-files', line: 3 });
  }, 120_000);

  it('an app writing to /data: read-only-rootfs fails naming /data and the mount to add', async () => {
    const r = await run('deploy-writes-data');
    expect(check(r, 'healthy').status).toBe('pass');
    expect(deploy(r)).toEqual({
      'read-only-rootfs': 'fail',
      'restricted-profile': 'pass',
      'setuid-files': 'pass',
    });
    const c = check(r, 'read-only-rootfs');
    expect(c.detail).toMatch(/exited \(code \d+\) after [\d.]+ s: it tried to write \/data\/started$/);
    expect(c.diagnosis).toContain("sh: can't create /data/started: Read-only file system");
    expect(c.diagnosis).toContain(
      `added or changed files in: /data (${walkExpected ? 'its layer, read on the host' : 'docker diff'})`,
    );
    expect(c.diagnosis).toContain('VOLUME /data');
    expect(c.diagnosis).toContain('emptyDir');
    // the combined side container failed, so the restricted profile was proven on its own
    expect(check(r, 'restricted-profile').detail).toMatch(/default seccomp$/);
    expect(r.findings.find((f) => f.ruleId === 'HC914')).toMatchObject({
      severity: 'error',
      check: 'read-only-rootfs',
    });
  }, 120_000);

  it('non-root on port 80: healthy under Docker, restricted-profile fails on the low port', async () => {
    const r = await run('deploy-low-port');
    expect(check(r, 'healthy').status).toBe('pass');
    expect(deploy(r)).toEqual({
      'read-only-rootfs': 'pass',
      'restricted-profile': 'fail',
      'setuid-files': 'pass',
    });
    const c = check(r, 'restricted-profile');
    expect(c.detail).toMatch(/exited \(code 1\) after [\d.]+ s: port 80 is below 1024$/);
    expect(c.diagnosis).toContain('NET_BIND_SERVICE');
    expect(check(r, 'read-only-rootfs').detail).toMatch(/with --read-only --tmpfs \/tmp$/);
    expect(c.diagnosis).toContain('net.ipv4.ip_unprivileged_port_start');
    expect(r.findings.find((f) => f.ruleId === 'HC915')).toMatchObject({ line: 7, severity: 'error' });
  }, 120_000);

  it('no USER: restricted-profile fails outright (runAsNonRoot), without a side container', async () => {
    const r = await run('no-user');
    expect(deploy(r)).toEqual({
      'read-only-rootfs': 'pass',
      'restricted-profile': 'fail',
      'setuid-files': 'pass',
    });
    expect(check(r, 'restricted-profile').detail).toBe(
      'runs as root (USER (none)): restricted requires runAsNonRoot',
    );
  }, 120_000);

  it('a named USER runs with the uid /etc/passwd gives it, and says runAsUser is needed', async () => {
    const r = await run('named-user');
    const c = check(r, 'restricted-profile');
    expect(c.status).toBe('pass');
    expect(c.detail).toMatch(
      /as uid 1000, gid 1000, .*\(USER appuser: set runAsUser: 1000\) \(and a read-only root\)$/,
    );
    expect(r.findings.find((f) => f.ruleId === 'HC915')).toMatchObject({ severity: 'note' });
  }, 120_000);

  it('a container that never becomes healthy: the side-container checks are skipped', async () => {
    const r = await run('never-healthy', { healthTimeoutSeconds: 8 });
    expect(check(r, 'healthy').status).toBe('fail');
    expect(check(r, 'read-only-rootfs')).toMatchObject({ status: 'skip' });
    expect(check(r, 'restricted-profile')).toMatchObject({ status: 'skip' });
    expect(check(r, 'read-only-rootfs').detail).toMatch(/^the main container did not become healthy/);
  }, 120_000);

  it.skipIf(!hasFastapi)(
    'Debian base: setuid-files names the distribution account tools and passes with a note; the other two pass',
    async () => {
      const r = await run('deploy-fastapi');
      expect(check(r, 'healthy').status).toBe('pass');
      expect(deploy(r)).toEqual({
        'read-only-rootfs': 'pass',
        'restricted-profile': 'pass',
        'setuid-files': 'pass',
      });
      const c = check(r, 'setuid-files');
      expect(c.detail).toMatch(/^\d+ setuid\/setgid files, all distribution tools that need the bit: /);
      expect(r.findings.filter((f) => f.ruleId === 'HC916')).toEqual([
        expect.objectContaining({ severity: 'note', check: 'setuid-files' }),
      ]);
      for (const p of [
        '/usr/bin/su',
        '/usr/bin/passwd',
        '/usr/bin/mount',
        '/usr/bin/umount',
        '/usr/bin/newgrp',
      ])
        expect(c.diagnosis).toContain(`${p} -rwsr-xr-x setuid root(0)`);
      expect(c.diagnosis).toContain('/usr/sbin/unix_chkpwd -rwxr-sr-x setgid shadow(42)');
      expect(c.diagnosis).toContain('allowPrivilegeEscalation: false');
    },
    180_000,
  );
});
