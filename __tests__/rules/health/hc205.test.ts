import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC205 exec-form HEALTHCHECK contains shell syntax', () => {
  it('flags the naive conversion with "||", "exit", "1" and offers a fix that drops it', () => {
    const f = findingsOf(
      'HC205',
      df`
      FROM python:3.12
      HEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost:8000/health", "||", "exit", "1"]
    `,
    );
    expect(f.map((x) => [x.line, x.severity])).toEqual([[2, 'error']]);
    expect(f[0].message).toContain('"||"');
    expect(f[0].fix?.text).toBe(
      'HEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost:8000/health"]',
    );
  });
  it.each([
    ['&&', '["curl", "-f", "http://localhost/", "&&", "echo", "ok"]'],
    ['|', '["wget", "-qO-", "http://localhost/", "|", "grep", "ok"]'],
    [';', '["curl", "-f", "http://localhost/", ";", "true"]'],
    ['>', '["curl", "-f", "http://localhost/", ">", "/dev/null"]'],
    ['redirect word', '["curl", "-f", "http://localhost/", ">/dev/null"]'],
    ['$VAR', '["curl", "-f", "http://localhost:$PORT/health"]'],
    ['${VAR}', '["curl", "-f", "http://localhost:${PORT}/health"]'],
  ])('flags %s passed as argv', (_name, json) => {
    expect(linesOf('HC205', `FROM python:3.12\nENV PORT=8000\nHEALTHCHECK CMD ${json}\n`)).toEqual([3]);
  });
  it('does not flag a clean exec form', () => {
    expect(
      linesOf('HC205', 'FROM python:3.12\nHEALTHCHECK CMD ["curl", "-f", "http://localhost:8000/health"]\n'),
    ).toEqual([]);
  });
  it('does not flag an explicit shell: ["sh", "-c", "…"]', () => {
    expect(
      linesOf(
        'HC205',
        df`
      FROM python:3.12
      HEALTHCHECK CMD ["sh", "-c", "curl -f http://localhost:$PORT/health || exit 1"]
    `,
      ),
    ).toEqual([]);
  });
  it('does not flag the shell form (a shell does run there)', () => {
    expect(
      linesOf('HC205', 'FROM python:3.12\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n'),
    ).toEqual([]);
  });
  it('only looks at the shipped HEALTHCHECK (multi-stage)', () => {
    expect(
      linesOf(
        'HC205',
        df`
      FROM python:3.12 AS build
      HEALTHCHECK CMD ["curl", "-f", "http://localhost/", "||", "exit", "1"]
      FROM python:3.12
      HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]
    `,
      ),
    ).toEqual([]);
  });
  it('reports a multi-line exec form without a fix', () => {
    const f = findingsOf(
      'HC205',
      df`
      FROM python:3.12
      HEALTHCHECK --interval=30s \\
        CMD ["curl", "-f", "http://localhost/", "||", "exit", "1"]
    `,
    );
    expect(f.map((x) => [x.line, x.endLine])).toEqual([[2, 3]]);
    expect(f[0].fix).toBeUndefined();
  });
});
