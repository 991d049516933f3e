import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC307 ENV refers to a variable set in the same instruction', () => {
  it('flags a reference to a name set earlier in the same ENV', () => {
    const [f] = findingsOf('HC307', 'FROM alpine:3.19\nENV APP_HOME=/app APP_BIN=${APP_HOME}/bin\n');
    expect(f).toMatchObject({ line: 2, severity: 'error' });
    expect(f.message).toContain('gets nothing');
  });
  it('points at the continuation line and says the old value is used', () => {
    const [f] = findingsOf(
      'HC307',
      df`
      FROM alpine:3.19
      ENV APP_HOME=/opt/app
      ENV APP_HOME=/srv/app \\
          DATA_DIR=$APP_HOME/data
    `,
    );
    expect(f.line).toBe(4);
    expect(f.message).toContain('previous value');
  });
  it('does not flag a self-reference, separate ENVs, or partial-name matches (DL3044 specs)', () => {
    expect(
      linesOf(
        'HC307',
        df`
      FROM alpine:3.19
      ENV PATH=/app/bin:$PATH
      ENV BLA=blubb
      ENV BLUBB=\${BLA}/blubb
      ENV BLA=x BLUBB=\${FOOBLA}/blubb OTHER=$BLAFOO
      ENV C=1 D='$C' E=\\$C
    `,
      ),
    ).toEqual([]);
  });
  it('works with the backtick escape directive', () => {
    expect(
      linesOf(
        'HC307',
        df`
      # escape=\`
      FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
      ENV A=1 \`
          B=$A
    `,
      ),
    ).toEqual([4]);
  });
});
