// Why a container was SIGKILLed at the end of its grace period, from PID 1's command line and
// its caught signals, pointed at the Dockerfile line that explains it.
import { describe, expect, it } from 'vitest';
import {
  catchesSignal,
  diagnoseKilledStop,
  killedAtBound,
  parseCmdline,
  processIds,
  signalName,
  signalNumber,
} from '../../../src/runtime/stop-diagnosis.js';
import { processFacts } from '../../../src/audit/static-facts.js';
import { parseDockerfile } from '../../../src/dockerfile/model.js';

const facts = (text: string) => processFacts(parseDockerfile('Dockerfile', text));

describe('signals', () => {
  it.each([
    ['SIGTERM', 15],
    ['term', 15],
    ['15', 15],
    ['SIGQUIT', 3],
    ['SIGKILL', 9],
    ['SIGNOPE', null],
  ])('%s is signal %s', (name, n) => expect(signalNumber(name)).toBe(n));
  it.each([
    [null, 'SIGTERM'],
    ['', 'SIGTERM'],
    ['quit', 'SIGQUIT'],
    ['2', 'SIGINT'],
    ['SIGUSR1', 'SIGUSR1'],
  ])('names %j as %s', (raw, name) => expect(signalName(raw)).toBe(name));
  it('reads whether a process catches a signal from SigCgt', () => {
    const status = (mask: string) => `Name:\thttpd\nSigIgn:\t0000000000000000\nSigCgt:\t${mask}\n`;
    expect(catchesSignal(status('0000000000004000'), 15)).toBe(true);
    expect(catchesSignal(status('0000000000004002'), 2)).toBe(true);
    expect(catchesSignal(status('0000000000000002'), 15)).toBe(false);
    expect(catchesSignal(status('0000000180010a07'), 15)).toBe(false);
    expect(catchesSignal(null, 15)).toBeNull();
    expect(catchesSignal('Name:\tx\n', 15)).toBeNull();
  });
  it('reads the real uid and gid from the status', () => {
    expect(processIds('Name:\tx\nUid:\t1000\t1000\t1000\t1000\nGid:\t2000\t2000\t2000\t2000\n')).toEqual({
      uid: 1000,
      gid: 2000,
    });
    expect(processIds(null)).toEqual({ uid: null, gid: null });
  });
  it('splits /proc cmdline on NUL', () => {
    expect(parseCmdline('/bin/sh\0-c\0httpd -f\0')).toEqual(['/bin/sh', '-c', 'httpd -f']);
    expect(parseCmdline(null)).toBeNull();
    expect(parseCmdline('')).toBeNull();
  });
});

describe('killed at the bound', () => {
  it.each([
    [{ seconds: 10.2, exitCode: 137, oomKilled: false, boundSeconds: 10 }, true],
    [{ seconds: 0.3, exitCode: 0, oomKilled: false, boundSeconds: 10 }, false],
    [{ seconds: 0.3, exitCode: 143, oomKilled: false, boundSeconds: 10 }, false],
    [{ seconds: 10.1, exitCode: 137, oomKilled: true, boundSeconds: 10 }, false],
    [{ seconds: 1.2, exitCode: 137, oomKilled: false, boundSeconds: 10 }, false],
  ])('%o → %s', (o, killed) => expect(killedAtBound(o)).toBe(killed));
});

describe("the final stage's process facts", () => {
  it('reads the ENTRYPOINT and CMD with their form, and STOPSIGNAL', () => {
    const f = facts('FROM a AS base\nSTOPSIGNAL SIGQUIT\nCMD ["x"]\nFROM base\nENTRYPOINT /run.sh\n');
    expect(f.entrypoint).toMatchObject({ line: 5, execForm: false, text: '/run.sh' });
    // the ENTRYPOINT after it resets the inherited CMD
    expect(f.cmd).toBeNull();
    expect(f.stopSignal).toEqual({ value: 'SIGQUIT', line: 2 });
  });
  it('keeps a CMD written after the ENTRYPOINT', () => {
    const f = facts('FROM a\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["serve", "--port", "8000"]\n');
    expect(f.entrypoint).toMatchObject({ line: 2, execForm: true });
    expect(f.cmd).toMatchObject({ line: 3, execForm: true });
    expect(f.stopSignal).toBeNull();
  });
});

describe('diagnosing a SIGKILLed stop', () => {
  const base = { signal: 'SIGTERM', boundSeconds: 10, pid1Catches: false as boolean | null };
  it.each([
    {
      name: 'shell-form CMD: sh -c is PID 1',
      dockerfile: 'FROM a\nCMD httpd -f -p 8080 && echo done\n',
      pid1: ['/bin/sh', '-c', 'httpd -f -p 8080 && echo done'],
      cause: /PID 1 is a shell \(`\/bin\/sh -c httpd -f -p 8080 && echo done`\): a shell-form CMD/,
      fix: /exec form/,
      line: 2,
    },
    {
      name: 'shell-form ENTRYPOINT',
      dockerfile: 'FROM a\nENTRYPOINT python app.py\n',
      pid1: ['/bin/sh', '-c', 'python app.py'],
      cause: /shell-form ENTRYPOINT/,
      fix: /exec form/,
      line: 2,
    },
    {
      name: 'a wrapper script without exec',
      dockerfile: 'FROM a\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["app"]\n',
      pid1: ['/bin/sh', '/entrypoint.sh', 'app'],
      cause: /a shell running a script .* without `exec`/,
      fix: /exec "\$@"/,
      line: 2,
    },
    {
      name: 'an app without a SIGTERM handler as PID 1',
      dockerfile: 'FROM a\nCMD ["httpd", "-f"]\n',
      pid1: ['httpd', '-f'],
      cause: /PID 1 \(`httpd -f`\) has no SIGTERM handler/,
      fix: /--init/,
      line: 2,
    },
  ])('$name', ({ dockerfile, pid1, cause, fix, line }) => {
    const d = diagnoseKilledStop({ ...base, pid1, facts: facts(dockerfile) });
    expect(d.cause).toMatch(cause);
    expect(d.fix).toMatch(fix);
    expect(d.line).toBe(line);
  });
  it('says an app that handles the signal was too slow', () => {
    const d = diagnoseKilledStop({
      ...base,
      pid1Catches: true,
      pid1: ['node', 'server.js'],
      facts: undefined,
    });
    expect(d.cause).toBe('PID 1 (`node server.js`) handles SIGTERM but did not exit within 10 s');
    expect(d.line).toBeUndefined();
  });
  it('blames an init only for its child', () => {
    const d = diagnoseKilledStop({ ...base, pid1: ['/sbin/docker-init', '--', 'app'], facts: undefined });
    expect(d.cause).toMatch(/PID 1 is an init .* passed SIGTERM on, but the app did not exit/);
  });
  it('points STOPSIGNAL SIGKILL at its line', () => {
    const d = diagnoseKilledStop({
      ...base,
      signal: 'SIGKILL',
      pid1: ['app'],
      facts: facts('FROM a\nSTOPSIGNAL SIGKILL\nCMD ["app"]\n'),
    });
    expect(d).toMatchObject({
      line: 2,
      cause: 'STOPSIGNAL SIGKILL kills the app without a chance to shut down',
    });
  });
  it('still names the bound when PID 1 could not be read', () => {
    const d = diagnoseKilledStop({ ...base, pid1: null, pid1Catches: null, facts: undefined });
    expect(d.cause).toBe('the container did not exit within 10 s of SIGTERM');
  });
});
