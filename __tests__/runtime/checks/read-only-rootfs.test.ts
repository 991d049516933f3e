import { describe, expect, it } from 'vitest';
import { parseDiff } from '../../../src/docker/diff.js';
import {
  erofsLines,
  readOnlyOutcome,
  writtenDirs,
  type ReadOnlyEvidence,
} from '../../../src/runtime/checks/read-only-rootfs.js';

describe('read-only-rootfs evidence', () => {
  it('parses docker diff and finds the image directories the app writes to', () => {
    const diff = parseDiff(
      [
        'C /data',
        'A /data/started',
        'C /var',
        'C /var/lib',
        'C /var/lib/app',
        'A /var/lib/app/cache',
        'A /var/lib/app/cache/x.db',
        'C /etc/app.conf',
        'D /etc/motd',
        'C /tmp',
        'A /tmp/sock',
        'junk line',
      ].join('\n'),
    );
    expect(diff).toHaveLength(11);
    expect(writtenDirs(diff)).toEqual(['/data', '/etc', '/var/lib/app']);
  });

  it('takes the path from the shapes runtimes print EROFS in', () => {
    const lines = erofsLines(
      [
        "sh: can't create /data/started: Read-only file system",
        "PermissionError: [Errno 30] Read-only file system: '/app/cache.json'",
        "Error: EROFS: read-only file system, open '/srv/out.log'",
        'open /var/run/app.pid: read-only file system',
        'mkdir: read-only file system',
        'all good',
      ].join('\n'),
    );
    expect(lines.map((l) => l.path)).toEqual([
      '/data/started',
      '/app/cache.json',
      '/srv/out.log',
      '/var/run/app.pid',
      null,
    ]);
  });
});

const base: ReadOnlyEvidence = {
  outcome: 'healthy',
  seconds: 1.2,
  hasHealthcheck: true,
  logs: '',
  mainDiff: [],
};

describe('readOnlyOutcome', () => {
  it('passes when healthy, and without a HEALTHCHECK when still running', () => {
    expect(readOnlyOutcome(base, 3).check).toMatchObject({
      status: 'pass',
      detail: 'healthy 1.2 s after start with --read-only --tmpfs /tmp',
    });
    const running = readOnlyOutcome({ ...base, outcome: 'running', hasHealthcheck: false }, 3);
    expect(running.check.detail).toBe('still running after 1.2 s with --read-only --tmpfs /tmp');
    // running is not healthy when there is a HEALTHCHECK to pass
    expect(readOnlyOutcome({ ...base, outcome: 'running' }, 3).check.status).toBe('fail');
  });

  it('a pass still mentions writes that failed silently', () => {
    const o = readOnlyOutcome({ ...base, mainDiff: parseDiff('C /app\nA /app/x.pyc') }, 3);
    expect(o.check.status).toBe('pass');
    expect(o.check.diagnosis).toContain('The main container wrote to /app');
  });

  it('fails naming the path from the log and the mount to add', () => {
    const o = readOnlyOutcome(
      {
        ...base,
        outcome: 'exited',
        exitCode: 1,
        seconds: 0.2,
        logs: "sh: can't create /data/started: Read-only file system",
        mainDiff: parseDiff('C /data\nA /data/started'),
      },
      4,
    );
    expect(o.check.detail).toBe(
      'with --read-only --tmpfs /tmp the container exited (code 1) after 0.2 s: it tried to write /data/started',
    );
    expect(o.check.diagnosis).toContain('VOLUME /data');
    expect(o.check.diagnosis).toContain('--tmpfs /data');
    expect(o.check.diagnosis).toContain('emptyDir');
    expect(o.findings).toEqual([
      expect.objectContaining({ ruleId: 'HC914', line: 4, check: 'read-only-rootfs' }),
    ]);
  });

  it('without an EROFS line, the diff names where the app writes; with neither, says so', () => {
    const o = readOnlyOutcome(
      { ...base, outcome: 'unhealthy', seconds: 9, mainDiff: parseDiff('C /run\nA /run/app.pid') },
      1,
    );
    expect(o.check.detail).toBe(
      'with --read-only --tmpfs /tmp the container did not become healthy within 9 s: the main container writes to /run',
    );
    expect(o.check.diagnosis).toContain('Its log has no "Read-only file system" line.');
    expect(o.check.diagnosis).toContain('added or changed files in: /run (docker diff).');
    // the evidence says where the changes were read
    const host = readOnlyOutcome(
      {
        ...base,
        outcome: 'unhealthy',
        seconds: 9,
        mainDiff: parseDiff('C /run\nA /run/app.pid'),
        mainDiffSource: 'its layer, read on the host',
      },
      1,
    );
    expect(host.check.diagnosis).toContain('added or changed files in: /run (its layer, read on the host).');
    const none = readOnlyOutcome({ ...base, outcome: 'unhealthy', seconds: 9, mainDiff: null }, 1);
    expect(none.check.diagnosis).toContain('could not be read');
    expect(none.check.diagnosis).toContain('Nothing names the path');
  });
});
