// What a HEALTHCHECK command asks for, read from its text: the URL, the HTTP method the tool
// sends, and whether the command can exit 0 although the request failed. Pure: no docker.
import { probeCommand } from '../health-diagnosis.js';

export interface ProbeUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path with query, always starting with '/'. */
  path: string;
  /** As written in the command. */
  text: string;
}

export type ProbeTool = 'wget-spider' | 'wget' | 'curl-head' | 'curl' | 'other';

export interface ProbeShape {
  url: ProbeUrl | null;
  tool: ProbeTool;
  /**
   * 'HEAD' or 'GET' when the tool's method is known; null for `wget --spider`, whose method
   * depends on the wget in the image (GNU sends HEAD, BusyBox sends GET).
   */
  method: 'HEAD' | 'GET' | null;
  /** Why the command may exit 0 on a failed request (e.g. "`|| true`"), or null. */
  hidesFailure: string | null;
  /** Does the host name loopback (localhost, 127.x, ::1, 0.0.0.0)? Only those are requested by us. */
  loopback: boolean;
}

const URL_RE = /\b(https?):\/\/(\[[0-9a-f:]+\]|[^\s/:'"$`]+)(?::(\d{1,5}))?(\/[^\s'"`;|&)]*)?/i;

export function parseProbeUrl(cmd: string): ProbeUrl | null {
  const m = URL_RE.exec(cmd);
  if (!m) return null;
  const scheme = m[1].toLowerCase() as 'http' | 'https';
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (!(port > 0 && port < 65536)) return null;
  return { scheme, host: m[2].replace(/^\[|\]$/g, ''), port, path: m[4] || '/', text: m[0] };
}

export function isLoopbackHost(host: string): boolean {
  return /^(localhost|ip6-localhost|127(?:\.\d{1,3}){3}|::1|0\.0\.0\.0|::)$/i.test(host);
}

/** The segment of a shell command that runs the HTTP tool, and what follows it. */
function toolSegment(cmd: string): { tool: ProbeTool; seg: string; rest: string } {
  const m = /(^|[\s;&|(])((?:\/[\w./-]*\/)?(wget|curl))\s/.exec(cmd);
  if (!m) return { tool: 'other', seg: '', rest: '' };
  const start = m.index + m[1].length;
  const after = cmd.slice(start);
  // the tool's arguments end at the first shell operator
  const end = after.search(/\s(?:\|\||&&|;|\||&)\s?|;/);
  const seg = end < 0 ? after : after.slice(0, end);
  const rest = end < 0 ? '' : after.slice(end).trim();
  if (m[3] === 'wget') return { tool: /\s--spider\b/.test(seg) ? 'wget-spider' : 'wget', seg, rest };
  return { tool: /\s(?:-I|--head|-[a-zA-Z]*I[a-zA-Z]*)\b/.test(seg) ? 'curl-head' : 'curl', seg, rest };
}

/** Why a command may exit 0 although its request failed (null: it fails when the request does). */
export function failureHidden(test: string[], tool: ProbeTool, seg: string, rest: string): string | null {
  if (tool === 'other') return null;
  if (/^\|\|\s*(?:true\b|:(?=\s|;|$)|exit\s+0\b)/.test(rest))
    return `\`${rest.split(/\s*(?:;|&&)\s*/)[0].trim()}\``;
  if (/^;/.test(rest) && !/^;\s*exit\s+\$\?/.test(rest))
    return `\`; ${rest.replace(/^;\s*/, '').slice(0, 40)}\` after the request (its exit status replaces the request's)`;
  if (/^\|(?!\|)/.test(rest) && !/^\|\s*grep\b/.test(rest))
    return `the pipe \`${rest.slice(0, 40)}\` (the last command's status replaces the request's)`;
  if (
    (tool === 'curl' || tool === 'curl-head') &&
    !/\s(?:-f|--fail|--fail-with-body|-[a-zA-Z]*f[a-zA-Z]*)\b/.test(seg)
  )
    return 'curl without `-f`/`--fail` (curl exits 0 on an HTTP error status)';
  void test;
  return null;
}

export function probeShape(test: string[]): ProbeShape {
  const cmd = probeCommand(test);
  const url = parseProbeUrl(cmd);
  const { tool, seg, rest } = toolSegment(cmd);
  const method: ProbeShape['method'] =
    tool === 'curl-head' ? 'HEAD' : tool === 'curl' || tool === 'wget' ? 'GET' : null;
  return {
    url,
    tool,
    method,
    hidesFailure: failureHidden(test, tool, seg, rest),
    loopback: url !== null && isLoopbackHost(url.host),
  };
}
