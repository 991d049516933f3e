import { describe, expect, it } from 'vitest';
import { df, model } from '../helpers/audit.js';
import {
  effectiveUser,
  externalBase,
  finalHealthcheck,
  appPorts,
  finalEnv,
  parseDuration,
  probePort,
} from '../../src/dockerfile/facts.js';
import { expand } from '../../src/dockerfile/expand.js';
import { platformFromFlags } from '../../src/dockerfile/model.js';

describe('stages and the target', () => {
  const text = df`
    ARG BASE=python:3.12-slim
    FROM \${BASE} AS Build
    RUN pip wheel -w /w .
    FROM build AS test
    RUN pytest
    FROM python:3.12-slim
    COPY --from=build /w /w
  `;
  it('names stages lower-case, links FROM <stage> chains and picks the last stage', () => {
    const m = model(text);
    expect(m.stages.map((s) => s.name)).toEqual(['build', 'test', null]);
    expect(m.stages[1].from.stageRef).toBe(0);
    expect(m.stages[0].from.resolved.value).toBe('python:3.12-slim');
    expect(m.target?.index).toBe(2);
    expect(m.chain().map((s) => s.index)).toEqual([2]);
  });
  it('honours a target and follows its chain', () => {
    const m = model(text, { target: 'test' });
    expect(m.chain().map((s) => s.index)).toEqual([1, 0]);
  });
  it('rejects an unknown target naming the stages', () => {
    expect(() => model(text, { target: 'prod' })).toThrow(
      /target stage "prod" not found \(stages: build, test\)/,
    );
  });
  it('gives 1-based line ranges across continuations', () => {
    const m = model('FROM alpine:3.19\nRUN apk add \\\n    curl \\\n    jq\nUSER 1000\n');
    const run = m.instructions[1];
    expect([run.line, run.endLine]).toEqual([2, 4]);
    expect(m.instructions[2].line).toBe(5);
  });
});

describe('ARG and ENV scopes', () => {
  it('does not leak a global ARG into a stage unless redeclared', () => {
    const m = model(df`
      ARG UID=1000
      FROM alpine:3.19
      USER \${UID}
      FROM alpine:3.19
      ARG UID
      USER \${UID}
    `);
    const users = m.instructions.filter((i) => i.keyword === 'USER');
    expect(m.resolve('${UID}', users[0]).undefinedVars).toEqual(['UID']);
    expect(m.resolve('${UID}', users[1]).value).toBe('1000');
  });
  it('lets build args override defaults and ENV win over ARG', () => {
    const m = model(
      df`
      FROM alpine:3.19
      ARG PORT=8000
      ARG MODE=dev
      ENV MODE=prod
      ARG MODE
      EXPOSE \${PORT}
      CMD echo \$MODE
    `,
      { buildArgs: { PORT: '9000' } },
    );
    const expose = m.instructions.find((i) => i.keyword === 'EXPOSE')!;
    const cmd = m.instructions.find((i) => i.keyword === 'CMD')!;
    expect(m.resolve('${PORT}', expose).value).toBe('9000');
    expect(m.resolve('$MODE', cmd).value).toBe('prod');
  });
  // Checked on the engine (BuildKit in Docker 20.10): a child stage sees its parent's ARGs,
  // and `ARG NAME` without a value keeps the value it had. The legacy builder drops both;
  // runners build with BuildKit. __tests__/dockerfile/arg-scope.e2e.test.ts asserts it on an engine.
  it('inherits ENV and, as BuildKit does, the parent ARGs through FROM <stage>', () => {
    const m = model(df`
      FROM alpine:3.19 AS base
      ARG A=1
      ENV E=2
      FROM base
      RUN echo
      FROM alpine:3.19
      RUN echo
    `);
    const run = m.instructions[4];
    expect(m.scope(run).get('E')).toBe('2');
    expect(m.scope(run).get('A')).toBe('1');
    expect(m.scope(m.instructions.at(-1)!).get('A')).toBeUndefined();
  });
  it('BuildKit: an ARG with a value after an ENV wins in its stage; in a child stage the ENV does', () => {
    const m = model(df`
      FROM alpine:3.19 AS base
      ENV MODE=env
      ARG MODE=arg
      RUN echo
      FROM base
      RUN echo
    `);
    const [inBase, inChild] = m.instructions.filter((i) => i.keyword === 'RUN');
    expect(m.scope(inBase).get('MODE')).toBe('arg');
    expect(m.scope(inChild).get('MODE')).toBe('env');
  });
  it('keeps the value when ARG NAME is declared again without one', () => {
    const m = model(df`
      FROM alpine:3.19 AS base
      ARG A=1
      ARG B=x
      ARG B
      FROM base
      ARG A
      RUN echo
    `);
    const run = m.instructions.at(-1)!;
    expect(m.scope(run).get('A')).toBe('1');
    expect(m.scope(run).get('B')).toBe('x');
  });
  it('reads multi-variable ARG and ENV lines', () => {
    const m = model('FROM alpine:3.19\nARG A=1 \\\n    B=2\nENV X="two words" Y=$A\nRUN true\n');
    const run = m.instructions.at(-1)!;
    expect(m.scope(run).get('B')).toBe('2');
    expect(finalEnv(m).map((e) => [e.key, e.value])).toEqual([
      ['X', 'two words'],
      ['Y', '1'],
    ]);
  });
});

