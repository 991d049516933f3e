// waitForHealth's hooks on a scripted container state: evidence makes a repeated silent
// failure certain, the first trouble is reported once, and a stop ends the wait.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContainerState, HealthLogEntry } from '../../../src/docker/inspect.js';
import { waitForHealth } from '../../../src/runtime/health-probe.js';

// The state is injected, not module-mocked: `npm run test:unit` shares modules across files.
let states: () => ContainerState;

const T0 = Date.now() - 10_000; // started 10 s ago: past any start-period below
const iso = (ms: number) => new Date(ms).toISOString();
const entry = (i: number, exitCode: number, output: string): HealthLogEntry => ({
  start: iso(T0 + i * 1000),
  end: iso(T0 + i * 1000 + 100),
  exitCode,
  output,
});
function state(log: HealthLogEntry[], running = true): ContainerState {
  return {
    id: 'c',
    status: running ? 'running' : 'exited',
    running,
    exitCode: running ? 0 : 1,
    oomKilled: false,
    error: '',
    pid: running ? 4242 : 0,
    startedAt: iso(T0),
    finishedAt: running ? '0001-01-01T00:00:00Z' : iso(T0 + 500),
    health: { status: 'starting', failingStreak: log.length, log },
    env: [],
  };
}
const NS = 1e9;
const health = {
  test: ['CMD-SHELL', 'wget --no-verbose --tries=1 --spider http://localhost:8000/health || exit 1'],
  interval: 30 * NS,
  timeout: 5 * NS,
  startPeriod: 0,
  retries: 3,
};
const broken = 'Remote file does not exist -- broken link!!!';
const base = {
  containerId: 'c',
  health,
  timeoutSeconds: 60,
  probePort: 8000,
  pollMs: 10,
  listening: async () => [8000],
  inspect: async () => states(),
};

beforeEach(() => {
  states = () => state([]);
});

describe('waitForHealth hooks', () => {
  it('three identical silent failures + evidence that names the cause: certain at once', async () => {
    states = () => state([entry(1, 1, broken), entry(2, 1, broken), entry(3, 1, broken)]);
    const explain = vi.fn(
      async (pid: number, cls: { kind: string }) => pid === 4242 && cls.kind === 'unknown',
    );
    const r = await waitForHealth({ ...base, explain });
    expect(r.outcome).toBe('certain');
    expect(explain).toHaveBeenCalledTimes(1);
  });

  it('two failures are not enough to ask the evidence', async () => {
    states = () => state([entry(1, 1, broken), entry(2, 1, broken)]);
    const explain = vi.fn(async () => true);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 100);
    const r = await waitForHealth({ ...base, explain, signal: stop.signal });
    expect(explain).not.toHaveBeenCalled();
    expect(r.outcome).toBe('timeout'); // stopped by the signal, long before the 60 s
  });

  it('evidence that names nothing leaves the wait to Docker (no early verdict)', async () => {
    states = () => state([entry(1, 1, broken), entry(2, 1, broken), entry(3, 1, broken)]);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 100);
    const r = await waitForHealth({ ...base, explain: async () => false, signal: stop.signal });
    expect(r.outcome).toBe('timeout');
  });

  it('onTrouble fires once, at the second failing probe in a row', async () => {
    let n = 0;
    const logs = [
      [],
      [entry(1, 1, broken)],
      [entry(1, 1, broken), entry(2, 1, broken)],
      [entry(1, 1, broken), entry(2, 1, broken), entry(3, 1, broken)],
    ];
    const seen: number[] = [];
    states = () => state(logs[Math.min(n++, 3)]);
    const onTrouble = vi.fn(() => seen.push(n));
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 150);
    await waitForHealth({ ...base, listening: async () => [], onTrouble, signal: stop.signal });
    expect(onTrouble).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([3]); // the third inspect: two failures
  });

  it('failing while the app listens (it answers an error): no trouble', async () => {
    states = () => state([entry(1, 1, broken), entry(2, 1, broken)]);
    const onTrouble = vi.fn();
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 100);
    await waitForHealth({ ...base, onTrouble, signal: stop.signal }); // listening: [8000]
    expect(onTrouble).not.toHaveBeenCalled();
  });

  it('one failure then a pass (a slow start): no trouble', async () => {
    let n = 0;
    const logs = [[entry(1, 1, broken)], [entry(1, 1, broken), entry(2, 0, '')]];
    states = () => ({
      ...state(logs[Math.min(n, 1)]),
      health: { status: n++ >= 1 ? 'healthy' : 'starting', failingStreak: 0, log: logs[Math.min(n - 1, 1)] },
    });
    const onTrouble = vi.fn();
    const r = await waitForHealth({ ...base, onTrouble });
    expect(r.outcome).toBe('healthy');
    expect(onTrouble).not.toHaveBeenCalled();
  });

  it('onTrouble fires when the container exits before any probe', async () => {
    states = () => state([], false);
    const onTrouble = vi.fn();
    const r = await waitForHealth({ ...base, onTrouble });
    expect(r.outcome).toBe('exited');
    expect(onTrouble).toHaveBeenCalledTimes(1);
  });
  it.each([
    ['500', 'certain'],
    ['503', 'timeout'],
    ['502', 'timeout'],
  ])(
    'the same HTTP %s three times: %s (502/503/504 wait for the grace: an app warming up)',
    async (code, outcome) => {
      const out = `wget: server returned error: HTTP/1.1 ${code} Error`;
      states = () => state([entry(1, 1, out), entry(2, 1, out), entry(3, 1, out)]);
      const stop = new AbortController();
      setTimeout(() => stop.abort(), 100);
      const r = await waitForHealth({ ...base, signal: stop.signal });
      expect(r.outcome).toBe(outcome);
    },
  );
});
