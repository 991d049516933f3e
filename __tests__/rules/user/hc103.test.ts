import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC103 USER is not numeric', () => {
  it('flags a named user and suggests the uid:gid that useradd gives it', () => {
    const f = findingsOf(
      'HC103',
      df`
      FROM debian:12-slim
      RUN groupadd -g 1000 app && useradd -u 1000 -g app app
      USER app
    `,
    );
    expect(f.map((x) => [x.line, x.severity])).toEqual([[3, 'warning']]);
    expect(f[0].message).toContain('USER 1000:1000');
  });
  it('reads adduser -D -u (busybox) and --uid=N', () => {
    expect(
      findingsOf('HC103', 'FROM alpine:3.19\nRUN adduser -D -u 1001 app\nUSER app\n')[0].message,
    ).toContain('USER 1001:1001');
    expect(
      findingsOf('HC103', 'FROM debian:12\nRUN useradd --uid=2000 --no-log-init svc\nUSER svc:svc\n')[0]
        .message,
    ).toContain('USER 2000:2000');
  });
  it('knows the users of well-known bases', () => {
    expect(findingsOf('HC103', 'FROM node:20-slim\nUSER node\n')[0].message).toContain('USER 1000:1000');
    expect(
      findingsOf('HC103', 'FROM gcr.io/distroless/static-debian12\nUSER nonroot\n')[0].message,
    ).toContain('USER 65532:65532');
  });
  it('without a known uid, says to create one', () => {
    expect(findingsOf('HC103', 'FROM alpine:3.19\nRUN adduser -D app\nUSER app\n')[0].message).toMatch(
      /useradd -u 10001/,
    );
  });
  it('does not flag numeric users, root (HC101) or an unresolved build argument', () => {
    expect(linesOf('HC103', 'FROM alpine:3.19\nUSER 1000:1000\n')).toEqual([]);
    expect(linesOf('HC103', 'FROM alpine:3.19\nUSER root\n')).toEqual([]);
    expect(linesOf('HC103', 'FROM alpine:3.19\nARG U\nUSER ${U}\n')).toEqual([]);
  });
  it('hadolint#1234: a variable that resolves to a numeric uid is fine', () => {
    expect(linesOf('HC103', 'FROM alpine:3.19\nARG APP_UID=1000\nUSER ${APP_UID}\n')).toEqual([]);
  });
  it('resolves variables and only looks at the shipped stage', () => {
    expect(linesOf('HC103', 'FROM alpine:3.19\nARG U=app\nRUN adduser -D app\nUSER ${U}\n')).toEqual([4]);
    expect(
      linesOf(
        'HC103',
        df`
      FROM node:20 AS build
      USER node
      FROM gcr.io/distroless/nodejs20-debian12:nonroot
      USER 65532
    `,
      ),
    ).toEqual([]);
  });
  it('real case: a quoted USER shows the name without quotes', () => {
    const [f] = findingsOf('HC103', 'FROM node:20\nARG APP_USER=node\nUSER "${APP_USER}"\n');
    expect(f.message).toContain('USER "${APP_USER}" (= node)');
    expect(f.message).toContain('USER 1000:1000');
  });
  it('takes the uid and gid of a user written into /etc/passwd (scratch images)', () => {
    const [f] = findingsOf(
      'HC103',
      df`
      FROM scratch
      COPY busybox /bin/busybox
      RUN echo "app:x:1000:1000::/home/app:/bin/sh" >> /etc/passwd && echo "app:x:1000:" >> /etc/group
      USER app
    `,
    );
    expect(f.line).toBe(4);
    expect(f.message).toContain('write USER 1000:1000 (the uid line 3 gives app)');
    // Only the uid in the fix: Docker takes the primary group from /etc/passwd, as it did for the name.
    expect(f.fix).toEqual({
      startLine: 4,
      endLine: 4,
      text: 'USER 1000',
      description: 'Use the numeric USER 1000',
    });
  });
  it('Windows has no uids: USER ContainerUser is not reported', () => {
    expect(
      linesOf('HC103', 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n'),
    ).toEqual([]);
  });
});
