// Which run-args would let the restricted-profile side container pass with what a pod under
// the restricted Pod Security Standard is refused (they come before the profile's own flags,
// and adding flags cannot be taken back by later ones).
import { describe, expect, it } from 'vitest';
import { forbiddenRunArgs } from '../../../src/runtime/checks/restricted-run-args.js';

describe('forbiddenRunArgs', () => {
  it.each([
    [['--privileged'], ['--privileged']],
    [['--privileged=true'], ['--privileged=true']],
    [['--privileged=false'], []],
    [['--cap-add', 'SYS_ADMIN'], ['--cap-add SYS_ADMIN']],
    [['--cap-add=CAP_NET_RAW'], ['--cap-add=CAP_NET_RAW']],
    [['--cap-add', 'NET_BIND_SERVICE'], []],
    [['--cap-add=cap_net_bind_service'], []],
    [['--security-opt', 'seccomp=unconfined'], ['--security-opt seccomp=unconfined']],
    [['--security-opt=apparmor:unconfined'], ['--security-opt=apparmor:unconfined']],
    [['--security-opt', 'no-new-privileges=false'], ['--security-opt no-new-privileges=false']],
    [['--security-opt', 'no-new-privileges'], []],
    [['--security-opt', 'label=disable'], ['--security-opt label=disable']],
    [['--pid', 'host'], ['--pid host']],
    [['--ipc=host'], ['--ipc=host']],
    [['--net', 'host'], ['--net host']],
    [['--network', 'none'], []],
    [['-v', '/etc/app:/config:ro'], ['-v /etc/app:/config:ro']],
    [['-v/srv:/srv'], ['-v/srv:/srv']],
    [['--volume=data:/data'], []],
    [['--mount', 'type=bind,source=/srv,target=/srv'], ['--mount type=bind,source=/srv,target=/srv']],
    [['--mount', 'type=tmpfs,target=/cache'], []],
    [['--sysctl', 'net.ipv4.ip_forward=1'], ['--sysctl net.ipv4.ip_forward=1']],
    [['--sysctl=net.ipv4.ping_group_range=0 2147483647'], []],
    [['--device', '/dev/fuse'], ['--device /dev/fuse']],
    [['--tmpfs', '/cache', '--memory', '256m', '--init'], []],
  ])('%j → %j', (args, expected) => {
    expect(forbiddenRunArgs(args)).toEqual(expected);
  });

  it('a value flag consumes its value: the value is never read as a flag', () => {
    // "--privileged" is the value of --label here, not a flag
    expect(forbiddenRunArgs(['--label', '--privileged', '--cap-add', 'NET_BIND_SERVICE'])).toEqual([]);
  });

  it('lists every offending run-arg in order', () => {
    expect(
      forbiddenRunArgs([
        '--init',
        '--cap-add',
        'SYS_PTRACE',
        '--tmpfs',
        '/x',
        '--privileged',
        '-v',
        './c:/c',
      ]),
    ).toEqual(['--cap-add SYS_PTRACE', '--privileged', '-v ./c:/c']);
  });
});
