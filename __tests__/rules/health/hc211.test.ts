import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC211 HEALTHCHECK exit code outside 0/1', () => {
  it('notes an explicit exit 2', () => {
    const f = findingsOf('HC211', 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 2\n');
    expect(f.map((x) => [x.line, x.severity])).toEqual([[2, 'note']]);
    expect(f[0].message).toContain('code 2');
  });
  it('notes curl without --fail', () => {
    expect(
      linesOf('HC211', 'FROM nginx:1.27\nHEALTHCHECK CMD curl -s http://localhost/ || exit 1\n'),
    ).toEqual([2]);
    expect(linesOf('HC211', 'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "http://localhost/"]\n')).toEqual([2]);
  });
  it.each(['-f', '-fsS', '-sf', '--fail', '--fail-with-body', '-fsSL'])('accepts curl %s', (flag) => {
    expect(
      linesOf('HC211', `FROM nginx:1.27\nHEALTHCHECK CMD curl ${flag} http://localhost/ || exit 1\n`),
    ).toEqual([]);
  });
  it('accepts curl piped into a check, or with -w', () => {
    expect(
      linesOf('HC211', 'FROM nginx:1.27\nHEALTHCHECK CMD curl -s http://localhost/health | grep -q ok\n'),
    ).toEqual([]);
    expect(
      linesOf(
        'HC211',
        'FROM nginx:1.27\nHEALTHCHECK CMD [ "$(curl -s -o /dev/null -w \'%{http_code}\' http://localhost/)" = 200 ]\n',
      ),
    ).toEqual([]);
  });
  it('accepts exit 1 / exit 0', () => {
    expect(linesOf('HC211', 'FROM nginx:1.27\nHEALTHCHECK CMD pg_isready -q || exit 1\n')).toEqual([]);
  });
  it('only looks at the shipped HEALTHCHECK (multi-stage)', () => {
    expect(
      linesOf(
        'HC211',
        df`
      FROM nginx:1.27 AS dev
      HEALTHCHECK CMD curl http://localhost/ || exit 2
      FROM nginx:1.27
      HEALTHCHECK CMD curl -f http://localhost/ || exit 1
    `,
      ),
    ).toEqual([]);
  });
});
