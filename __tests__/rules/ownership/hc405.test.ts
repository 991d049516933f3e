import { describe, expect, it } from 'vitest';
import { df, linesOf } from '../../helpers/audit.js';

describe('HC405 relative WORKDIR', () => {
  it('flags a relative WORKDIR with no absolute WORKDIR before it', () => {
    expect(linesOf('HC405', 'FROM alpine:3.19\nWORKDIR app\n')).toEqual([2]);
  });
  it('accepts a relative WORKDIR below an absolute one, also inherited through FROM <stage>', () => {
    expect(linesOf('HC405', 'FROM alpine:3.19\nWORKDIR /srv\nWORKDIR app\n')).toEqual([]);
    expect(
      linesOf(
        'HC405',
        df`
      FROM alpine:3.19 AS base
      WORKDIR /srv
      FROM base
      WORKDIR app
    `,
      ),
    ).toEqual([]);
  });
  it('resolves variables: $HOME/app with an absolute HOME is fine, a relative value is not', () => {
    expect(linesOf('HC405', 'FROM alpine:3.19\nENV HOME=/home/app\nWORKDIR $HOME/app\n')).toEqual([]);
    expect(linesOf('HC405', 'FROM alpine:3.19\nARG DIR=app\nWORKDIR ${DIR}\n')).toEqual([3]);
  });
  it('stays silent when the value depends on an unset build argument', () => {
    expect(linesOf('HC405', 'FROM alpine:3.19\nARG DIR\nWORKDIR ${DIR}\n')).toEqual([]);
  });
  it('treats a Windows drive path as absolute (backtick escape directive)', () => {
    expect(
      linesOf('HC405', '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n'),
    ).toEqual([]);
  });
  it('checks builder stages too (the build itself depends on it)', () => {
    expect(
      linesOf(
        'HC405',
        df`
      FROM golang:1.22 AS build
      WORKDIR src
      FROM scratch
      WORKDIR /app
    `,
      ),
    ).toEqual([2]);
  });
});
