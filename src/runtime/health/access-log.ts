// The app's own access log as evidence: which method hit the health path, and what the app
// answered. Read from `docker logs`, so it works on any image whose server logs requests
// (uvicorn, gunicorn, werkzeug, nginx/Apache/Tomcat common and combined, morgan, Go loggers,
// Spring's exception resolver). Pure string work: tested on real-shaped lines.

export interface AccessLine {
  method: string;
  /** Path as logged (scheme and host stripped, query kept). Empty when the line names none. */
  path: string;
  status: number;
  /** The log line itself (trimmed, colours removed). */
  raw: string;
}

const METHOD = 'GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE|CONNECT';
const ANSI = /\u001b\[[0-9;]*m/g;

/** Each pattern yields [method, path, status] in named groups. Most specific first. */
const PATTERNS: RegExp[] = [
  // uvicorn, gunicorn, werkzeug, nginx, Apache/Tomcat common+combined, morgan combined/common,
  // gorilla handlers, reactor-netty:  "HEAD /health HTTP/1.1" 405
  new RegExp(`"(?<m>${METHOD}) (?<p>\\S+) HTTP/\\d(?:\\.\\d)?" (?<s>[1-5]\\d\\d)\\b`),
  // chi middleware.Logger: "GET http://localhost:8080/health HTTP/1.1" from 127.0.0.1:54321 - 200 2B in 12µs
  new RegExp(`"(?<m>${METHOD}) (?<p>\\S+) HTTP/\\d(?:\\.\\d)?" from \\S+ - (?<s>[1-5]\\d\\d)\\b`),
  // Gin: [GIN] 2026/12/05 - 08:31:24 | 404 |  1.2µs |  127.0.0.1 | HEAD  "/health"
  new RegExp(`\\|\\s*(?<s>[1-5]\\d\\d)\\s*\\|.*\\|\\s*(?<m>${METHOD})\\s+"(?<p>[^"]+)"`),
  // Echo (JSON): {"method":"HEAD","uri":"/health","status":405,...}; also Caddy/zap-style keys
  new RegExp(`"method":"(?<m>${METHOD})".*?"(?:uri|path|url)":"(?<p>[^"]+)".*?"status":(?<s>[1-5]\\d\\d)\\b`),
  // morgan dev/short/tiny: HEAD /health 405 1.234 ms - 18 ; ::1 - GET /health HTTP/1.1 404 150 - 1.2 ms
  new RegExp(`(?:^|\\s)(?<m>${METHOD}) (?<p>/\\S*)(?: HTTP/\\d(?:\\.\\d)?)? (?<s>[1-5]\\d\\d)\\b`),
];

/** Spring MVC names the refused method but not the path (DefaultHandlerExceptionResolver). */
const SPRING_METHOD = new RegExp(
  `HttpRequestMethodNotSupportedException: Request method '(?<m>${METHOD})' is not supported`,
);

function stripHost(path: string): string {
  return path.replace(/^[a-z]+:\/\/[^/]+/i, '') || '/';
}

/** One log line as an access-log entry, or null when it is not one. */
export function parseAccessLine(line: string): AccessLine | null {
  const raw = line.replace(ANSI, '').trim();
  if (!raw) return null;
  for (const re of PATTERNS) {
    const m = re.exec(raw);
    if (m?.groups)
      return { method: m.groups.m, path: stripHost(m.groups.p), status: Number(m.groups.s), raw };
  }
  const spring = SPRING_METHOD.exec(raw);
  if (spring?.groups) return { method: spring.groups.m, path: '', status: 405, raw };
  return null;
}

function pathOnly(p: string): string {
  const q = p.search(/[?#]/);
  const bare = q < 0 ? p : p.slice(0, q);
  return bare.length > 1 ? bare.replace(/\/+$/, '') : bare;
}

/** The access-log lines for `path` (query ignored), oldest first. A line naming no path matches any. */
export function probeRequests(logText: string, path: string): AccessLine[] {
  const want = pathOnly(path || '/');
  const out: AccessLine[] = [];
  for (const line of logText.split('\n')) {
    const a = parseAccessLine(line);
    if (a && (a.path === '' || pathOnly(a.path) === want)) out.push(a);
  }
  return out;
}

/** The app's own error line near a failure: the last line that reads like an error, not a request. */
export function appErrorLine(logText: string): string | null {
  const lines = logText
    .split('\n')
    .map((l) => l.replace(ANSI, '').trim())
    .filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    if (parseAccessLine(l)) continue;
    if (/^\s*(Traceback|File ")|^\s+at /.test(l)) continue;
    if (
      /\b\w*(Error|Exception)\b[:\s]|^(ERROR|FATAL|CRITICAL|PANIC)\b|\b(level=error|"level":"error")|\bpanic:|^error[:\s]/i.test(
        l,
      )
    )
      return l.slice(0, 300);
  }
  return null;
}
