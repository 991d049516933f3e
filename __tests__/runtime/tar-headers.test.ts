// The tar header reader against archives GNU tar writes in each format (ustar with a
// prefix, pax, GNU long names), fed whole and in awkward chunk sizes.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  parsePax,
  TarFormatError,
  TarScanner,
  tarNumber,
  type TarEntry,
} from '../../src/runtime/tar-headers.js';

const root = mkdtempSync(join(tmpdir(), 'hc-tar-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const longDir = `usr/lib/${'deep-directory-name/'.repeat(6)}x`; // > 100 chars with the file name
const longFile = `${longDir}/helper-with-a-long-name`;

function tree(): string {
  const dir = join(root, 'tree');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'usr/bin'), { recursive: true });
  mkdirSync(join(dir, 'etc'), { recursive: true });
  mkdirSync(join(dir, longDir), { recursive: true });
  writeFileSync(join(dir, 'usr/bin/su'), Buffer.alloc(1500, 1)); // data spans blocks
  chmodSync(join(dir, 'usr/bin/su'), 0o4755);
  writeFileSync(join(dir, 'usr/bin/chage'), 'x');
  chmodSync(join(dir, 'usr/bin/chage'), 0o2755);
  writeFileSync(join(dir, 'usr/bin/plain'), 'y'.repeat(512));
  chmodSync(join(dir, 'usr/bin/plain'), 0o755);
  writeFileSync(join(dir, longFile), 'z');
  chmodSync(join(dir, longFile), 0o6711);
  writeFileSync(join(dir, 'etc/passwd'), 'root:x:0:0::/root:/bin/sh\napp:x:10001:10001::/home/app:/bin/sh\n');
  return dir;
}

function archive(format: 'gnu' | 'pax' | 'ustar'): Buffer {
  const dir = tree();
  const out = join(root, `t.${format}.tar`);
  execFileSync('tar', [
    `--format=${format}`,
    '--owner=0',
    '--group=42',
    '--numeric-owner',
    '-C',
    dir,
    '-cf',
    out,
    'usr',
    'etc',
  ]);
  return execFileSync('cat', [out], { maxBuffer: 1 << 26 });
}

function scan(data: Buffer, chunk: number): { entries: TarEntry[]; scanner: TarScanner } {
  const entries: TarEntry[] = [];
  const scanner = new TarScanner({ onEntry: (e) => entries.push(e), capture: (p) => p === '/etc/passwd' });
  for (let i = 0; i < data.length; i += chunk) scanner.push(data.subarray(i, i + chunk));
  scanner.end();
  return { entries, scanner };
}

describe('TarScanner', () => {
  for (const format of ['gnu', 'pax'] as const) {
    for (const chunk of [1 << 20, 1, 7, 511, 513]) {
      it(`${format} archive in ${chunk}-byte chunks: paths, modes, owners, long names, captured file`, () => {
        const { entries, scanner } = scan(archive(format), chunk);
        const by = (p: string) => entries.find((e) => e.path === p);
        expect(by('/usr/bin/su')).toMatchObject({ type: '0', mode: 0o4755, uid: 0, gid: 42, size: 1500 });
        expect(by('/usr/bin/chage')?.mode).toBe(0o2755);
        expect(by('/usr/bin/plain')?.mode).toBe(0o755);
        expect(by(`/${longFile}`)?.mode).toBe(0o6711);
        expect(by('/usr/bin')?.type).toBe('5');
        expect(scanner.captured.get('/etc/passwd')?.toString()).toContain('app:x:10001:10001');
        expect(scanner.entries).toBe(entries.length);
      });
    }
  }

  it('hands a captured file over as soon as its data is complete, before the entries after it', () => {
    // etc first, then usr: the account file streams by before the rest of the archive
    const dir = tree();
    const out = join(root, 'order.tar');
    execFileSync('tar', ['--format=pax', '-C', dir, '-cf', out, 'etc', 'usr']);
    const data = execFileSync('cat', [out]);
    const seen: string[] = [];
    const scanner = new TarScanner({
      onEntry: (e) => seen.push(e.path),
      capture: (p) => p === '/etc/passwd',
      onCaptured: (path, b) => seen.push(`captured ${path} ${b.toString().split('\n').length - 1} lines`),
    });
    for (let i = 0; i < data.length; i += 700) scanner.push(data.subarray(i, i + 700));
    scanner.end();
    const at = seen.indexOf('captured /etc/passwd 2 lines');
    expect(at).toBe(seen.indexOf('/etc/passwd') + 1);
    expect(seen.slice(at + 1)).toContain('/usr/bin/su');
  });

  it('ustar archive: a path split into prefix and name is joined', () => {
    // ustar cannot hold the >100-char file name in one field: GNU tar uses the prefix when it fits
    const dir = tree();
    const deep = `usr/${'d'.repeat(90)}/${'e'.repeat(60)}`;
    mkdirSync(join(dir, deep), { recursive: true });
    writeFileSync(join(dir, deep, 'f'), 'q');
    chmodSync(join(dir, deep, 'f'), 0o4700);
    const out = join(root, 'prefix.tar');
    execFileSync('tar', ['--format=ustar', '-C', dir, '-cf', out, `${deep}/f`]);
    const { entries } = scan(execFileSync('cat', [out]), 100);
    expect(entries.map((e) => [e.path, e.mode])).toEqual([[`/${deep}/f`, 0o4700]]);
  });

  it('a truncated archive is an error naming where it stopped', () => {
    const data = archive('pax');
    const cut = data.subarray(0, 512 * 3 + 100);
    expect(() => scan(cut, 4096)).toThrow(/ended inside an entry/);
  });

  it('a corrupted header is an error, not a wrong listing', () => {
    const data = Buffer.from(archive('gnu'));
    data[10] ^= 0xff;
    expect(() => scan(data, 4096)).toThrow(TarFormatError);
  });
});

describe('tar fields', () => {
  it('reads octal and GNU base-256 numbers', () => {
    const b = Buffer.alloc(12);
    b.write('0004755\0', 0, 'ascii');
    expect(tarNumber(b, 0, 8)).toBe(0o4755);
    const big = Buffer.alloc(12);
    big[0] = 0x80;
    big[11] = 0x02;
    big[10] = 0x01;
    expect(tarNumber(big, 0, 12)).toBe(0x0102);
  });

  it('parses pax records whose length counts multi-byte characters as bytes', () => {
    const rec = (k: string, v: string) => {
      const body = ` ${k}=${v}\n`;
      let n = Buffer.byteLength(body) + 1;
      if (String(n).length + Buffer.byteLength(body) !== n) n += 1;
      return `${n}${body}`;
    };
    const data = Buffer.from(rec('path', 'usr/bin/ünïcode') + rec('uid', '70000'));
    expect(parsePax(data)).toEqual({ path: 'usr/bin/ünïcode', uid: '70000' });
    expect(() => parsePax(Buffer.from('999 path=x\n'))).toThrow(TarFormatError);
  });
});
