// Why a container did not stop on its stop signal, from what PID 1 was before the stop:
// its command line and the signals it catches (/proc/<pid>/status SigCgt). Pure: the
// graceful-stop check gathers the evidence and hands it here.
import type { CommandFact, ProcessFacts } from '../contracts.js';

/** The signal numbers `docker stop` and STOPSIGNAL are written with (Linux, x86 and arm). */
const SIGNALS: Record<string, number> = {
  HUP: 1,
  INT: 2,
  QUIT: 3,
  KILL: 9,
  USR1: 10,
  USR2: 12,
  TERM: 15,
  WINCH: 28,
  PWR: 30,
};

/** `SIGTERM`, `TERM`, `15` → 15; null for a name this table does not know. */
export function signalNumber(signal: string): number | null {
  const s = signal.trim().toUpperCase();
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^(?:SIG)?(RTMIN\+\d+|[A-Z0-9]+)$/.exec(s);
  return m ? (SIGNALS[m[1]] ?? null) : null;
}

/** `SIGTERM` for `TERM`, `15` or empty (Docker's default). */
export function signalName(signal: string | null | undefined): string {
  const s = (signal ?? '').trim().toUpperCase();
  if (s === '') return 'SIGTERM';
  if (/^\d+$/.test(s)) {
    const name = Object.entries(SIGNALS).find(([, n]) => n === Number(s))?.[0];
    return name ? `SIG${name}` : `signal ${s}`;
  }
  return s.startsWith('SIG') ? s : `SIG${s}`;
}

/**
 * Does a process catch this signal? From the `SigCgt:` mask of /proc/<pid>/status (bit n-1 for
 * signal n); null when the status or the signal is unknown.
 */
export function catchesSignal(status: string | null, signal: number | null): boolean | null {
  if (status === null || signal === null) return null;
  const m = /^SigCgt:\s*([0-9a-f]+)\s*$/im.exec(status);
  if (!m) return null;
  return ((BigInt(`0x${m[1]}`) >> BigInt(signal - 1)) & 1n) === 1n;
}

/** The real uid and gid of a process, from the `Uid:` and `Gid:` lines of /proc/<pid>/status. */
export function processIds(status: string | null): { uid: number | null; gid: number | null } {
  const id = (key: string) => {
    const m = status ? new RegExp(`^${key}:\\s*(\\d+)`, 'm').exec(status) : null;
    return m ? Number(m[1]) : null;
  };
  return { uid: id('Uid'), gid: id('Gid') };
}

/** The argv of /proc/<pid>/cmdline (NUL-separated). */
export function parseCmdline(raw: string | null): string[] | null {
  if (raw === null) return null;
  const argv = raw.split('\0');
  if (argv.at(-1) === '') argv.pop();
  return argv.length > 0 ? argv : null;
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);
const INITS = new Set(['tini', 'dumb-init', 'docker-init', 'catatonit', 's6-svscan', 'init']);
const base = (p: string) => p.split('/').pop() ?? p;

export interface StopEvidence {
  /** PID 1's argv before the stop (host /proc), or null when unreadable. */
  pid1: string[] | null;
  /** Does PID 1 catch the stop signal? null when /proc/<pid>/status was unreadable. */
  pid1Catches: boolean | null;
  /** The signal sent: the image's STOPSIGNAL or SIGTERM. */
  signal: string;
  boundSeconds: number;
  facts: ProcessFacts | undefined;
}

export interface StopCause {
  /** One line: what kept the container from stopping. */
  cause: string;
  /** What to change. */
  fix: string;
  /** The Dockerfile line the finding points at, when one explains it. */
  line?: number;
  endLine?: number;
}

const at = (c: CommandFact | null | undefined): Pick<StopCause, 'line' | 'endLine'> =>
  c ? (c.endLine > c.line ? { line: c.line, endLine: c.endLine } : { line: c.line }) : {};

/** The command that starts PID 1: the ENTRYPOINT when there is one, else the CMD. */
function startLine(facts: ProcessFacts | undefined): CommandFact | null {
  return facts?.entrypoint ?? facts?.cmd ?? null;
}

