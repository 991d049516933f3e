import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC209 risky HEALTHCHECK timing', () => {
  it('notes --timeout >= --interval on the flag line', () => {
    const f = findingsOf(
      'HC209',
      df`
      FROM nginx:1.27
      HEALTHCHECK --interval=10s \\
        --timeout=10s \\
        CMD curl -f http://localhost/ || exit 1
    `,
    );
    expect(f.map((x) => [x.line, x.severity])).toEqual([[3, 'note']]);
    expect(f[0].message).toContain('--timeout (10s)');
  });
  it('compares with the default interval (30s) when only --timeout is set', () => {
    expect(
      linesOf('HC209', 'FROM nginx:1.27\nHEALTHCHECK --timeout=1m CMD curl -f http://localhost/\n'),
    ).toEqual([2]);
  });
  it('is silent with sane timings or no flags', () => {
    expect(
      linesOf(
        'HC209',
        'FROM nginx:1.27\nHEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD curl -f http://localhost/\n',
      ),
    ).toEqual([]);
    expect(linesOf('HC209', 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n')).toEqual([]);
  });
  it('notes an interval under 1s or over 5m, and retries over 10', () => {
    expect(
      findingsOf('HC209', 'FROM nginx:1.27\nHEALTHCHECK --interval=500ms --timeout=100ms CMD true\n').map(
        (x) => x.message,
      ),
    ).toEqual([expect.stringContaining('--interval=500ms')]);
    expect(linesOf('HC209', 'FROM nginx:1.27\nHEALTHCHECK --interval=10m --timeout=5s CMD true\n')).toEqual([
      2,
    ]);
    expect(linesOf('HC209', 'FROM nginx:1.27\nHEALTHCHECK --retries=20 CMD true\n')).toEqual([2]);
    expect(
      linesOf('HC209', 'FROM nginx:1.27\nHEALTHCHECK --interval=5m --timeout=5s --retries=10 CMD true\n'),
    ).toEqual([]);
  });
  it('notes a JVM without --start-period, not one with it', () => {
    expect(
      findingsOf(
        'HC209',
        df`
      FROM eclipse-temurin:21-jre
      COPY app.jar /app.jar
      HEALTHCHECK CMD curl -f http://localhost:8080/actuator/health || exit 1
      ENTRYPOINT ["java", "-jar", "/app.jar"]
    `,
      ).map((x) => [x.line, x.message.includes('--start-period')]),
    ).toEqual([[3, true]]);
    expect(
      linesOf(
        'HC209',
        df`
      FROM eclipse-temurin:21-jre
      HEALTHCHECK --start-period=60s CMD curl -f http://localhost:8080/actuator/health || exit 1
      ENTRYPOINT ["java", "-jar", "/app.jar"]
    `,
      ),
    ).toEqual([]);
  });
  it('does not call a fast starter slow', () => {
    expect(
      linesOf(
        'HC209',
        df`
      FROM python:3.12
      HEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1
      CMD ["uvicorn", "app:app"]
    `,
      ),
    ).toEqual([]);
  });
  it('notes --start-interval (Engine >= 25), and that it needs --start-period', () => {
    const f = findingsOf(
      'HC209',
      'FROM nginx:1.27\nHEALTHCHECK --start-period=30s --start-interval=1s CMD curl -f http://localhost/\n',
    );
    expect(f.map((x) => x.message)).toEqual([expect.stringContaining('Engine 25')]);
    const g = findingsOf(
      'HC209',
      'FROM nginx:1.27\nHEALTHCHECK --start-interval=1s CMD curl -f http://localhost/\n',
    );
    expect(g[0].message).toContain('only applies during --start-period');
  });
  it('leaves a timing written with a variable alone (Docker does not expand HEALTHCHECK flags)', () => {
    expect(
      linesOf('HC209', 'FROM nginx:1.27\nARG T=45s\nHEALTHCHECK --interval=30s --timeout=${T} CMD true\n'),
    ).toEqual([]);
    expect(
      linesOf('HC209', 'FROM nginx:1.27\nARG T\nHEALTHCHECK --interval=30s --timeout=${T} CMD true\n'),
    ).toEqual([]);
  });
  it('only looks at the shipped HEALTHCHECK (multi-stage)', () => {
    expect(
      linesOf(
        'HC209',
        df`
      FROM nginx:1.27 AS test
      HEALTHCHECK --interval=1s --timeout=1s CMD true
      FROM nginx:1.27
      HEALTHCHECK --interval=30s --timeout=5s CMD true
    `,
      ),
    ).toEqual([]);
  });
});
