// The terminal host (the CLI's): plain lines on one stream, untrusted text masked and
// unable to drive the terminal, step state in memory, nothing printed for a mask.
import { describe, expect, it } from 'vitest';
import { echoUntrusted, plainHost } from '../src/host.js';

describe('plainHost', () => {
  const host = (debug = false) => {
    let out = '';
    return { h: plainHost((s) => (out += s), { debug }), out: () => out };
  };

  it('writes the log as plain lines: warnings named, groups as a heading', async () => {
    const { h, out } = host();
    h.info('building');
    h.warning('No Docker engine answered');
    expect(await h.group('Build Dockerfile', async () => 42)).toBe(42);
    h.debug('docker build: 10 ms');
    h.mask('sk-live-secret');
    expect(out()).toBe('building\nharden-check: No Docker engine answered\n── Build Dockerfile\n');
  });

  it('shows debug lines only when debugging', () => {
    const { h, out } = host(true);
    h.debug('docker inspect: 30 ms');
    expect(out()).toBe('debug: docker inspect: 30 ms\n');
  });

  it('echoes untrusted text masked, with workflow commands as text and no escape sequences', () => {
    const { h, out } = host();
    echoUntrusted(
      h,
      `::error::from the Dockerfile\nkey ghp_${'a'.repeat(36)}\n\u001b[31mred\nSending 1.9MB\r`,
    );
    expect(out()).toBe('::error::from the Dockerfile\nkey ghp_…(redacted)\n�[31mred\nSending 1.9MB\n');
  });

  it('keeps step state in memory', () => {
    const { h } = host();
    expect(h.getState('ids')).toBe('');
    h.saveState('ids', 'a,b');
    expect(h.getState('ids')).toBe('a,b');
  });
});
