// Dockerfiles with one fixable finding each, and the line the fix must write.
export interface FixCase {
  name: string;
  rule: string;
  /** LF text; the tests derive the CRLF and backtick-escape variants. */
  text: string;
  /** The fixed line (null: the line is removed). */
  expected: string | null;
  /** 1-based line the fix changes. */
  line: number;
}

export const CASES: FixCase[] = [
  {
    name: 'USER name → uid:gid (useradd -u, groupadd -g)',
    rule: 'HC103',
    text: [
      'FROM debian:12-slim',
      'RUN groupadd -g 10001 app && useradd -u 10001 -g app -m app',
      'COPY --chown=root:root app /app',
      'USER app',
      'CMD ["/app/run"]',
      '',
    ].join('\n'),
    line: 4,
    expected: 'USER 10001:10001',
  },
  {
    name: 'USER name → uid (adduser --uid, group unknown)',
    rule: 'HC103',
    text: [
      'FROM debian:12-slim',
      'RUN adduser --uid 10001 --disabled-password app',
      '  USER app  ',
      'CMD ["/app/run"]',
      '',
    ].join('\n'),
    line: 3,
    expected: '  USER 10001  ',
  },
  {
    name: 'USER name → uid:gid (busybox addgroup -g, adduser -u -G)',
    rule: 'HC103',
    text: [
      'FROM alpine:3.20',
      'RUN addgroup -g 10002 app && adduser -D -u 10001 -G app app',
      'USER app',
      'CMD ["/app/run"]',
      '',
    ].join('\n'),
    line: 3,
    expected: 'USER 10001:10002',
  },
  {
    name: 'USER name:group → uid:gid (useradd --uid, numeric -g)',
    rule: 'HC103',
    text: [
      'FROM debian:12-slim',
      'RUN groupadd -g 2000 web && useradd --uid 10001 -g 2000 app',
      'USER app:web',
      'CMD ["/app/run"]',
      '',
    ].join('\n'),
    line: 3,
    expected: 'USER 10001:2000',
  },
  {
    name: 'USER name → uid (a passwd line written by the file)',
    rule: 'HC103',
    text: [
      'FROM scratch',
      'COPY busybox /bin/busybox',
      'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
      'RUN mkdir -p /etc && echo "root:x:0:0:root:/root:/bin/sh" > /etc/passwd && echo "root:x:0:" > /etc/group \\',
      ' && echo "appuser:x:1000:1000::/home/appuser:/bin/sh" >> /etc/passwd && echo "appuser:x:1000:" >> /etc/group',
      'USER appuser',
      'CMD ["httpd", "-f", "-p", "8080"]',
      '',
    ].join('\n'),
    line: 6,
    expected: 'USER 1000',
  },
  {
    name: 'GNU wget --spider → GET probe',
    rule: 'HC216',
    text: [
      'FROM debian:12-slim',
      'RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*',
      'USER 10001:10001',
      'CMD ["/app/server", "--port", "8080"]',
      'HEALTHCHECK --interval=30s CMD wget --spider http://localhost:8080/health || exit 1',
      '',
    ].join('\n'),
    line: 5,
    expected: 'HEALTHCHECK --interval=30s CMD wget -q -O /dev/null http://localhost:8080/health || exit 1',
  },
  {
    name: 'HEALTHCHECK port → the port CMD states',
    rule: 'HC207',
    text: [
      'FROM python:3.12-slim',
      'USER 10001:10001',
      'CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]',
      'HEALTHCHECK CMD python -c "import urllib.request as u; u.urlopen(\'http://localhost:8080/health\')"',
      '',
    ].join('\n'),
    line: 4,
    expected:
      'HEALTHCHECK CMD python -c "import urllib.request as u; u.urlopen(\'http://localhost:8000/health\')"',
  },
  {
    name: 'shell-form CMD → exec form',
    rule: 'HC212',
    text: ['FROM node:20-slim', 'USER 1000:1000', 'WORKDIR /app', 'CMD node server.js --port 3000', ''].join(
      '\n',
    ),
    line: 4,
    expected: 'CMD ["node", "server.js", "--port", "3000"]',
  },
  {
    name: 'ADD of a local file → COPY',
    rule: 'HC413',
    text: [
      'FROM debian:12-slim',
      'add app.sh /usr/local/bin/app.sh',
      'USER 10001:10001',
      'CMD ["/usr/local/bin/app.sh"]',
      '',
    ].join('\n'),
    line: 2,
    expected: 'copy app.sh /usr/local/bin/app.sh',
  },
  {
    name: '--chown names from another stage → numeric ids',
    rule: 'HC404',
    text: [
      'FROM alpine:3.20 AS base',
      'RUN addgroup -g 10001 app && adduser -D -u 10001 -G app app',
      'FROM scratch',
      'COPY --from=base /bin/busybox /bin/busybox',
      'COPY --from=base --chown=app:app /tmp /data',
      'USER 10001:10001',
      'ENTRYPOINT ["/bin/busybox", "httpd", "-f", "-p", "8080"]',
      '',
    ].join('\n'),
    line: 5,
    expected: 'COPY --from=base --chown=10001:10001 /tmp /data',
  },
  {
    name: 'literal secret in a one-key ENV → line removed',
    rule: 'HC301',
    text: [
      'FROM debian:12-slim',
      'ENV DB_PASSWORD=Xk3s9vQ2pLm7',
      'USER 10001:10001',
      'CMD ["/app/run"]',
      '',
    ].join('\n'),
    line: 2,
    expected: null,
  },
  {
    name: 'literal secret in a multi-key ENV → that key removed',
    rule: 'HC301',
    text: [
      'FROM debian:12-slim',
      'ENV APP_MODE=prod DB_PASSWORD=Xk3s9vQ2pLm7 LOG_LEVEL=info',
      'USER 10001:10001',
      'CMD ["/app/run"]',
      '',
    ].join('\n'),
    line: 2,
    expected: 'ENV APP_MODE=prod LOG_LEVEL=info',
  },
  {
    name: 'literal secret default of an ARG → line removed',
    rule: 'HC301',
    text: [
      'FROM debian:12-slim',
      'ARG API_TOKEN=Xk3s9vQ2pLm7',
      'USER 10001:10001',
      'CMD ["/app/run"]',
      '',
    ].join('\n'),
    line: 2,
    expected: null,
  },
  {
    name: 'provider token in ENV → line removed',
    rule: 'HC302',
    text: [
      'FROM debian:12-slim',
      'ENV UPSTREAM=ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      'USER 10001:10001',
      'CMD ["/app/run"]',
      '',
    ].join('\n'),
    line: 2,
    expected: null,
  },
];

/** Shell-form commands HC212 must not convert (exec form would not do the same). */
export const HC212_REFUSED: string[] = [
  'CMD node $APP_FILE',
  'CMD ${APP}',
  'CMD migrate && serve',
  'CMD serve | tee /tmp/log',
  'CMD serve > /tmp/log',
  'CMD serve 2>&1',
  'CMD cat *.conf',
  'CMD serve --name "my app"',
  "CMD serve --name 'x'",
  'CMD PORT=8080 serve',
  'CMD cd /app',
  'CMD serve; true',
  'CMD serve &',
  'CMD serve ~/conf',
  'CMD serve $(cat /etc/x)',
];
