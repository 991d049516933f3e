import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC518 interactive or pointless commands', () => {
  it.each([
    'vim /etc/x',
    'service nginx start',
    'shutdown -h now',
    'top -b -n1',
    'free -m',
    'kill 1',
    'mount /dev/sda /mnt',
    'ifconfig',
    'ssh host',
  ])('flags %s', (cmd) => {
    expect(linesOf('HC518', `FROM debian:12\nRUN ${cmd}\n`)).toEqual([2]);
  });
  it('reports the line of the command and its reason', () => {
    const f = findingsOf('HC518', 'FROM debian:12\nRUN apt-get update \\\n && service nginx start\n');
    expect(f.map((x) => x.line)).toEqual([3]);
    expect(f[0].message).toMatch(/service in a RUN is pointless: services started/);
  });
  it('does not flag look-alikes: package names, echo, ssh-keygen, ssh with an ssh mount, systemctl enable', () => {
    expect(
      linesOf(
        'HC518',
        df`
      FROM debian:12
      RUN apt-get install -y vim openssh-client && echo "kill it"
      RUN ssh-keygen -A && mkdir -p ~/.ssh
      RUN --mount=type=ssh ssh -o StrictHostKeyChecking=no -T git@github.com || true
      RUN systemctl enable nginx
    `,
      ),
    ).toEqual([]);
  });
});
