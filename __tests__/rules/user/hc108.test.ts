import { describe, expect, it } from 'vitest';
import { df, linesOf } from '../../helpers/audit.js';

describe('HC108 port 22 exposed', () => {
  it('flags EXPOSE 22, 22/tcp, a range and a variable', () => {
    expect(linesOf('HC108', 'FROM alpine:3.19\nEXPOSE 80 22\n')).toEqual([2]);
    expect(linesOf('HC108', 'FROM alpine:3.19\nEXPOSE 22/tcp\n')).toEqual([2]);
    expect(linesOf('HC108', 'FROM alpine:3.19\nEXPOSE 20-25\n')).toEqual([2]);
    expect(linesOf('HC108', 'FROM alpine:3.19\nARG SSH_PORT=22\nEXPOSE ${SSH_PORT}\n')).toEqual([3]);
  });
  it('does not flag look-alikes: 2222, 220, 22/udp, an unset build argument', () => {
    expect(linesOf('HC108', 'FROM alpine:3.19\nEXPOSE 2222 220 122\n')).toEqual([]);
    expect(linesOf('HC108', 'FROM alpine:3.19\nEXPOSE 22/udp\n')).toEqual([]);
    expect(linesOf('HC108', 'FROM alpine:3.19\nARG P\nEXPOSE ${P}\n')).toEqual([]);
  });
  it('only the shipped chain counts', () => {
    expect(
      linesOf(
        'HC108',
        df`
      FROM alpine:3.19 AS debug
      EXPOSE 22
      FROM alpine:3.19
      EXPOSE 8080
    `,
      ),
    ).toEqual([]);
    expect(linesOf('HC108', 'FROM alpine:3.19 AS base\nEXPOSE 22\nFROM base\n')).toEqual([2]);
  });
});
