// run-args as docker run reads them: flags paired with their values in every spelling, and
// the paths they mount writable (what a read-only run still could write).
import { describe, expect, it } from 'vitest';
import { mountTargets, parseRunArgs } from '../../src/docker/run-args.js';

describe('parseRunArgs', () => {
  it('pairs each value flag with its value, in every spelling', () => {
    expect(
      parseRunArgs([
        '--init',
        '-e',
        'A=1',
        '--env=B=2',
        '-v/a:/b',
        '--net',
        'host',
        '--label',
        '--privileged',
      ]),
    ).toEqual([
      { flag: '--init', raw: '--init' },
      { flag: '--env', value: 'A=1', raw: '-e A=1' },
      { flag: '--env', value: 'B=2', raw: '--env=B=2' },
      { flag: '--volume', value: '/a:/b', raw: '-v/a:/b' },
      { flag: '--network', value: 'host', raw: '--net host' },
      // the value of --label, not a flag
      { flag: '--label', value: '--privileged', raw: '--label --privileged' },
    ]);
  });
  it('a value flag at the end without its value stays a bare flag', () => {
    expect(parseRunArgs(['--tmpfs'])).toEqual([{ flag: '--tmpfs', raw: '--tmpfs' }]);
  });
});

describe('mountTargets', () => {
  it.each([
    [['--tmpfs', '/cache:rw,size=64m'], ['/cache']],
    [['--tmpfs=/run'], ['/run']],
    [['-v', 'data:/data'], ['/data']],
    [['-v', '/srv/conf:/etc/app:ro'], []],
    [['--volume', '/scratch'], ['/scratch']],
    [['--mount', 'type=volume,source=d,target=/var/lib/app'], ['/var/lib/app']],
    [['--mount', 'type=bind,src=/x,dst=/x,readonly'], []],
    [['--mount', 'type=tmpfs,destination=/spool'], ['/spool']],
    [['-e', 'X=/not/a/mount', '--memory', '256m'], []],
  ])('%j → %j', (args, expected) => {
    expect(mountTargets(args)).toEqual(expected);
  });
});
