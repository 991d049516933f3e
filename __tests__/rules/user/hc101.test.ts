import { describe, expect, it } from 'vitest';
import { audit, df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC101 final stage runs as root', () => {
  it.each(['root', '0', 'root:root', '0:0', 'root:staff'])('flags USER %s in the final stage', (user) => {
    expect(linesOf('HC101', `FROM alpine:3.19\nRUN adduser -D app\nUSER ${user}\n`)).toEqual([3]);
  });
  it('flags a variable that resolves to root', () => {
    expect(
      linesOf(
        'HC101',
        df`
      FROM alpine:3.19
      ARG RUN_AS=0
      USER \${RUN_AS}
    `,
      ),
    ).toEqual([3]);
  });
  it('does not flag a builder stage that uses root (multi-stage)', () => {
    expect(
      linesOf(
        'HC101',
        df`
      FROM golang:1.22 AS build
      USER root
      RUN go build -o /app .
      FROM gcr.io/distroless/static-debian12:nonroot
      COPY --from=build /app /app
      USER 65532:65532
    `,
      ),
    ).toEqual([]);
  });
  it('flags the USER inherited through FROM <stage>', () => {
    expect(
      linesOf(
        'HC101',
        df`
      FROM alpine:3.19 AS base
      USER root
      FROM base
      CMD ["sh"]
    `,
      ),
    ).toEqual([2]);
  });
  it('evaluates the --target stage, not the last one', () => {
    const text = df`
      FROM alpine:3.19 AS debug
      USER root
      FROM alpine:3.19 AS prod
      USER 1000
    `;
    expect(linesOf('HC101', text)).toEqual([]);
    expect(linesOf('HC101', text, { target: 'debug' })).toEqual([2]);
  });
  it('does not flag a look-alike user name', () => {
    expect(linesOf('HC101', 'FROM alpine:3.19\nUSER rootless\n')).toEqual([]);
    expect(linesOf('HC101', 'FROM alpine:3.19\nUSER 1000:0\n')).toEqual([]);
  });
  it('leaves a user that depends on an unset build argument to the runtime', () => {
    expect(linesOf('HC101', 'FROM alpine:3.19\nARG UID\nUSER ${UID}\n')).toEqual([]);
  });
  it('honours an inline ignore on the line before', () => {
    expect(
      linesOf('HC101', 'FROM alpine:3.19\n# harden-check ignore=HC101 -- debug image\nUSER root\n'),
    ).toEqual([]);
  });
  it('real case: USER "$USER_ID:$USER_ID" with ARG USER_ID=0 is root (Docker strips the quotes)', () => {
    const text = df`
      FROM node:20-alpine
      ARG USER_ID=0
      ARG GROUP_ID=0
      WORKDIR /app
      COPY . .
      USER "$USER_ID:$GROUP_ID"
      CMD ["node", "server.js"]
    `;
    const [f] = findingsOf('HC101', text);
    expect(f.line).toBe(6);
    expect(f.message).toContain('(= 0:0)');
    expect(f.message).not.toContain('"0:0"');
    expect(audit(text).checks.find((c) => c.id === 'non-root')?.status).toBe('fail');
  });
  it('BuildKit: a USER ARG declared in the parent stage is inherited by FROM <stage>', () => {
    const text = df`
      FROM python:3.12-slim AS base
      ARG APP_UID=0
      FROM base AS final
      USER $APP_UID
    `;
    expect(linesOf('HC101', text)).toEqual([4]);
  });
  it('Windows: USER ContainerAdministrator is the administrator; the advice is USER ContainerUser', () => {
    const [f] = findingsOf(
      'HC101',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerAdministrator\n',
    );
    expect(f.line).toBe(2);
    expect(f.message).toContain('USER ContainerUser');
    expect(
      linesOf('HC101', 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n'),
    ).toEqual([]);
  });
});
