import { describe, expect, it } from 'vitest';
import { audit, df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC104 USER uses an undefined variable', () => {
  it('flags a global ARG that is not redeclared in the stage (the user is empty: root)', () => {
    const f = findingsOf(
      'HC104',
      df`
      ARG APP_USER=app
      FROM alpine:3.19
      RUN adduser -D app
      USER \${APP_USER}
    `,
    );
    expect(f.map((x) => [x.line, x.severity])).toEqual([[4, 'error']]);
    expect(f[0].message).toMatch(/declared before the first FROM \(line 1\)/);
    expect(f[0].message).toContain('add ARG APP_USER after the FROM on line 2');
  });
  it('spire#4871: USER ${UID}:${GID} becomes ":"', () => {
    const f = findingsOf(
      'HC104',
      df`
      ARG UID=1000
      ARG GID=1000
      FROM alpine:3.19
      USER \${UID}:\${GID}
    `,
    );
    expect(f.map((x) => x.line)).toEqual([4]);
    expect(f[0].message).toContain('expands to ":"');
  });
  it('does not flag a redeclared ARG, a default expansion or a known base ENV', () => {
    expect(linesOf('HC104', 'ARG UID=1000\nFROM alpine:3.19\nARG UID\nUSER ${UID}\n')).toEqual([]);
    expect(linesOf('HC104', 'FROM alpine:3.19\nUSER ${UID:-1000}\n')).toEqual([]);
    expect(linesOf('HC104', 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nUSER $APP_UID\n')).toEqual([]);
  });
  it('is a note when an unknown base image might set the variable as ENV', () => {
    expect(
      findingsOf('HC104', 'FROM acme/base:1\nUSER $APP_USER\n').map((f) => [f.line, f.severity]),
    ).toEqual([[2, 'note']]);
  });
  it('is a warning in a builder stage and when part of the user survives', () => {
    expect(
      findingsOf(
        'HC104',
        df`
      ARG UID=1000
      FROM alpine:3.19 AS build
      USER \${UID}
      FROM alpine:3.19
      USER 1000
    `,
      ).map((f) => [f.line, f.severity]),
    ).toEqual([[3, 'warning']]);
    expect(findingsOf('HC104', 'FROM alpine:3.19\nUSER app${SUFFIX}\n').map((f) => f.severity)).toEqual([
      'warning',
    ]);
  });
  it('follows ENV inherited through FROM <stage>', () => {
    expect(
      linesOf('HC104', 'FROM alpine:3.19 AS base\nENV RUN_AS=1000\nFROM base\nUSER ${RUN_AS}\n'),
    ).toEqual([]);
  });
  it('honours the backtick escape directive', () => {
    expect(linesOf('HC104', '# escape=`\nARG U=1000\nFROM alpine:3.19\nUSER ${U}\n')).toEqual([4]);
  });
  it('real case: USER $APP_UID on the .NET images takes APP_UID=1654 from the base image ENV', () => {
    const text = df`
      FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
      WORKDIR /src
      COPY . .
      RUN dotnet publish -c Release -o /app
      FROM mcr.microsoft.com/dotnet/aspnet:8.0
      WORKDIR /app
      COPY --from=build /app .
      USER $APP_UID
      ENTRYPOINT ["dotnet", "Api.dll"]
    `;
    expect(linesOf('HC104', text)).toEqual([]);
    expect(linesOf('HC101', text)).toEqual([]);
    const nonRoot = audit(text).checks.find((c) => c.id === 'non-root')!;
    expect(nonRoot.status).toBe('pass');
    expect(nonRoot.detail).toContain('user 1654');
  });
  it('BuildKit: an ARG with a value after the base ENV wins (ARG APP_UID=0 makes it root)', () => {
    const text = 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nARG APP_UID=0\nUSER $APP_UID\n';
    expect(linesOf('HC101', text)).toEqual([3]);
  });
});
