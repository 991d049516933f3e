// What the pipeline hands the runtime half and what it gets back. Plain data only; the
// facts it reads from the audit are the StaticFacts contract (src/contracts.ts).
import type { Check, Finding } from '../report/types.js';
import type { Host } from '../host.js';
import type { StaticFacts } from '../contracts.js';

export type { StaticFacts } from '../contracts.js';

export interface RuntimeOptions {
  /** Absolute path of the Dockerfile. */
  dockerfile: string;
  /** Path used in findings (relative to the workspace, POSIX). */
  displayPath: string;
  /** Absolute build context. */
  context: string;
  buildArgs: Record<string, string>;
  target: string;
  buildFlags: string[];
  /** A prebuilt image to check instead of building ('' to build). */
  image: string;
  /** false: inspect only (no container). */
  run: boolean;
  /** Overrides to prove; empty: derived from the non-secret ENV keys in facts. */
  envOverrides: Record<string, string>;
  healthTimeoutSeconds: number;
  /** graceful-stop: seconds between the stop signal and SIGKILL (docker stop -t). */
  stopTimeoutSeconds?: number;
  runArgs: string[];
  network: string;
  /** Label value put on everything the run creates (harden-check.run=<runId>). */
  runId: string;
  /** Where the build and container logs go, and the step state; a terminal (stderr) when absent. */
  host?: Host;
  facts: StaticFacts;
}

/** What the pipeline hands the runtime: the static facts may still be coming (the audit runs during the build). */
export type RuntimeRequest = Omit<RuntimeOptions, 'facts'> & { facts: StaticFacts | Promise<StaticFacts> };

export interface RuntimeResult {
  imageId: string | null;
  /** Runtime verdicts for the checklist; 'skip' where the runtime had nothing to say. */
  checks: Check[];
  /** Runtime-only findings (HC9xx). */
  findings: Finding[];
  buildLogTail?: string;
  healthLog?: string;
  /** The verified Kubernetes snippet (runtime/kubernetes-snippet.ts), when the run proved anything. */
  kubernetes?: string;
  notes: string[];
  timings: { build?: number; verify?: number };
  buildFailed?: boolean;
}
