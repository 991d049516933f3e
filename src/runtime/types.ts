// The contract between the static half (which knows the Dockerfile) and the runtime
// half (which knows the container). Plain data only.
import type { Check, Finding } from '../report/types.js';

/** What the Dockerfile says about the final stage, as the runtime probes need it. */
export interface StaticFacts {
  /** The shipped stage's FROM: where a verdict points when no instruction explains it. */
  stage: { name: string | null; line: number; endLine: number } | null;
  /** Effective USER of the final stage (through its stage chain), or null when none is set. */
  user: { raw: string; resolved: string; line: number; endLine: number } | null;
  /** The final stage's external base image (after resolving stage chains and ARGs), or null. */
  baseImage: string | null;
  /** ENV keys of the final stage (inherited ones included), with whether the name/value looks secret. */
  env: { key: string; value: string; line: number; secret: boolean }[];
  /** The last ARG or ENV line of the file declaring each name (any stage): where a value in docker history came from. */
  declared: { key: string; line: number }[];
  /** The final HEALTHCHECK, or null when none is written in the Dockerfile. */
  healthcheck: {
    line: number;
    endLine: number;
    none: boolean;
    /** ["CMD", ...argv] or ["CMD-SHELL", "cmd"] as Docker stores it. */
    test: string[];
    /** The port the probe targets, when it can be read from the command. */
    port: number | null;
    startPeriodSeconds: number | null;
  } | null;
  /** Ports the app is stated to listen on (EXPOSE, --port flags, PORT env). */
  appPorts: number[];
}

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
  runArgs: string[];
  network: string;
  /** Label value put on everything the run creates (harden-check.run=<runId>). */
  runId: string;
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
  notes: string[];
  timings: { build?: number; verify?: number };
  buildFailed?: boolean;
}
