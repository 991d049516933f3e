import { describe, expect, it } from 'vitest';
import { df, linesOf } from '../../helpers/audit.js';

describe('HC116 VOLUME on a sensitive host path', () => {
  it('flags /proc, /sys, /dev and subpaths, JSON and shell form', () => {
    expect(linesOf('HC116', 'FROM alpine:3.19\nVOLUME /sys\n')).toEqual([2]);
    expect(linesOf('HC116', 'FROM alpine:3.19\nVOLUME ["/data", "/dev/shm"]\n')).toEqual([2]);
    expect(linesOf('HC116', 'FROM alpine:3.19\nVOLUME /proc/\n')).toEqual([2]);
    expect(linesOf('HC116', 'FROM alpine:3.19\nVOLUME /data/../sys/fs\n')).toEqual([2]);
  });
  it('resolves variables', () => {
    expect(linesOf('HC116', 'FROM alpine:3.19\nARG D=/dev\nVOLUME $D\n')).toEqual([3]);
  });
  it('does not flag look-alikes', () => {
    expect(linesOf('HC116', 'FROM alpine:3.19\nVOLUME /data /sysroot /device /var/proc\n')).toEqual([]);
  });
  it('only the shipped chain counts', () => {
    expect(
      linesOf(
        'HC116',
        df`
      FROM alpine:3.19 AS build
      VOLUME /sys
      FROM alpine:3.19
      VOLUME /data
    `,
      ),
    ).toEqual([]);
  });
});
