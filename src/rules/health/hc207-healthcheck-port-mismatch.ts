// HC207: the HEALTHCHECK probes a local port that differs from the port the app is told
// to listen on. Evidence, strongest first: a port flag in CMD/ENTRYPOINT (--port, -p,
// --bind); else ENV PORT-style variables (the file's, or the base image's such as
// ASPNETCORE_HTTP_PORTS=8080): the probe is blamed. With only EXPOSE against the probe the file cannot tell which one is wrong: the
// finding says they disagree and names both lines. Fires only when the evidence names one port; a probe port that comes from a variable is resolved the way
// /bin/sh will at run time (image ENV only), and an unresolved one keeps the rule silent.
import { appPorts, finalHealthcheck, probePort, type AppPort } from '../../dockerfile/facts.js';
import type { Rule } from '../types.js';
import { replaceLine } from '../../fix/build.js';
import { runtimeExpand } from './shared.js';
import type { Fix } from '../../report/types.js';

/**
 * The HEALTHCHECK line with the probe's port (written literally, once) changed to `port`;
 * null when the port is not written exactly once in the line (a variable, or ambiguous).
 */
export function withProbePort(line: string, from: number, port: number): string | null {
  // The same shapes probePort() reads, in the same order.
  const url = /\b(https?):\/\/(\[[^\]]+\]|[^\s/:'"]+)(?::(\d{1,5}))?/gi;
  const urls = [...line.matchAll(url)];
  if (urls.length > 0) {
    if (urls.length !== 1) return null;
    const m = urls[0];
    const shown = m[3] ? Number(m[3]) : m[1].toLowerCase() === 'https' ? 443 : 80;
    if (shown !== from) return null;
    const hostEnd = m.index! + `${m[1]}://${m[2]}`.length;
    return line.slice(0, hostEnd) + `:${port}` + line.slice(m.index! + m[0].length);
  }
  for (const re of [
    /(\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|::1):)(\d{1,5})\b/g,
    /(\b(?:nc|netcat|ncat)\b[^|;&]*?\s(?:localhost|127\.0\.0\.1)\s+)(\d{1,5})\b/g,
    /((?:--port|-p)[=\s]+)(\d{1,5})\b/g,
  ]) {
    const all = [...line.matchAll(re)];
    if (all.length === 0) continue;
    if (all.length !== 1 || Number(all[0][2]) !== from) return null;
    const m = all[0];
    const at = m.index! + m[1].length;
    return line.slice(0, at) + String(port) + line.slice(at + m[2].length);
  }
  return null;
}

/** Hosts that mean "this container". */
const LOCAL_URL =
  /\b(?:https?):\/\/(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|\$\{?HOSTNAME\}?|\$\(hostname\))(?=[:/\s'"]|$)/i;
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
    const fromEnv = ports.filter((p) => p.source.startsWith('ENV'));
    const exposed = ports.filter((p) => p.source === 'EXPOSE');
    let app: AppPort | null = null;
    if (fromCommand.length > 0) {
      const d = distinct(fromCommand);
      if (d.length !== 1 || d[0] === port) return [];
      app = fromCommand[0];
    } else if (fromEnv.length > 0) {
      // ENV (this file's or the base image's) names the port the app reads; EXPOSE is documentation
      const d = distinct(fromEnv);
      if (d.length !== 1 || d[0] === port) return [];
      app = fromEnv[0];
    } else {
      // Only EXPOSE and the probe: the file cannot say which of the two is wrong.
      const d = distinct(exposed);
      if (d.length !== 1 || d[0] === port) return [];
      const e = exposed[0];
      return [
        {
          line: hc.instr.line,
          endLine: hc.instr.endLine,
          message: `The HEALTHCHECK (line ${hc.instr.line}) probes port ${port} but EXPOSE (line ${e.line}) declares ${e.port}, and nothing in the file (CMD, ENTRYPOINT, ENV) says which port the app listens on: make the two agree with the port the app really uses.`,
        },
      ];
    }
    const where =
      app.source.startsWith('CMD') || app.source.startsWith('ENTRYPOINT')
        ? app.source.split(' ')[0]
        : app.source;
    const via = raw === command ? '' : ` (${raw.match(/\$\{?\w+\}?/)?.[0] ?? 'a variable'} = ${port})`;
    // Fix: a one-line HEALTHCHECK whose port is written literally (not from a variable).
    let fix: Fix | null = null;
    if (hc.instr.line === hc.instr.endLine && raw === command) {
      const original = model.lines[hc.instr.line - 1] ?? '';
      const text = withProbePort(original, port, app.port);
      if (text !== null && text !== original) {
        fix = replaceLine(hc.instr.line, text, `Probe the app's port ${app.port}`);
      }
    }
    return [
      {
        line: hc.instr.line,
        endLine: hc.instr.endLine,
        message: `The HEALTHCHECK probes port ${port}${via}, but the app listens on ${app.port} (${where}, line ${app.line}): probe port ${app.port}, or change the app's port.`,
        ...(fix ? { fix } : {}),
      },
    ];
  },
};
