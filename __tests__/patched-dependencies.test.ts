// patches/dockerfile-ast+0.7.1.patch replaces the linear scans behind variable lookups
// (quadratic on long files) with an index, and computes an instruction's arguments once.
// The patched library must answer exactly as the published one: compared here with an
// unpatched copy (the dockerfile-ast-upstream alias) on generated Dockerfiles, for every
// instruction's arguments, every variable reference and every name on every instruction line.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DockerfileParser } from 'dockerfile-ast';
import { DockerfileParser as UpstreamParser } from 'dockerfile-ast-upstream';
import * as core from '@actions/core';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { anyDockerfile } from './fuzz/dockerfiles.js';
import { ROOT } from './helpers/run-action.js';

const NAMES = ['A', 'B', 'C'];

/** Lines that define, redefine and use a few variables across stages. */
const variableLine = fc.constantFrom(
  'ARG A',
  'ARG A=1',
  'ARG B=2 C=3',
  'ARG C',
  'ENV A=env',
  'ENV A=first A=second',
  'ENV B $A',
  'ENV C=${A:-x} A=${B}',
  'FROM base:${A}',
  'FROM build AS second',
  'FROM scratch',
  'RUN echo $A ${B} ${C:-none}',
  'RUN echo \\\n  $A \\\n  $B',
  'COPY $A /${B}/',
  'USER ${C}',
  'WORKDIR /$A',
  '',
  '# comment $A',
);
const variableDockerfile = fc
  .tuple(
    // mostly inside a stage: a variable outside any stage makes both libraries overflow the stack
    fc.constantFrom('FROM base AS build', 'ARG A=0\nFROM base:$A AS build', 'FROM base', ''),
    fc.array(variableLine, { maxLength: 30 }),
  )
  .map(([first, lines]) => [first, ...lines].join('\n'));

type Parsed = ReturnType<typeof DockerfileParser.parse>;

/** A value, or the name of the error: both libraries recurse without end on a variable
 * outside any stage (a known upstream bug our model works around), and must agree on that too. */
function attempt<T>(f: () => T): T | string {
  try {
    return f();
  } catch (e) {
    return `throws ${(e as Error).name}`;
  }
}

/** Everything the patch can change, as plain data. */
function answers(dockerfile: Parsed) {
  // asked twice: the memoized arguments must come back whole after a caller shift()s them
  const args = dockerfile.getInstructions().map((instruction) => {
    const first = instruction.getArguments().map((a) => [a.getValue(), a.getRange()]);
    instruction.getArguments().shift();
    return [first, instruction.getArguments().map((a) => [a.getValue(), a.getRange()])];
  });
  const references = dockerfile.getInstructions().map((instruction) =>
    attempt(() =>
      instruction.getVariables().map((v) => ({
        name: v.getName(),
        line: v.getNameRange().start.line,
        defined: v.isDefined(),
        build: v.isBuildVariable(),
      })),
    ),
  );
  // every line of every instruction (the lines the validator asks about)
  const resolved: (string | null | undefined)[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    const { start, end } = instruction.getRange();
    for (let line = start.line; line <= end.line; line++)
      for (const name of NAMES) resolved.push(attempt(() => dockerfile.resolveVariable(name, line)));
  }
  return { args, references, resolved };
}

function same(text: string): void {
  const patched = answers(DockerfileParser.parse(text));
  const upstream = answers(UpstreamParser.parse(text) as unknown as Parsed);
  expect(patched).toEqual(upstream);
}

describe('patched dockerfile-ast', () => {
  it('answers exactly as the published library on variable-heavy files', () => {
    fc.assert(fc.property(variableDockerfile, same), { numRuns: 10_000, seed: 20261128 });
  });

  it('answers exactly as the published library on fuzzed files', () => {
    fc.assert(fc.property(anyDockerfile, same), { numRuns: 1_000, seed: 20261129 });
  }, 120_000);

  it('is really patched (the upstream copy is not): the index exists after a lookup', () => {
    const text = 'FROM a\nENV A=1\nRUN echo $A\n';
    const patched = DockerfileParser.parse(text);
    const upstream = UpstreamParser.parse(text);
    expect(patched.resolveVariable('A', 2)).toBe('1');
    expect(upstream.resolveVariable('A', 2)).toBe('1');
    expect('getDefinitionBefore' in patched).toBe(true);
    expect('getDefinitionBefore' in upstream).toBe(false);
  });
});

// patches/@actions+core+3.0.1.patch: oidc-utils (with @actions/http-client and undici) loads
// on the first getIDToken() call, not when the action starts.
describe('patched @actions/core', () => {
  it('still gets an OIDC token through the lazily loaded client', async () => {
    const saved = process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    try {
      // the message comes from oidc-utils itself: the deferred import ran
      await expect(core.getIDToken()).rejects.toThrow(/ACTIONS_ID_TOKEN_REQUEST_URL/);
    } finally {
      if (saved !== undefined) process.env.ACTIONS_ID_TOKEN_REQUEST_URL = saved;
    }
  });

  it('keeps undici out of the start-up bundle (it is in a lazy chunk)', () => {
    const dist = path.join(ROOT, 'dist');
    // undici's error codes are string literals: they mark its code wherever it is bundled
    expect(readFileSync(path.join(dist, 'index.js'), 'utf8')).not.toContain('UND_ERR_');
    const chunks = readdirSync(dist).filter((f) => /^\d+\.index\.js$/.test(f));
    expect(chunks.some((f) => readFileSync(path.join(dist, f), 'utf8').includes('UND_ERR_'))).toBe(true);
  });
});
