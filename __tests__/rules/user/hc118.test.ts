import { describe, expect, it } from 'vitest';
import { linesOf, model } from '../../helpers/audit.js';
import type { RuleContext } from '../../../src/rules/types.js';
import { hc118, registryAllowed } from '../../../src/rules/user/hc118-base-registry-not-allowed.js';

const run = (text: string, allowed: string[]) =>
  hc118.check({
    model: model(text),
    file: 'Dockerfile',
    trustedBaseImages: [],
    dockerignore: null,
    enabled: new Set(['HC118']),
    allowInlineIgnore: true,
    allowedRegistries: allowed,
  } satisfies RuleContext);

describe('HC118 base image from a registry not in the allow-list', () => {
  it('is opt-in and silent without an allow-list', () => {
    expect(hc118.meta.optIn).toBe(true);
    expect(linesOf('HC118', 'FROM evil.example/x:1\n')).toEqual([]);
    expect(linesOf('HC118', 'FROM evil.example/x:1\n', { config: { enable: ['HC118'] } })).toEqual([]);
  });
  it('is enabled by allowed-registries in the config file', () => {
    const config = { allowedRegistries: ['ghcr.io/acme/'] };
    expect(linesOf('HC118', 'FROM ghcr.io/acme/base:1\nFROM evil.example/x:1\n', { config })).toEqual([2]);
  });
  it('flags a FROM outside the allow-list, every external stage', () => {
    expect(
      run('FROM ghcr.io/acme/build:1 AS b\nFROM quay.io/x/y:1\nFROM b\n', ['ghcr.io/acme/']).map(
        (h) => h.line,
      ),
    ).toEqual([2]);
  });
  it('treats Docker Hub short names as docker.io and skips scratch and stage names', () => {
    expect(registryAllowed('python:3.12', ['docker.io'])).toBe(true);
    expect(registryAllowed('python:3.12', ['docker.io/library/'])).toBe(true);
    expect(registryAllowed('bitnami/nginx', ['docker.io/library/'])).toBe(false);
    expect(registryAllowed('ghcr.io/acmebad/x', ['ghcr.io/acme'])).toBe(false);
    expect(run('FROM scratch\n', ['ghcr.io'])).toEqual([]);
  });
  it('a build-argument base is a note (cannot be checked)', () => {
    expect(run('ARG BASE\nFROM ${BASE}\n', ['ghcr.io']).map((h) => [h.line, h.severity])).toEqual([
      [2, 'note'],
    ]);
    expect(run('ARG BASE=ghcr.io/acme/x:1\nFROM ${BASE}\n', ['ghcr.io'])).toEqual([]);
  });
});
