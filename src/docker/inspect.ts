// Typed views of `docker inspect`: the facts the probes need, read from the engine's
// JSON (works on distroless/scratch; nothing runs inside the image).
import { docker, DockerError } from './exec.js';

export interface HealthConfig {
  /** ["CMD", ...argv], ["CMD-SHELL", cmd] or ["NONE"]. */
  test: string[];
  /** Nanoseconds as Docker stores them; 0 = Docker's default. */
  interval: number;
  timeout: number;
  startPeriod: number;
  retries: number;
}

export interface ImageInfo {
  id: string;
  user: string;
  env: string[];
  entrypoint: string[] | null;
  cmd: string[] | null;
  exposedPorts: number[];
  labels: Record<string, string>;
  /** Config.StopSignal (STOPSIGNAL), or null for Docker's default SIGTERM. */
  stopSignal?: string | null;
  /** null when absent; `test[0] === 'NONE'` is also reported as null by healthcheckOf(). */
  healthcheck: HealthConfig | null;
}

export interface HealthLogEntry {
  start: string;
  end: string;
  exitCode: number;
  output: string;
}

export interface ContainerState {
  id: string;
  status: string;
  running: boolean;
  exitCode: number;
  oomKilled: boolean;
  error: string;
  /** Host PID of the container's PID 1 (0 once it stopped). */
  pid: number;
  startedAt: string;
  finishedAt: string;
  health: { status: string; failingStreak: number; log: HealthLogEntry[] } | null;
  env: string[];
  /** The storage driver's layers of the container (overlay2: its upper and lower directories). */
  layers?: ContainerLayers | null;
}

export interface ContainerLayers {
  driver: string;
  /** Where the container's own writes land on the host; null when the driver names none. */
  upper: string | null;
  /** The image's layers beneath it, topmost first. */
  lower: string[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- raw docker JSON, narrowed below */
function toHealth(h: any): HealthConfig | null {
  if (!h || !Array.isArray(h.Test) || h.Test.length === 0) return null;
  return {
    test: h.Test.map(String),
    interval: Number(h.Interval ?? 0),
    timeout: Number(h.Timeout ?? 0),
    startPeriod: Number(h.StartPeriod ?? 0),
    retries: Number(h.Retries ?? 0),
  };
}

export function parseImageInspect(json: string): ImageInfo {
  const raw = JSON.parse(json);
  const img = Array.isArray(raw) ? raw[0] : raw;
  const c = img?.Config ?? {};
  return {
    id: String(img?.Id ?? ''),
    user: String(c.User ?? ''),
    env: Array.isArray(c.Env) ? c.Env.map(String) : [],
    entrypoint: Array.isArray(c.Entrypoint) ? c.Entrypoint.map(String) : null,
    cmd: Array.isArray(c.Cmd) ? c.Cmd.map(String) : null,
    exposedPorts: Object.keys(c.ExposedPorts ?? {})
      .map((p) => parseInt(p, 10))
      .filter((n) => Number.isFinite(n)),
    labels: { ...(c.Labels ?? {}) },
    stopSignal: c.StopSignal ? String(c.StopSignal) : null,
    healthcheck: toHealth(c.Healthcheck),
  };
}

export function parseContainerInspect(json: string): ContainerState {
  const raw = JSON.parse(json);
  const c = Array.isArray(raw) ? raw[0] : raw;
  const s = c?.State ?? {};
  const h = s.Health;
  return {
    id: String(c?.Id ?? ''),
    status: String(s.Status ?? ''),
    running: Boolean(s.Running),
    exitCode: Number(s.ExitCode ?? 0),
    oomKilled: Boolean(s.OOMKilled),
    error: String(s.Error ?? ''),
    pid: Number(s.Pid ?? 0),
    startedAt: String(s.StartedAt ?? ''),
    finishedAt: String(s.FinishedAt ?? ''),
    health: h
      ? {
          status: String(h.Status ?? ''),
          failingStreak: Number(h.FailingStreak ?? 0),
          log: (Array.isArray(h.Log) ? h.Log : []).map((e: any) => ({
            start: String(e.Start ?? ''),
            end: String(e.End ?? ''),
            exitCode: Number(e.ExitCode ?? 0),
            output: String(e.Output ?? ''),
          })),
        }
      : null,
    env: Array.isArray(c?.Config?.Env) ? c.Config.Env.map(String) : [],
    layers: toLayers(c?.GraphDriver),
  };
}

function toLayers(g: any): ContainerLayers | null {
  if (!g || typeof g.Name !== 'string') return null;
  const d = g.Data ?? {};
  return {
    driver: g.Name,
    upper: typeof d.UpperDir === 'string' && d.UpperDir ? d.UpperDir : null,
    lower: typeof d.LowerDir === 'string' && d.LowerDir ? d.LowerDir.split(':') : [],
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** `Test: ["NONE"]` disables an inherited HEALTHCHECK: treat it as absent. */
export function healthcheckOf(info: ImageInfo): HealthConfig | null {
  const h = info.healthcheck;
  if (!h || h.test[0] === 'NONE') return null;
  return h;
}

export async function inspectImage(ref: string): Promise<ImageInfo | null> {
  const out = await docker(['image', 'inspect', '--format', '{{json .}}', ref]);
  if (out.exitCode !== 0) return null;
  return parseImageInspect(out.stdout);
}

export async function inspectContainer(id: string): Promise<ContainerState> {
  const args = ['container', 'inspect', '--format', '{{json .}}', id];
  const out = await docker(args);
  if (out.exitCode !== 0) throw new DockerError(args, out);
  return parseContainerInspect(out.stdout);
}
