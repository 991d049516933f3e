// fast-check generators of hostile Dockerfiles for the fuzz suite and `npm run fuzz`:
// real instructions with random arguments, mutations of a realistic file (shuffled lines,
// truncation, CRLF, BOM, NUL, escape directives, unterminated heredocs, continuations),
// deep variable nesting and unicode; kept small so that 100,000 cases run in CI quickly.
import fc from 'fast-check';
import { auditDockerfile, type AuditResult } from '../../src/audit/audit.js';
import { DEFAULT_CONFIG } from '../../src/config.js';

export const KEYWORDS = [
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'MAINTAINER',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
];

/** Small pieces that exercise the parser's special cases; joined at random. */
const TOKENS = [
  ' ',
  ' ',
  ' ',
  '\t',
  '\\',
  '\\\n',
  '`',
  '`\n',
  '\n',
  '\r\n',
  '\r',
  '"',
  "'",
  '[',
  ']',
  ',',
  '=',
  '$',
  '${',
  '}',
  ':-',
  ':+',
  '$VAR',
  '${A:-b}',
  '${A:+${B}}',
  '${A#x}',
  '${A%%y}',
  '${A/x/y}',
  '<<EOF',
  '<<-EOF',
  "<<'EOF'",
  'EOF',
  '#',
  '# escape=`',
  '# syntax=docker/dockerfile:1',
  '# harden-check ignore=HC101',
  '--mount=type=secret,id=x',
  '--from=build',
  '--chown=1000:1000',
  '--chmod=755',
  '--interval=5s',
  '--start-period=1s',
  'CMD',
  'NONE',
  'root',
  '0',
  '1000',
  '1000:1000',
  'app',
  'node:20',
  `alpine:3.19@sha256:${'a'.repeat(64)}`,
  'scratch',
  'AS',
  'as',
  'build',
  '/app',
  'app.py',
  '.',
  '*',
  'curl',
  'wget',
  'sudo',
  'apt-get',
  'install',
  '-y',
  '&&',
  '||',
  '|',
  ';',
  '>',
  '2>&1',
  'sh',
  '-c',
  'exec',
  'set',
  '-e',
  'http://localhost:8080/health',
  'PASSWORD',
  'AWS_SECRET_ACCESS_KEY',
  'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB',
  '\u0000',
  '\uFEFF',
  'é',
  '日本',
  '🐳',
  '\u202E',
  '\uD800',
  'ǅ',
];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

const keyword = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KEYWORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...KEYWORDS).map((k) => k.toLowerCase()) },
  { weight: 1, arbitrary: fc.constantFrom('FRM', 'RUNN', '', ' ', '#', 'ONBUILD RUN', 'from', '\uFEFFFROM') },
);

const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '\\\n', '`\n', '');

/** One random instruction (may span several physical lines, or none end). */
export const instruction = fc
  .tuple(keyword, fc.array(word, { maxLength: 8 }), eol)
  .map(([k, ws, e]) => `${k} ${ws.join('')}${e}`);

/** A random Dockerfile of a few instructions, often after a parser directive or a BOM. */
export const randomDockerfile = fc
  .tuple(
    fc.constantFrom(
      '',
      '',
      '',
      '# escape=`\n',
      '# escape=\\\n',
      '#escape=x\n',
      '# escape=\n',
      '\uFEFF',
      '# syntax=x\n',
    ),
    fc.array(instruction, { maxLength: 10 }),
  )
  .map(([head, lines]) => head + lines.join(''));

/** A realistic multi-stage Dockerfile to mutate and truncate. */
export const REALISTIC = [
  '# syntax=docker/dockerfile:1.7',
  'ARG PY=3.12',
  'FROM python:${PY}-slim AS build',
  'WORKDIR /src',
  'COPY requirements.txt .',
  'RUN --mount=type=cache,target=/root/.cache pip install --prefix=/install -r requirements.txt \\',
  " && find /install -name '*.pyc' -delete",
  'COPY <<EOF /etc/app.conf',
  'listen = 0.0.0.0:8000',
  'EOF',
  'RUN <<-SCRIPT',
  '\tset -eu',
  '\techo "${PY:-3}" > /version',
  'SCRIPT',
  '',
  'FROM python:${PY}-slim',
  'ENV APP_HOME=/app PORT=8000 \\',
  '    PYTHONDONTWRITEBYTECODE=1 API_TOKEN="s3cr3t-value-123"',
  'ARG DEBUG=${DEBUG:-${PY:-0}}',
  'RUN groupadd --system app && useradd --system --gid app --home ${APP_HOME} app',
  'COPY --from=build /install /usr/local',
  'COPY --chown=app:app . ${APP_HOME}',
  'WORKDIR ${APP_HOME}',
  'USER app',
  'EXPOSE ${PORT}',
  'HEALTHCHECK --interval=10s --timeout=3s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/health\')"]',
  '# harden-check ignore=HC502',
  'CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]',
  '',
].join('\n');

