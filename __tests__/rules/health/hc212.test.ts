import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC212 CMD or ENTRYPOINT in shell form', () => {
  it('warns on a shell-form CMD with an exec-form fix', () => {
    const f = findingsOf('HC212', 'FROM python:3.12\nCMD uvicorn app:app --host 0.0.0.0 --port 8000\n');
    expect(f.map((x) => [x.line, x.severity])).toEqual([[2, 'warning']]);
    expect(f[0].fix?.text).toBe('CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]');
  });
  it('is not silenced by an unrelated SHELL instruction (unlike JSONArgsRecommended)', () => {
    expect(
      linesOf(
        'HC212',
        df`
      FROM python:3.12
      SHELL ["/bin/bash", "-o", "pipefail", "-c"]
      RUN pip install uvicorn
      CMD uvicorn app:app
    `,
      ),
    ).toEqual([4]);
  });
  it('exempts a shell form that starts with exec', () => {
    expect(linesOf('HC212', 'FROM python:3.12\nCMD exec uvicorn app:app --port $PORT\n')).toEqual([]);
  });
  it('does not flag exec form', () => {
    expect(
      linesOf('HC212', 'FROM python:3.12\nENTRYPOINT ["tini", "--"]\nCMD ["uvicorn", "app:app"]\n'),
    ).toEqual([]);
  });
  it('explains a shell-form CMD given to an exec-form ENTRYPOINT', () => {
    const f = findingsOf('HC212', 'FROM python:3.12\nENTRYPOINT ["tini", "--"]\nCMD python app.py\n');
    expect(f.map((x) => x.line)).toEqual([3]);
    expect(f[0].message).toContain('ENTRYPOINT (line 2)');
  });
  it('reports only the ENTRYPOINT when it is shell form (CMD is then unused)', () => {
    expect(linesOf('HC212', 'FROM python:3.12\nENTRYPOINT /entrypoint.sh\nCMD serve\n')).toEqual([2]);
  });
  it('gives no fix for shell syntax, and keeps the exact lines of a continued instruction', () => {
    const f = findingsOf(
      'HC212',
      df`
      FROM python:3.12
      CMD python manage.py migrate && \\
          gunicorn app.wsgi
    `,
    );
    expect(f.map((x) => [x.line, x.endLine])).toEqual([[2, 3]]);
    expect(f[0].fix).toBeUndefined();
  });
  it('is an error on a shell-less base', () => {
    expect(
      findingsOf(
        'HC212',
        'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nCMD /app --serve\n',
      ).map((x) => x.severity),
    ).toEqual(['error']);
  });
  it('only looks at the shipped CMD (multi-stage, and inherited through FROM <stage>)', () => {
    expect(
      linesOf(
        'HC212',
        df`
      FROM golang:1.22 AS build
      CMD go test ./...
      FROM alpine:3.19
      COPY --from=build /app /app
      CMD ["/app"]
    `,
      ),
    ).toEqual([]);
    expect(
      linesOf(
        'HC212',
        df`
      FROM alpine:3.19 AS base
      CMD /app --serve
      FROM base
      RUN true
    `,
      ),
    ).toEqual([2]);
  });
  it('handles the backtick escape directive', () => {
    expect(
      linesOf(
        'HC212',
        df`
      # escape=\`
      FROM mcr.microsoft.com/dotnet/aspnet:8.0
      CMD dotnet \`
        app.dll
    `,
      ),
    ).toEqual([3]);
  });
});
