import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC210 image config only in a stage that does not ship', () => {
  it('flags EXPOSE and HEALTHCHECK left in a builder stage (Cisco-Talos/clamav#368)', () => {
    const f = findingsOf(
      'HC210',
      df`
      FROM debian:bookworm AS builder
      RUN make install DESTDIR=/out
      EXPOSE 3310
      HEALTHCHECK CMD clamdcheck.sh
      FROM debian:bookworm-slim
      COPY --from=builder /out /
      ENTRYPOINT ["clamd"]
    `,
    );
    expect(f.map((x) => [x.line, x.severity])).toEqual([
      [3, 'warning'],
      [4, 'warning'],
    ]);
    expect(f[1].message).toContain('stage "builder"');
  });
  it('does not flag when the final stage has its own', () => {
    expect(
      linesOf(
        'HC210',
        df`
      FROM debian:bookworm AS builder
      EXPOSE 3310
      HEALTHCHECK CMD true
      FROM debian:bookworm-slim
      COPY --from=builder /out /
      EXPOSE 3310
      HEALTHCHECK CMD ["clamdcheck.sh"]
    `,
      ),
    ).toEqual([]);
  });
  it('does not flag config inherited through FROM <stage>', () => {
    expect(
      linesOf(
        'HC210',
        df`
      FROM node:20-alpine AS base
      EXPOSE 3000
      USER node
      CMD ["node", "server.js"]
      FROM base
      COPY . .
    `,
      ),
    ).toEqual([]);
  });
  it('does not flag a USER that runs later steps of the builder', () => {
    expect(
      linesOf(
        'HC210',
        df`
      FROM node:20 AS build
      USER node
      RUN npm ci && npm run build
      FROM nginx:1.27
      COPY --from=build /home/node/dist /usr/share/nginx/html
    `,
      ),
    ).toEqual([]);
  });
  it("flags a USER that is the builder stage's last word", () => {
    expect(
      linesOf(
        'HC210',
        df`
      FROM node:20 AS build
      RUN npm ci && npm run build
      USER node
      FROM node:20-slim
      COPY --from=build /app /app
      CMD ["node", "/app/server.js"]
    `,
      ),
    ).toEqual([3]);
  });
  it('leaves alone stages nothing refers to (other targets, e.g. a test stage with its CMD)', () => {
    const text = df`
      FROM python:3.12 AS test
      CMD ["pytest"]
      FROM python:3.12-slim AS prod
      COPY . /app
    `;
    expect(linesOf('HC210', text)).toEqual([]);
  });
  it('follows --target: the last stage is then the one that does not ship', () => {
    const text = df`
      FROM golang:1.22 AS build
      RUN go build -o /app .
      FROM scratch AS prod
      COPY --from=build /app /app
      FROM build AS debug
      EXPOSE 2345
    `;
    expect(linesOf('HC210', text, { target: 'prod' })).toEqual([]);
  });
  it('resolves COPY --from given by ARG', () => {
    expect(
      linesOf(
        'HC210',
        df`
      ARG SRC=builder
      FROM alpine:3.19 AS builder
      EXPOSE 8080
      FROM alpine:3.19
      ARG SRC
      COPY --from=\${SRC} /out /
    `,
      ),
    ).toEqual([3]);
  });
  it('counts RUN --mount=from as a reference', () => {
    expect(
      linesOf(
        'HC210',
        df`
      FROM alpine:3.19 AS assets
      HEALTHCHECK CMD true
      FROM alpine:3.19
      RUN --mount=type=bind,from=assets,target=/a cp -r /a /srv
    `,
      ),
    ).toEqual([2]);
  });
});
