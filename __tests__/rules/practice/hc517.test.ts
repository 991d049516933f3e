import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC517 wget and curl in one stage', () => {
  it('flags a stage that runs both, at the later one', () => {
    const text = df`
      FROM debian:12
      RUN curl -fsSLo /a https://x/a
      RUN wget -q https://x/b
    `;
    expect(linesOf('HC517', text)).toEqual([3]);
    expect(findingsOf('HC517', text)[0].message).toMatch(/wget here and curl on line 2/);
  });
  it('does not flag tools used in different stages (trivy#10333)', () => {
    expect(
      linesOf(
        'HC517',
        df`
      FROM alpine:3.20 AS fetch
      RUN wget -q https://x/a
      FROM debian:12
      RUN curl -fsSLo /b https://x/b
    `,
      ),
    ).toEqual([]);
  });
  it('does not count package names or words (look-alikes)', () => {
    expect(
      linesOf('HC517', 'FROM debian:12\nRUN apt-get install -y curl wget && curl -s x\nRUN echo wget\n'),
    ).toEqual([]);
  });
  it('sees heredoc scripts', () => {
    expect(
      linesOf(
        'HC517',
        df`
      FROM debian:12
      RUN <<EOF
      curl -s x
      wget -q y
      EOF
    `,
      ),
    ).toEqual([4]);
  });
});
