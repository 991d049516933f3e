// Collects the runtime verdicts: every check and finding is masked (no secret value leaves
// the runtime in full) and placed on the Dockerfile line and stage that explain it.
import type { Check, CheckId, Finding } from '../report/types.js';
import { CHECK_IDS } from '../report/types.js';
import { redact } from '../secrets/detect.js';
import { stageAt } from '../contracts.js';
import type { CheckOutcome, RuntimeFinding } from './checks/outcome.js';
import type { RuntimeOptions, StaticFacts } from './types.js';

export class Collector {
  readonly checks = new Map<CheckId, Check>();
  readonly findings: Finding[] = [];
  readonly notes: string[] = [];
  /** Raw secret values to mask in every text that leaves the runtime. */
  readonly secrets: string[] = [];
  /** The audit's facts, once the build no longer runs without them: they place every verdict. */
  facts: StaticFacts | null = null;

  constructor(private readonly opts: Pick<RuntimeOptions, 'displayPath'>) {}

  mask(text: string): string {
    return redact(text, this.secrets);
  }

  /** Records an outcome: its secrets first, so its own texts are masked too. */
  add(outcome: CheckOutcome): void {
    this.secrets.push(...(outcome.secrets ?? []));
    this.set(outcome.check);
    for (const f of outcome.findings) this.find(f);
  }

  set(check: Check): void {
    const where = check.line === undefined ? this.placeCheck(check.id) : {};
    const line = check.line ?? where.line;
    const stage = line !== undefined && this.facts ? stageAt(this.facts.stages, line) : undefined;
    this.checks.set(check.id, {
      ...check,
      source: 'runtime',
      detail: this.mask(check.detail),
      diagnosis: check.diagnosis === undefined ? undefined : this.mask(check.diagnosis),
      ...where,
      ...(stage !== undefined ? { stage } : {}),
    });
  }

  find(f: RuntimeFinding): void {
    this.findings.push({
      ruleId: f.ruleId,
      severity: f.severity,
      file: this.opts.displayPath,
      line: f.line,
      message: this.mask(f.message),
      check: f.check,
    });
  }

  /** The line a runtime verdict points at when no instruction explains it: the shipped stage's FROM, else 1. */
  stageLine(): number {
    return this.facts?.stage?.line ?? 1;
  }

  /** The instruction a check is about: USER for non-root, HEALTHCHECK for the health checks. */
  private placeCheck(id: CheckId): Pick<Check, 'line' | 'endLine'> {
    const f = this.facts;
    if (!f) return {};
    const instr =
      id === 'non-root' ? f.user : id === 'healthy' || id === 'healthcheck-defined' ? f.healthcheck : null;
    const where = instr ?? f.stage;
    if (!where) return {};
    return where.endLine > where.line ? { line: where.line, endLine: where.endLine } : { line: where.line };
  }

  /** Every check not decided yet becomes 'error' with this reason. */
  fillErrors(reason: string): void {
    for (const id of CHECK_IDS) {
      if (!this.checks.has(id)) this.set({ id, status: 'error', detail: reason });
    }
  }
}
