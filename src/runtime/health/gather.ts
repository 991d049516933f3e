// Collects the evidence for a health verdict from a running (or stopped) container: its
// LISTEN sockets (host /proc), its access log (docker logs) and harden-check's own GET/HEAD
// (inside its network namespace). Each part is optional: what cannot be read is left out.
import { logs, readHostProc } from '../../docker/container.js';
import { listeningSockets } from '../proc-net.js';
import { appErrorLine, probeRequests } from './access-log.js';
import type { Evidence } from './cause.js';
import { ownRequest } from './own-request.js';
import { probeShape } from './probe-shape.js';

/** How many log lines are searched for the probe's requests (a probe a second for minutes). */
const LOG_LINES = 300;

export async function socketsOf(pid: number): Promise<Evidence['sockets']> {
  if (!(pid > 0)) return null;
  const [t4, t6] = await Promise.all([readHostProc(pid, 'net/tcp'), readHostProc(pid, 'net/tcp6')]);
  return t4 === null && t6 === null ? null : listeningSockets(t4, t6);
}

export interface GatherInput {
  containerId: string;
  /** Host pid of the container's process (0 once it stopped: no own request then). */
  pid: number;
  test: string[];
  /** Also make harden-check's own request (skipped for a stopped container). */
  request: boolean;
}

export async function gatherEvidence(g: GatherInput): Promise<Evidence> {
  const shape = probeShape(g.test);
  const url = shape.url;
  const [sockets, logText] = await Promise.all([
    g.pid > 0 ? socketsOf(g.pid) : Promise.resolve(null),
    logs(g.containerId, LOG_LINES).catch(() => ''),
  ]);
  let own: Evidence['own'] = null;
  if (g.request && url && g.pid > 0) {
    // also ask the loopback addresses the app really binds on the probe's port
    const also = (sockets ?? [])
      .filter((s) => s.port === url.port && !['0.0.0.0', '::'].includes(s.address))
      .map((s) => s.address);
    own = await ownRequest(g.pid, g.containerId, url, also);
  }
  return {
    shape,
    own,
    access: url ? probeRequests(logText, url.path) : [],
    appError: appErrorLine(logText),
    sockets,
  };
}
