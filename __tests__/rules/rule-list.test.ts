// The one list of static rules (src/rules/all.ts) holds every rule module, so a rule cannot be
// written and then forgotten; and a rule's folder follows its id range.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STATIC_RULES } from '../../src/rules/all.js';
import type { Rule } from '../../src/rules/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rulesDir = path.join(root, 'src', 'rules');

const GROUP_OF_RANGE: Record<string, string> = {
  '1': 'user',
  '2': 'health',
  '3': 'config',
  '4': 'ownership',
  '5': 'practice',
};

/** Every hcNNN-*.ts under src/rules, at any depth. */
function ruleFiles(): string[] {
  return (readdirSync(rulesDir, { recursive: true }) as string[])
    .filter((f) => /(^|\/)hc\d{3}-[^/]*\.ts$/.test(f))
    .sort();
}

describe('src/rules/all.ts', () => {
  it('is what scripts/rule-list.mjs generates from the rule modules (`npm run rules`)', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'rule-list.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('holds the rule of every src/rules/**/hcNNN-*.ts module, once, in id order', async () => {
    const files = ruleFiles();
    expect(files.length).toBeGreaterThan(70);
    for (const file of files) {
      const name = /hc\d{3}/.exec(path.basename(file))![0];
      const mod = (await import(pathToFileURL(path.join(rulesDir, file)).href)) as Record<string, Rule>;
      const rule = mod[name];
      expect(rule?.meta.id, file).toBe(name.toUpperCase());
      expect(
        STATIC_RULES.filter((r) => r === rule),
        file,
      ).toHaveLength(1);
    }
    expect(STATIC_RULES).toHaveLength(files.length);
    const ids = STATIC_RULES.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('keeps each rule module in the folder of its id range', () => {
    for (const file of ruleFiles()) {
      const range = /hc(\d)\d\d/.exec(path.basename(file))![1];
      expect(path.dirname(file), file).toBe(GROUP_OF_RANGE[range]);
    }
  });
});
