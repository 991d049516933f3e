import { describe, expect, it } from 'vitest';
import { df, linesOf } from '../../helpers/audit.js';

describe('HC410 COPY --from its own stage', () => {
  it('flags a stage copying from its own alias or index', () => {
    expect(linesOf('HC410', 'FROM alpine:3.19 AS app\nCOPY --from=app /a /b\n')).toEqual([2]);
    expect(linesOf('HC410', 'FROM alpine:3.19 AS a\nFROM alpine:3.19\nCOPY --from=1 /a /b\n')).toEqual([3]);
  });
  it('matches the alias case-insensitively, as Docker does', () => {
    expect(linesOf('HC410', 'FROM alpine:3.19 AS App\nCOPY --from=APP /a /b\n')).toEqual([2]);
  });
  it('does not flag an earlier stage by name or index', () => {
    expect(
      linesOf(
        'HC410',
        df`
      FROM golang:1.22 AS build
      RUN go build -o /out/app .
      FROM scratch
      COPY --from=build /out/app /app
      COPY --from=0 /out/app /app2
    `,
      ),
    ).toEqual([]);
  });
  it('resolves a variable in --from', () => {
    expect(linesOf('HC410', 'FROM alpine:3.19 AS app\nARG SRC=app\nCOPY --from=$SRC /a /b\n')).toEqual([3]);
  });
});