const lineOps = fc.constantFrom(
  'shuffle',
  'drop',
  'dup',
  'crlf',
  'cr',
  'bom',
  'nul',
  'escape',
  'noTerminator',
  'join',
);

/** REALISTIC (or a random file) changed by a few line- and byte-level operations. */
export const mutatedDockerfile = fc
  .tuple(
    fc.oneof(fc.constant(REALISTIC), randomDockerfile),
    fc.array(fc.tuple(lineOps, fc.nat(), fc.nat()), { maxLength: 4 }),
  )
  .map(([base, ops]) => {
    let lines = base.split('\n');
    for (const [op, a, b] of ops) {
      const i = a % Math.max(1, lines.length);
      const j = b % Math.max(1, lines.length);
      switch (op) {
        case 'shuffle':
          [lines[i], lines[j]] = [lines[j], lines[i]];
          break;
        case 'drop':
          lines.splice(i, 1);
          break;
        case 'dup':
          lines.splice(i, 0, lines[j] ?? '');
          break;
        case 'crlf':
          lines = lines.map((l) => `${l}\r`);
          break;
        case 'cr':
          lines[i] = `${lines[i] ?? ''}\r${lines[j] ?? ''}`;
          break;
        case 'bom':
          lines[0] = `\uFEFF${lines[0] ?? ''}`;
          break;
        case 'nul':
          lines[i] = `${(lines[i] ?? '').slice(0, b % 7)}\0${(lines[i] ?? '').slice(b % 7)}`;
          break;
        case 'escape':
          lines.unshift(['# escape=`', '# escape=\\', '#escape=', '# ESCAPE = `'][b % 4]);
          break;
        case 'noTerminator':
          lines = lines.filter((l) => !/^\s*(EOF|SCRIPT)\s*$/.test(l));
          break;
        case 'join':
          lines[i] = `${lines[i] ?? ''}\\`;
          break;
      }
    }
    return lines.join('\n');
  });

/** Tiny files (1-3 short instructions): the bulk of the 100,000-case CI run, ~0.3 ms each. */
export const smallDockerfile = fc
  .tuple(
    fc.constantFrom('', '', '# escape=`\n', '\uFEFF', '# syntax=x\n'),
    fc.array(
      fc.tuple(keyword, fc.array(word, { maxLength: 4 }), eol).map(([k, ws, e]) => `${k} ${ws.join('')}${e}`),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([head, lines]) => head + lines.join(''));

/** Every property runs on these: random files, mutated files and truncations of REALISTIC. */
export const anyDockerfile = fc.oneof(
  { weight: 4, arbitrary: randomDockerfile },
  { weight: 4, arbitrary: mutatedDockerfile },
  { weight: 1, arbitrary: fc.nat({ max: REALISTIC.length }).map((n) => REALISTIC.slice(0, n)) },
);

export function auditText(text: string): AuditResult {
  return auditDockerfile({ file: 'Dockerfile', text, config: DEFAULT_CONFIG });
}

/** Lines of a text as editors and Docker count them (CRLF, CR and LF; a leading BOM is no line). */
export function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/** Findings whose line or end line is not a line of the text. Empty when all is well. */
export function lineProblems(text: string, r: AuditResult): string[] {
  const n = lineCount(text);
  const ok = (x: number | undefined) => x === undefined || (Number.isInteger(x) && x >= 1 && x <= n);
  return [...r.findings, ...r.suppressed]
    .filter((f) => !ok(f.line) || !ok(f.endLine) || (f.endLine !== undefined && f.endLine < f.line))
    .map((f) => `${f.ruleId} line ${f.line}..${f.endLine ?? ''} outside 1..${n}: ${f.message.slice(0, 80)}`);
}

/** What a report says (findings, suppressions, checks, facts), for the determinism property. */
export function reportKey(r: AuditResult): string {
  return JSON.stringify({ f: r.findings, s: r.suppressed, c: r.checks, x: r.facts });
}
