import { describe, expect, it } from 'vitest';
import { parseAccessLine } from '../../../src/runtime/health/access-log.js';
import { failingCause, hiddenFailureCause, type Evidence } from '../../../src/runtime/health/cause.js';
import type { OwnAnswer } from '../../../src/runtime/health/own-request.js';
import { probeShape } from '../../../src/runtime/health/probe-shape.js';

const LESSON = ['CMD-SHELL', 'wget --no-verbose --tries=1 --spider http://localhost:8000/health || exit 1'];
const GET_PROBE = ['CMD-SHELL', 'wget -q -O /dev/null http://127.0.0.1:8080/health || exit 1'];

function ev(test: string[], answers: OwnAnswer[] | null, over: Partial<Evidence> = {}): Evidence {
  return {
    shape: probeShape(test),
    own: answers ? { ran: true, answers } : null,
    access: [],
    appError: null,
    sockets: null,
    ...over,
  };
}
const unknown = { kind: 'unknown' as const };

describe('failingCause', () => {
  it('GNU wget --spider: HEAD 405, GET 200 from our own request', () => {
    const c = failingCause(
      unknown,
      ev(LESSON, [
        { method: 'GET', host: 'localhost', status: 200 },
        { method: 'HEAD', host: 'localhost', status: 405 },
      ]),
    )!;
    expect(c.ruleId).toBe('HC905');
    expect(c.summary).toBe(
      'HEAD answered 405, GET 200: the probe sends HEAD (GNU `wget --spider`), the app allows only GET on /health; probe with `wget -q -O /dev/null http://localhost:8000/health` or `curl -fsS http://localhost:8000/health`',
    );
    expect(c.text).toContain(
      "harden-check's own request inside the container to http://localhost:8000/health: GET → 200, HEAD → 405",
    );
  });

  it('the same from the access log alone (no own request allowed)', () => {
    const line = parseAccessLine(
      'INFO:     127.0.0.1:53422 - "HEAD /health HTTP/1.1" 405 Method Not Allowed',
    )!;
    const c = failingCause(unknown, {
      ...ev(LESSON, null),
      own: { ran: false, reason: 'not root' },
      access: [line],
    })!;
    expect(c.summary).toMatch(/^HEAD answered 405: the probe sends HEAD/);
    expect(c.text).toContain('"HEAD /health HTTP/1.1" 405');
    expect(c.text).toContain("(no request of harden-check's own: not root)");
  });

  it('BusyBox wget --spider sends GET: a 404 is the route, not HEAD', () => {
    const c = failingCause(
      { kind: 'http-404', status: 404 },
      ev(
        ['CMD-SHELL', 'wget --spider http://127.0.0.1:8080/health'],
        [
          { method: 'GET', host: '127.0.0.1', status: 404 },
          { method: 'HEAD', host: '127.0.0.1', status: 404 },
        ],
      ),
    )!;
    expect(c.summary).toBe('GET /health answered 404: the health route does not exist');
  });

  it('redirect to https', () => {
    const c = failingCause(
      { kind: 'connection-refused' },
      ev(GET_PROBE, [
        { method: 'GET', host: '127.0.0.1', status: 301, location: 'https://127.0.0.1:8443/health' },
        { method: 'HEAD', host: '127.0.0.1', status: 301, location: 'https://127.0.0.1:8443/health' },
      ]),
    )!;
    expect(c.summary).toBe(
      'GET /health answered 301 (redirect to https://127.0.0.1:8443/health): the health route redirects to HTTPS, the probe does not reach a 2xx',
    );
  });

  it.each([
    [401, 'GET /health answered 401 (authentication required): the health route is behind auth'],
    [403, 'GET /health answered 403 (forbidden): the health route is behind auth'],
  ])('%i', (status, summary) => {
    const c = failingCause(unknown, ev(GET_PROBE, [{ method: 'GET', host: '127.0.0.1', status }]))!;
    expect(c.summary).toBe(summary);
  });

  it("5xx carries the app's error line", () => {
    const c = failingCause(
      unknown,
      ev(GET_PROBE, [{ method: 'GET', host: '127.0.0.1', status: 503, body: 'db down' }], {
        appError: 'RuntimeError: database unavailable',
      }),
    )!;
    expect(c.summary).toBe(
      "GET /health answered 503: the app's health route fails: RuntimeError: database unavailable",
    );
    expect(c.text).toContain('body: db down');
    expect(c.transient).toBe(true); // names the cause, but never ends the wait early
    const c500 = failingCause(unknown, ev(GET_PROBE, [{ method: 'GET', host: '127.0.0.1', status: 500 }]))!;
    expect(c500.transient).toBeUndefined();
  });

  it('refused on localhost while the app binds another loopback address', () => {
    const c = failingCause(
      { kind: 'connection-refused' },
      ev(
        ['CMD-SHELL', 'wget -q -O /dev/null http://localhost:8080/ || exit 1'],
        [
          { method: 'GET', host: 'localhost', error: 'ECONNREFUSED' },
          { method: 'HEAD', host: 'localhost', error: 'ECONNREFUSED' },
          { method: 'GET', host: '127.0.0.2', status: 200 },
          { method: 'HEAD', host: '127.0.0.2', status: 200 },
        ],
        { sockets: [{ address: '127.0.0.2', port: 8080 }] },
      ),
    )!;
    expect(c.summary).toBe(
      'the app listens on 127.0.0.2:8080 only, the probe connects to localhost:8080: bind 0.0.0.0 (or probe that address)',
    );
    expect(c.text).toContain('where it answers GET with 200');
  });

  it('nothing beyond the probe: null (the probe-output diagnosis stays)', () => {
    expect(
      failingCause(unknown, ev(GET_PROBE, [{ method: 'GET', host: '127.0.0.1', status: 200 }])),
    ).toBeNull();
    expect(failingCause(unknown, ev(GET_PROBE, null))).toBeNull();
  });
});

describe('hiddenFailureCause', () => {
  const hides = ['CMD-SHELL', 'wget -q -O /dev/null http://127.0.0.1:8080/health || true'];
  it('a passing probe whose request fails', () => {
    const c = hiddenFailureCause(ev(hides, [{ method: 'GET', host: '127.0.0.1', status: 404 }]))!;
    expect(c.ruleId).toBe('HC912');
    expect(c.summary).toBe(
      'the probe passes only because `|| true` hides its failure: GET /health answers 404',
    );
  });
  it('a real pass stays a pass', () => {
    expect(hiddenFailureCause(ev(hides, [{ method: 'GET', host: '127.0.0.1', status: 200 }]))).toBeNull();
  });
});
