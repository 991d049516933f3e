import { describe, expect, it } from 'vitest';
import { df, linesOf } from '../../helpers/audit.js';

describe('HC411 COPY --from an undefined stage', () => {
  it('flags a mistyped alias', () => {
    expect(
      linesOf(
        'HC411',
        df`
      FROM golang:1.22 AS build
      FROM scratch
      COPY --from=biuld /out/app /app
    `,
      ),
    ).toEqual([3]);
  });
  it('flags an index that is out of range or not earlier', () => {
    expect(linesOf('HC411', 'FROM alpine:3.19\nCOPY --from=3 /a /b\n')).toEqual([2]);
    expect(linesOf('HC411', 'FROM alpine:3.19\nCOPY --from=1 /a /b\nFROM alpine:3.19\n')).toEqual([2]);
  });
  it('flags an alias defined only later', () => {
    expect(linesOf('HC411', 'FROM scratch\nCOPY --from=build /a /b\nFROM alpine:3.19 AS build\n')).toEqual([
      2,
    ]);
  });
  it('accepts an earlier stage by index (COPY --from=0) and by name', () => {
    expect(
      linesOf(
        'HC411',
        'FROM alpine:3.19 AS build\nFROM scratch\nCOPY --from=0 /a /b\nCOPY --from=build /a /c\n',
      ),
    ).toEqual([]);
  });
  it('accepts external images (tag, registry path, digest, well-known name)', () => {
    expect(
      linesOf(
        'HC411',
        df`
      FROM alpine:3.19
      COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
      COPY --from=ghcr.io/acme/tools /bin/tool /usr/local/bin/
      COPY --from=busybox /bin/busybox /bin/
      COPY --from=docker.io/tonistiigi/xx@sha256:abc / /xx/
    `,
      ),
    ).toEqual([]);
  });
  it('resolves ARG in --from; an unset build argument stays silent', () => {
    expect(
      linesOf(
        'HC411',
        'FROM alpine:3.19 AS tools\nFROM alpine:3.19\nARG SRC=tools\nCOPY --from=${SRC} /a /b\n',
      ),
    ).toEqual([]);
    expect(linesOf('HC411', 'FROM alpine:3.19\nARG SRC\nCOPY --from=${SRC} /a /b\n')).toEqual([]);
  });
  it('leaves the stage itself to HC410', () => {
    expect(linesOf('HC411', 'FROM alpine:3.19 AS app\nCOPY --from=app /a /b\n')).toEqual([]);
  });
});
