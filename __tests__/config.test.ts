// `.harden-check.yml` is validated strictly, with file:line errors.
import { describe, expect, it } from 'vitest';
import { parseConfig, ConfigError } from '../src/config.js';

describe('config file', () => {
  it('reads every key', () => {
    const c = parseConfig(
      [
        'ignore: [HC103]',
        'severity:',
        '  hc209: warning',
        '  HC519: off',
        'enable: [HC520]',
        'allow-inline-ignore: false',
        'trusted-base-images:',
        '  - image: ghcr.io/acme/base:*',
        '    user: 10001',
      ].join('\n'),
      '.harden-check.yml',
    );
    expect(c).toMatchObject({
      ignore: ['HC103'],
      severity: { HC209: 'warning', HC519: 'off' },
      enable: ['HC520'],
      allowInlineIgnore: false,
      trustedBaseImages: [{ image: 'ghcr.io/acme/base:*', user: '10001' }],
    });
  });
  it('accepts an empty file', () => {
    expect(parseConfig('', 'c.yml').ignore).toEqual([]);
  });
  it.each([
    ['ignore: [HC103]\nignroe: [HC1]\n', 'c.yml:2: unknown key "ignroe"'],
    [
      'severity:\n  HC101: critical\n',
      'c.yml:2: "severity.HC101" must be one of error, warning, note, off; got "critical".',
    ],
    ['ignore: HC101\n', 'c.yml:1: "ignore" must be a list of rule ids like HC101.'],
    ['ignore: [DL3002]\n', 'c.yml:1: "ignore": "DL3002" is not a rule id like HC101.'],
    ['trusted-base-images:\n  - image: x\n', 'c.yml:2: trusted base image needs "user"'],
    ['ignore: [HC101\n', 'c.yml:'],
    ['- a\n- b\n', 'c.yml:1: the config must be a mapping'],
  ])('rejects %j with file and line', (text, message) => {
    expect(() => parseConfig(text, 'c.yml')).toThrow(ConfigError);
    expect(() => parseConfig(text, 'c.yml')).toThrow(message);
  });
});

describe('allowed-registries', () => {
  it('reads a list of registries and prefixes', () => {
    expect(
      parseConfig('allowed-registries: [ghcr.io/acme/, docker.io]\n', 'c.yml').allowedRegistries,
    ).toEqual(['ghcr.io/acme/', 'docker.io']);
  });
  it('rejects a non-list', () => {
    expect(() => parseConfig('allowed-registries: ghcr.io\n', 'c.yml')).toThrow(
      'c.yml:1: "allowed-registries" must be a list',
    );
  });
});
