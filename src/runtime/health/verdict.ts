// The healthy check's verdict with its cause: the wait's `explain` hook (evidence makes a
// repeated failure certain early), the diagnosis of a failed wait with the evidence shown,
// and the test that a passing probe could have failed at all.
import type { ProbeClassification } from '../health-diagnosis.js';
import { diagnose, WRONG_PROBE_PORT, type DiagnosisInput } from '../health-diagnosis.js';
import { failingCause, evidenceText, hiddenFailureCause, type Cause, type Evidence } from './cause.js';
import { gatherEvidence, socketsOf } from './gather.js';
import { maskEvidence } from './mask-evidence.js';
import { probeShape } from './probe-shape.js';

/** How long gathered evidence is reused before the wait may ask again. */
const REASK_MS = 5000;

export class HealthExplainer {
  evidence: Evidence | null = null;
  cause: Cause | null = null;
  private askedAt = 0;
  private askedKind = '';

  constructor(
    private readonly containerId: () => string,
    private readonly test: string[],
  ) {}

  /** For waitForHealth's `explain`: is the repeated failure certain from outside evidence? */
  async explain(pid: number, cls: ProbeClassification): Promise<boolean> {
    const url = probeShape(this.test).url;
    if (!url || !(pid > 0)) return false;
    if (Date.now() - this.askedAt < REASK_MS && this.askedKind === cls.kind) return this.certain();
    this.askedAt = Date.now();
    this.askedKind = cls.kind;
    // Refused while nothing listens on that port: the app may still be starting, and our own
    // request would only be refused too. Wait (Docker's grace decides).
    if (cls.kind === 'connection-refused') {
      const sockets = await socketsOf(pid);
      if (!sockets?.some((s) => s.port === url.port)) return false;
    }
    this.evidence = await gatherEvidence({
      containerId: this.containerId(),
      pid,
      test: this.test,
      request: true,
    });
    this.cause = failingCause(cls, this.evidence);
    return this.certain();
  }

  /** A cause that cannot change by waiting (a 503 of an app still warming up can). */
  private certain(): boolean {
    return this.cause !== null && !this.cause.transient;
  }
}

export interface FailedVerdictInput {
  diagnosis: DiagnosisInput;
  containerId: string;
  pid: number;
  classification: ProbeClassification | null;
  explainer: HealthExplainer | null;
}

/** The failed verdict: the evidence's cause when it names one, else the probe-output diagnosis plus the evidence. */
export async function failedVerdict(
  f: FailedVerdictInput,
): Promise<{ ruleId: string; summary: string; text: string }> {
  const v = await unmaskedFailedVerdict(f);
  return { ...v, summary: maskEvidence(v.summary), text: maskEvidence(v.text) };
}

async function unmaskedFailedVerdict(
  f: FailedVerdictInput,
): Promise<{ ruleId: string; summary: string; text: string }> {
  const d = diagnose(f.diagnosis);
  // exited: the log tail is the evidence; a missing probe binary is named by Docker itself
  if (f.diagnosis.outcome === 'exited' || f.diagnosis.outcome === 'probe-missing') return d;
  // Nothing listens on the probe's port: our own request could only be refused too.
  const port = probeShape(f.diagnosis.test).url?.port;
  const request = !(
    port !== undefined &&
    f.diagnosis.listening !== null &&
    !f.diagnosis.listening.includes(port)
  );
  const ev =
    f.explainer?.evidence ??
    (await gatherEvidence({ containerId: f.containerId, pid: f.pid, test: f.diagnosis.test, request }));
  const cause = f.explainer?.cause ?? failingCause(f.classification ?? { kind: 'unknown' }, ev);
  const last = f.diagnosis.lastProbe;
  const probeOut = last
    ? `\nLast probe (exit ${last.exitCode}): ${last.output.trim().split('\n').slice(-3).join(' | ') || 'no output'}`
    : '';
  // A wrong port found from /proc stays the first cause: the evidence cannot beat it.
  if (cause && d.ruleId !== WRONG_PROBE_PORT)
    return { ruleId: cause.ruleId, summary: cause.summary, text: cause.text + probeOut };
  const extra = evidenceText(ev);
  return extra ? { ...d, text: `${d.text}\nEvidence:\n${extra}` } : d;
}

/** For a healthy container whose probe can exit 0 on a failed request: did it hide one? */
export async function hiddenFailure(containerId: string, pid: number, test: string[]): Promise<Cause | null> {
  const shape = probeShape(test);
  if (!shape.hidesFailure || !shape.loopback) return null;
  const ev = await gatherEvidence({ containerId, pid, test, request: true });
  const cause = hiddenFailureCause(ev);
  return cause && { ...cause, summary: maskEvidence(cause.summary), text: maskEvidence(cause.text) };
}
