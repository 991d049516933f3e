import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

const on = { config: { enable: ['HC520'] } };

describe('HC520 OCI labels (opt-in)', () => {
  it('is off unless enabled', () => {
    expect(linesOf('HC520', 'FROM alpine:3.20\n')).toEqual([]);
  });
  it('reports missing recommended labels once, at the shipped FROM', () => {
    const f = findingsOf(
      'HC520',
      'FROM golang:1.22 AS b\nFROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/o/r"\n',
      on,
    );
    expect(f.map((x) => x.line)).toEqual([2]);
    expect(f[0].message).toMatch(
      /org\.opencontainers\.image\.description, org\.opencontainers\.image\.licenses labels/,
    );
  });
  it('flags invalid values, unknown OCI keys and reserved namespaces at their LABEL', () => {
    expect(
      linesOf(
        'HC520',
        df`
      FROM alpine:3.20
      LABEL org.opencontainers.image.source="github.com/o/r" \\
            org.opencontainers.image.description="x" org.opencontainers.image.licenses="MIT"
      LABEL org.opencontainers.image.created="yesterday"
      LABEL org.opencontainers.image.licence="MIT"
      LABEL com.docker.thing="x"
    `,
        on,
      ),
    ).toEqual([2, 4, 5, 6]);
  });
  it('accepts complete labels, inherited through FROM <stage>, and does not judge unresolved build args', () => {
    expect(
      linesOf(
        'HC520',
        df`
      FROM alpine:3.20 AS base
      LABEL org.opencontainers.image.source="https://github.com/o/r"
      FROM base
      ARG CREATED
      ARG REVISION
      LABEL org.opencontainers.image.description="Demo" org.opencontainers.image.licenses="Apache-2.0" \\
            org.opencontainers.image.created=$CREATED org.opencontainers.image.revision=$REVISION
    `,
        on,
      ),
    ).toEqual([]);
  });
});
