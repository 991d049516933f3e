// The verified Kubernetes snippet: the pod settings this run PROVED the image works with, and
// nothing else. Every field is tied to a check that passed (or a value observed in the running
// container); a check that was skipped, failed or is absent leaves its fields out. Pure.
import { stringify } from 'yaml';
import type { Check, CheckId } from '../report/types.js';
import { healthcheckOf, type HealthConfig, type ImageInfo } from '../docker/inspect.js';
import { DEFAULT_STOP_TIMEOUT_SECONDS } from '../contracts.js';
import type { CheckOutcome } from './checks/outcome.js';
import type { GracefulStopOutcome } from './checks/graceful-stop.js';
import { probeCommand } from './health-diagnosis.js';
import { probeShape } from './health/probe-shape.js';
import type { ListeningSocket } from './proc-net.js';
import { mountTargets } from '../docker/run-args.js';
import { READ_ONLY_WRITABLE } from './checks/read-only-rootfs.js';

export interface ProvenRun {
  /** The runtime's checks (any subset; the deploy-group ones may be missing). */
  checks: readonly Check[];
  /** The uid every process of the container ran as (docker top), when observed. */
  uid: number | null;
  /** The numeric gid the container ran with (a numeric USER uid:gid), when known. */
  gid: number | null;
  /** The image's HEALTHCHECK (Config.Healthcheck), null when none. */
  healthcheck: HealthConfig | null;
  /** The stop-timeout bound graceful-stop was proven under. */
  stopBoundSeconds: number;
  /**
   * The container's listening TCP sockets (read before the stop); null when unread. kubelet's
   * httpGet goes to the pod's IP, so it is written only for a port bound beyond the loopback.
   */
  sockets: readonly ListeningSocket[] | null;
  /**
   * What the read-only run had writable: the tmpfs on /tmp it always gets, and the mounts of
   * the run-args. readOnlyRootFilesystem was proven only with these, so the pod gets a volume at each.
   */
  writablePaths: readonly string[];
}

/** A volume name for a mount path: a DNS label, unique among `taken`. */
function volumeName(path: string, taken: Set<string>): string {
  const base =
    path
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'root';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  taken.add(name);
  return name;
}

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback: not reachable at the pod's IP. */
const isLoopback = (address: string) => /^127\.|^::1$|^::ffff:127\./i.test(address);

const NS = 1e9;
/** Docker's defaults for a HEALTHCHECK option left at 0. */
const DEFAULT_INTERVAL_S = 30;
const DEFAULT_TIMEOUT_S = 30;
const DEFAULT_RETRIES = 3;
/** A stop measured on an idle container: leave room for in-flight work, never below this. */
const MIN_GRACE_SECONDS = 5;

