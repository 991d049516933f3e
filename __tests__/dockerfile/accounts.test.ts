// The one accounts parser: users and groups a Dockerfile creates, and where any name may exist.
import { describe, expect, it } from 'vitest';
import { accountFacts, accountsIn } from '../../src/dockerfile/accounts.js';
import { df, model } from '../helpers/audit.js';

describe('accountFacts', () => {
  it('reads useradd, groupadd, adduser and usermod with their ids and groups', () => {
    const m = model(df`
      FROM debian:12
      RUN groupadd -g 2000 web && useradd -u 1001 -g web -G audio,video app
      RUN adduser --system --uid 1002 --ingroup web svc && usermod -l worker svc
    `);
    const f = accountFacts(m);
    expect(f.groups.get('web')).toEqual({ gid: '2000', line: 2 });
    expect(f.users.get('app')).toEqual({ name: 'app', uid: '1001', gid: 'web', line: 2 });
    expect(f.supplementary.get('app')?.groups).toEqual(['audio', 'video']);
    expect(f.users.get('worker')).toEqual({ name: 'worker', uid: '1002', gid: 'web', line: 3 });
    expect(f.opaque).toEqual([]);
  });

  it('reads passwd and group lines written into /etc, and stays exact about them', () => {
    const m = model(df`
      FROM alpine:3.20
      RUN echo 'app:x:10001:10001::/app:/sbin/nologin' >> /etc/passwd && echo 'app:x:10001:' >> /etc/group
    `);
    const f = accountFacts(m);
    expect(f.users.get('app')).toEqual({ name: 'app', uid: '10001', gid: null, line: 2 });
    expect(f.groups.get('app')).toEqual({ gid: '10001', line: 2 });
    expect(f.opaque).toEqual([]);
  });

  it('marks the lines after which any name may exist: unparsed writes, edits and copies of /etc', () => {
    const m = model(df`
      FROM alpine:3.20
      RUN cat users.txt >> /etc/passwd
      RUN sed -i 's/x/y/' /etc/group
      COPY --from=build /etc/passwd /etc/passwd
      COPY group.txt /etc/group
      COPY rootfs/ /
      RUN echo hello > /tmp/greeting
    `);
    expect(accountFacts(m).opaque).toEqual([2, 3, 4, 5, 6]);
  });

  it('stops before `until`, and takes any list of instructions', () => {
    const m = model(df`
      FROM debian:12
      RUN useradd -u 1001 app
      USER app
      RUN useradd -u 1002 late
    `);
    const user = m.instructions[2];
    expect([...accountFacts(m, user).users.keys()]).toEqual(['app']);
    expect([...accountsIn(m, m.instructions.slice(3)).users.keys()]).toEqual(['late']);
  });
});
