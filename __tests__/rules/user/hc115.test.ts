import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC115 package signature verification disabled', () => {
  it('flags apk --allow-untrusted on its continuation line', () => {
    const f = findingsOf('HC115', 'FROM alpine:3.19\nRUN apk add \\\n    --allow-untrusted /tmp/x.apk\n');
    expect(f.map((x) => [x.line, x.severity])).toEqual([[3, 'warning']]);
  });
  it('flags apt-get, yum/dnf/tdnf/microdnf, zypper and rpm switches', () => {
    expect(linesOf('HC115', 'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated foo\n')).toEqual([
      2,
    ]);
    expect(linesOf('HC115', 'FROM debian:12\nRUN apt-get install -y --force-yes foo\n')).toEqual([2]);
    expect(
      linesOf('HC115', 'FROM debian:12\nRUN apt-get -o Acquire::AllowInsecureRepositories=true update\n'),
    ).toEqual([2]);
    expect(linesOf('HC115', 'FROM fedora:40\nRUN dnf install -y --nogpgcheck foo\n')).toEqual([2]);
    expect(linesOf('HC115', 'FROM photon:5.0\nRUN tdnf install -y --nogpgcheck foo\n')).toEqual([2]);
    expect(linesOf('HC115', 'FROM fedora:40\nRUN yum install -y --setopt=gpgcheck=0 foo\n')).toEqual([2]);
    expect(linesOf('HC115', 'FROM opensuse/leap:15\nRUN zypper --no-gpg-checks install -y foo\n')).toEqual([
      2,
    ]);
    expect(linesOf('HC115', 'FROM fedora:40\nRUN rpm -i --nosignature foo.rpm\n')).toEqual([2]);
  });
  it('flags repository files that disable checks', () => {
    expect(
      linesOf(
        'HC115',
        'FROM debian:12\nRUN echo "deb [trusted=yes] http://repo.example/ ./" > /etc/apt/sources.list.d/x.list\n',
      ),
    ).toEqual([2]);
    expect(
      linesOf(
        'HC115',
        df`
      FROM fedora:40
      COPY <<EOF /etc/yum.repos.d/x.repo
      [x]
      baseurl=https://repo.example
      gpgcheck=0
      EOF
    `,
      ),
    ).toEqual([5]);
  });
  it('flags builder stages too (their packages reach the artifacts)', () => {
    expect(
      linesOf('HC115', 'FROM alpine:3.19 AS build\nRUN apk add --allow-untrusted /x.apk\nFROM scratch\n'),
    ).toEqual([2]);
  });
  it('does not flag look-alikes', () => {
    expect(
      linesOf('HC115', 'FROM fedora:40\nRUN dnf install -y foo && echo gpgcheck=1 >> /etc/dnf/dnf.conf\n'),
    ).toEqual([]);
    expect(linesOf('HC115', 'FROM debian:12\nRUN apt-get install -y --no-install-recommends foo\n')).toEqual(
      [],
    );
    expect(
      linesOf(
        'HC115',
        'FROM alpine:3.19\nRUN echo "--allow-untrusted is bad" && git commit --no-verify -m x\n',
      ),
    ).toEqual([]);
    expect(linesOf('HC115', 'FROM fedora:40\nRUN echo repo_gpgcheck=0\n')).toEqual([]);
  });
});
