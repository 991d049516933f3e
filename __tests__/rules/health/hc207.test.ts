import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe("HC207 HEALTHCHECK targets a port other than the app's", () => {
  it('flags a probe of another port than the CMD --port, naming both and the line', () => {
    const f = findingsOf(
      'HC207',
      df`
      FROM python:3.12
      EXPOSE 8000
      HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1
      CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
    `,
    );
    expect(f.map((x) => [x.line, x.severity])).toEqual([[3, 'warning']]);
    expect(f[0].message).toContain('port 8080');
    expect(f[0].message).toContain('listens on 8000 (CMD, line 4)');
  });
  it('flags a mismatch with ENV PORT / EXPOSE when they agree', () => {
    expect(
      findingsOf(
        'HC207',
        df`
      FROM node:20-alpine
      ENV PORT=3000
      EXPOSE 3000
      HEALTHCHECK CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1
      CMD ["node", "server.js"]
    `,
      ).map((x) => x.line),
    ).toEqual([4]);
  });
  it('flags a URL without port (80) against EXPOSE 8080', () => {
    expect(
      linesOf('HC207', 'FROM nginx:1.27\nEXPOSE 8080\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n'),
    ).toEqual([3]);
  });
  it('does not flag a ${PORT} probe that follows ENV PORT', () => {
    expect(
      linesOf(
        'HC207',
        df`
      FROM python:3.12
      ENV PORT=8000
      EXPOSE 8000
      HEALTHCHECK CMD curl -f http://localhost:\${PORT}/health || exit 1
      CMD uvicorn app:app --host 0.0.0.0 --port \${PORT}
    `,
      ),
    ).toEqual([]);
  });
  it('resolves the probe variable from the final ENV (set after the HEALTHCHECK, through FROM <stage>)', () => {
    expect(
      linesOf(
        'HC207',
        df`
      FROM python:3.12 AS base
      HEALTHCHECK CMD curl -f http://localhost:$PORT/health || exit 1
      FROM base
      ENV PORT=9000
      CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]
    `,
      ),
    ).toEqual([2]);
  });
  it('stays silent when the probe port is a build ARG (not visible at run time) or unset', () => {
    expect(
      linesOf(
        'HC207',
        df`
      FROM python:3.12
      ARG PORT=9000
      HEALTHCHECK CMD curl -f http://localhost:\${PORT}/ || exit 1
      CMD ["uvicorn", "app:app", "--port", "8000"]
    `,
      ),
    ).toEqual([]);
  });
  it('stays silent when the app port is ambiguous or unknown', () => {
    expect(
      linesOf('HC207', 'FROM nginx:1.27\nEXPOSE 80 443\nHEALTHCHECK CMD curl -f http://localhost:8080/\n'),
    ).toEqual([]);
    expect(linesOf('HC207', 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost:8080/\n')).toEqual([]);
  });
  it('does not flag a matching port, or a probe of another host', () => {
    expect(
      linesOf(
        'HC207',
        'FROM nginx:1.27\nEXPOSE 8080\nHEALTHCHECK CMD ["curl", "-f", "http://localhost:8080/"]\n',
      ),
    ).toEqual([]);
    expect(
      linesOf(
        'HC207',
        'FROM nginx:1.27\nEXPOSE 8080\nHEALTHCHECK CMD curl -f https://api.example.com/ping\n',
      ),
    ).toEqual([]);
  });
  it('only uses ports of the shipped stage (multi-stage)', () => {
    expect(
      linesOf(
        'HC207',
        df`
      FROM node:20 AS build
      EXPOSE 3000
      FROM nginx:1.27
      EXPOSE 8080
      HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1
    `,
      ),
    ).toEqual([]);
  });
  it('resolves an EXPOSE given by ARG', () => {
    expect(
      linesOf(
        'HC207',
        df`
      FROM nginx:1.27
      ARG HTTP=8081
      EXPOSE \${HTTP}
      HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1
    `,
      ),
    ).toEqual([4]);
  });
  it('real case: .NET 8 listens on ASPNETCORE_HTTP_PORTS=8080 from the base image, the probe uses 80', () => {
    const [f] = findingsOf(
      'HC207',
      df`
      FROM mcr.microsoft.com/dotnet/aspnet:8.0
      COPY app/ /app/
      HEALTHCHECK CMD curl -f http://localhost/health || exit 1
      ENTRYPOINT ["dotnet", "/app/Api.dll"]
    `,
    );
    expect(f.line).toBe(3);
    expect(f.message).toContain(
      'the app listens on 8080 (ENV ASPNETCORE_HTTP_PORTS (base image mcr.microsoft.com/dotnet/aspnet:8.0), line 1)',
    );
    // ASPNETCORE_URLS set in the file overrides the image's ASPNETCORE_HTTP_PORTS
    expect(
      linesOf(
        'HC207',
        'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_URLS=http://+:80\nHEALTHCHECK CMD curl -f http://localhost/health\n',
      ),
    ).toEqual([]);
  });
  it('real case: only EXPOSE disagrees with the probe: says they disagree, names both lines, no fix', () => {
    const [f] = findingsOf(
      'HC207',
      df`
      FROM node:20-alpine
      WORKDIR /app
      COPY . .
      EXPOSE 3000
      HEALTHCHECK CMD wget -qO- http://localhost:8080/health || exit 1
      CMD ["node", "server.js"]
    `,
    );
    expect(f.line).toBe(5);
    expect(f.message).toContain('HEALTHCHECK (line 5) probes port 8080 but EXPOSE (line 4) declares 3000');
    expect(f.message).not.toMatch(/but the app listens on \d/);
    expect(f.fix).toBeUndefined();
  });
});
