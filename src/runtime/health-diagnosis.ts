// Why did the HEALTHCHECK fail? A pure classifier over the probe's exit code and
// output (as Docker records them in State.Health.Log), then a diagnosis in plain
// words that names the fix. Kept free of docker calls so it is tested on strings.

// Rule ids of the healthy check's verdicts (metadata in runtime/rules.ts).
export const NEVER_HEALTHY = 'HC902';
export const PROBE_MISSING = 'HC903';
export const WRONG_PROBE_PORT = 'HC904';
export const HEAD_REFUSED = 'HC905';
export const EXITED_BEFORE_HEALTHY = 'HC906';
export const HEALTH_URL_MISSING = 'HC910';

export type ProbeFailureKind =
  | 'not-found'
  | 'timeout'
  | 'http-405'
  | 'http-404'
  | 'http-status'
  | 'connection-refused'
  | 'dns'
  | 'unknown';

export interface ProbeClassification {
  kind: ProbeFailureKind;
  /** HTTP status when the output shows one. */
  status?: number;
  /** The missing binary, for not-found. */
  binary?: string;
}

/** The command a HEALTHCHECK runs, as one readable string. */
export function probeCommand(test: string[]): string {
  if (test[0] === 'CMD-SHELL') return test.slice(1).join(' ');
  if (test[0] === 'CMD') return test.slice(1).join(' ');
  return test.join(' ');
}

