import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC110 useradd with a large uid without -l', () => {
  it('flags useradd -u 100000 without -l, on the continuation line', () => {
    const f = findingsOf('HC110', 'FROM debian:12\nRUN apt-get update && \\\n    useradd -u 100000 app\n');
    expect(f.map((x) => [x.line, x.severity])).toEqual([[3, 'note']]);
  });
  it('flags --uid=N, clusters and variables', () => {
    expect(linesOf('HC110', 'FROM debian:12\nRUN useradd --uid=123456 app\n')).toEqual([2]);
    expect(linesOf('HC110', 'FROM debian:12\nRUN useradd -mu 123456 app\n')).toEqual([2]);
    expect(linesOf('HC110', 'FROM debian:12\nARG UID=1000000\nRUN useradd -u ${UID} app\n')).toEqual([3]);
  });
  it('does not flag -l / --no-log-init, short uids, or unset build arguments', () => {
    expect(linesOf('HC110', 'FROM debian:12\nRUN useradd -l -u 100000 app\n')).toEqual([]);
    expect(linesOf('HC110', 'FROM debian:12\nRUN useradd --no-log-init -u 100000 app\n')).toEqual([]);
    expect(linesOf('HC110', 'FROM debian:12\nRUN useradd -lu 100000 app\n')).toEqual([]);
    expect(linesOf('HC110', 'FROM debian:12\nRUN useradd -u 12345 app\n')).toEqual([]);
    expect(linesOf('HC110', 'FROM debian:12\nARG UID\nRUN useradd -u $UID app\n')).toEqual([]);
    expect(linesOf('HC110', 'FROM debian:12\nRUN echo "useradd -u 100000 app"\n')).toEqual([]);
  });
  it('sees heredoc scripts', () => {
    expect(
      linesOf(
        'HC110',
        df`
      FROM debian:12
      RUN <<EOF
      useradd -u 100000 app
      EOF
    `,
      ),
    ).toEqual([3]);
  });
});
