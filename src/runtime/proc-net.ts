// Which TCP ports does the container really listen on? Read from the host through
// /proc/<pid>/net/tcp and tcp6 of a container process: those files show the
// process's network namespace, so no tool inside the image is needed (scratch works).

export interface SocketEntry {
  /** Local address as hex, as the kernel prints it. */
  localAddress: string;
  port: number;
  /** Two hex digits; 0A = LISTEN. */
  state: string;
}

export const TCP_LISTEN = '0A';

/** Parse /proc/net/tcp or /proc/net/tcp6 text (header line first). */
export function parseProcNetTcp(text: string): SocketEntry[] {
  const out: SocketEntry[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    // sl local_address rem_address st ...
    if (f.length < 4) continue;
    const local = f[1];
    const colon = local.lastIndexOf(':');
    if (colon < 0) continue;
    const port = parseInt(local.slice(colon + 1), 16);
    if (!Number.isFinite(port)) continue;
    out.push({ localAddress: local.slice(0, colon), port, state: f[3].toUpperCase() });
  }
  return out;
}

/** Sorted, de-duplicated LISTEN ports of one or more tcp/tcp6 tables. */
export function listeningPorts(...tables: (string | null | undefined)[]): number[] {
  const ports = new Set<number>();
  for (const t of tables) {
    if (!t) continue;
    for (const e of parseProcNetTcp(t)) if (e.state === TCP_LISTEN) ports.add(e.port);
  }
  return [...ports].sort((a, b) => a - b);
}
