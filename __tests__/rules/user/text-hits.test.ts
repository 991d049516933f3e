import { describe, expect, it } from 'vitest';
import { df, model } from '../../helpers/audit.js';
import { textHits } from '../../../src/rules/user/text-hits.js';

describe('textHits (HC114/HC115 line patterns)', () => {
  it('hits each matching code line once, skipping and recording seen lines', () => {
    const m = model(df`
      FROM debian:12
      RUN echo 'sslverify=0' >> /etc/yum.conf && \\
          echo 'gpgcheck=0' >> /etc/yum.conf && \\
          echo 'strict-ssl=false' > .npmrc
    `);
    const run = m.stages[0].instructions[1];
    const seen = new Set([3]);
    const hits = textHits(
      m,
      run,
      [
        { re: /sslverify=0/, what: 'a' },
        { re: /gpgcheck=0|strict-ssl/, what: 'b' },
      ],
      seen,
      (line, what) => ({ line, message: what }),
    );
    expect(hits).toEqual([
      { line: 2, message: 'a' },
      { line: 4, message: 'b' },
    ]);
    expect([...seen].sort()).toEqual([2, 3, 4]);
  });
});
