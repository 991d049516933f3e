// env-override: does a value given with `docker run -e` reach the app's processes? Read
// from /proc/<pid>/environ on the host (or `cat /proc/1/environ` inside the image).
import { execIn, readHostProc, type ProcessInfo } from '../../docker/container.js';
import type { ContainerState } from '../../docker/inspect.js';
import { maskSecret, secretNameMatch } from '../../secrets/detect.js';
import { judgeOverrides, parseEnviron, type OverrideChoice, type ProcessEnv } from '../env-probe.js';
import type { StaticFacts } from '../types.js';
import { declaredLine, type CheckOutcome } from './outcome.js';

export const ENV_NOT_HONOURED = 'HC312';

export interface EnvOverrideEvidence {
  choice: OverrideChoice;
  /** The container the overrides were given to, and its processes (null: not observed). */
  containerId: string;
  state: ContainerState;
  procs: ProcessInfo[] | null;
  facts: StaticFacts;
  stageLine: number;
}

async function processEnvs(id: string, procs: ProcessInfo[]): Promise<{ envs: ProcessEnv[]; via: string }> {
  const envs: ProcessEnv[] = await Promise.all(
    procs.map(async (p) => {
      const raw = await readHostProc(p.pid, 'environ');
      return { pid: p.pid, comm: p.comm, env: raw === null ? null : parseEnviron(raw) };
    }),
  );
  if (envs.some((e) => e.env !== null)) return { envs, via: 'read from /proc/<pid>/environ on the host' };
  const e = await execIn(id, ['cat', '/proc/1/environ']);
  if (e.exitCode === 0)
    return {
      envs: [{ pid: 1, comm: 'pid 1', env: parseEnviron(e.stdout) }],
      via: 'read with docker exec cat /proc/1/environ',
    };
  return { envs, via: 'unreadable' };
}

/** The app refused our sentinel values but became healthy without them: the override stays unproven. */
export function sentinelRefused(sentinelKeys: string[]): CheckOutcome {
  return {
    check: {
      id: 'env-override',
      status: 'error',
      detail: `the app does not start with sentinel values for ${sentinelKeys.join(', ')}; it does without them`,
      diagnosis: `harden-check replaced ${sentinelKeys.join(', ')} with sentinel values (hc-sentinel-…) and the container did not become healthy; started again without them, it did. The app validates these values, so a sentinel cannot prove the override. Give the env-overrides input valid values (e.g. ${sentinelKeys[0]}=<another valid value>) to prove that -e reaches the app.`,
    },
    findings: [],
  };
}

export async function checkEnvOverride(e: EnvOverrideEvidence): Promise<CheckOutcome> {
  const { choice, state, procs } = e;
  const keys = Object.keys(choice.overrides);
  const skippedText = choice.skipped.length
    ? ` Not overridden: ${choice.skipped.map((s) => `${s.key} (${s.reason})`).join('; ')}.`
    : '';
  const how = choice.derived
    ? `Started the container with a sentinel value (hc-sentinel-…) for ${keys.join(', ')}.`
    : `Started the container with the env-overrides input: ${keys.join(', ')}.`;
  if (!state.running || !procs || procs.length === 0) {
    return {
      check: {
        id: 'env-override',
        status: 'error',
        detail: `the container exited (code ${state.exitCode}) before its environment could be read`,
        diagnosis: how + skippedText,
      },
      findings: [],
    };
  }
  const { envs, via } = await processEnvs(e.containerId, procs);
  const v = judgeOverrides(choice.overrides, envs);
  if (v.unreadable) {
    return {
      check: {
        id: 'env-override',
        status: 'error',
        detail: 'the process environment could not be read (/proc not readable, no cat in the image)',
        diagnosis: how + skippedText,
      },
      findings: [],
    };
  }
  const show = (key: string, value: string | null) =>
    value === null
      ? 'unset'
      : secretNameMatch(key)
        ? maskSecret(value)
        : JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value);
  if (v.replaced.length === 0) {
    return {
      check: {
        id: 'env-override',
        status: 'pass',
        detail: `${v.honoured.join(', ')} reached the process (${via})`,
        diagnosis: how + skippedText,
      },
      findings: [],
    };
  }
  const replacedText = v.replaced.map((r) => `${r.key} is ${show(r.key, r.seen)} in ${r.comm}`).join('; ');
  const lines = v.replaced.map((r) => declaredLine(e.facts, r.key, e.stageLine));
  return {
    check: {
      id: 'env-override',
      status: 'fail',
      line: Math.min(...lines),
      detail: `override not honoured: ${replacedText}${v.honoured.length ? `; honoured: ${v.honoured.join(', ')}` : ''}`,
      diagnosis: `${how} The process sees another value, so something in the image (an entrypoint script that exports or hard-codes it, or a config file read instead) replaces what the operator sets with -e. ${via}.${skippedText}`,
    },
    findings: v.replaced.map((r, i) => ({
      ruleId: ENV_NOT_HONOURED,
      severity: 'error',
      check: 'env-override',
      line: lines[i],
      message: `docker run -e ${r.key}=… does not reach the app: ${r.comm} sees ${show(r.key, r.seen)}. Let the environment win (e.g. \`: "\${${r.key}:=default}"\` in the entrypoint instead of export ${r.key}=…).`,
    })),
  };
}
