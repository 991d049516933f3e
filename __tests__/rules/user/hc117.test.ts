import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC117 WORKDIR inside a system directory', () => {
  it('flags WORKDIR in /proc /boot /dev /initrd /lost+found', () => {
    for (const dir of ['/proc', '/boot/x', '/dev', '/initrd', '/lost+found']) {
      expect(linesOf('HC117', `FROM alpine:3.19\nWORKDIR ${dir}\n`)).toEqual([2]);
    }
  });
  it('resolves relative WORKDIRs and variables', () => {
    expect(linesOf('HC117', 'FROM alpine:3.19\nWORKDIR /\nWORKDIR boot\n')).toEqual([3]);
    expect(linesOf('HC117', 'FROM alpine:3.19\nENV D=/proc\nWORKDIR $D/x\n')).toEqual([3]);
    expect(linesOf('HC117', 'FROM alpine:3.19 AS base\nWORKDIR /dev\nFROM base\nWORKDIR sub\n')).toEqual([
      2, 4,
    ]);
  });
  it('does not flag look-alikes', () => {
    expect(
      linesOf('HC117', 'FROM alpine:3.19\nWORKDIR /app/proc\nWORKDIR /bootstrap\nWORKDIR /devel\n'),
    ).toEqual([]);
    expect(linesOf('HC117', 'FROM alpine:3.19\nARG D\nWORKDIR $D\nWORKDIR boot\n')).toEqual([]);
  });
  it('a builder stage is a warning', () => {
    expect(
      findingsOf(
        'HC117',
        df`
      FROM alpine:3.19 AS build
      WORKDIR /boot
      FROM alpine:3.19
      WORKDIR /app
    `,
      ).map((f) => [f.line, f.severity]),
    ).toEqual([[2, 'warning']]);
  });
});
