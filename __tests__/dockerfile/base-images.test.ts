import { describe, expect, it } from 'vitest';
import { describeBaseImage, isRootUser } from '../../src/dockerfile/base-images.js';

const info = (ref: string) => describeBaseImage(ref);

describe('describeBaseImage: the bases people ship on', () => {
  it('uv: the bare image is scratch with /uv, the other tags are their base', () => {
    expect(info('ghcr.io/astral-sh/uv:latest')).toMatchObject({
      user: '',
      shell: false,
      curl: false,
      wget: 'none',
    });
    expect(info('ghcr.io/astral-sh/uv:0.5.11')).toMatchObject({ shell: false });
    expect(info('ghcr.io/astral-sh/uv:python3.12-bookworm-slim')).toMatchObject({
      user: '',
      shell: true,
      curl: false,
      wget: 'none',
    });
    expect(info('ghcr.io/astral-sh/uv:python3.12-alpine')).toMatchObject({ curl: false, wget: 'busybox' });
    expect(info('ghcr.io/astral-sh/uv:bookworm')).toMatchObject({ curl: true, wget: 'gnu' });
  });
  it('distroless: :nonroot and :debug-nonroot run as 65532, :latest and :debug as root; only :debug has a shell', () => {
    expect(info('gcr.io/distroless/static-debian12:nonroot')).toMatchObject({ user: '65532', shell: false });
    expect(info('gcr.io/distroless/python3-debian12:debug-nonroot')).toMatchObject({
      user: '65532',
      shell: true,
    });
    expect(info('gcr.io/distroless/base-debian12:latest')).toMatchObject({ user: '', shell: false });
    expect(info('gcr.io/distroless/base-debian12:debug')).toMatchObject({ user: '', wget: 'busybox' });
  });
  it('.NET 8+: APP_UID and ASPNETCORE_HTTP_PORTS in every image, USER only in chiseled; curl only in the sdk', () => {
    const aspnet = info('mcr.microsoft.com/dotnet/aspnet:8.0')!;
    expect(aspnet).toMatchObject({ user: '', curl: false, wget: 'none' });
    expect(aspnet.env).toMatchObject({ APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080' });
    expect(info('mcr.microsoft.com/dotnet/runtime:9.0-noble-chiseled')).toMatchObject({
      user: '1654',
      shell: false,
    });
    expect(info('mcr.microsoft.com/dotnet/sdk:8.0')).toMatchObject({ curl: true, wget: 'gnu' });
    expect(info('mcr.microsoft.com/dotnet/aspnet:6.0')!.env).toEqual({
      ASPNETCORE_URLS: 'http://+:80',
      DOTNET_RUNNING_IN_CONTAINER: 'true',
    });
  });
  it('official images run as root; the non-root variants do not', () => {
    for (const ref of [
      'node:20-alpine',
      'python:3.12-slim',
      'golang:1.22',
      'nginx:1.27',
      'postgres:16',
      'redis:7',
    ])
      expect(info(ref)?.user).toBe('');
    expect(info('nginxinc/nginx-unprivileged:1.27-alpine')?.user).toBe('101');
    expect(info('bitnami/postgresql:16')?.user).toBe('1001');
    expect(info('cgr.dev/chainguard/node:latest')).toMatchObject({ user: '65532', shell: false });
    expect(info('eclipse-temurin:21-jre')).toMatchObject({ curl: true, wget: 'gnu' });
    expect(info('tiangolo/uvicorn-gunicorn-fastapi:python3.11-slim')).toMatchObject({
      user: '',
      curl: false,
    });
    expect(info('tiangolo/meinheld-gunicorn:python3.7')?.user).toBe('');
    expect(info('migrate/migrate:v4.15.2')).toMatchObject({ user: '', wget: 'busybox' });
    expect(info('centos/python-38-centos7')?.user).toBe('1001');
    expect(info('quay.io/sclorg/python-311-c9s')?.user).toBe('1001');
  });
  it('Windows: Nano Server runs as ContainerUser, Server Core as ContainerAdministrator (root)', () => {
    expect(info('mcr.microsoft.com/windows/nanoserver:ltsc2022')?.user).toBe('ContainerUser');
    expect(info('mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022')?.user).toBe('ContainerUser');
    for (const ref of [
      'mcr.microsoft.com/windows/servercore:ltsc2022',
      'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019',
      'mcr.microsoft.com/windows:2009',
      'mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019',
      'microsoft/windowsservercore',
    ])
      expect(info(ref)?.user, ref).toBe('ContainerAdministrator');
    expect(isRootUser('ContainerAdministrator')).toBe(true);
    expect(isRootUser('containeradministrator')).toBe(true);
    expect(isRootUser('ContainerUser')).toBe(false);
  });
});
