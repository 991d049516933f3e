import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC109 privileged port exposed by a non-root image', () => {
  it('flags EXPOSE 80 when the final USER is non-root', () => {
    const f = findingsOf('HC109', 'FROM nginx:1.27\nEXPOSE 80\nUSER 101:101\n');
    expect(f.map((x) => [x.line, x.severity])).toEqual([[2, 'note']]);
    expect(f[0].message).toContain('Kubernetes');
  });
  it('flags a variable port and a non-root base image without USER', () => {
    expect(linesOf('HC109', 'FROM alpine:3.19\nENV PORT=443\nEXPOSE $PORT\nUSER 1000\n')).toEqual([3]);
    expect(linesOf('HC109', 'FROM gcr.io/distroless/static-debian12:nonroot\nEXPOSE 80\n')).toEqual([2]);
  });
  it('does not flag root images, high ports, or an unresolved user', () => {
    expect(linesOf('HC109', 'FROM nginx:1.27\nEXPOSE 80\n')).toEqual([]);
    expect(linesOf('HC109', 'FROM alpine:3.19\nEXPOSE 80\nUSER root\n')).toEqual([]);
    expect(linesOf('HC109', 'FROM alpine:3.19\nEXPOSE 8080 1024\nUSER 1000\n')).toEqual([]);
    expect(linesOf('HC109', 'FROM alpine:3.19\nARG U\nEXPOSE 80\nUSER ${U}\n')).toEqual([]);
  });
  it('only the shipped chain counts', () => {
    expect(
      linesOf(
        'HC109',
        df`
      FROM alpine:3.19 AS build
      EXPOSE 80
      FROM alpine:3.19
      USER 1000
      EXPOSE 8080
    `,
      ),
    ).toEqual([]);
  });
});