describe('variable expansion', () => {
  const look = (vars: Record<string, string | null>) => (n: string) => (n in vars ? vars[n] : undefined);
  it('supports the modifiers Docker supports', () => {
    expect(expand('${A:-x}', look({})).value).toBe('x');
    expect(expand('${A:-x}', look({ A: '' })).value).toBe('x');
    expect(expand('${A-x}', look({ A: '' })).value).toBe('');
    expect(expand('${A:+y}', look({ A: '1' })).value).toBe('y');
    expect(expand('${A:+y}', look({})).value).toBe('');
    expect(expand('${A:-${B:-z}}', look({})).value).toBe('z');
    expect(expand('$A/$B', look({ A: 'a', B: 'b' })).value).toBe('a/b');
  });
  it('keeps escaped dollars literal, with either escape character', () => {
    expect(expand('\\$A', look({ A: 'x' })).value).toBe('$A');
    expect(expand('`$A', look({ A: 'x' }), '`').value).toBe('$A');
  });
  it('tells undefined from declared-without-value', () => {
    const r = expand('$A$B', look({ B: null }));
    expect(r.undefinedVars).toEqual(['A']);
    expect(r.unknownVars).toEqual(['B']);
    expect(r.complete).toBe(false);
  });
  it('bounds deep nesting', () => {
    const deep = '${A:-'.repeat(500) + 'x' + '}'.repeat(500);
    expect(() => expand(deep, look({}))).not.toThrow();
  });
});

describe('forms, heredocs and the escape directive', () => {
  it('reads JSON vs shell form, and single-quoted JSON as shell form', () => {
    const m = model('FROM alpine:3.19\nCMD ["python", "app.py"]\nENTRYPOINT [\'python\']\nRUN echo hi\n');
    expect(m.instructions[1].json).toEqual(['python', 'app.py']);
    expect(m.instructions[2].json).toBeNull();
    expect(m.instructions[3].json).toBeNull();
  });
  it('reads heredoc bodies and their full line range', () => {
    const m = model('FROM alpine:3.19\nRUN <<EOF\napk add curl\nrm -rf /var/cache/apk/*\nEOF\nUSER 1000\n');
    const run = m.instructions[1];
    expect(run.heredocs[0].body).toContain('apk add curl');
    expect([run.line, run.endLine]).toEqual([2, 5]);
    expect(m.instructions[2].line).toBe(6);
  });
  it('honours the backtick escape directive for continuations', () => {
    const m = model(
      '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a `\n    b\nUSER ContainerUser\n',
    );
    expect(m.escapeChar).toBe('`');
    expect(m.directives[0]).toMatchObject({ name: 'escape', value: '`', line: 1 });
    expect(m.instructions[1].endLine).toBe(4);
    expect(m.instructions[2].line).toBe(5);
  });
  it('handles CRLF line endings and a BOM', () => {
    const m = model('\uFEFFFROM alpine:3.19\r\nUSER 1000\r\n');
    expect(m.instructions.map((i) => [i.keyword, i.line])).toEqual([
      ['FROM', 1],
      ['USER', 2],
    ]);
    expect(effectiveUser(m)?.user).toBe('1000');
  });
});

