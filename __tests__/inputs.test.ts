// Every input is validated into one typed object; every problem is one line naming the
// input and the values it accepts.
import { describe, expect, it } from 'vitest';
import { getInputs, InputError } from '../src/inputs.js';
import { actionYml } from './helpers/run-action.js';

/** A reader with action.yml's defaults, as the runner provides them, plus overrides. */
function reader(overrides: Record<string, string> = {}) {
  const defaults = Object.fromEntries(
    Object.entries(actionYml().inputs).map(([k, v]) => [
      k,
      v.default?.includes('${{') ? 'tok' : (v.default ?? ''),
    ]),
  );
  const all: Record<string, string> = { ...defaults, ...overrides };
  return (name: string) => (all[name] ?? '').trim();
}

describe('getInputs', () => {
  it('turns action.yml defaults into the documented defaults', () => {
    const i = getInputs(reader());
    expect(i).toMatchObject({
      dockerfile: ['Dockerfile'],
      build: true,
      run: true,
      'health-timeout': 60,
      network: 'none',
      'fail-on': 'error',
      comment: true,
      review: 'changed',
      summary: true,
      ignore: [],
      'build-args': {},
    });
  });
  it('reads lists, key-values with = and commas in values, and rule ids', () => {
    const i = getInputs(
      reader({
        dockerfile: 'a/Dockerfile\nb/Dockerfile',
        'build-args': 'A=1\nURL=http://x/?a=b,c',
        ignore: 'hc101, HC203\nHC301',
        'build-flags': '--network=none\n--secret id=npm,src=.npmrc',
      }),
    );
    expect(i.dockerfile).toEqual(['a/Dockerfile', 'b/Dockerfile']);
    expect(i['build-args']).toEqual({ A: '1', URL: 'http://x/?a=b,c' });
    expect(i.ignore).toEqual(['HC101', 'HC203', 'HC301']);
    expect(i['build-flags']).toEqual(['--network=none', '--secret id=npm,src=.npmrc']);
  });
  it.each([
    [{ 'fail-on': 'high' }, 'Input "fail-on" must be one of error, warning, note, never; got "high".'],
    [
      { 'health-timeout': '-5' },
      'Input "health-timeout" must be a positive number of seconds (e.g. 60); got "-5".',
    ],
    [
      { 'health-timeout': 'soon' },
      'Input "health-timeout" must be a positive number of seconds (e.g. 60); got "soon".',
    ],
    [{ 'build-args': 'NOEQUALS' }, 'Input "build-args": "NOEQUALS" is not KEY=VALUE (one per line).'],
    [{ 'env-overrides': '=x' }, 'Input "env-overrides": "=x" is not KEY=VALUE (one per line).'],
    [{ build: 'maybe' }, 'Input "build" must be true or false, got "maybe".'],
    [{ review: 'some' }, 'Input "review" must be one of off, changed, all; got "some".'],
    [{ ignore: 'DL3002' }, 'Input "ignore": "DL3002" is not a rule id like HC101.'],
    [
      { network: '--privileged' },
      'Input "network" must be none, bridge, host, container:<name> or the name of a network (letters, digits, _ . -); got "--privileged".',
    ],
    [{ network: 'container:' }, 'Input "network" must be none, bridge, host, container:<name>'],
    [{ network: 'my net' }, 'got "my net".'],
    [
      { checks: 'non-root,graceful' },
      'Input "checks": "graceful" is not a check id; use all or any of non-root, healthcheck-defined, healthy, no-secrets, env-override, graceful-stop, read-only-rootfs, restricted-profile, setuid-files.',
    ],
    [
      { 'stop-timeout': '0' },
      'Input "stop-timeout" must be a positive number of seconds (e.g. 60); got "0".',
    ],
  ])('rejects %o in one line', (over, message) => {
    expect(() => getInputs(reader(over))).toThrow(InputError);
    expect(() => getInputs(reader(over))).toThrow(message);
  });
  it.each([
    ['', 'none'],
    [' bridge ', 'bridge'],
    ['host', 'host'],
    ['container:db-1', 'container:db-1'],
    ['ci_net.2', 'ci_net.2'],
  ])('accepts network %j as %j', (value, network) => {
    expect(getInputs(reader({ network: value })).network).toBe(network);
  });
  it("requires the lesson's five checks by default and a 10 s stop bound", () => {
    const i = getInputs(reader());
    expect(i.checks).toEqual(['non-root', 'healthcheck-defined', 'healthy', 'no-secrets', 'env-override']);
    expect(i['stop-timeout']).toBe(10);
  });
  it('reads the checks as a comma or newline list in report order, or all', () => {
    expect(getInputs(reader({ checks: 'graceful-stop\n Non-Root, healthy' })).checks).toEqual([
      'non-root',
      'healthy',
      'graceful-stop',
    ]);
    expect(getInputs(reader({ checks: 'all' })).checks).toHaveLength(9);
  });
  it('accepts seconds with an s suffix', () => {
    expect(getInputs(reader({ 'health-timeout': '90s' }))['health-timeout']).toBe(90);
  });
});
