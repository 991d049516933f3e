// The project's promises about itself: action.yml carries the contract, README.md's tables
// match action.yml and the rule registry, every rule has its docs page, versions agree.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { actionYml, ROOT } from './helpers/run-action.js';
import { allRuleMetas } from '../src/rules/registry.js';
import { renderRuleIndex } from '../src/rules/rule-index.js';
import { VERSION } from '../src/version.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = (name: string) => {
  const m = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(readme);
  return m ? m[1].trim() : null;
};
const cell = (s: unknown) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ')
    .trim();

// The action's contract: users depend on these names.
const CONTRACT_INPUTS = [
  'dockerfile',
  'context',
  'build-args',
  'target',
  'build-flags',
  'image',
  'build',
  'run',
  'env-overrides',
  'health-timeout',
  'run-args',
  'network',
  'fail-on',
  'ignore',
  'config',
  'comment',
  'comment-tag',
  'github-token',
  'review',
  'sarif-file',
  'summary',
  'report',
];
const CONTRACT_OUTPUTS = ['result', 'errors', 'warnings', 'report-json', 'sarif-file', 'image-id'];
// Added since, within the major version: only ever appended, never renamed or removed.
const ADDED_INPUTS = ['plan', 'checks', 'stop-timeout'];
const ADDED_OUTPUTS = ['targets'];

describe('action.yml', () => {
  const yml = actionYml();
  it('declares every input and output of the contract, each with a description', () => {
    expect(Object.keys(yml.inputs)).toEqual([...CONTRACT_INPUTS, ...ADDED_INPUTS]);
    expect(Object.keys(yml.outputs)).toEqual([...CONTRACT_OUTPUTS, ...ADDED_OUTPUTS]);
    for (const spec of Object.values(yml.inputs))
      expect((spec as { description?: string }).description).toBeTruthy();
  });
  it('runs the one bundle on node24 for main and post', () => {
    expect(yml.runs).toMatchObject({ using: 'node24', main: 'dist/index.js', post: 'dist/index.js' });
  });
  it('gives github-token the workflow token by default', () => {
    expect(yml.inputs['github-token'].default).toBe('${{ github.token }}');
  });
});

describe('README.md', () => {
  it('starts with the two commands a newcomer runs', () => {
    const blocks = [...readme.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1].trim());
    expect(blocks[0]).toMatch(/^npm ci && npx harden-check .*examples\/python-fastapi\/Dockerfile$/);
    expect(blocks[1]).toBe('npm ci && npm test');
    expect(readme.indexOf('```bash')).toBeLessThan(200);
  });
  it('has an inputs table equal to action.yml', () => {
    const yml = actionYml();
    const expected = [
      '| input | default | description |',
      '|---|---|---|',
      ...Object.entries(yml.inputs).map(
        ([k, v]) =>
          `| \`${k}\` | ${v.default ? '`' + cell(v.default) + '`' : ''} | ${cell((v as { description?: string }).description)} |`,
      ),
    ].join('\n');
    expect(section('inputs')).toBe(expected);
  });
  it('has an outputs table equal to action.yml', () => {
    const yml = actionYml();
    const expected = [
      '| output | description |',
      '|---|---|',
      ...Object.entries(yml.outputs).map(
        ([k, v]) => `| \`${k}\` | ${cell((v as { description?: string }).description)} |`,
      ),
    ].join('\n');
    expect(section('outputs')).toBe(expected);
  });
  it('lists every rule of the registry (run `npm run docs` to refresh)', () => {
    expect(section('rules')).toBe(renderRuleIndex(allRuleMetas()));
  });
});

describe('rule documentation', () => {
  it.each(allRuleMetas().map((m) => [m.id, m] as const))(
    '%s has a docs page titled like its metadata',
    (id, meta) => {
      const file = path.join(ROOT, 'docs', 'rules', `${id}.md`);
      expect(existsSync(file), `docs/rules/${id}.md`).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text.split('\n')[0]).toBe(`# ${id}: ${meta.title}`);
      expect(text).toMatch(/## How to ignore/);
    },
  );
  it('uses unique ids of the form HCnnn', () => {
    const ids = allRuleMetas().map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^HC\d{3}$/);
  });
});

describe('versions', () => {
  it('keeps src/version.ts equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });
});
