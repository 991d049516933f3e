// The one-line cause of a health verdict, from evidence beyond the probe's own output: the
// app's access-log lines for the probe path and harden-check's own GET/HEAD from inside the
// container. Pure: every input is already gathered (and masked) by the caller.
import {
  HEAD_REFUSED,
  HEALTH_URL_MISSING,
  NEVER_HEALTHY,
  type ProbeClassification,
} from '../health-diagnosis.js';
import type { AccessLine } from './access-log.js';
import { answerText, type OwnAnswer, type OwnRequestResult } from './own-request.js';
import type { ProbeShape } from './probe-shape.js';

/** A probe that exits 0 whatever the app answers (metadata in runtime/rules.ts). */
export const HEALTHCHECK_CANNOT_FAIL = 'HC912';

export interface Evidence {
  shape: ProbeShape;
  own: OwnRequestResult | null;
  /** Access-log lines for the probe's path, oldest first. */
  access: AccessLine[];
  /** The app's last error line in its log, for a 5xx. */
  appError: string | null;
  /** LISTEN sockets of the container (null: unreadable). */
  sockets: { address: string; port: number }[] | null;
}

export interface Cause {
  ruleId: string;
  /** The check detail: the cause in its first words. */
  summary: string;
  /** The diagnosis: explanation, fix and the evidence lines. */
  text: string;
  /** The status the probe's request gets, when known: makes a repeated failure certain. */
  status?: number;
  /**
   * The answer may change without a change to the image (502/503/504: an app or its proxy
   * still warming up): it names the cause of a failed wait, but never ends the wait early.
   */
  transient?: boolean;
}

/** Statuses a warming-up app or its proxy answers before it is ready: never an early verdict. */
export function isTransientStatus(status: number | undefined): boolean {
  return status === 502 || status === 503 || status === 504;
}

const GET_FIX = (url: string) => `\`wget -q -O /dev/null ${url}\` or \`curl -fsS ${url}\``;

/** What the app answered to `method` (own request to the probe's host first, then the access log). */
function statusOf(
  e: Evidence,
  method: 'GET' | 'HEAD',
): { status: number; how: string; location?: string } | null {
  const host = e.shape.url?.host;
  if (e.own?.ran) {
    const a = e.own.answers.find(
      (x) => x.method === method && x.status !== undefined && (x.host === host || host === '0.0.0.0'),
    );
    if (a) return { status: a.status!, how: 'own', location: a.location };
  }
  const line = [...e.access].reverse().find((l) => l.method === method);
  return line ? { status: line.status, how: 'log' } : null;
}

/** The evidence lines shown under the diagnosis. */
export function evidenceText(e: Evidence): string {
  const out: string[] = [];
  if (e.access.length) {
    out.push(`The app's access log for ${e.shape.url?.path ?? 'the probe path'}:`);
    for (const l of e.access.slice(-3)) out.push(`  ${l.raw.slice(0, 200)}`);
  }
  if (e.own?.ran) {
    const byHost = new Map<string, OwnAnswer[]>();
    for (const a of e.own.answers) byHost.set(a.host, [...(byHost.get(a.host) ?? []), a]);
    for (const [host, as] of byHost) {
      const u = e.shape.url!;
      out.push(
        `harden-check's own request inside the container to ${u.scheme}://${host.includes(':') ? `[${host}]` : host}:${u.port}${u.path}: ${as.map(answerText).join(', ')}`,
      );
    }
    const body = e.own.answers.find((a) => a.body)?.body;
    if (body) out.push(`  body: ${body.replace(/\s+/g, ' ').slice(0, 160)}`);
  } else if (e.own && !e.own.ran) {
    out.push(`(no request of harden-check's own: ${e.own.reason})`);
  }
  return out.join('\n');
}

function withEvidence(text: string, e: Evidence): string {
  const ev = evidenceText(e);
  return ev ? `${text}\nEvidence:\n${ev}` : text;
}

