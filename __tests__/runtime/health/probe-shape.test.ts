import { describe, expect, it } from 'vitest';
import { probeShape } from '../../../src/runtime/health/probe-shape.js';

const shell = (cmd: string) => ['CMD-SHELL', cmd];

describe('probeShape', () => {
  it('the lesson template: GNU/BusyBox wget --spider, method depends on the wget', () => {
    expect(
      probeShape(shell('wget --no-verbose --tries=1 --spider http://localhost:8000/health || exit 1')),
    ).toEqual({
      url: {
        scheme: 'http',
        host: 'localhost',
        port: 8000,
        path: '/health',
        text: 'http://localhost:8000/health',
      },
      tool: 'wget-spider',
      method: null,
      hidesFailure: null,
      loopback: true,
    });
  });

  it.each([
    ['curl -fsS http://127.0.0.1:8080/healthz || exit 1', 'curl', 'GET', null],
    ['curl -fI http://127.0.0.1:8080/', 'curl-head', 'HEAD', null],
    ['wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1', 'wget', 'GET', null],
    ['wget -q -O /dev/null http://127.0.0.1:8080/health || true', 'wget', 'GET', '`|| true`'],
    ['wget -q -O /dev/null http://127.0.0.1:8080/health || exit 0', 'wget', 'GET', '`|| exit 0`'],
    ['curl -f http://localhost/health || :', 'curl', 'GET', '`|| :`'],
    [
      'wget -q -O /dev/null http://127.0.0.1:8080/health; echo checked',
      'wget',
      'GET',
      "`; echo checked` after the request (its exit status replaces the request's)",
    ],
    [
      'curl -s http://localhost:3000/health',
      'curl',
      'GET',
      'curl without `-f`/`--fail` (curl exits 0 on an HTTP error status)',
    ],
    [
      'curl -s http://localhost:3000/health | grep -q ok',
      'curl',
      'GET',
      'curl without `-f`/`--fail` (curl exits 0 on an HTTP error status)',
    ],
    ['wget -qO- http://localhost:3000/health | grep -q ok', 'wget', 'GET', null],
    [
      'wget -qO- http://localhost:3000/health | cat',
      'wget',
      'GET',
      "the pipe `| cat` (the last command's status replaces the request's)",
    ],
  ])('%s', (cmd, tool, method, hides) => {
    const s = probeShape(shell(cmd));
    expect([s.tool, s.method, s.hidesFailure]).toEqual([tool, method, hides]);
  });

  it('exec form, https default port, IPv6 loopback', () => {
    expect(probeShape(['CMD', 'curl', '-f', 'https://[::1]/ping']).url).toMatchObject({
      scheme: 'https',
      host: '::1',
      port: 443,
      path: '/ping',
    });
  });

  it('a non-loopback host is never requested by us', () => {
    expect(probeShape(shell('curl -f http://api.example.com:8080/health')).loopback).toBe(false);
  });

  it('no HTTP tool: nothing to say', () => {
    expect(probeShape(['CMD', '/app', 'healthcheck'])).toMatchObject({
      url: null,
      tool: 'other',
      hidesFailure: null,
    });
  });
});
