// A side container: the same image, env and run arguments as the main container plus a
// few flags (read-only root, the restricted profile), started beside it and watched until it
// is healthy, exits, or is given up on. It shares nothing with the main container.
import { logs, runContainer, type RunRequest } from '../docker/container.js';
import { inspectContainer, type HealthConfig } from '../docker/inspect.js';
import { waitForHealth } from './health-probe.js';

export interface SideRequest {
  run: RunRequest;
  /** The image's HEALTHCHECK (null: stay up for settleMs). */
  health: HealthConfig | null;
  timeoutSeconds: number;
  probePort: number | null;
  settleMs: number;
  /** Called with the container id as soon as it exists (cleanup), or when a run failed part-way. */
  track: (id: string) => void;
  markUnaccounted: () => void;
  listening: (id: string, pid: number) => Promise<number[] | null>;
  /** Give up waiting (the outcome is then 'unhealthy' at the elapsed time). */
  signal?: AbortSignal;
}

export interface SideResult {
  outcome: 'healthy' | 'running' | 'exited' | 'unhealthy' | 'not-started';
  seconds: number;
  exitCode?: number;
  error?: string;
  logs: string;
  id: string;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
const round = (n: number) => Math.round(n * 100) / 100;

export async function runSide(req: SideRequest): Promise<SideResult> {
  const t0 = Date.now();
  const started = await runContainer(req.run);
  if (started.id) req.track(started.id);
  if (!started.id || started.error) {
    req.markUnaccounted();
    return {
      outcome: 'not-started',
      seconds: round((Date.now() - t0) / 1000),
      error: (started.error || 'docker run printed no container id').split('\n').slice(-2).join(' '),
      logs: started.id ? await logs(started.id, 50) : '',
      id: started.id ?? '',
    };
  }
  const id = started.id;
  if (req.health) {
    const w = await waitForHealth({
      containerId: id,
      health: req.health,
      timeoutSeconds: req.timeoutSeconds,
      probePort: req.probePort,
      listening: (pid) => req.listening(id, pid),
      pollMs: 200,
      signal: req.signal,
    });
    const outcome = w.outcome === 'healthy' ? 'healthy' : w.outcome === 'exited' ? 'exited' : 'unhealthy';
    return {
      outcome,
      seconds: round(w.secondsToHealthy ?? w.seconds),
      ...(outcome === 'exited' ? { exitCode: w.state.exitCode } : {}),
      logs: outcome === 'healthy' ? '' : await logs(id, 50),
      id,
    };
  }
  await sleep(req.settleMs, req.signal);
  const state = await inspectContainer(id);
  const seconds = round((Date.now() - t0) / 1000);
  if (state.running) return { outcome: 'running', seconds, logs: '', id };
  return { outcome: 'exited', seconds, exitCode: state.exitCode, logs: await logs(id, 50), id };
}
