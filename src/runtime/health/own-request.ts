// harden-check's own HTTP request to the probe URL, made from inside the container's network
// namespace (`nsenter --net`, running this Node binary: no tool of the image is trusted or
// needed, scratch works). It tells what the app answers to GET and to HEAD even when the app
// logs nothing and the probe prints nothing. Needs root or passwordless `sudo -n` (GitHub's
// runners have it) and a local engine; otherwise it reports why it was skipped.
// Only loopback addresses are ever requested: traffic never leaves the container.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { isLoopbackHost, type ProbeUrl } from './probe-shape.js';

export interface OwnAnswer {
  method: 'GET' | 'HEAD';
  /** Address connected to (the URL's host, or an address the app listens on). */
  host: string;
  status?: number;
  location?: string;
  /** First bytes of a GET error body (masked by the caller before it is shown). */
  body?: string;
  /** Connection error code (ECONNREFUSED, ETIMEDOUT, …). */
  error?: string;
}

export type OwnRequestResult = { ran: true; answers: OwnAnswer[] } | { ran: false; reason: string };

// Runs inside the namespace: one request per target, in parallel, no redirect following.
const SCRIPT = `
const targets = JSON.parse(process.argv[1]);
const out = [];
let left = targets.length;
const done = (a) => { out.push(a); if (--left === 0) process.stdout.write('HC-OWN ' + JSON.stringify(out) + '\\n'); };
for (const t of targets) {
  const mod = require(t.scheme === 'https' ? 'node:https' : 'node:http');
  const a = { method: t.method, host: t.host };
  const req = mod.request({ host: t.host, port: t.port, path: t.path, method: t.method,
    headers: { Host: t.hostHeader, 'User-Agent': 'harden-check' }, timeout: 2000, rejectUnauthorized: false },
    (res) => {
      a.status = res.statusCode;
      if (res.headers.location) a.location = String(res.headers.location).slice(0, 200);
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { if (body.length < 300) body += d; });
      res.on('end', () => { if (t.method === 'GET' && a.status >= 400 && body.trim()) a.body = body.trim().slice(0, 200); done(a); });
      res.on('error', () => done(a));
    });
  req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
  req.on('error', (e) => { if (a.status === undefined) { a.error = e.code || e.message; done(a); } });
  req.end();
}
`;

function run(cmd: string, args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(cmd, args, { timeout: 8000, killSignal: 'SIGKILL', encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ ok: !err, stdout: String(stdout ?? ''), stderr: String(stderr ?? err?.message ?? '') }),
    ),
  );
}

/** Is `pid` a process of this container on this host (not a remote engine's pid)? */
async function pidBelongsTo(pid: number, containerId: string): Promise<boolean> {
  const cg = await readFile(`/proc/${pid}/cgroup`, 'utf8').catch(() => null);
  return cg !== null && containerId.length >= 12 && cg.includes(containerId);
}

/**
 * GET and HEAD on the probe URL (and on `alsoHosts`, e.g. the address the app listens on)
 * from inside the network namespace of the container process `pid`.
 */
export async function ownRequest(
  pid: number,
  containerId: string,
  url: ProbeUrl,
  alsoHosts: string[] = [],
): Promise<OwnRequestResult> {
  if (!isLoopbackHost(url.host))
    return { ran: false, reason: `the probe's host ${url.host} is not loopback` };
  if (process.platform !== 'linux') return { ran: false, reason: 'not on Linux' };
  if (!(pid > 0) || !(await pidBelongsTo(pid, containerId)))
    return { ran: false, reason: 'the container process is not visible on this host (remote engine?)' };
  const hosts = [...new Set([url.host === '0.0.0.0' ? '127.0.0.1' : url.host, ...alsoHosts])].filter(
    isLoopbackHost,
  );
  const hostHeader = `${url.host.includes(':') ? `[${url.host}]` : url.host}:${url.port}`;
  const targets = hosts.flatMap((host) =>
    (['GET', 'HEAD'] as const).map((method) => ({
      method,
      host,
      port: url.port,
      path: url.path,
      scheme: url.scheme,
      hostHeader,
    })),
  );
  const argv = [
    '--target',
    String(pid),
    '--net',
    '--',
    process.execPath,
    '-e',
    SCRIPT,
    JSON.stringify(targets),
  ];
  const root = process.getuid?.() === 0;
  const r = root ? await run('nsenter', argv) : await run('sudo', ['-n', 'nsenter', ...argv]);
  const line = r.stdout.split('\n').find((l) => l.startsWith('HC-OWN '));
  if (!line) {
    const why = r.stderr.trim().split('\n')[0] || 'no answer';
    return {
      ran: false,
      reason: `nsenter into the container's network is not allowed here (${why.slice(0, 120)})`,
    };
  }
  try {
    const answers = JSON.parse(line.slice(7)) as OwnAnswer[];
    // stable order: as requested
    const key = (a: OwnAnswer) => `${hosts.indexOf(a.host)}${a.method}`;
    return { ran: true, answers: answers.sort((a, b) => key(a).localeCompare(key(b))) };
  } catch {
    return { ran: false, reason: 'unreadable answer from the request in the container namespace' };
  }
}

/** "GET → 200, HEAD → 405" for one host. */
export function answerText(a: OwnAnswer): string {
  if (a.status !== undefined)
    return `${a.method} → ${a.status}${a.location ? ` (Location: ${a.location})` : ''}`;
  return `${a.method} → ${a.error === 'ECONNREFUSED' ? 'connection refused' : (a.error ?? 'no answer')}`;
}
