import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC112 empty or hard-coded password', () => {
  it('flags a hard-coded chpasswd password and never prints it', () => {
    const f = findingsOf('HC112', "FROM debian:12\nRUN echo 'root:Sup3rS3cretPassw0rd' | chpasswd\n");
    expect(f.map((x) => [x.line, x.severity])).toEqual([[2, 'error']]);
    expect(f[0].message).not.toContain('Sup3rS3cretPassw0rd');
    expect(f[0].message).toContain('redacted');
  });
  it("flags an empty password: echo user: | chpasswd, passwd -d, usermod -p ''", () => {
    expect(findingsOf('HC112', "FROM debian:12\nRUN echo 'app:' | chpasswd\n")[0].message).toContain(
      'empty password',
    );
    expect(linesOf('HC112', 'FROM debian:12\nRUN useradd app && \\\n    passwd -d app\n')).toEqual([3]);
    expect(linesOf('HC112', "FROM debian:12\nRUN usermod -p '' app\n")).toEqual([2]);
  });
  it('flags chpasswd fed by a here-string or a heredoc', () => {
    expect(linesOf('HC112', "FROM debian:12\nRUN chpasswd <<< 'app:hunter2'\n")).toEqual([2]);
    expect(
      linesOf(
        'HC112',
        df`
      FROM debian:12
      RUN chpasswd <<EOF
      app:hunter2
      EOF
    `,
      ),
    ).toEqual([2]);
  });
  it('flags an empty /etc/shadow entry and passwords piped into passwd', () => {
    expect(linesOf('HC112', "FROM alpine:3.19\nRUN sed -i 's/^root:!:/root::/' /etc/shadow\n")).toEqual([2]);
    expect(linesOf('HC112', 'FROM debian:12\nRUN printf "pw\\npw\\n" | passwd app\n')).toEqual([2]);
  });
  it('a password from a variable or a file is a warning', () => {
    expect(
      findingsOf('HC112', 'FROM debian:12\nARG PW\nRUN echo "app:$PW" | chpasswd\n').map((f) => f.severity),
    ).toEqual(['warning']);
    expect(
      findingsOf('HC112', 'FROM debian:12\nRUN --mount=type=secret,id=pw chpasswd < /run/secrets/pw\n').map(
        (f) => f.severity,
      ),
    ).toEqual(['warning']);
  });
  it('does not flag locked accounts or look-alikes', () => {
    expect(linesOf('HC112', "FROM debian:12\nRUN usermod -p '*' app && passwd -l root\n")).toEqual([]);
    expect(linesOf('HC112', 'FROM debian:12\nRUN echo "use chpasswd to set passwords"\n')).toEqual([]);
    expect(linesOf('HC112', 'FROM alpine:3.19\nRUN adduser -D app\n')).toEqual([]);
  });
  it('a builder stage does not ship its /etc/shadow: a note', () => {
    expect(
      findingsOf(
        'HC112',
        df`
      FROM debian:12 AS test
      RUN echo 'root:root' | chpasswd
      FROM debian:12
      USER 1000
    `,
      ).map((f) => [f.line, f.severity]),
    ).toEqual([[2, 'note']]);
  });
});
