// The Report: the one data structure every renderer and publisher reads.
// Its JSON form is a public contract (docs/report-schema.md): add fields, never rename.

export type Severity = 'error' | 'warning' | 'note';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

/** The lesson's checklist: a public contract (README, docs/report-schema.md), required by default. */
export type LessonCheckId = 'non-root' | 'healthcheck-defined' | 'healthy' | 'no-secrets' | 'env-override';

/**
 * What an orchestrator will demand of the running image (graceful stop, read-only root,
 * Kubernetes' restricted profile, setuid files): reported as their own group, and
 * advisory unless the `checks` input requires them.
 */
export type DeployCheckId = 'graceful-stop' | 'read-only-rootfs' | 'restricted-profile' | 'setuid-files';

export type CheckId = LessonCheckId | DeployCheckId;

export const CHECK_IDS: readonly LessonCheckId[] = [
  'non-root',
  'healthcheck-defined',
  'healthy',
  'no-secrets',
  'env-override',
];

export const DEPLOY_CHECK_IDS: readonly DeployCheckId[] = [
  'graceful-stop',
  'read-only-rootfs',
  'restricted-profile',
  'setuid-files',
];

/** Every check id, in report order: the lesson's five, then the deploy group. */
export const ALL_CHECK_IDS: readonly CheckId[] = [...CHECK_IDS, ...DEPLOY_CHECK_IDS];

export type CheckStatus = 'pass' | 'fail' | 'skip' | 'error';

export interface Check {
  id: CheckId;
  status: CheckStatus;
  /** Evidence in a few words, e.g. "uid 1000 (USER 1000:1000, line 12)". Already masked. */
  detail: string;
  /** Where the verdict came from. */
  source?: 'static' | 'runtime';
  /** Seconds this check took at runtime, when measured. */
  seconds?: number;
  /** Longer explanation (diagnosis), rendered collapsed. Already masked. */
  diagnosis?: string;
  /**
   * The Dockerfile lines the verdict points at (1-based, inclusive), set where the verdict
   * is made: the USER, the HEALTHCHECK, the ENV of a secret, else the shipped stage's FROM.
   * Absent when nothing in the Dockerfile explains it (e.g. no FROM, a failed build).
   */
  line?: number;
  endLine?: number;
  /** The build stage those lines are in: its name (`AS build`), or its index when it has none. */
  stage?: string;
  /**
   * false for an advisory check (not listed in the `checks` input): its `fail` counts as a
   * warning, not an error. Absent means required (every report before the deploy checks).
   */
  required?: boolean;
}

/** A replacement of whole lines that makes a finding go away (used by --fix and review suggestions). */
export interface Fix {
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** Replacement text for those lines, without the final line break; '' with `remove` deletes them. */
  text: string;
  remove?: boolean;
  description: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Path as given by the user / relative to the workspace, POSIX separators. */
  file: string;
  /** 1-based line. */
  line: number;
  endLine?: number;
  column?: number;
  endColumn?: number;
  /** One sentence that says what is wrong and what to do. Already masked. */
  message: string;
  /** The checklist item this finding feeds, when any. */
  check?: CheckId;
  fix?: Fix;
}

export interface Timings {
  audit: number;
  build?: number;
  verify?: number;
}

export interface TargetReport {
  dockerfile: string;
  /** Image id that was verified, or null for a static-only run. */
  image: string | null;
  checks: Check[];
  findings: Finding[];
  timings: Timings;
  /** Tail of the build log when a build ran (masked), for the collapsed details. */
  buildLogTail?: string;
  /** Health probe log (masked). */
  healthLog?: string;
  /** Notes about how the run went (e.g. "no Docker engine answered: static audit only"). */
  notes?: string[];
  /**
   * The verified Kubernetes snippet (YAML): only the securityContext fields, probes and grace
   * period the run proved. Absent when the container was not run.
   */
  kubernetes?: string;
}

/** The finished report (see report/finalize.ts): frozen once its verdict is decided. */
export interface Report {
  version: 1;
  result: 'pass' | 'fail';
  /** The fail-on threshold the verdict was computed with. */
  failOn?: FailOn;
  targets: TargetReport[];
  checks: Check[];
  findings: Finding[];
}

/**
 * Where a published report came from, written beside it in the report JSON for the
 * fork-PR publish step: the comment tag, and on pull_request events the PR number and head sha.
 */
export interface ReportOrigin {
  commentTag?: string;
  pullRequest?: { number: number; headSha: string };
}

export type FailOn = 'error' | 'warning' | 'note' | 'never';
export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'note', 'never'];
