// Every static check carries the Dockerfile lines its verdict is about, set where the
// verdict is made (renderers place failed checks by these lines, never by their wording).
import { describe, expect, it } from 'vitest';
import { audit, df } from '../helpers/audit.js';
import type { CheckId } from '../../src/report/types.js';

const lines = (text: string, id: CheckId) => {
  const c = audit(text).checks.find((k) => k.id === id)!;
  return { line: c.line, endLine: c.endLine };
};

describe('static check locations', () => {
  it('non-root points at the effective USER, else at the shipped stage FROM', () => {
    const withUser = df`
      FROM alpine:3.19 AS build
      USER root
      FROM alpine:3.19
      USER 10001
    `;
    expect(lines(withUser, 'non-root')).toEqual({ line: 4, endLine: undefined });
    // A USER in another stage does not explain the shipped image: its FROM does.
    const noUser = df`
      FROM alpine:3.19 AS build
      USER 10001
      FROM python:3.12-slim
      CMD ["python"]
    `;
    expect(lines(noUser, 'non-root')).toEqual({ line: 3, endLine: undefined });
  });

  it('healthcheck-defined spans a continued HEALTHCHECK, else points at the shipped stage FROM', () => {
    const continued = df`
      FROM alpine:3.19
      HEALTHCHECK --interval=5s \\
        CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1
    `;
    expect(lines(continued, 'healthcheck-defined')).toEqual({ line: 2, endLine: 3 });
    const none = df`
      FROM alpine:3.19 AS build
      HEALTHCHECK CMD true
      FROM alpine:3.19
      USER 10001
    `;
    expect(lines(none, 'healthcheck-defined')).toEqual({ line: 3, endLine: undefined });
  });

  it('no-secrets points at the first secret finding', () => {
    const text = df`
      FROM alpine:3.19
      USER 10001
      ENV APP_MODE=production
      ENV API_KEY=sk-live-4f9a8b7c6d5e4f3a2b1c
    `;
    expect(audit(text).checks.find((k) => k.id === 'no-secrets')).toMatchObject({ status: 'fail', line: 4 });
  });
});