/** The cause of a container that was SIGKILLed at the end of its grace period. */
export function diagnoseKilledStop(e: StopEvidence): StopCause {
  const sig = e.signal;
  const facts = e.facts;
  const shellForm = [facts?.entrypoint, facts?.cmd].find((c) => c && !c.execForm) ?? null;
  if (signalNumber(sig) === 9) {
    return {
      cause: `STOPSIGNAL ${sig} kills the app without a chance to shut down`,
      fix: 'Remove STOPSIGNAL (SIGTERM is the default) or set one the app handles.',
      ...(facts?.stopSignal ? { line: facts.stopSignal.line } : {}),
    };
  }
  const argv = e.pid1;
  const cmd = argv ? argv.join(' ') : null;
  const shown = cmd ? `\`${cmd.length > 80 ? cmd.slice(0, 80) + '…' : cmd}\`` : null;
  const prog = argv ? base(argv[0]) : null;
  if (prog && SHELLS.has(prog) && argv!.includes('-c')) {
    return {
      cause: `PID 1 is a shell (${shown}): a shell-form ${shellForm === facts?.entrypoint && shellForm ? 'ENTRYPOINT' : 'CMD'} runs the app as a child of \`sh -c\`, and the shell does not pass ${sig} on`,
      fix: `Write the command in exec form (e.g. CMD ["app", "--flag"]) or start it with \`exec\` (CMD exec app --flag), so the app is PID 1 and receives ${sig}.`,
      ...at(shellForm ?? startLine(facts)),
    };
  }
  if (prog && SHELLS.has(prog)) {
    return {
      cause: `PID 1 is a shell running a script (${shown}) that starts the app without \`exec\`: the shell waits for its child and does not pass ${sig} on`,
      fix: 'End the wrapper script with `exec "$@"` (or `exec app …`), so the app replaces the shell as PID 1.',
      ...at(startLine(facts)),
    };
  }
  if (prog && INITS.has(prog)) {
    return {
      cause: `PID 1 is an init (${shown}) that passed ${sig} on, but the app did not exit within ${e.boundSeconds} s`,
      fix: `Handle ${sig} in the app (close listeners, finish in-flight work, exit), or set a STOPSIGNAL it handles.`,
      ...at(startLine(facts)),
    };
  }
  if (e.pid1Catches === false) {
    return {
      cause: `PID 1 (${shown ?? 'the app'}) has no ${sig} handler, and the kernel never applies a signal's default action to PID 1 of a namespace: only SIGKILL stops it`,
      fix: `Handle ${sig} in the app, or run it under an init that turns the signal into an exit (docker run --init, ENTRYPOINT ["tini", "--", …]), or set a STOPSIGNAL it handles.`,
      ...at(startLine(facts)),
    };
  }
  if (e.pid1Catches === true) {
    return {
      cause: `PID 1 (${shown ?? 'the app'}) handles ${sig} but did not exit within ${e.boundSeconds} s`,
      fix: `Make the shutdown finish sooner than the grace period (stop accepting, drain, exit), or raise stop-timeout and terminationGracePeriodSeconds to what it needs.`,
      ...at(startLine(facts)),
    };
  }
  return {
    cause: `the container did not exit within ${e.boundSeconds} s of ${sig}${shown ? ` (PID 1: ${shown})` : ''}`,
    fix: 'Make the app PID 1 (exec-form CMD/ENTRYPOINT, `exec "$@"` in wrapper scripts) and handle the signal, or run it under an init (docker run --init, tini).',
    ...at(startLine(facts)),
  };
}

export interface StopObservation {
  /** Seconds from the stop request to the container's exit. */
  seconds: number;
  exitCode: number;
  oomKilled: boolean;
  boundSeconds: number;
}

/** Was the container SIGKILLed at the end of its grace period (rather than exiting by itself)? */
export function killedAtBound(o: StopObservation): boolean {
  // 137 = 128 + SIGKILL; a stop that returns well before the bound was the app's own exit.
  return o.exitCode === 137 && !o.oomKilled && o.seconds >= o.boundSeconds * 0.9;
}
