import { describe, expect, it } from 'vitest';
import {
  classifyProbe,
  diagnose,
  probeBinary,
  probePort,
  type DiagnosisInput,
} from '../../src/runtime/health-diagnosis.js';

const WGET = ['CMD-SHELL', 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1'];
const CURL = ['CMD', 'curl', '-fsS', 'http://localhost:3000/health'];

describe('classifyProbe on real probe outputs', () => {
  it.each([
    // Docker, exec form, binary absent
    [
      -1,
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown',
      CURL,
      { kind: 'not-found', binary: 'curl' },
    ],
    // No shell in the image for CMD-SHELL
    [
      -1,
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown',
      WGET,
      { kind: 'not-found', binary: 'sh' },
    ],
    // busybox / dash shells
    [
      127,
      '/bin/sh: curl: not found\n',
      ['CMD-SHELL', 'curl -f http://localhost/'],
      { kind: 'not-found', binary: 'curl' },
    ],
    [
      127,
      '/bin/sh: 1: curl: not found\n',
      ['CMD-SHELL', 'curl -f http://localhost/'],
      { kind: 'not-found', binary: 'curl' },
    ],
    [127, '', ['CMD-SHELL', '/usr/local/bin/healthz'], { kind: 'not-found', binary: 'healthz' }],
    // Docker's own timeout
    [-1, 'Health check exceeded timeout (5s)', WGET, { kind: 'timeout' }],
    // busybox wget
    [
      1,
      "wget: can't connect to remote host (127.0.0.1): Connection refused\n",
      WGET,
      { kind: 'connection-refused' },
    ],
    [1, 'wget: server returned error: HTTP/1.0 404 Not Found\n', WGET, { kind: 'http-404', status: 404 }],
    [
      1,
      'wget: server returned error: HTTP/1.1 500 Internal Server Error\n',
      WGET,
      { kind: 'http-status', status: 500 },
    ],
    // GNU wget --spider against FastAPI
    [
      8,
      'Spider mode enabled. Check if remote file exists.\n--2024-05-01 10:00:00--  http://127.0.0.1:8000/health\nConnecting to 127.0.0.1:8000... connected.\nHTTP request sent, awaiting response... 405 Method Not Allowed\nRemote file does not exist -- broken link!!!\n',
      ['CMD-SHELL', 'wget --spider http://127.0.0.1:8000/health'],
      { kind: 'http-405', status: 405 },
    ],
    // curl
    [22, 'curl: (22) The requested URL returned error: 404\n', CURL, { kind: 'http-404', status: 404 }],
    [
      22,
      'curl: (22) The requested URL returned error: 405 Method Not Allowed\n',
      CURL,
      { kind: 'http-405', status: 405 },
    ],
    [
      7,
      "curl: (7) Failed to connect to localhost port 3000 after 0 ms: Couldn't connect to server\n",
      CURL,
      { kind: 'connection-refused' },
    ],
    [7, '', ['CMD', 'curl', '-fs', 'http://localhost:3000/'], { kind: 'connection-refused' }],
    [28, '', ['CMD', 'curl', '-fs', 'http://localhost:3000/'], { kind: 'timeout' }],
    // python urllib
    [
      1,
      'urllib.error.HTTPError: HTTP Error 404: Not Found',
      ['CMD', 'python', '-c', '...'],
      { kind: 'http-404', status: 404 },
    ],
    [
      1,
      'ConnectionRefusedError: [Errno 111] Connection refused',
      ['CMD', 'python', '-c', '...'],
      { kind: 'connection-refused' },
    ],
    [1, "wget: bad address 'app'", WGET, { kind: 'dns' }],
    [1, '', ['CMD-SHELL', 'nc -z localhost 8080'], { kind: 'unknown' }],
  ])('exit %i %j', (exit, output, test, want) => {
    expect(classifyProbe(exit, output, test)).toEqual(want);
  });
});

describe('probePort / probeBinary', () => {
  it.each([
    [WGET, 8080],
    [CURL, 3000],
    [['CMD-SHELL', 'curl -f http://localhost/health'], 80],
    [['CMD-SHELL', 'curl -fk https://127.0.0.1/health'], 443],
    [['CMD-SHELL', 'nc -z localhost 5432'], 5432],
    [['CMD-SHELL', 'wget -qO- http://app.internal:9000/'], 9000],
    [['CMD', '/healthz'], null],
  ])('%j -> %s', (test, port) => {
    expect(probePort(test)).toBe(port);
  });

  it('names the first program', () => {
    expect(probeBinary(['CMD', '/usr/bin/curl', '-f', 'x'])).toBe('curl');
    expect(probeBinary(WGET)).toBe('wget');
  });
});

describe('diagnose', () => {
  const base: DiagnosisInput = {
    outcome: 'certain',
    test: WGET,
    lastProbe: null,
    probePort: 8080,
    listening: [8080],
    container: { exitCode: 0, oomKilled: false, logTail: '' },
    seconds: 4.2,
    timeoutSeconds: 60,
  };

  it('wrong port: names the probed port and the listened ones (HC904)', () => {
    const d = diagnose({
      ...base,
      probePort: 8081,
      listening: [3000, 8080],
      lastProbe: {
        exitCode: 1,
        output: "wget: can't connect to remote host (127.0.0.1): Connection refused",
      },
    });
    expect(d.ruleId).toBe('HC904');
    expect(d.summary).toBe('HEALTHCHECK probes port 8081, the process listens on ports 3000, 8080');
    expect(d.text).toContain(
      'Point the HEALTHCHECK at ports 3000, 8080, or make the app listen on port 8081.',
    );
  });

  it('wrong port even when the probe only timed out or printed nothing (wget -q)', () => {
    for (const lastProbe of [
      { exitCode: -1, output: 'Health check exceeded timeout (2s)' },
      { exitCode: 1, output: '' },
    ]) {
      const d = diagnose({ ...base, probePort: 8080, listening: [8000], lastProbe });
      expect(d.ruleId).toBe('HC904');
      expect(d.summary).toBe('HEALTHCHECK probes port 8080, the process listens on port 8000');
    }
  });

  it('refused on a port the process does listen on: suspects the bind address', () => {
    const d = diagnose({ ...base, lastProbe: { exitCode: 1, output: 'Connection refused' } });
    expect(d.ruleId).toBe('HC902');
    expect(d.text).toMatch(/binds another address/);
  });

  it('405: explains HEAD vs GET and gives the GET command (HC905)', () => {
    const d = diagnose({
      ...base,
      test: ['CMD-SHELL', 'wget --spider http://127.0.0.1:8000/health'],
      probePort: 8000,
      lastProbe: { exitCode: 8, output: 'HTTP request sent, awaiting response... 405 Method Not Allowed' },
    });
    expect(d.ruleId).toBe('HC905');
    expect(d.text).toMatch(/GNU `wget --spider` does/);
    expect(d.text).toMatch(/`wget -q -O \/dev\/null URL` or `curl -fsS URL`/);
  });

  it('404: endpoint missing (HC910)', () => {
    const d = diagnose({
      ...base,
      lastProbe: { exitCode: 1, output: 'wget: server returned error: HTTP/1.0 404 Not Found' },
    });
    expect(d).toMatchObject({ ruleId: 'HC910', summary: 'health endpoint missing: HTTP 404 on port 8080' });
  });

  it('command not found (HC903)', () => {
    const d = diagnose({
      ...base,
      outcome: 'probe-missing',
      test: CURL,
      lastProbe: { exitCode: 127, output: '/bin/sh: curl: not found' },
    });
    expect(d).toMatchObject({
      ruleId: 'HC903',
      summary: 'probe command not found: `curl` is not in the image',
    });
  });

  it('shell-form probe on an image without /bin/sh (HC903, says to use exec form)', () => {
    const d = diagnose({
      ...base,
      outcome: 'probe-missing',
      lastProbe: {
        exitCode: -1,
        output:
          'OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/sh": stat /bin/sh: no such file or directory: unknown',
      },
    });
    expect(d.ruleId).toBe('HC903');
    expect(d.summary).toBe(
      'probe cannot run: the shell-form HEALTHCHECK needs /bin/sh, which the image lacks',
    );
    expect(d.text).toMatch(/Use the exec form/);
  });

  it('exited: exit code, OOM and log tail (HC906)', () => {
    const d = diagnose({
      ...base,
      outcome: 'exited',
      container: { exitCode: 137, oomKilled: true, logTail: 'allocating...' },
    });
    expect(d.ruleId).toBe('HC906');
    expect(d.summary).toBe('container exited with code 137 after 4.2 s, before it became healthy');
    expect(d.text).toMatch(/512 MB memory limit/);
    expect(d.text).toMatch(/Last log lines:\nallocating\.\.\./);
  });

  it('timeout of the whole wait with no probe result', () => {
    const d = diagnose({ ...base, outcome: 'timeout', listening: [], lastProbe: null, timeoutSeconds: 5 });
    expect(d).toMatchObject({ ruleId: 'HC902', summary: 'never healthy within the 5 s health-timeout' });
    expect(d.text).toMatch(/had not completed once\. The container listens on no TCP port at all\./);
  });

  it('every probe timed out', () => {
    const d = diagnose({
      ...base,
      outcome: 'unhealthy',
      lastProbe: { exitCode: -1, output: 'Health check exceeded timeout (5s)' },
    });
    expect(d).toMatchObject({ ruleId: 'HC902', summary: 'never healthy: every probe timed out' });
  });
});
