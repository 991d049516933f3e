import { describe, expect, it } from 'vitest';
import { df, findingsOf, linesOf } from '../../helpers/audit.js';

describe('HC308 undefined variable', () => {
  it('flags a global ARG that the stage does not redeclare', () => {
    const [f] = findingsOf(
      'HC308',
      df`
      ARG APP_VERSION=1.2.3
      FROM alpine:3.19
      LABEL org.opencontainers.image.version=\${APP_VERSION}
    `,
    );
    expect(f).toMatchObject({ line: 3, severity: 'warning' });
    expect(f.message).toContain('add ARG APP_VERSION after the FROM');
  });
  it('suggests a near name (typo) and points at the continuation line', () => {
    const [f] = findingsOf(
      'HC308',
      df`
      FROM alpine:3.19
      ARG APP_DIR=/app
      COPY --chown=1000:1000 \\
           dist/ \${APP_DIRR}/
    `,
    );
    expect(f.line).toBe(4);
    expect(f.message).toContain('did you mean APP_DIR?');
  });
  it.each([
    'ADD $SRC /x',
    'COPY $SRC /x',
    'ENV A=$MISSING',
    'EXPOSE $PORT',
    'LABEL a=$MISSING',
    'STOPSIGNAL $SIG',
    'VOLUME $DATA',
    'WORKDIR $DIR',
  ])('checks `%s`', (line) => {
    expect(linesOf('HC308', `FROM alpine:3.19\n${line}\n`)).toEqual([2]);
  });
  it('ignores shell text, defaults, base-image variables and predefined args', () => {
    expect(
      linesOf(
        'HC308',
        df`
      FROM python:3.12-slim
      RUN echo $UNDEFINED_IN_SHELL
      CMD echo $ALSO_SHELL
      ENV PATH=/app/bin:$PATH LD_LIBRARY_PATH=/opt/lib:$LD_LIBRARY_PATH
      WORKDIR \${APP_HOME:-/app}
      ARG TARGETARCH
      COPY bin/app-\${TARGETARCH} /app/app
      ENV HTTP_PROXY=\${HTTP_PROXY}
    `,
      ),
    ).toEqual([]);
  });
  it('flags PYTHONPATH when no base image sets it (moby/buildkit#5449)', () => {
    expect(linesOf('HC308', 'FROM python:3.12-slim\nENV PYTHONPATH=/app:$PYTHONPATH\n')).toEqual([2]);
  });
  it('leaves USER (HC104), FROM (HC309), ONBUILD (another build) and ENV A=1 B=$A (HC307) to others', () => {
    expect(
      linesOf(
        'HC308',
        df`
      FROM \${BASE:-alpine:3.19}
      USER $APP_UID_TYPO
      ONBUILD COPY $SRC /x
      ENV A=1 B=$A
    `,
      ),
    ).toEqual([]);
  });
  it('sees ENV inherited through FROM <stage> and both names of a multi-name ARG', () => {
    expect(
      linesOf(
        'HC308',
        df`
      FROM alpine:3.19 AS base
      ENV APP_HOME=/app
      FROM base
      ARG MODE PROFILE=prod
      WORKDIR $APP_HOME/$MODE/$PROFILE
    `,
      ),
    ).toEqual([]);
  });
  it('does not expand escaped dollars (backtick escape directive too)', () => {
    expect(linesOf('HC308', 'FROM alpine:3.19\nLABEL price=\\$NOT_A_VAR\n')).toEqual([]);
    expect(linesOf('HC308', '# escape=`\nFROM alpine:3.19\nLABEL price=`$NOT_A_VAR\n')).toEqual([]);
    expect(linesOf('HC308', 'FROM alpine:3.19\nENV PRICE=\\$NOT_A_VAR\n')).toEqual([]);
    expect(linesOf('HC308', "FROM alpine:3.19\nLABEL cmd='echo $NOT_A_VAR'\nENV B='$NOT_A_VAR'\n")).toEqual(
      [],
    );
    expect(linesOf('HC308', '# escape=`\nFROM alpine:3.19\nENV PRICE=`$NOT_A_VAR\n')).toEqual([]);
  });
});