/** Why did a failing probe fail? null when the evidence names nothing the probe did not. */
export function failingCause(cls: ProbeClassification, e: Evidence): Cause | null {
  const u = e.shape.url;
  if (!u) return null;
  const head = statusOf(e, 'HEAD');
  const get = statusOf(e, 'GET');
  const sendsHead =
    e.shape.method === 'HEAD' ||
    (e.shape.tool === 'wget-spider' &&
      (e.access.some((l) => l.method === 'HEAD') ||
        (head !== null && head.status >= 400 && get !== null && get.status < 400)));
  const toolWord = e.shape.tool === 'wget-spider' ? 'GNU `wget --spider`' : 'curl -I/--head';

  if (sendsHead && head && head.status === 405) {
    const getText = get ? `, GET ${get.status}` : '';
    return {
      ruleId: HEAD_REFUSED,
      status: 405,
      summary: `HEAD answered 405${getText}: the probe sends HEAD (${toolWord}), the app allows only GET on ${u.path}; probe with ${GET_FIX(u.text)}`,
      text: withEvidence(
        `The probe (${toolWord}) sends a HEAD request and the app answers 405 Method Not Allowed${get ? `, while GET on the same URL answers ${get.status}` : ''} (FastAPI/Starlette and many routers allow only the declared method). The container can never become healthy. Probe with GET: ${GET_FIX(u.text)}, or allow HEAD on the health route.`,
        e,
      ),
    };
  }
  // the status the probe's own method gets
  const probe = sendsHead ? head : (get ?? head);
  const method = sendsHead ? 'HEAD' : 'GET';
  if (probe) {
    const s = probe.status;
    const where = `${method} ${u.path}`;
    if (s >= 300 && s < 400) {
      const to = probe.location ? ` to ${probe.location}` : '';
      const https = /^https:/i.test(probe.location ?? '');
      return {
        ruleId: NEVER_HEALTHY,
        status: s,
        summary: `${where} answered ${s} (redirect${to}): the health route redirects${https ? ' to HTTPS' : ''}, the probe does not reach a 2xx`,
        text: withEvidence(
          `The app answers the health URL with a redirect (${s}${to}). The probe either refuses to follow it or follows it to an address that does not answer${https ? ' (HTTPS inside the container)' : ''}. Exempt the health route from the redirect (e.g. from force-HTTPS middleware), or probe the URL the app really serves.`,
          e,
        ),
      };
    }
    if (s === 401 || s === 403) {
      return {
        ruleId: NEVER_HEALTHY,
        status: s,
        summary: `${where} answered ${s} (${s === 401 ? 'authentication required' : 'forbidden'}): the health route is behind auth`,
        text: withEvidence(
          `The health route answers ${s}: it requires ${s === 401 ? 'credentials' : 'a permission'} the probe does not have. Exempt the health route from authentication (it should reveal nothing), or probe a public liveness route; never put a credential into the HEALTHCHECK (it is readable with docker inspect).`,
          e,
        ),
      };
    }
    if (s >= 500) {
      return {
        ruleId: NEVER_HEALTHY,
        status: s,
        ...(isTransientStatus(s) ? { transient: true } : {}),
        summary: `${where} answered ${s}: the app's health route fails${e.appError ? `: ${e.appError.slice(0, 120)}` : ''}`,
        text: withEvidence(
          `The app is up and listening, but its health route answers ${s} every time: the app itself reports a failure (often a dependency it checks, such as a database, that is absent in this sandbox).${e.appError ? `\nThe app's error line: ${e.appError}\n` : ' '}Fix the error, or make the liveness probe check only the process and move dependency checks to a readiness endpoint.`,
          e,
        ),
      };
    }
    if (s === 404) {
      return {
        ruleId: HEALTH_URL_MISSING,
        status: s,
        summary: `${where} answered 404: the health route does not exist`,
        text: withEvidence(
          `The app answers on port ${u.port}, but ${u.path} returns 404 Not Found. Point the HEALTHCHECK at a route the app serves, or add the health route.`,
          e,
        ),
      };
    }
    if (s === 405) {
      return {
        ruleId: HEAD_REFUSED,
        status: s,
        summary: `${where} answered 405: the route does not allow ${method}`,
        text: withEvidence(
          `The app answers 405 Method Not Allowed to the probe's ${method}. Allow ${method} on the health route or probe with the method it serves.`,
          e,
        ),
      };
    }
    if (s >= 400) {
      return {
        ruleId: NEVER_HEALTHY,
        status: s,
        summary: `${where} answered ${s}`,
        text: withEvidence(
          `The app answers the health URL with ${s}; the probe treats that as a failure. Check the health route's response.`,
          e,
        ),
      };
    }
  }
  // refused on the probe's address while the app listens on that port at another address
  const refused = e.own?.ran && e.own.answers.some((a) => a.host === u.host && a.error === 'ECONNREFUSED');
  const other = (e.sockets ?? []).filter((s) => s.port === u.port && !['0.0.0.0', '::'].includes(s.address));
  if ((refused || cls.kind === 'connection-refused') && other.length > 0) {
    const addrs = other.map((s) =>
      s.address.includes(':') ? `[${s.address}]:${s.port}` : `${s.address}:${s.port}`,
    );
    const reached = e.own?.ran
      ? e.own.answers.find((a) => a.host !== u.host && a.status !== undefined)
      : undefined;
    return {
      ruleId: NEVER_HEALTHY,
      summary: `the app listens on ${addrs.join(', ')} only, the probe connects to ${u.host}:${u.port}: bind 0.0.0.0 (or probe that address)`,
      text: withEvidence(
        `Connection refused on ${u.host}:${u.port}, though the process listens on port ${u.port}: it binds only ${addrs.join(', ')}${reached ? `, where it answers ${reached.method} with ${reached.status}` : ''}. Make the app bind 0.0.0.0 (all addresses of the container), or point the HEALTHCHECK at the address it binds.`,
        e,
      ),
    };
  }
  return null;
}

/** A probe that passed although the app answers an error: it cannot fail. null: the pass is real. */
export function hiddenFailureCause(e: Evidence): Cause | null {
  const u = e.shape.url;
  if (!u || !e.shape.hidesFailure || !e.own?.ran) return null;
  const method = e.shape.method === 'HEAD' ? 'HEAD' : 'GET';
  const a = e.own.answers.find((x) => x.method === method && (x.host === u.host || u.host === '0.0.0.0'));
  if (!a) return null;
  const failed = a.status === undefined || a.status >= 400;
  if (!failed) return null;
  const answer =
    a.status !== undefined ? `answers ${a.status}` : `is ${answerText(a).replace(/^\w+ → /, '')}`;
  return {
    ruleId: HEALTHCHECK_CANNOT_FAIL,
    summary: `the probe passes only because ${e.shape.hidesFailure} hides its failure: ${method} ${u.path} ${answer}`,
    text: withEvidence(
      `Docker reports the container healthy, but the health URL ${answer}: the probe exits 0 whatever the app answers, so it can never report a broken app. Let the request's failure be the probe's exit status: \`HEALTHCHECK CMD curl -fsS ${u.text} || exit 1\` (or \`wget -q -O /dev/null ${u.text} || exit 1\`), without ${e.shape.hidesFailure}.`,
      e,
    ),
  };
}
