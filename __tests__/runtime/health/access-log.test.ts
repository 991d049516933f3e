// Real-shaped access-log lines of the servers users put behind a HEALTHCHECK.
import { describe, expect, it } from 'vitest';
import { appErrorLine, parseAccessLine, probeRequests } from '../../../src/runtime/health/access-log.js';

const LINES: [server: string, line: string, method: string, path: string, status: number][] = [
  [
    'uvicorn',
    'INFO:     127.0.0.1:53422 - "HEAD /health HTTP/1.1" 405 Method Not Allowed',
    'HEAD',
    '/health',
    405,
  ],
  [
    'uvicorn (ipv6 client)',
    'INFO:     ::1:40112 - "GET /health?full=1 HTTP/1.1" 200 OK',
    'GET',
    '/health?full=1',
    200,
  ],
  [
    'gunicorn',
    '127.0.0.1 - - [05/Dec/2026:08:31:24 +0000] "GET /healthz HTTP/1.1" 200 2 "-" "Wget/1.21.3"',
    'GET',
    '/healthz',
    200,
  ],
  [
    'werkzeug (Flask)',
    '127.0.0.1 - - [05/Dec/2026 08:31:24] "HEAD /health HTTP/1.1" 405 -',
    'HEAD',
    '/health',
    405,
  ],
  [
    'nginx combined',
    '127.0.0.1 - - [05/Dec/2026:08:31:24 +0000] "GET /health HTTP/1.1" 404 153 "-" "curl/7.88.1" "-"',
    'GET',
    '/health',
    404,
  ],
  [
    'morgan combined (Express)',
    '::ffff:127.0.0.1 - - [Sat, 05 Dec 2026 08:31:24 GMT] "GET /health HTTP/1.1" 500 21 "-" "Wget"',
    'GET',
    '/health',
    500,
  ],
  ['morgan dev', 'HEAD /health 404 1.234 ms - 150', 'HEAD', '/health', 404],
  [
    'morgan dev (coloured)',
    '\u001b[0mGET /health \u001b[33m401\u001b[0m 0.512 ms - 12\u001b[0m',
    'GET',
    '/health',
    401,
  ],
  ['morgan tiny', 'GET /health 302 28 - 0.345 ms', 'GET', '/health', 302],
  ['morgan short', '::1 - GET /health HTTP/1.1 403 9 - 1.201 ms', 'GET', '/health', 403],
  [
    'Go chi middleware.Logger',
    '2026/12/05 08:31:24 "GET http://localhost:8080/health HTTP/1.1" from 127.0.0.1:54321 - 503 2B in 12.3µs',
    'GET',
    '/health',
    503,
  ],
  [
    'Go gorilla/handlers CombinedLoggingHandler',
    '127.0.0.1 - - [05/Dec/2026:08:31:24 +0000] "HEAD /health HTTP/1.1" 405 0 "" "Wget/1.21.3"',
    'HEAD',
    '/health',
    405,
  ],
  [
    'Go Gin',
    '[GIN] 2026/12/05 - 08:31:24 | 404 |       1.204µs |       127.0.0.1 | HEAD     "/health"',
    'HEAD',
    '/health',
    404,
  ],
  [
    'Go Echo (JSON)',
    '{"time":"2026-12-05T08:31:24Z","id":"","remote_ip":"127.0.0.1","host":"localhost:8080","method":"HEAD","uri":"/health","user_agent":"Wget","status":405,"error":"code=405"}',
    'HEAD',
    '/health',
    405,
  ],
  [
    'Spring Boot (Tomcat access log valve)',
    '127.0.0.1 - - [05/Dec/2026:08:31:24 +0000] "GET /actuator/health HTTP/1.1" 401 -',
    'GET',
    '/actuator/health',
    401,
  ],
  [
    'Spring MVC (DefaultHandlerExceptionResolver)',
    "2026-12-05T08:31:24.120Z  WARN 1 --- [nio-8080-exec-1] .w.s.m.s.DefaultHandlerExceptionResolver : Resolved [org.springframework.web.HttpRequestMethodNotSupportedException: Request method 'HEAD' is not supported]",
    'HEAD',
    '',
    405,
  ],
];

describe('parseAccessLine', () => {
  it.each(LINES)('%s', (_server, line, method, path, status) => {
    expect(parseAccessLine(line)).toMatchObject({ method, path, status });
  });

  it.each([
    'INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)',
    'INFO:     Application startup complete.',
    '[2026-12-05 08:31:24 +0000] [1] [INFO] Booting worker with pid: 7',
    'GET is the method we use',
    '',
  ])('not an access line: %s', (line) => {
    expect(parseAccessLine(line)).toBeNull();
  });
});

describe('probeRequests', () => {
  const log = [
    'INFO:     Started server process [1]',
    'INFO:     127.0.0.1:50000 - "HEAD /health HTTP/1.1" 405 Method Not Allowed',
    'INFO:     127.0.0.1:50002 - "GET / HTTP/1.1" 200 OK',
    'INFO:     127.0.0.1:50004 - "HEAD /health/ HTTP/1.1" 405 Method Not Allowed',
    'INFO:     127.0.0.1:50006 - "GET /healthz HTTP/1.1" 200 OK',
  ].join('\n');

  it('keeps only the probe path (trailing slash and query ignored), oldest first', () => {
    expect(probeRequests(log, '/health?x=1').map((a) => a.raw)).toEqual([
      'INFO:     127.0.0.1:50000 - "HEAD /health HTTP/1.1" 405 Method Not Allowed',
      'INFO:     127.0.0.1:50004 - "HEAD /health/ HTTP/1.1" 405 Method Not Allowed',
    ]);
  });

  it('the root path matches only the root', () => {
    expect(probeRequests(log, '/').map((a) => a.status)).toEqual([200]);
  });
});

describe('appErrorLine', () => {
  it('the exception line of a Python traceback, not the access line after it', () => {
    const log = [
      'INFO:     127.0.0.1:50000 - "GET /health HTTP/1.1" 500 Internal Server Error',
      'ERROR:    Exception in ASGI application',
      'Traceback (most recent call last):',
      '  File "/app/app.py", line 9, in health',
      'RuntimeError: database unavailable: connection to db:5432 refused',
      'INFO:     127.0.0.1:50002 - "GET /health HTTP/1.1" 500 Internal Server Error',
    ].join('\n');
    expect(appErrorLine(log)).toBe('RuntimeError: database unavailable: connection to db:5432 refused');
  });

  it('a Go panic and a plain error line', () => {
    expect(appErrorLine('listening on :8080\npanic: runtime error: invalid memory address')).toBe(
      'panic: runtime error: invalid memory address',
    );
    expect(appErrorLine('starting\nerror: cannot open /data/db.sqlite')).toBe(
      'error: cannot open /data/db.sqlite',
    );
  });

  it('null when the log holds no error', () => {
    expect(appErrorLine('INFO: started\nINFO:     127.0.0.1:1 - "GET /health HTTP/1.1" 200 OK')).toBeNull();
  });
});
