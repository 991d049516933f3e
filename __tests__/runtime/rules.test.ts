// Every runtime rule id that the runtime can emit has metadata (rule registry, SARIF, docs
// links), and every metadata entry belongs to an id some module emits. The ids are emitted
// through exported constants only: a bare 'HCnnn' literal elsewhere would bypass this test.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as buildFailure from '../../src/runtime/build-failure.js';
import * as envOverride from '../../src/runtime/checks/env-override.js';
import * as gracefulStop from '../../src/runtime/checks/graceful-stop.js';
import * as noSecrets from '../../src/runtime/checks/no-secrets.js';
import * as nonRoot from '../../src/runtime/checks/non-root.js';
import * as readOnlyRootfs from '../../src/runtime/checks/read-only-rootfs.js';
import * as restrictedProfile from '../../src/runtime/checks/restricted-profile.js';
import * as setuidFiles from '../../src/runtime/checks/setuid-files.js';
import * as diagnosis from '../../src/runtime/health-diagnosis.js';
import * as cause from '../../src/runtime/health/cause.js';
import { RUNTIME_RULES } from '../../src/runtime/rules.js';

const RUNTIME_DIR = resolve(import.meta.dirname, '../../src/runtime');
const RULE_ID = /^HC\d{3}$/;

function emittedIds(): string[] {
  return [
    buildFailure,
    envOverride,
    gracefulStop,
    noSecrets,
    nonRoot,
    diagnosis,
    cause,
    readOnlyRootfs,
    restrictedProfile,
    setuidFiles,
  ]
    .flatMap((m) => Object.values(m))
    .filter((v): v is string => typeof v === 'string' && RULE_ID.test(v));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('runtime rule ids', () => {
  it('every emitted id has metadata, and every metadata entry is emitted', () => {
    const emitted = emittedIds();
    expect(new Set(emitted).size).toBe(emitted.length);
    expect([...emitted].sort()).toEqual(RUNTIME_RULES.map((r) => r.id).sort());
  });

  it('ids appear as string literals only where a constant is exported', () => {
    const stray: string[] = [];
    for (const file of sourceFiles(RUNTIME_DIR)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/['"`]HC\d{3}['"`]/.test(line) && !/^export const [A-Z_]+ = 'HC\d{3}';$/.test(line))
            stray.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(stray).toEqual([]);
  });
});
