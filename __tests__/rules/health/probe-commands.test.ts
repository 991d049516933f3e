import { describe, expect, it } from 'vitest';
import { probeCommands } from '../../../src/rules/health/shared.js';

const shell = (text: string) => probeCommands({ test: ['CMD-SHELL', text], execForm: false });

describe('probeCommands (HEALTHCHECK probes over src/shell)', () => {
  it('finds the program behind its wrappers, with the operator after it', () => {
    expect(shell('timeout 5 /usr/bin/curl -f "http://x/" || exit 1')).toEqual([
      { name: 'curl', args: ['-f', 'http://x/'], after: '||' },
      { name: 'exit', args: ['1'], after: null },
    ]);
    expect(shell('A=1 nice -n 10 wget --spider x | grep ok').map((c) => [c.name, c.after])).toEqual([
      ['wget', '|'],
      ['grep', null],
    ]);
  });
  it('sees commands inside if/then and leaves redirections out of the arguments', () => {
    expect(
      shell('if curl -s x >/dev/null; then exit 0; else exit 3; fi').map((c) => [c.name, ...c.args]),
    ).toEqual([
      ['curl', '-s', 'x'],
      ['exit', '0'],
      ['exit', '3'],
    ]);
  });
  it('takes the exec-form argv as one command', () => {
    expect(probeCommands({ test: ['CMD', 'exec', 'wget', '--spider', 'x'], execForm: true })).toEqual([
      { name: 'wget', args: ['--spider', 'x'], after: null },
    ]);
  });
});
