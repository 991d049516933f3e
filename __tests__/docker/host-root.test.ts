// The host view of a container's root: when it may be used (the pid is the container's, no
// user namespace, nothing mounted over the image) and how find's records are read.
import { describe, expect, it } from 'vitest';
import {
  cgroupNamesContainer,
  findArgs,
  isIdentityUidMap,
  mountsOverImage,
  parseFindOutput,
} from '../../src/docker/host-root.js';

const ID = 'c751caf637137b646912eea04d962619459e8cf4b17ee706aa9fcc7ef631ed6c';

describe('cgroupNamesContainer', () => {
  it.each([
    ['cgroup v1, cgroupfs driver', `4:memory:/docker/${ID}\n0::/docker/${ID}\n`, true],
    ['cgroup v2, systemd driver', `0::/system.slice/docker-${ID}.scope\n`, true],
    [
      'rootless',
      `0::/user.slice/user-1001.slice/user@1001.service/docker.service/docker-${ID}.scope\n`,
      true,
    ],
    ['a host process', '0::/user.slice/user-0.slice/session-3.scope\n', false],
    ['another container', `0::/docker/${'a'.repeat(64)}\n`, false],
  ])('%s → %s', (_name, cgroup, expected) => {
    expect(cgroupNamesContainer(cgroup, ID)).toBe(expected);
  });
  it('a short id never matches (it could be part of another id)', () => {
    expect(cgroupNamesContainer(`0::/docker/${ID}\n`, ID.slice(0, 12))).toBe(false);
  });
});

describe('isIdentityUidMap', () => {
  it("the host's own uids", () => {
    expect(isIdentityUidMap('         0          0 4294967295\n')).toBe(true);
  });
  it.each([
    ['rootless', '         0       1001          1\n         1     100000      65536\n'],
    ['userns-remap', '         0     231072      65536\n'],
    ['unreadable', ''],
  ])("%s: not the host's", (_name, map) => {
    expect(isIdentityUidMap(map)).toBe(false);
  });
});

describe('mountsOverImage', () => {
  const line = (target: string, fs = 'overlay') => `1 0 0:1 / ${target} rw,relatime - ${fs} none rw`;
  const engine = [
    '/',
    '/proc',
    '/proc/sys',
    '/dev',
    '/dev/shm',
    '/dev/pts',
    '/sys',
    '/sys/fs/cgroup',
    '/etc/hosts',
    '/etc/hostname',
    '/etc/resolv.conf',
  ];
  it('what the engine mounts in every container covers nothing the image ships', () => {
    expect(mountsOverImage(engine.map((t) => line(t)).join('\n'))).toEqual([]);
  });
  it('a VOLUME, a tmpfs and a bind are named (octal escapes decoded)', () => {
    const info = [...engine, '/data', '/tmp', '/srv/my\\040dir', '/etc/app.conf', '/devices']
      .map((t) => line(t))
      .join('\n');
    expect(mountsOverImage(info)).toEqual(['/data', '/tmp', '/srv/my dir', '/etc/app.conf', '/devices']);
  });
});

describe('findArgs', () => {
  it("walks from the pid's root, on its filesystem only, never following a link", () => {
    const a = findArgs(4242);
    expect(a.slice(0, 3)).toEqual(['find', '/proc/4242/root/', '-xdev']);
    expect(a).not.toContain('-L');
    expect(a).not.toContain('-H');
  });
});

describe('parseFindOutput', () => {
  const rec = (s: string) => Buffer.from(`${s}\0`);
  it('counts every entry and reads the setuid/setgid ones, names with spaces and newlines included', () => {
    const out = Buffer.concat([
      rec('e'),
      rec('S 4755 0 0 1516061 1 usr/bin/su'),
      rec('e'),
      rec('S 2755 0 42 99 2 opt/my tool\nx'),
    ]);
    expect(parseFindOutput(out)).toEqual({
      entries: 4,
      special: [
        { path: '/usr/bin/su', mode: 0o4755, uid: 0, gid: 0, inode: 1516061, links: 1 },
        { path: '/opt/my tool\nx', mode: 0o2755, uid: 0, gid: 42, inode: 99, links: 2 },
      ],
    });
  });
  it('no entries: nothing', () => {
    expect(parseFindOutput(Buffer.alloc(0))).toEqual({ entries: 0, special: [] });
  });
  it('a record it did not ask for, or a cut one, is an error (never a silent pass)', () => {
    expect(() => parseFindOutput(rec('S 4755 0 0 usr/bin/su'))).toThrow(/unexpected find output/);
    expect(() => parseFindOutput(Buffer.from('e\0S 4755 0 0 1 1 usr/b'))).toThrow(/mid-record/);
  });
});
