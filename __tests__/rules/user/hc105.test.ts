import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC105 USER names a user that does not exist', () => {
  it('flags a user nothing creates on a known base', () => {
    const f = findingsOf('HC105', 'FROM python:3.12-slim\nCOPY . /app\nUSER app\n');
    expect(f.map((x) => [x.line, x.severity])).toEqual([[3, 'warning']]);
    expect(f[0].message).toContain('unable to find user app');
  });
  it('accepts users created by useradd, adduser, a heredoc RUN or a passwd write', () => {
    expect(linesOf('HC105', 'FROM debian:12\nRUN useradd -r -u 999 app\nUSER app\n')).toEqual([]);
    expect(
      linesOf('HC105', 'FROM alpine:3.19\nRUN addgroup -S app && adduser -S -G app app\nUSER app:app\n'),
    ).toEqual([]);
    expect(
      linesOf(
        'HC105',
        df`
      FROM debian:12
      RUN <<EOF
      set -e
      useradd --create-home svc
      EOF
      USER svc
    `,
      ),
    ).toEqual([]);
    expect(
      linesOf(
        'HC105',
        "FROM alpine:3.19\nRUN echo 'app:x:1000:1000::/app:/sbin/nologin' >> /etc/passwd\nUSER app\n",
      ),
    ).toEqual([]);
  });
  it('accepts COPY of /etc/passwd from a builder (scratch images)', () => {
    expect(
      linesOf(
        'HC105',
        df`
      FROM alpine:3.19 AS build
      RUN adduser -D app
      FROM scratch
      COPY --from=build /etc/passwd /etc/passwd
      USER app
    `,
      ),
    ).toEqual([]);
  });
  it('flags a named user on scratch', () => {
    expect(linesOf('HC105', 'FROM scratch\nCOPY app /app\nUSER app\n')).toEqual([3]);
  });
  it('knows the users base images ship (node, nonroot, nginx, nobody)', () => {
    expect(linesOf('HC105', 'FROM node:20\nUSER node\n')).toEqual([]);
    expect(linesOf('HC105', 'FROM gcr.io/distroless/static-debian12\nUSER nonroot:nonroot\n')).toEqual([]);
    expect(linesOf('HC105', 'FROM nginx:1.27\nUSER nginx\n')).toEqual([]);
    expect(linesOf('HC105', 'FROM alpine:3.19\nUSER nobody\n')).toEqual([]);
    expect(linesOf('HC105', 'FROM python:3.12\nUSER node\n')).toEqual([2]);
  });
  it('flags a group nothing creates', () => {
    const f = findingsOf('HC105', 'FROM debian:12\nRUN useradd -u 1000 app\nUSER app:developers\n');
    expect(f.map((x) => x.line)).toEqual([3]);
    expect(f[0].message).toContain('group "developers"');
  });
  it('only counts users created before the USER, in the shipped chain', () => {
    expect(linesOf('HC105', 'FROM debian:12\nUSER app\nRUN useradd app\n')).toEqual([2]);
    expect(
      linesOf(
        'HC105',
        df`
      FROM debian:12 AS build
      RUN useradd app
      FROM debian:12
      USER app
    `,
      ),
    ).toEqual([4]);
    expect(linesOf('HC105', 'FROM debian:12 AS base\nRUN useradd app\nFROM base\nUSER app\n')).toEqual([]);
  });
  it('a chown that must have succeeded proves the user exists', () => {
    expect(
      linesOf('HC105', 'FROM debian:12\nRUN ./create-user.sh && chown -R app:app /srv\nUSER app\n'),
    ).toEqual([]);
  });
  it('stays silent on numeric users, unknown bases and build-argument bases', () => {
    expect(linesOf('HC105', 'FROM python:3.12\nUSER 10001:10001\n')).toEqual([]);
    expect(linesOf('HC105', 'FROM acme/base:1\nUSER app\n')).toEqual([]);
    expect(linesOf('HC105', 'ARG BASE\nFROM ${BASE}\nUSER app\n')).toEqual([]);
  });
  it('does not count a useradd inside a comment or an echo', () => {
    expect(
      linesOf('HC105', 'FROM debian:12\nRUN echo "useradd app" \\\n  # useradd app\n  && true\nUSER app\n'),
    ).toEqual([5]);
  });
});
