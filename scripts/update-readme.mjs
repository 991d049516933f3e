#!/usr/bin/env node
// Regenerates README.md's rule index and inputs/outputs tables from the bundle and action.yml.
// __tests__/project.test.ts fails when README.md is out of date; run `npm run docs` to fix it.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const readme = path.join(root, 'README.md');
const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'));
const cell = (s) =>
  String(s ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ')
    .trim();

const inputs = [
  '| input | default | description |',
  '|---|---|---|',
  ...Object.entries(action.inputs).map(
    ([k, v]) => `| \`${k}\` | ${v.default ? '`' + cell(v.default) + '`' : ''} | ${cell(v.description)} |`,
  ),
].join('\n');
const outputs = [
  '| output | description |',
  '|---|---|',
  ...Object.entries(action.outputs).map(([k, v]) => `| \`${k}\` | ${cell(v.description)} |`),
].join('\n');
const rules = execFileSync(process.execPath, [path.join(root, 'dist/cli/index.js'), '--list-rules'], {
  encoding: 'utf8',
}).trim();

let text = readFileSync(readme, 'utf8');
for (const [name, body] of [
  ['inputs', inputs],
  ['outputs', outputs],
  ['rules', rules],
]) {
  const re = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!re.test(text)) throw new Error(`README.md has no <!-- ${name}:start --> section`);
  text = text.replace(re, `$1${body}\n$2`);
}
writeFileSync(readme, text);
console.log('README.md updated');
