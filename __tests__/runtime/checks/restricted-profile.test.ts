import { describe, expect, it } from 'vitest';
import {
  permissionLines,
  restrictedArgs,
  restrictedOutcome,
  restrictedUser,
  type RestrictedEvidence,
} from '../../../src/runtime/checks/restricted-profile.js';

const passwd = 'root:x:0:0::/root:/bin/sh\napp:x:10001:10002::/home/app:/bin/sh\nadmin:x:0:0::/:/bin/sh\n';
const group = 'root:x:0:\nstaff:x:50:\n';

describe('restrictedUser', () => {
  it('root in every spelling', () => {
    for (const u of ['', '0', 'root', '0:0', 'root:root'])
      expect(restrictedUser(u, passwd, group).kind).toBe('root');
    // a name that resolves to uid 0 is root too
    expect(restrictedUser('admin', passwd, group)).toEqual({ kind: 'root', user: 'admin' });
  });

  it('numeric users need no /etc/passwd', () => {
    expect(restrictedUser('1000', null, null)).toEqual({ kind: 'numeric', uid: 1000, gid: null });
    expect(restrictedUser('1000:1000', null, null)).toEqual({ kind: 'numeric', uid: 1000, gid: 1000 });
    expect(restrictedUser('1000:staff', null, group)).toEqual({ kind: 'numeric', uid: 1000, gid: 50 });
  });

  it('names resolve through the image files, or say why not', () => {
    expect(restrictedUser('app', passwd, group)).toEqual({
      kind: 'named',
      name: 'app',
      uid: 10001,
      gid: 10002,
    });
    expect(restrictedUser('app:staff', passwd, group)).toEqual({
      kind: 'named',
      name: 'app',
      uid: 10001,
      gid: 50,
    });
    expect(restrictedUser('app', null, null)).toMatchObject({
      kind: 'unresolved',
      reason: 'the image has no /etc/passwd',
    });
    expect(restrictedUser('nobody2', passwd, group)).toMatchObject({
      reason: 'user "nobody2" is not in /etc/passwd',
    });
    expect(restrictedUser('1000:wheel', passwd, group)).toMatchObject({
      reason: 'group "wheel" is not in /etc/group',
    });
  });

  it('the side container flags', () => {
    expect(restrictedArgs({ uid: 10001, gid: 10002 })).toEqual([
      '--user',
      '10001:10002',
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges',
      '--sysctl',
      'net.ipv4.ip_unprivileged_port_start=1024',
    ]);
    expect(restrictedArgs({ uid: 5, gid: null }).slice(0, 2)).toEqual(['--user', '5']);
  });
});

const numeric = { kind: 'numeric', uid: 1000, gid: 1000 } as const;
const ev = (over: Partial<RestrictedEvidence> = {}): RestrictedEvidence => ({
  user: numeric,
  run: { outcome: 'healthy', seconds: 1.5, logs: '' },
  hasHealthcheck: true,
  ports: [8080],
  ...over,
});

describe('restrictedOutcome', () => {
  it('passes when the restricted container is healthy', () => {
    const o = restrictedOutcome(ev(), 9);
    expect(o.check).toMatchObject({
      status: 'pass',
      detail:
        'healthy 1.5 s after start as uid 1000, gid 1000, --cap-drop ALL, no-new-privileges, default seccomp',
    });
    expect(o.findings).toEqual([]);
  });

  it('root fails outright, pointing at USER', () => {
    const o = restrictedOutcome(
      { user: { kind: 'root', user: '(none)' }, hasHealthcheck: true, ports: [] },
      2,
    );
    expect(o.check.status).toBe('fail');
    expect(o.check.diagnosis).toContain('runAsNonRoot');
    expect(o.findings[0]).toMatchObject({ ruleId: 'HC915', severity: 'error', line: 2 });
  });

  it('a low port is named as the cause, with why NET_BIND_SERVICE alone does not help', () => {
    const o = restrictedOutcome(
      ev({
        run: { outcome: 'exited', exitCode: 1, seconds: 0.3, logs: 'httpd: bind: Permission denied' },
        ports: [80],
      }),
      7,
    );
    expect(o.check.detail).toBe(
      'as uid 1000, gid 1000, --cap-drop ALL, no-new-privileges, default seccomp the container exited (code 1) after 0.3 s: port 80 is below 1024',
    );
    expect(o.check.diagnosis).toContain('capabilities.add: [NET_BIND_SERVICE]');
    // the bind refusal is the port's doing: no second cause
    expect(o.check.diagnosis).not.toContain('switches user');
  });

  it('refused privileged operations in the log are quoted', () => {
    const logs = 'starting\nsu-exec: setgroups: Operation not permitted\n';
    expect(permissionLines(logs)).toEqual(['su-exec: setgroups: Operation not permitted']);
    const o = restrictedOutcome(ev({ run: { outcome: 'exited', exitCode: 1, seconds: 0.1, logs } }), 1);
    expect(o.check.detail).toMatch(/: a privileged operation was refused$/);
    expect(o.check.diagnosis).toContain('  su-exec: setgroups: Operation not permitted');
  });

  it('a named user passes with a note that the pod needs runAsUser', () => {
    const o = restrictedOutcome(ev({ user: { kind: 'named', name: 'app', uid: 10001, gid: 10002 } }), 5);
    expect(o.check.status).toBe('pass');
    expect(o.check.detail).toMatch(/\(USER app: set runAsUser: 10001\)$/);
    expect(o.findings).toEqual([expect.objectContaining({ ruleId: 'HC915', severity: 'note', line: 5 })]);
  });

  it('an unresolvable name is an error, not a verdict', () => {
    const o = restrictedOutcome(
      {
        user: { kind: 'unresolved', name: 'app', reason: 'the image has no /etc/passwd' },
        hasHealthcheck: true,
        ports: [],
      },
      1,
    );
    expect(o.check).toMatchObject({
      status: 'error',
      detail: 'USER app: no uid to run with (the image has no /etc/passwd)',
    });
  });
});
