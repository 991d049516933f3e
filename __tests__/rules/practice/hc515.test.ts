import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC515 update alone, dist-upgrade, apt', () => {
  it('flags apt instead of apt-get', () => {
    expect(
      findingsOf('HC515', 'FROM debian:12\nRUN apt update && apt install -y curl\n').map((f) => f.message),
    ).toEqual([
      expect.stringMatching(/apt update.*apt-get update/),
      expect.stringMatching(/apt install.*apt-get install/),
    ]);
  });
  it('flags dist-upgrade (and zypper dup) on its line', () => {
    expect(
      linesOf(
        'HC515',
        df`
      FROM debian:12
      RUN apt-get update \\
       && apt-get -y dist-upgrade
    `,
      ),
    ).toEqual([3]);
    expect(linesOf('HC515', 'FROM opensuse/leap:15.6\nRUN zypper -n dup\n')).toEqual([2]);
  });
  it('flags an index update in a RUN that installs nothing', () => {
    expect(linesOf('HC515', 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n')).toEqual([
      2,
    ]);
    expect(linesOf('HC515', 'FROM alpine:3.20\nRUN apk update\n')).toEqual([2]);
  });
  it('does not flag look-alikes: update with install, plain upgrade, apt-get, apt-cache, "apt" in a word', () => {
    expect(
      linesOf(
        'HC515',
        df`
      FROM debian:12
      RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
      RUN apt-get update && apt-get upgrade -y
      RUN apk upgrade --no-cache
      RUN apt-cache policy curl && echo "apt update"
      RUN dpkg -l | grep apt
    `,
      ),
    ).toEqual([]);
  });
  it('sees commands inside heredoc scripts', () => {
    expect(
      linesOf(
        'HC515',
        df`
      FROM debian:12
      RUN <<EOF
      set -e
      apt update
      apt install -y curl
      EOF
    `,
      ),
    ).toEqual([4, 5]);
  });
});
