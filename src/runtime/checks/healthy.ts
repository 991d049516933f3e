// healthy: did the container reach Docker's "healthy", and could its probe have failed at
// all? A failed wait gets its cause from the probe output plus evidence gathered inside.
import type { ContainerState, HealthConfig, ImageInfo } from '../../docker/inspect.js';
import { EXITED_BEFORE_HEALTHY } from '../health-diagnosis.js';
import type { HealthWaitResult } from '../health-probe.js';
import { failedVerdict, hiddenFailure, type HealthExplainer } from '../health/verdict.js';
import { listeningOf } from '../listening.js';
import { HEALTH_INTERVAL_SECONDS } from '../session.js';
import type { CheckOutcome } from './outcome.js';

const round = (n: number) => Math.round(n * 100) / 100;

export interface HealthyEvidence {
  info: ImageInfo;
  /** The image's HEALTHCHECK (null: none, or NONE). */
  hc: HealthConfig | null;
  containerId: string;
  state: ContainerState;
  wait: HealthWaitResult | null;
  explainer: HealthExplainer | null;
  probePort: number | null;
  healthTimeoutSeconds: number;
  /** The container's log (read once, shared with the job log). */
  logs: Promise<string>;
  /** Masks secret values before the probe output and log tail are cut into the diagnosis. */
  mask: (text: string) => string;
  /** The HEALTHCHECK line the findings point at. */
  line: number;
}

/** The container did not start at all (entrypoint missing, bad run-args). `why` is masked. */
export function healthyNotStarted(hc: HealthConfig | null, why: string, line: number): CheckOutcome {
  if (!hc)
    return { check: { id: 'healthy', status: 'skip', detail: 'no HEALTHCHECK in the image' }, findings: [] };
  return {
    check: {
      id: 'healthy',
      status: 'fail',
      detail: `container did not start: ${why}`.slice(0, 300),
      diagnosis: why,
    },
    findings: [
      {
        ruleId: EXITED_BEFORE_HEALTHY,
        severity: 'error',
        check: 'healthy',
        line,
        message: `The container did not start: ${why}`.slice(0, 400),
      },
    ],
  };
}

export async function checkHealthy(e: HealthyEvidence): Promise<CheckOutcome> {
  const { hc, wait, state } = e;
  const id = e.containerId;
  if (!hc || !wait) {
    return {
      check: {
        id: 'healthy',
        status: 'skip',
        detail: e.info.healthcheck ? 'HEALTHCHECK NONE: nothing to wait for' : 'no HEALTHCHECK in the image',
      },
      findings: [],
    };
  }
  if (wait.outcome === 'healthy') {
    const s = round(wait.secondsToHealthy ?? wait.seconds);
    // a probe that exits 0 whatever the app answers proves nothing
    const hidden = await hiddenFailure(id, state.pid, hc.test);
    if (hidden)
      return {
        check: { id: 'healthy', status: 'fail', seconds: s, detail: hidden.summary, diagnosis: hidden.text },
        findings: [
          {
            ruleId: hidden.ruleId,
            severity: 'error',
            check: 'healthy',
            line: e.line,
            message: hidden.summary,
          },
        ],
      };
    return {
      check: {
        id: 'healthy',
        status: 'pass',
        seconds: s,
        detail: `healthy ${s} s after start (verdict at ${round(wait.seconds)} s, probe every ${HEALTH_INTERVAL_SECONDS} s)`,
      },
      findings: [],
    };
  }
  const exited = wait.outcome === 'exited';
  const listening = exited ? null : await listeningOf(id, state.pid);
  const logTail = exited ? e.mask((await e.logs).split('\n').slice(-15).join('\n')) : '';
  const last = wait.lastFailure ?? wait.log.at(-1) ?? null;
  const d = await failedVerdict({
    diagnosis: {
      outcome: wait.outcome,
      test: hc.test,
      lastProbe: last ? { exitCode: last.exitCode, output: e.mask(last.output) } : null,
      probePort: e.probePort,
      listening,
      container: { exitCode: wait.state.exitCode, oomKilled: wait.state.oomKilled, logTail },
      seconds: wait.seconds,
      timeoutSeconds: e.healthTimeoutSeconds,
    },
    containerId: id,
    pid: state.pid,
    classification: wait.classification,
    explainer: e.explainer,
  });
  return {
    check: {
      id: 'healthy',
      status: 'fail',
      seconds: round(wait.seconds),
      detail: d.summary,
      diagnosis: d.text,
    },
    findings: [
      {
        ruleId: d.ruleId,
        severity: 'error',
        check: 'healthy',
        line: e.line,
        message: `${d.summary}. ${d.text.split('\n')[0]}`,
      },
    ],
  };
}
