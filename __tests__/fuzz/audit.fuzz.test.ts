// Property and fuzz tests of the static audit (parser, syntax layer, model, every rule):
// it never throws, every finding's line is a line of the file, and the same input gives
// the same report. Fixed seeds; FUZZ_RUNS raises the case count (`npm run fuzz`).
// Time against size is measured by scripts/fuzz-scaling.mjs (a script, not a timed test).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers/run-action.js';
import {
  anyDockerfile,
  auditText,
  lineProblems,
  REALISTIC,
  reportKey,
  smallDockerfile,
} from './dockerfiles.js';

const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const SEED = Number(process.env.FUZZ_SEED ?? 20260601);

function holds(text: string): void {
  const r = auditText(text);
  const problems = lineProblems(text, r);
  if (problems.length > 0) throw new Error(`${problems[0]} for ${JSON.stringify(text).slice(0, 300)}`);
}

describe('audit fuzz', () => {
  it('never throws and reports only lines of the file: small files', () => {
    fc.assert(fc.property(smallDockerfile, holds), { numRuns: 100_000 * SCALE, seed: SEED });
  }, 600_000);

  it('never throws and reports only lines of the file: mutated realistic and random files', () => {
    fc.assert(fc.property(anyDockerfile, holds), { numRuns: 1_000 * SCALE, seed: SEED + 1 });
  }, 600_000);

  it('gives the same report for the same input', () => {
    fc.assert(
      fc.property(anyDockerfile, (text) => {
        expect(reportKey(auditText(text))).toBe(reportKey(auditText(text)));
      }),
      { numRuns: 500 * SCALE, seed: SEED + 2 },
    );
  }, 600_000);

  it('survives the realistic file truncated at every byte (and its CRLF copy at every 5th)', () => {
    for (let n = 0; n <= REALISTIC.length; n++) holds(REALISTIC.slice(0, n));
    const crlf = REALISTIC.replace(/\n/g, '\r\n');
    for (let n = 0; n <= crlf.length; n += 5) holds(crlf.slice(0, n));
  }, 600_000);

  it('survives hostile shapes: 1 MB single lines, 25,000 lines, deep nesting, NUL, BOM, unicode', () => {
    const deep = (n: number) => '${V:-'.repeat(n) + 'x' + '}'.repeat(n);
    const cases: [string, string][] = [
      // (a 1 MB RUN line of 200,000 commands takes ~9 s: measured by scripts/fuzz-scaling.mjs, not here)
      ['1 MB single RUN line of few commands', `FROM alpine:3.19\nRUN echo ${'x'.repeat(1 << 20)} && true\n`],
      ['1 MB line without a newline', `FROM alpine:3.19\nLABEL a="${'é'.repeat(500_000)}`],
      // 25,000 lines here (~2.5 s); 100,000 lines (~10 s) in scripts/fuzz-scaling.mjs
      [
        '25,000 lines',
        `FROM alpine:3.19\n${Array.from({ length: 25_000 * Math.min(4, SCALE) }, (_, i) =>
          i % 3 === 0
            ? `RUN echo ${i} && apk add curl`
            : i % 3 === 1
              ? `ENV K${i}=v${i}`
              : `COPY a${i} /b${i}`,
        ).join('\n')}\n`,
      ],
      [
        'deep ${VAR:-…} nesting',
        `ARG X=${deep(5_000)}\nFROM alpine:\${X}\nENV Y=${deep(5_000)}\nRUN echo $Y\nUSER \${Y}\n`,
      ],
      ['heredoc without terminator', 'FROM alpine\nRUN <<EOF\necho hi\nCOPY <<-"X" /a\n'.repeat(200)],
      ['NUL bytes', `FROM alpine\0:3\nUSER \0\nRUN \0\0\0\nCMD ["\0"]\n`],
      ['BOM, CR-only lines, escape directive', '\uFEFF# escape=`\rFROM alpine\rRUN a `\r b\rUSER app\r'],
      ['unicode', 'FROM 🐳:日本\nUSER ǅ\u202E\nENV ‮KEY=\uD800\nHEALTHCHECK CMD ["🐳"]\n'],
      ['continuations only', '\\\n'.repeat(10_000)],
    ];
    for (const [name, text] of cases) {
      expect(() => holds(text), name).not.toThrow();
    }
  }, 600_000);
});

// Found by this suite (case 98,395 of seed 20260601): a stage name that is long and then
// invalid (`FROM x AS gaaaa…}`) took exponential time in dockerfile-utils' stage-name regex
// `^[a-z]([a-z0-9_\-.]*)*$` (2x per character: 26 characters, 5 s; this text, forever).
// patches/dockerfile-utils+0.16.3.patch makes it `^[a-z][a-z0-9_\-.]*$` (same language).
// Checked through the shipped CLI in a child process with a deadline: a synchronous loop
// in this process could not be timed out.
const REDOS = [
  'FROM 0${A#x}\nFROM \udabf\ude05\ud8be\ude7c$ wget\\\nuser ghp_0123456789abcdefghijklmnopqrstuvwxyzAB\u0911${A/x/y}\n',
  `FROM alpine:3.19 AS build_stage-for-the-frontend-assets-${'a'.repeat(40)}!\nUSER 10001\n`,
];
it.each(REDOS)('regression: a long invalid stage name is reported at once (%#)', (text) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hc-redos-'));
  writeFileSync(path.join(dir, 'Dockerfile'), text);
  const r = spawnSync(process.execPath, [CLI, '--static', '--format', 'json', 'Dockerfile'], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
    timeout: 20_000,
    killSignal: 'SIGKILL', // the CLI's SIGTERM handler cannot run while a regex spins
  });
  expect(r.error, 'the audit did not finish within 20 s').toBeUndefined();
  const ids = (JSON.parse(r.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
  expect(ids).toContain('HC506');
});

it('regression: two leading BOMs before a variable no longer hang the parser or the validator', () => {
  holds('\uFEFF\uFEFFFROM $A\n');
  holds('\uFEFF\uFEFFRUN $A\nUSER ${B}\n');
});
