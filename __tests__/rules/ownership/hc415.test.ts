import { describe, expect, it } from 'vitest';
import { df, linesOf } from '../../helpers/audit.js';

describe('HC415 --chown/--chmod on a Windows build', () => {
  it('flags --chown and --chmod on a Windows base image', () => {
    expect(
      linesOf(
        'HC415',
        df`
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      COPY --chown=ContainerUser app C:/app
      COPY --chmod=755 run.cmd C:/app/
    `,
      ),
    ).toEqual([2, 3]);
  });
  it('recognises nanoserver tags of other images', () => {
    expect(
      linesOf(
        'HC415',
        'FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\nCOPY --chown=app app C:/app\n',
      ),
    ).toEqual([2]);
  });
  it('uses the backtick escape with a drive-letter WORKDIR when the base is a variable', () => {
    expect(
      linesOf(
        'HC415',
        df`
      # escape=\`
      ARG BASE
      FROM \${BASE}
      WORKDIR C:\\app
      COPY --chown=app app .
    `,
      ),
    ).toEqual([5]);
  });
  it('does not flag Linux builds, even with the backtick escape', () => {
    expect(linesOf('HC415', '# escape=`\nFROM alpine:3.19\nCOPY --chown=1000:1000 a /a\n')).toEqual([]);
    expect(linesOf('HC415', 'FROM node:20\nCOPY --chown=node:node . /app\n')).toEqual([]);
  });
  it('checks each stage by its own base (multi-stage)', () => {
    expect(
      linesOf(
        'HC415',
        df`
      FROM alpine:3.19 AS tools
      COPY --chown=1000 a /a
      FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
      COPY --from=tools --chown=1000 /a C:/a
    `,
      ),
    ).toEqual([4]);
  });
});
