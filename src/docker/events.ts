// Wake-ups from `docker events` for the containers of one run: the health wait reacts the
// moment a probe finishes, the health status changes or the container dies, instead of at
// its next poll (polling stays as the fallback, e.g. for an engine that streams no events).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dockerBin, dockerEnv } from './exec.js';
import { runFilter } from './labels.js';

/** Event actions after which the container's state is worth reading again. */
const WAKING = /^(health_status|exec_die|die|oom|stop|kill)\b/;

export interface RunEvents {
  /** Resolves at the next waking event or after `ms`, whichever comes first. */
  wait(ms: number): Promise<void>;
  /** How many waking events arrived (for tests and timings). */
  readonly count: number;
  stop(): void;
}

/**
 * Starts listening before the container is created, so nothing is missed. `--until` bounds
 * the client's life even if this process is killed without running stop().
 */
export function watchRunEvents(runId: string, lifetimeSeconds: number): RunEvents {
  const until = Math.ceil(Date.now() / 1000 + lifetimeSeconds);
  let child: ChildProcess | null = null;
  const waiters = new Set<() => void>();
  let count = 0;
  const wakeAll = () => {
    for (const w of [...waiters]) w();
  };
  try {
    child = spawn(
      dockerBin(),
      [
        'events',
        '--filter',
        runFilter(runId),
        '--filter',
        'type=container',
        '--until',
        String(until),
        '--format',
        '{{.Action}}',
      ],
      { env: dockerEnv(), stdio: ['ignore', 'pipe', 'ignore'] },
    );
    child.on('error', () => (child = null));
    child.unref();
    createInterface({ input: child.stdout! }).on('line', (action) => {
      if (!WAKING.test(action)) return;
      count++;
      wakeAll();
    });
    (child.stdout as unknown as { unref?: () => void }).unref?.();
  } catch {
    child = null;
  }
  return {
    wait(ms) {
      return new Promise((resolve) => {
        // a waiter leaves the set when it ends either way (the poll makes one every 250 ms)
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        waiters.add(done);
      });
    },
    get count() {
      return count;
    },
    stop() {
      wakeAll();
      child?.kill('SIGTERM');
      child = null;
    },
  };
}
