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

/** The kernel's hex address as text: 0100007F -> 127.0.0.1; 32 hex digits -> an IPv6 address. */
export function decodeAddress(hex: string): string {
  const word = (h: string) => h.match(/../g)!.reverse().join('');
  if (hex.length === 8)
    return word(hex)
      .match(/../g)!
      .map((b) => parseInt(b, 16))
      .join('.');
  if (hex.length !== 32) return hex;
  const bytes = (hex.match(/.{8}/g) ?? []).map(word).join('');
  // IPv4-mapped (::ffff:a.b.c.d) reads as the IPv4 address
  if (/^0{20}ffff/i.test(bytes)) return decodeAddress(bytes.slice(24).match(/../g)!.reverse().join(''));
  const groups = (bytes.match(/.{4}/g) ?? []).map((g) => parseInt(g, 16).toString(16));
  // the longest run of zero groups becomes '::'
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  if (bestLen < 2) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

/** A LISTEN socket: the address it is bound to ("0.0.0.0", "::", "127.0.0.1") and its port. */
export interface ListeningSocket {
  address: string;
  port: number;
}

/** LISTEN sockets with their bound address, de-duplicated. */
export function listeningSockets(...tables: (string | null | undefined)[]): ListeningSocket[] {
  const seen = new Map<string, ListeningSocket>();
  for (const t of tables) {
    if (!t) continue;
    for (const e of parseProcNetTcp(t)) {
      if (e.state !== TCP_LISTEN) continue;
      const address = decodeAddress(e.localAddress);
      seen.set(`${address}|${e.port}`, { address, port: e.port });
    }
  }
  return [...seen.values()].sort((a, b) => a.port - b.port || a.address.localeCompare(b.address));
}