/** The first program the probe runs (for "command not found" when the output names none). */
export function probeBinary(test: string[]): string {
  const cmd = probeCommand(test).trim();
  const first = cmd.split(/\s+/)[0] ?? '';
  return first.replace(/^.*\//, '') || first;
}

/** The port the probe targets, read from the command (URL, `-p`/`--port`, `nc host port`). */
export function probePort(test: string[]): number | null {
  const cmd = probeCommand(test);
  const url =
    /\b(?:https?:\/\/)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|::1)(?::(\d{1,5}))?(?=[/\s'"]|$)/.exec(
      cmd,
    );
  if (url) {
    if (url[1]) return Number(url[1]);
    if (/https:\/\/(?:localhost|127\.0\.0\.1)/.test(cmd)) return 443;
    if (/http:\/\/(?:localhost|127\.0\.0\.1)/.test(cmd)) return 80;
  }
  const anyUrl = /\bhttps?:\/\/[^/\s:'"]+:(\d{1,5})/.exec(cmd);
  if (anyUrl) return Number(anyUrl[1]);
  const nc = /\bnc\b(?:\s+-\S+)*\s+\S+\s+(\d{1,5})\b/.exec(cmd);
  if (nc) return Number(nc[1]);
  return null;
}

const STATUS_PATTERNS = [
  /HTTP\/\d(?:\.\d)?\s+(\d{3})/i,
  /returned error:?\s*(?:HTTP\/\d(?:\.\d)?\s+)?(\d{3})/i,
  /HTTP Error (\d{3})/i,
  /awaiting response\.\.\.\s*(\d{3})/i,
  /status(?: code)?[:= ]+(\d{3})\b/i,
];

export function classifyProbe(exitCode: number, output: string, test: string[] = []): ProbeClassification {
  const out = output ?? '';
  // Docker could not start the probe at all (exec form) or the shell did not find it.
  const execMissing = /exec: "([^"]+)": (?:executable file not found|stat [^:]+: no such file)/i.exec(out);
  if (execMissing) return { kind: 'not-found', binary: execMissing[1].replace(/^.*\//, '') };
  const shMissing = /(?:^|\n|:\s)(?:[\w/.-]+:\s+)?(?:\d+:\s+)?([\w./-]+): (?:command )?not found/i.exec(out);
  if (shMissing && (exitCode === 127 || /not found\s*$/i.test(out.trim()))) {
    return { kind: 'not-found', binary: shMissing[1].replace(/^.*\//, '') };
  }
  if (exitCode === 127) return { kind: 'not-found', binary: probeBinary(test) };
  if (/Health check exceeded timeout|timed out|Operation timed out/i.test(out)) return { kind: 'timeout' };

  let status: number | undefined;
  for (const re of STATUS_PATTERNS) {
    const m = re.exec(out);
    if (m) {
      status = Number(m[1]);
      break;
    }
  }
  if (status === undefined && /\b405\b|Method Not Allowed/i.test(out)) status = 405;
  if (status === undefined && /\b404\b[^\n]*Not Found|Not Found[^\n]*\b404\b/i.test(out)) status = 404;
  if (status === 405) return { kind: 'http-405', status };
  if (status === 404) return { kind: 'http-404', status };
  if (status !== undefined && status >= 300) return { kind: 'http-status', status };

  if (
    /connection refused|couldn'?t connect|failed to connect|ECONNREFUSED|Errno 111|can't connect/i.test(out)
  ) {
    return { kind: 'connection-refused' };
  }
  // curl's exit codes when -s hides the message: 7 = could not connect, 28 = timeout, 22 = HTTP >= 400.
  if (/\bcurl\b/.test(probeCommand(test))) {
    if (exitCode === 7) return { kind: 'connection-refused' };
    if (exitCode === 28) return { kind: 'timeout' };
  }
  if (
    /bad address|could not resolve|Name or service not known|unable to resolve|Temporary failure in name resolution/i.test(
      out,
    )
  ) {
    return { kind: 'dns' };
  }
  return { kind: 'unknown' };
}

/** Two failures are "the same" when the kind and the status agree. */
export function sameFailure(a: ProbeClassification, b: ProbeClassification): boolean {
  return a.kind === b.kind && a.status === b.status;
}

export interface DiagnosisInput {
  outcome: 'exited' | 'probe-missing' | 'certain' | 'unhealthy' | 'timeout';
  test: string[];
  lastProbe: { exitCode: number; output: string } | null;
  /** Port the probe targets (from static facts or the command). */
  probePort: number | null;
  /** LISTEN ports of the container (null: could not be read). */
  listening: number[] | null;
  container: { exitCode: number; oomKilled: boolean; logTail: string };
  /** Seconds waited (or until exit). */
  seconds: number;
  timeoutSeconds: number;
}

export interface Diagnosis {
  ruleId: string;
  /** One line for the check detail. */
  summary: string;
  /** The longer explanation (check diagnosis), plain words plus the fix. */
  text: string;
}

function ports(list: number[]): string {
  return list.length === 1 ? `port ${list[0]}` : `ports ${list.join(', ')}`;
}

function lastOutput(p: DiagnosisInput['lastProbe']): string {
  if (!p) return '';
  const text = p.output.trim().split('\n').slice(-6).join('\n');
  return text
    ? `\nLast probe (exit ${p.exitCode}):\n${text}`
    : `\nLast probe: exit ${p.exitCode}, no output.`;
}

/** The diagnosis for a container that did not become healthy. Input text must be masked already. */
export function diagnose(d: DiagnosisInput): Diagnosis {
  const cmd = probeCommand(d.test);
  const secs = d.seconds.toFixed(1);
  if (d.outcome === 'exited') {
    const oom = d.container.oomKilled ? ' It was killed for using more than the 512 MB memory limit.' : '';
    const code137 = !oom && d.container.exitCode === 137 ? ' (137 = killed by SIGKILL)' : '';
    const logs = d.container.logTail.trim()
      ? `\nLast log lines:\n${d.container.logTail.trim()}`
      : '\nIt printed no log lines.';
    return {
      ruleId: EXITED_BEFORE_HEALTHY,
      summary: `container exited with code ${d.container.exitCode}${code137} after ${secs} s, before it became healthy`,
      text: `The container stopped with exit code ${d.container.exitCode}${code137} ${secs} s after it started, so it can never report healthy.${oom} Run the image locally and fix the start-up error.${logs}`,
    };
  }
  const cls = d.lastProbe
    ? classifyProbe(d.lastProbe.exitCode, d.lastProbe.output, d.test)
    : { kind: 'unknown' as const };
  const portWord = d.probePort !== null ? `port ${d.probePort}` : 'its port';
  const listenText =
    d.listening === null
      ? 'The ports the process listens on could not be read.'
      : d.listening.length === 0
        ? 'The container listens on no TCP port at all.'
        : `The process listens on ${ports(d.listening)} (read from /proc/<pid>/net/tcp and tcp6).`;

  // A probe on a port nothing listens on is the root cause whatever the probe printed:
  // `wget -q` prints nothing, and a probe that resolves localhost to ::1 first may time out.
  const wrongPort =
    d.probePort !== null &&
    d.listening !== null &&
    d.listening.length > 0 &&
    !d.listening.includes(d.probePort);
  if (wrongPort && !['not-found', 'http-405', 'http-404', 'http-status'].includes(cls.kind)) {
    const how =
      cls.kind === 'connection-refused'
        ? 'Connection refused: the'
        : cls.kind === 'timeout'
          ? 'Every probe timed out: the'
          : 'The';
    return {
      ruleId: WRONG_PROBE_PORT,
      summary: `HEALTHCHECK probes port ${d.probePort}, the process listens on ${ports(d.listening!)}`,
      text: `${how} HEALTHCHECK \`${cmd}\` connects to port ${d.probePort}, but nothing listens there. ${listenText} Point the HEALTHCHECK at ${ports(d.listening!)}, or make the app listen on port ${d.probePort}.${lastOutput(d.lastProbe)}`,
    };
  }

  switch (cls.kind) {
    case 'not-found': {
      const bin = cls.binary ?? probeBinary(d.test);
      if (bin === 'sh' && d.test[0] === 'CMD-SHELL') {
        // Shell form on scratch/distroless: Docker runs `/bin/sh -c`, which is not there.
        return {
          ruleId: PROBE_MISSING,
          summary: 'probe cannot run: the shell-form HEALTHCHECK needs /bin/sh, which the image lacks',
          text: `The HEALTHCHECK is written in shell form (\`HEALTHCHECK CMD ${probeCommand(d.test)}\`), so Docker runs it with \`/bin/sh -c\`, and the image has no /bin/sh. Use the exec form with a binary the image has: \`HEALTHCHECK CMD ["/app", "healthcheck"]\`.${lastOutput(d.lastProbe)}`,
        };
      }
      return {
        ruleId: PROBE_MISSING,
        summary: `probe command not found: \`${bin}\` is not in the image`,
        text: `The HEALTHCHECK runs \`${cmd}\`, but \`${bin}\` does not exist in the image (exit 127 / executable file not found), so the check can never pass. Install \`${bin}\` in the final stage, or probe with a tool the image has (busybox: \`wget -q -O /dev/null http://127.0.0.1:PORT/health\`), or ship a small static health-probe binary for distroless/scratch images.${lastOutput(d.lastProbe)}`,
      };
    }
    case 'http-405':
      return {
        ruleId: HEAD_REFUSED,
        summary: `probe refused with HTTP 405: it sends HEAD, the endpoint only allows GET`,
        text: `The app answers on ${portWord}, but with 405 Method Not Allowed: the probe \`${cmd}\` sends a HEAD request${/--spider/.test(cmd) ? ' (GNU `wget --spider` does)' : ''} and the endpoint only allows GET (FastAPI/Starlette routes do). Probe with GET instead: \`wget -q -O /dev/null URL\` or \`curl -fsS URL\`, or allow HEAD on the health route.${lastOutput(d.lastProbe)}`,
      };
    case 'http-404':
      return {
        ruleId: HEALTH_URL_MISSING,
        summary: `health endpoint missing: HTTP 404 on ${portWord}`,
        text: `The app answers on ${portWord}, but the URL in \`${cmd}\` returns 404 Not Found: the endpoint does not exist. Point the HEALTHCHECK at a route the app serves, or add the health route.${lastOutput(d.lastProbe)}`,
      };
    case 'http-status':
      return {
        ruleId: NEVER_HEALTHY,
        summary: `probe got HTTP ${cls.status} on ${portWord}`,
        text: `The app answers on ${portWord}, but with HTTP ${cls.status}; the probe \`${cmd}\` treats that as a failure. Check the health route's response.${lastOutput(d.lastProbe)}`,
      };
    case 'connection-refused': {
      if (
        d.probePort !== null &&
        d.listening &&
        d.listening.length > 0 &&
        !d.listening.includes(d.probePort)
      ) {
        return {
          ruleId: WRONG_PROBE_PORT,
          summary: `HEALTHCHECK probes port ${d.probePort}, the process listens on ${ports(d.listening)}`,
          text: `Connection refused: the HEALTHCHECK \`${cmd}\` connects to port ${d.probePort}, but nothing listens there. ${listenText} Point the HEALTHCHECK at ${ports(d.listening)}, or make the app listen on port ${d.probePort}.${lastOutput(d.lastProbe)}`,
        };
      }
      if (d.probePort !== null && d.listening && d.listening.includes(d.probePort)) {
        return {
          ruleId: NEVER_HEALTHY,
          summary: `connection refused on port ${d.probePort}, though the process listens on it`,
          text: `Connection refused on port ${d.probePort}, although the process listens on that port: it probably binds another address than the probe uses (e.g. ::1 versus 127.0.0.1, or a container IP). Make the app bind 0.0.0.0 or probe the address it binds.${lastOutput(d.lastProbe)}`,
        };
      }
      return {
        ruleId: NEVER_HEALTHY,
        summary: `never healthy: connection refused on ${portWord} for ${secs} s`,
        text: `The probe \`${cmd}\` was refused on ${portWord} for ${secs} s: the app never started listening. ${listenText} Check that the app starts and listens on the port the HEALTHCHECK uses, or give it a longer --start-period / the health-timeout input more time.${lastOutput(d.lastProbe)}`,
      };
    }
    case 'timeout':
      return {
        ruleId: NEVER_HEALTHY,
        summary: `never healthy: every probe timed out`,
        text: `Each run of \`${cmd}\` exceeded its timeout: the app accepts connections but does not answer in time, or the probe hangs. ${listenText}${lastOutput(d.lastProbe)}`,
      };
    default: {
      const atTimeout = d.outcome === 'timeout';
      return {
        ruleId: NEVER_HEALTHY,
        summary: atTimeout
          ? `never healthy within the ${d.timeoutSeconds} s health-timeout`
          : `unhealthy: the probe kept failing`,
        text: `${atTimeout ? `The container did not become healthy within ${d.timeoutSeconds} s (health-timeout).` : 'Docker marked the container unhealthy.'} ${d.lastProbe ? `The probe \`${cmd}\` kept failing.` : `The probe \`${cmd}\` had not completed once.`} ${listenText}${lastOutput(d.lastProbe)}`,
      };
    }
  }
}
