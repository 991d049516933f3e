import { describe, expect, it } from 'vitest';
import { findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC508 MAINTAINER', () => {
  it('flags MAINTAINER in any stage and suggests the OCI label', () => {
    const f = findingsOf('HC508', 'FROM alpine:3.20\nMAINTAINER Jane <jane@example.com>\n');
    expect(f.map((x) => x.line)).toEqual([2]);
    expect(f[0].message).toContain('LABEL org.opencontainers.image.authors="Jane <jane@example.com>"');
    expect(linesOf('HC508', 'FROM alpine:3.20 AS b\nMAINTAINER x\nFROM b\n')).toEqual([2]);
  });
  it('does not flag the label or a RUN mentioning it (look-alikes)', () => {
    expect(linesOf('HC508', 'FROM alpine:3.20\nLABEL maintainer="jane"\nRUN echo MAINTAINER\n')).toEqual([]);
  });
});