/** The YAML snippet, or null when the run proved nothing a pod spec can carry. */
export function kubernetesSnippet(run: ProvenRun): string | null {
  const passed = (id: CheckId) => run.checks.find((c) => c.id === id && c.status === 'pass');
  const healthy = passed('healthy');
  const stop = passed('graceful-stop');
  // The main container ran with no-new-privileges until the probes were done.
  const ran = Boolean(healthy || stop);
  const why: string[] = [];

  const sc: Record<string, unknown> = {};
  const nonRoot = passed('non-root');
  if (nonRoot && nonRoot.source !== 'static') {
    sc.runAsNonRoot = true;
    why.push('runAsNonRoot: every process ran as a non-root uid');
    if (run.uid !== null && run.uid > 0) {
      sc.runAsUser = run.uid;
      if (run.gid !== null) sc.runAsGroup = run.gid;
      why.push(`runAsUser${run.gid !== null ? '/runAsGroup' : ''}: the numeric ids observed`);
    }
  }
  if (ran) {
    sc.allowPrivilegeEscalation = false;
    why.push('allowPrivilegeEscalation: false: it ran with no-new-privileges');
  }
  const readOnly = passed('read-only-rootfs');
  if (readOnly) {
    sc.readOnlyRootFilesystem = true;
    why.push('readOnlyRootFilesystem: it ran with a read-only root (read-only-rootfs passed)');
  }
  if (passed('restricted-profile')) {
    sc.capabilities = { drop: ['ALL'] };
    sc.seccompProfile = { type: 'RuntimeDefault' };
    why.push(
      'capabilities/seccompProfile: it ran with --cap-drop ALL and default seccomp (restricted-profile passed)',
    );
  }

  const container: Record<string, unknown> = { name: 'app' };
  if (Object.keys(sc).length > 0) container.securityContext = sc;
  if (healthy && run.healthcheck) {
    const probe = probeFrom(run.healthcheck, run.sockets);
    container.livenessProbe = probe;
    container.readinessProbe = probe;
    why.push(
      `probes: the HEALTHCHECK reached healthy, with its interval, timeout and retries${
        'httpGet' in probe
          ? ` (httpGet: the app listens on port ${(probe.httpGet as { port: number }).port} beyond the loopback)`
          : ''
      }`,
    );
  }

  const spec: Record<string, unknown> = {};
  const writable = [...new Set(run.writablePaths)];
  if (readOnly && writable.length > 0) {
    const taken = new Set<string>();
    const mounts = writable.map((mountPath) => ({ name: volumeName(mountPath, taken), mountPath }));
    container.volumeMounts = mounts;
    spec.volumes = mounts.map((m) => ({ name: m.name, emptyDir: {} }));
    why.push(
      `volumes: the read-only run had ${writable.join(', ')} writable (emptyDir here; a volume where the data must last)`,
    );
  }
  if (stop?.seconds !== undefined) {
    const grace = Math.min(
      Math.ceil(run.stopBoundSeconds),
      Math.max(MIN_GRACE_SECONDS, Math.ceil(stop.seconds * 2)),
    );
    spec.terminationGracePeriodSeconds = grace;
    why.push(`terminationGracePeriodSeconds: it stopped by itself in ${stop.seconds} s`);
  }
  if (Object.keys(container).length === 1 && Object.keys(spec).length === 0) return null;
  spec.containers = [container];
  const header = ['# Verified by harden-check: only what this run proved.', ...why.map((w) => `#   ${w}`)];
  return `${header.join('\n')}\n${stringify({ spec }, { lineWidth: 0 })}`.trimEnd();
}

/**
 * An httpGet probe for an HTTP request to the container itself on a port the app binds beyond
 * the loopback (kubelet connects to the pod's IP); the HEALTHCHECK's own command (exec) otherwise.
 */
function probeFrom(hc: HealthConfig, sockets: readonly ListeningSocket[] | null): Record<string, unknown> {
  const shape = probeShape(hc.test);
  const url = shape.url;
  const reachable =
    url !== null && (sockets ?? []).some((s) => s.port === url.port && !isLoopback(s.address));
  const action =
    shape.url && shape.loopback && shape.tool !== 'other' && reachable
      ? {
          httpGet: {
            path: shape.url.path,
            port: shape.url.port,
            ...(shape.url.scheme === 'https' ? { scheme: 'HTTPS' } : {}),
          },
        }
      : {
          exec: {
            command: hc.test[0] === 'CMD-SHELL' ? ['/bin/sh', '-c', probeCommand(hc.test)] : hc.test.slice(1),
          },
        };
  const seconds = (ns: number, fallback: number) => (ns > 0 ? Math.max(1, Math.round(ns / NS)) : fallback);
  return {
    ...action,
    periodSeconds: seconds(hc.interval, DEFAULT_INTERVAL_S),
    timeoutSeconds: seconds(hc.timeout, DEFAULT_TIMEOUT_S),
    failureThreshold: hc.retries > 0 ? hc.retries : DEFAULT_RETRIES,
  };
}

/**
 * The snippet of a finished run: its checks, the image's HEALTHCHECK, PID 1's ids as the
 * graceful-stop probe read them before the stop. Undefined when nothing was proven.
 */
export function snippetOfRun(
  checks: Iterable<Check>,
  info: ImageInfo,
  stopTimeoutSeconds: number | undefined,
  outcomes: readonly CheckOutcome[],
  runArgs: readonly string[],
): string | undefined {
  const stop = outcomes.find((o) => o.check.id === 'graceful-stop') as GracefulStopOutcome | undefined;
  return (
    kubernetesSnippet({
      checks: [...checks],
      uid: stop?.pid1Ids?.uid ?? null,
      gid: stop?.pid1Ids?.gid ?? null,
      sockets: stop?.sockets ?? null,
      writablePaths: [...READ_ONLY_WRITABLE, ...mountTargets(runArgs)],
      healthcheck: healthcheckOf(info),
      stopBoundSeconds: stopTimeoutSeconds ?? DEFAULT_STOP_TIMEOUT_SECONDS,
    }) ?? undefined
  );
}
