import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC310 legacy ENV/LABEL key value form', () => {
  it('flags ENV key value and offers a one-line fix', () => {
    const [f] = findingsOf('HC310', 'FROM alpine:3.19\nENV APP_HOME /srv/my app\n');
    expect(f).toMatchObject({ line: 2, severity: 'note' });
    expect(f.fix?.text).toBe('ENV APP_HOME="/srv/my app"');
  });
  it('flags LABEL key value without printing the value', () => {
    const [f] = findingsOf('HC310', 'FROM alpine:3.19\nLABEL maintainer "Jane <jane@example.com>"\n');
    expect(f.line).toBe(2);
    expect(f.message).not.toContain('jane@');
    expect(f.fix).toBeUndefined();
  });
  it('does not flag the key=value form, in any layout', () => {
    expect(
      linesOf(
        'HC310',
        df`
      FROM alpine:3.19
      ENV A=1 B="two words"
      LABEL org.opencontainers.image.title="x" \\
            org.opencontainers.image.version=1
      ENV C=3 \\
          D=4
    `,
      ),
    ).toEqual([]);
  });
  it('flags it in every stage and with the backtick escape directive', () => {
    expect(
      linesOf(
        'HC310',
        df`
      # escape=\`
      FROM mcr.microsoft.com/windows/nanoserver:ltsc2022 AS build
      ENV TOOLS C:\\tools
      FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
      ENV APP=1
    `,
      ),
    ).toEqual([3]);
  });
});
