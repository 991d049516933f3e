// The host a run reports to: the Actions runner (src/github/actions-host.ts, the only
// module that speaks workflow commands) or a terminal (plainHost, the CLI's). The pipeline
// and the runtime write their log, groups, masks and step state only through it.
import { redact } from './secrets/detect.js';

/** Lines someone else wrote (build output, container logs), echoed as they come. */
export interface UntrustedSink {
  line(text: string): void;
  end(): void;
}

export interface Host {
  info(message: string): void;
  warning(message: string): void;
  /** Timings and internals, shown only when the host is debugging. */
  debug(message: string): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /** Echo lines nobody here controls: masked with `secrets`, never read as commands. */
  untrusted(secrets?: readonly string[]): UntrustedSink;
  /** Ask the host to hide this value in every log it shows. */
  mask(secret: string): void;
  /** Step state for a later step (the action's post step); none on a terminal. */
  saveState(name: string, value: string): void;
  getState(name: string): string;
}

/** The log part of a host, for modules that only report (the GitHub publishers). */
export type Log = Pick<Host, 'info' | 'warning' | 'debug'>;

/** Print a block of untrusted text through the host. */
export function echoUntrusted(host: Host, text: string, secrets: readonly string[] = []): void {
  const sink = host.untrusted(secrets);
  for (const l of text.split('\n')) sink.line(l);
  sink.end();
}

/**
 * A terminal host: every line to `write` (the CLI's stderr, so stdout keeps the report),
 * warnings prefixed, groups as a heading; nothing to mask, state kept in memory.
 */
export function plainHost(write: (text: string) => void, opts: { debug?: boolean } = {}): Host {
  const state = new Map<string, string>();
  // A Dockerfile's bytes must not drive the terminal (escape sequences); carriage returns of
  // progress output are dropped rather than shown.
  const clean = (s: string) => s.replace(/\r/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f\u009b]/g, '�');
  return {
    info: (m) => write(`${m}\n`),
    warning: (m) => write(`harden-check: ${m}\n`),
    debug: (m) => {
      if (opts.debug) write(`debug: ${m}\n`);
    },
    group: async (title, fn) => {
      write(`── ${title}\n`);
      return fn();
    },
    untrusted: (secrets = []) => ({
      line: (text) => write(`${clean(redact(text, secrets))}\n`),
      end: () => undefined,
    }),
    mask: () => undefined,
    saveState: (name, value) => void state.set(name, value),
    getState: (name) => state.get(name) ?? '',
  };
}

/** A host that shows nothing (tests, and runs whose log nobody reads). */
export function silentHost(): Host {
  return plainHost(() => undefined);
}
