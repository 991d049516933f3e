// HC207: the HEALTHCHECK probes a local port that differs from the port the app is told
// to listen on. Evidence, strongest first: a port flag in CMD/ENTRYPOINT (--port, -p,
// --bind); else ENV PORT-style variables together with EXPOSE. Fires only when that
// evidence names one port; a probe port that comes from a variable is resolved the way
// /bin/sh will at run time (image ENV only), and an unresolved one keeps the rule silent.
import { appPorts, finalHealthcheck, probePort, type AppPort } from '../../dockerfile/facts.js';
import type { Rule } from '../types.js';
import { runtimeExpand } from './shared.js';

/** Hosts that mean "this container". */
const LOCAL_URL = /\b(?:https?):\/\/(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|\$\{?HOSTNAME\}?|\$\(hostname\))(?=[:/\s'"]|$)/i;
const REMOTE_URL = /\b(?:https?):\/\//i;

function distinct(ports: AppPort[]): number[] {
  return [...new Set(ports.map((p) => p.port))];
}

export const hc207: Rule = {
  meta: {
    id: 'HC207',
    title: "HEALTHCHECK targets a port other than the app's",
    severity: 'warning',
    check: 'healthy',
    anchors: {},
    description:
      'A probe of the wrong port gets "connection refused" on every try: the container is reported unhealthy (and restarted by autoheal or Swarm) although the app is fine, or worse, a different listener answers.',
  },
  check({ model }) {
    const hc = finalHealthcheck(model);
    if (!hc || hc.none) return [];
    // Exec form is not expanded (HC205 reports variables there); shell form is expanded at run time.
    const raw = hc.execForm ? hc.test.slice(1).join(' ') : (hc.test[1] ?? '');
    if (hc.execForm && /\$/.test(raw)) return [];
    const expanded = hc.execForm ? null : runtimeExpand(model, raw);
    if (expanded && !expanded.complete) return [];
    const command = expanded ? expanded.value : raw;
    // Only probes of this container: a URL must name a local host.
    if (REMOTE_URL.test(command) && !LOCAL_URL.test(command)) return [];
    const port = probePort(command);
    if (port === null) return [];

    const ports = appPorts(model);
    const fromCommand = ports.filter((p) => p.source.startsWith('CMD') || p.source.startsWith('ENTRYPOINT'));
    let app: AppPort | null = null;
    if (fromCommand.length > 0) {
      const d = distinct(fromCommand);
      if (d.length !== 1 || d[0] === port) return [];
      app = fromCommand[0];
    } else {
      const stated = ports.filter((p) => !fromCommand.includes(p));
      const d = distinct(stated);
      if (d.length !== 1 || d[0] === port) return [];
      app = stated[0];
    }
    const where = app.source.startsWith('CMD') || app.source.startsWith('ENTRYPOINT') ? app.source.split(' ')[0] : app.source;
    const via = raw === command ? '' : ` (${raw.match(/\$\{?\w+\}?/)?.[0] ?? 'a variable'} = ${port})`;
    return [
      {
        line: hc.instr.line,
        endLine: hc.instr.endLine,
        message: `The HEALTHCHECK probes port ${port}${via}, but the app listens on ${app.port} (${where}, line ${app.line}): probe port ${app.port}, or change the app's port.`,
      },
    ];
  },
};