describe('facts of the shipped stage', () => {
  it('finds the effective user through the stage chain and resolves variables', () => {
    const m = model(df`
      FROM alpine:3.19 AS base
      ARG APP_UID=10001
      USER \${APP_UID}:\${APP_UID}
      FROM base
      RUN echo
    `);
    const u = effectiveUser(m)!;
    expect([u.user, u.group, u.instr.line]).toEqual(['10001', '10001', 3]);
  });
  it('finds the external base image and what is known about it', () => {
    const m = model('FROM gcr.io/distroless/python3-debian12:nonroot AS run\nCMD ["app.py"]\n');
    expect(externalBase(m)?.info).toMatchObject({ family: 'distroless', user: '65532', shell: false });
  });
  it('reads the final HEALTHCHECK, its timings and port', () => {
    const m = model(df`
      FROM python:3.12-slim
      ENV PORT=8000
      HEALTHCHECK --interval=30s --timeout=3s --start-period=1m30s --retries=3 CMD curl -fsS http://localhost:\${PORT}/health || exit 1
    `);
    const hc = finalHealthcheck(m)!;
    expect(hc.port).toBe(8000);
    expect(hc.timings).toEqual({ interval: 30, timeout: 3, 'start-period': 90, retries: 3 });
    expect(hc.test[0]).toBe('CMD-SHELL');
  });
  it('reads app ports from CMD flags, ENV and EXPOSE', () => {
    const m = model(df`
      FROM python:3.12-slim
      ENV PORT=8080
      EXPOSE 8000/tcp
      CMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
    `);
    expect(appPorts(m).map((p) => [p.port, p.source])).toEqual([
      [8000, 'CMD 8000'],
      [8080, 'ENV PORT'],
      [8000, 'EXPOSE'],
    ]);
  });
  it('parses Go durations and probe ports', () => {
    expect(parseDuration('1m30s')).toBe(90);
    expect(parseDuration('500ms')).toBe(0.5);
    expect(parseDuration('abc')).toBeNull();
    expect(probePort('wget -qO- http://127.0.0.1:8080/health')).toBe(8080);
    expect(probePort('curl -f https://localhost/health')).toBe(443);
    expect(probePort('nc -z localhost 5432')).toBe(5432);
  });
});

describe('ARG declarations', () => {
  it('keeps references in the unexpanded value and expands them in scope', () => {
    const m = model('FROM alpine:3.19\nARG B=x\nARG A=$B C="${B}-y" D\nRUN true\n');
    const arg = m.instructions[2];
    expect(arg.properties.map((p) => [p.name, p.value, p.raw])).toEqual([
      ['A', '$B', '$B'],
      ['C', '${B}-y', '"${B}-y"'],
      ['D', null, null],
    ]);
    const run = m.instructions[3];
    expect([m.scope(run).get('A'), m.scope(run).get('C'), m.scope(run).get('D')]).toEqual(['x', 'x-y', null]);
  });
});

describe('BuildKit platform args', () => {
  it('values them for FROM from the build platform, undeclared', () => {
    const text = df`
      FROM scratch AS binaries-linux
      FROM scratch AS binaries-windows
      FROM binaries-$TARGETOS AS binaries
      FROM binaries
    `;
    const m = model(text, { buildPlatform: 'linux/amd64' });
    expect(m.stages[2].from.resolved.value).toBe('binaries-linux');
    expect(m.stages[2].from.stageRef).toBe(0);
    expect(externalBase(m)?.info?.family).toBe('scratch');
  });
  it('follows --platform for TARGET*, the runner for BUILD*', () => {
    const m = model(
      'FROM --platform=$BUILDPLATFORM alpine:3.19\nARG TARGETARCH\nARG BUILDARCH\nARG TARGETVARIANT\nRUN echo\n',
      {
        platform: 'linux/arm/v7',
        buildPlatform: 'linux/amd64',
      },
    );
    const run = m.instructions.at(-1)!;
    expect(m.scope(run).get('TARGETARCH')).toBe('arm');
    expect(m.scope(run).get('TARGETVARIANT')).toBe('v7');
    expect(m.scope(run).get('BUILDARCH')).toBe('amd64');
  });
  it('in a stage only after ARG NAME; a declared default wins', () => {
    const m = model(
      'ARG TARGETOS=windows\nFROM alpine:3.19\nARG TARGETARCH=foo\nRUN echo $TARGETPLATFORM\n',
      {
        buildPlatform: 'linux/amd64',
      },
    );
    const run = m.instructions.at(-1)!;
    expect(m.scope(m.stages[0].fromInstr).get('TARGETOS')).toBe('windows');
    expect(m.scope(run).get('TARGETARCH')).toBe('foo');
    expect(m.scope(run).get('TARGETPLATFORM')).toBeUndefined();
  });
  it('reads the platform from build flags', () => {
    expect(platformFromFlags(['--network=none', '--platform=linux/arm64,linux/amd64'])).toBe('linux/arm64');
    expect(platformFromFlags(['--platform', 'linux/s390x'])).toBe('linux/s390x');
    expect(platformFromFlags(['--pull'])).toBeNull();
  });
});

describe('instruction words are read as Docker reads them', () => {
  it('strips quotes after expanding USER and FROM', () => {
    const m = model(df`
      ARG ALPINE_TAG=3.19
      FROM alpine:"\${ALPINE_TAG}"
      ARG USER_ID=0
      USER "$USER_ID:$USER_ID"
    `);
    expect(m.stages[0].from.resolved.value).toBe('alpine:3.19');
    const u = effectiveUser(m)!;
    expect([u.user, u.group]).toEqual(['0', '0']);
  });
  it('does not expand inside single quotes', () => {
    const m = model("FROM alpine:3.19\nARG U=0\nUSER '$U'\n");
    expect(effectiveUser(m)!.user).toBe('$U');
  });
});
