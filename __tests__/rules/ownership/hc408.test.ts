import { describe, expect, it } from 'vitest';
import { df, linesOf } from '../../helpers/audit.js';

describe('HC408 COPY of an entire filesystem', () => {
  it('flags COPY --from=x / /', () => {
    expect(
      linesOf(
        'HC408',
        df`
      FROM alpine:3.19 AS build
      RUN apk add --no-cache curl
      FROM scratch
      COPY --from=build / /
    `,
      ),
    ).toEqual([4]);
  });
  it('flags quoted and JSON forms', () => {
    expect(linesOf('HC408', 'FROM alpine:3.19 AS b\nFROM scratch\nCOPY --from=b "/" "/"\n')).toEqual([3]);
    expect(linesOf('HC408', 'FROM alpine:3.19 AS b\nFROM scratch\nCOPY --from=b ["/", "/"]\n')).toEqual([3]);
  });
  it('does not flag a directory, a copy into a subdirectory, or a copy without --from', () => {
    expect(linesOf('HC408', 'FROM alpine:3.19 AS b\nFROM scratch\nCOPY --from=b /app /\n')).toEqual([]);
    expect(linesOf('HC408', 'FROM alpine:3.19 AS b\nFROM scratch\nCOPY --from=b / /rootfs/\n')).toEqual([]);
    expect(linesOf('HC408', 'FROM scratch\nCOPY / /\n')).toEqual([]);
  });
});
