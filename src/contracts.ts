// The contract between the static audit (which knows the Dockerfile) and the runtime
// (which knows the container): what the audit learnt that the probes need. Plain data only.
// The other contract, the Report every renderer reads, is src/report/types.ts.

/** The graceful-stop bound when the stop-timeout input is not given: `docker stop`'s own default. */
export const DEFAULT_STOP_TIMEOUT_SECONDS = 10;

/** What the Dockerfile says about the final stage, as the runtime probes need it. */
export interface StageSpan {
  label: string;
  line: number;
  endLine: number;
}

/** The label of the stage a line is in, when it is in one. */
export function stageAt(stages: readonly StageSpan[], line: number): string | undefined {
  return stages.find((s) => line >= s.line && line <= s.endLine)?.label;
}

export interface StaticFacts {
  /** The shipped stage's FROM: where a verdict points when no instruction explains it. */
  stage: { name: string | null; line: number; endLine: number } | null;
  /** Every stage's lines and label (its name, or its index), to name the stage a line is in. */
  stages: StageSpan[];
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
  /**
   * What runs as PID 1 and how it is stopped: the final ENTRYPOINT and CMD (through the stage
   * chain) and STOPSIGNAL. Absent in facts made before the graceful-stop check.
   */
  process?: ProcessFacts;
}

/** An ENTRYPOINT or CMD line: exec form (JSON array) or shell form (`/bin/sh -c`). */
export interface CommandFact {
  line: number;
  endLine: number;
  execForm: boolean;
  /** The argument text as written. */
  text: string;
}

export interface ProcessFacts {
  entrypoint: CommandFact | null;
  cmd: CommandFact | null;
  stopSignal: { value: string; line: number } | null;
}
