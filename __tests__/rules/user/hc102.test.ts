import { describe, expect, it } from 'vitest';
import { audit, df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC102 no USER and the base image runs as root', () => {
  it('flags an official image without USER, on the shipped FROM line', () => {
    const f = findingsOf('HC102', 'FROM python:3.12-slim\nRUN pip install flask\nCMD ["flask", "run"]\n');
    expect(f.map((x) => [x.line, x.severity])).toEqual([[1, 'warning']]);
    expect(f[0].message).toMatch(/python:3\.12-slim runs as root/);
  });
  it('flags scratch and distroless without :nonroot', () => {
    expect(linesOf('HC102', 'FROM scratch\nCOPY app /app\n')).toEqual([1]);
    expect(linesOf('HC102', 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\n')).toEqual([1]);
  });
  it('does not flag known non-root bases', () => {
    expect(linesOf('HC102', 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n')).toEqual([]);
    expect(linesOf('HC102', 'FROM cgr.dev/chainguard/static:latest\nCOPY app /app\n')).toEqual([]);
    expect(linesOf('HC102', 'FROM nginxinc/nginx-unprivileged:1.27\n')).toEqual([]);
  });
  it('honours trusted-base-images from the config', () => {
    const text = 'FROM registry.acme.io/base/java:21\nCOPY app.jar /app.jar\n';
    expect(findingsOf('HC102', text).map((f) => f.severity)).toEqual(['note']);
    expect(
      linesOf('HC102', text, {
        config: { trustedBaseImages: [{ image: 'registry.acme.io/base/*', user: '1000' }] },
      }),
    ).toEqual([]);
  });
  it('multi-stage: a USER in a builder stage does not count, the shipped FROM line is reported', () => {
    expect(
      linesOf(
        'HC102',
        df`
      FROM golang:1.22 AS build
      USER 1000
      RUN go build -o /app .
      FROM alpine:3.19
      COPY --from=build /app /app
    `,
      ),
    ).toEqual([4]);
  });
  it('multi-stage: a USER inherited through FROM <stage> counts', () => {
    expect(
      linesOf(
        'HC102',
        df`
      FROM alpine:3.19 AS base
      USER 1000:1000
      FROM base
      CMD ["sh"]
    `,
      ),
    ).toEqual([]);
  });
  it('ARG in FROM: resolves the default, and is a note when it is a build argument without default', () => {
    expect(linesOf('HC102', 'ARG BASE=node:20\nFROM ${BASE}\nCMD ["node"]\n')).toEqual([2]);
    expect(
      findingsOf('HC102', 'ARG BASE\nFROM ${BASE}\nCMD ["node"]\n').map((f) => [f.line, f.severity]),
    ).toEqual([[2, 'note']]);
    expect(
      linesOf('HC102', 'ARG BASE=node:20\nFROM ${BASE}\n', {
        buildArgs: { BASE: 'gcr.io/distroless/nodejs20-debian12:nonroot' },
      }),
    ).toEqual([]);
  });
  it('leaves a final USER to HC101/HC103', () => {
    expect(linesOf('HC102', 'FROM python:3.12\nUSER 10001\n')).toEqual([]);
  });
  it('real case: Windows Server Core runs as ContainerAdministrator; Nano Server as ContainerUser', () => {
    const [f] = findingsOf('HC102', 'FROM mcr.microsoft.com/windows/servercore:20H2-amd64\nRUN echo hi\n');
    expect(f.message).toContain('runs as ContainerAdministrator');
    expect(f.message).toContain('USER ContainerUser');
    const nano =
      'FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["dotnet", "app.dll"]\n';
    expect(linesOf('HC102', nano)).toEqual([]);
    expect(audit(nano).checks.find((c) => c.id === 'non-root')?.status).toBe('pass');
  });
});
