import { describe, expect, it } from 'vitest';
import {
  describeSpecial,
  isSpecial,
  modeString,
  SETUID_FIX,
  setuidOutcome,
  specialFile,
  type SpecialFile,
} from '../../../src/runtime/checks/setuid-files.js';
import type { TarEntry } from '../../../src/runtime/tar-headers.js';

const entry = (path: string, mode: number, type = '0', over: Partial<TarEntry> = {}): TarEntry => ({
  path,
  type,
  mode,
  uid: 0,
  gid: 0,
  uname: 'root',
  gname: 'root',
  size: 10,
  linkname: '',
  ...over,
});

const scan = (special: SpecialFile[]) => ({
  special,
  entries: 900,
  seconds: 0.4,
  how: 'docker export: 900 entries, 12.5 MB read in 0.4 s',
});

describe('setuid-files', () => {
  it('only regular files and hard links with the s bits count', () => {
    expect(isSpecial(entry('/usr/bin/su', 0o4755))).toBe(true);
    expect(isSpecial(entry('/usr/bin/chage', 0o2755))).toBe(true);
    expect(isSpecial(entry('/usr/bin/ls', 0o755))).toBe(false);
    // setgid directories (Debian's /var/mail, /var/local) are not programs
    expect(isSpecial(entry('/var/mail', 0o2775, '5'))).toBe(false);
    expect(isSpecial(entry('/bin/sux', 0o4755, '2'))).toBe(false);
    expect(isSpecial(entry('/bin/su2', 0o4755, '1', { linkname: 'usr/bin/su' }))).toBe(true);
    expect(specialFile(entry('/bin/su2', 0o4755, '1', { linkname: 'usr/bin/su' })).linkTo).toBe(
      '/usr/bin/su',
    );
  });

  it('shows modes as ls does', () => {
    expect(modeString(0o4755)).toBe('-rwsr-xr-x');
    expect(modeString(0o2755)).toBe('-rwxr-sr-x');
    expect(modeString(0o4644)).toBe('-rwSr--r--');
    expect(modeString(0o1777)).toBe('-rwxrwxrwt');
  });

  it('passes with the scan figures when there is none', () => {
    const o = setuidOutcome(scan([]), 3);
    expect(o.check.status).toBe('pass');
    expect(o.check.detail).toBe('no setuid/setgid file (docker export: 900 entries, 12.5 MB read in 0.4 s)');
    expect(o.findings).toEqual([]);
  });

  it('distribution tools that need the bit are named with their job: a pass with a note, and the fix', () => {
    const files = [
      specialFile(entry('/usr/bin/su', 0o4755)),
      specialFile(entry('/usr/sbin/unix_chkpwd', 0o2755, '0', { gid: 42, gname: 'shadow' })),
    ];
    const o = setuidOutcome(scan(files), 2);
    expect(o.check.status).toBe('pass');
    expect(o.check.detail).toBe(
      '2 setuid/setgid files, all distribution tools that need the bit: /usr/bin/su, /usr/sbin/unix_chkpwd',
    );
    expect(o.check.diagnosis).toContain('/usr/bin/su -rwsr-xr-x setuid root(0): switch user');
    expect(o.check.diagnosis).toContain(
      '/usr/sbin/unix_chkpwd -rwxr-sr-x setgid shadow(42): PAM password check',
    );
    expect(o.check.diagnosis).toContain('allowPrivilegeEscalation: false');
    expect(o.findings).toEqual([
      expect.objectContaining({ ruleId: 'HC916', severity: 'note', check: 'setuid-files', line: 2 }),
    ]);
    expect(o.findings[0].message).toContain(SETUID_FIX);
  });

  it.each([
    ['a file the image added', specialFile(entry('/app/helper', 0o4750, '0', { uid: 1000, uname: '' }))],
    ['a known name outside the system directories', specialFile(entry('/opt/tools/su', 0o4755))],
    ['sudo (hands out root by design)', specialFile(entry('/usr/bin/sudo', 0o4755))],
    ['a setuid busybox (every applet)', specialFile(entry('/bin/busybox', 0o4755))],
    [
      'a known name owned by a regular user',
      specialFile(entry('/usr/bin/passwd', 0o4755, '0', { uid: 1000 })),
    ],
  ])('%s is a finding', (_name, f) => {
    const o = setuidOutcome(scan([specialFile(entry('/usr/bin/su', 0o4755)), f]), 1);
    expect(o.check.status).toBe('fail');
    expect(o.check.detail).toBe(`1 setuid/setgid file beyond the distribution's own tools: ${f.path}`);
    expect(o.check.diagnosis).toContain('1 of these is a tool the base distribution ships');
    expect(o.findings).toEqual([expect.objectContaining({ ruleId: 'HC916', severity: 'error' })]);
  });

  it('an unknown file alone: none of them is a distribution tool', () => {
    const f = specialFile(entry('/app/helper', 0o4750, '0', { uid: 1000, uname: '' }));
    expect(describeSpecial(f)).toBe('/app/helper -rwsr-x--- setuid 1000');
    const o = setuidOutcome(scan([f]), 1);
    expect(o.check.detail).toBe("1 setuid/setgid file beyond the distribution's own tools: /app/helper");
    expect(o.check.diagnosis).toContain('None of these is a distribution tool that needs the bit');
  });

  it('long lists are cut in the one-line detail, never in the diagnosis', () => {
    const files = Array.from({ length: 11 }, (_, i) =>
      specialFile(entry(`/usr/bin/t${String(i).padStart(2, '0')}`, 0o4755)),
    );
    const o = setuidOutcome(scan(files), 1);
    expect(o.check.detail).toMatch(/\/usr\/bin\/t07 and 3 more$/);
    expect(o.check.diagnosis).toContain('/usr/bin/t10');
  });
});
