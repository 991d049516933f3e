// scripts/corpus-score.mjs (npm run corpus) on a tiny labelled corpus of our own files: the
// materialised files are checked against their sha256, the bundled CLI audits the rest, and the
// counts and disagreements follow the labels.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const script = path.join(root, 'scripts', 'corpus-score.mjs');

const files = {
  // runs as node, has a probe, exposes a literal API key on line 3
  '001': [
    'FROM node:20',
    'USER node',
    'ENV API_KEY=9f2c4e7a1b8d3f6e0a5c',
    'EXPOSE 3000',
    'HEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1',
    'CMD ["node", "server.js"]',
    '',
  ].join('\n'),
  // root, no probe, no secret
  '002': ['FROM python:3.12-slim', 'CMD ["python", "app.py"]', ''].join('\n'),
};

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const labels = (nonRoot: boolean, hc: boolean, noSecrets: boolean, secretLines: number[] = []) => ({
  'non-root': nonRoot,
  'healthcheck-defined': hc,
  'no-secrets': noSecrets,
  'secret-on-line': secretLines,
  HC306: [],
  HC207: [],
  HC401: [],
});

interface Row {
  k: string;
  tp: number;
  fp: number;
  fn: number;
  precision: string;
  recall: string;
}
interface Result {
  scored: number;
  rows: Row[];
  disagreements: { id: string; what: string; expected: string; got: string }[];
}

let dir: string;
let result: Result;
let run: ReturnType<typeof spawnSync>;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hc-corpus-'));
  const real = path.join(dir, 'real');
  mkdirSync(real);
  for (const [id, text] of Object.entries(files)) writeFileSync(path.join(real, `${id}.Dockerfile`), text);
  // 003 is labelled but never materialised; 002's label deliberately claims a secret on line 1
  const corpus = {
    files: [
      {
        id: '001',
        repo: 'ours/a',
        commit: 'c',
        path: 'Dockerfile',
        sha256: sha(files['001']),
        labels: labels(true, true, false, [3]),
      },
      {
        id: '002',
        repo: 'ours/b',
        commit: 'c',
        path: 'Dockerfile',
        sha256: sha(files['002']),
        labels: labels(false, false, true, [1]),
      },
      {
        id: '003',
        repo: 'ours/c',
        commit: 'c',
        path: 'Dockerfile',
        sha256: sha('x'),
        labels: labels(true, true, true),
      },
    ],
  };
  writeFileSync(path.join(dir, 'labels.json'), JSON.stringify(corpus));
  run = spawnSync(
    process.execPath,
    [script, '--labels', path.join(dir, 'labels.json'), '--dir', real, '--json', path.join(dir, 'out.json')],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`corpus-score exited ${run.status}:\n${run.stderr}`);
  result = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')) as Result;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const row = (k: string) => result.rows.find((r) => r.k === k)!;

describe('npm run corpus (needs the bundle in dist/cli)', () => {
  it('names the missing file and scores the others', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('missing  003');
    expect(result.scored).toBe(2);
  });

  it('counts the checklist items with "fails" as the positive class', () => {
    expect(row('non-root')).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(row('healthcheck-defined')).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(row('no-secrets')).toMatchObject({ tp: 1, fp: 0, fn: 0, precision: '1.00', recall: '1.00' });
  });

  it('matches line findings to labelled lines and lists the misses', () => {
    expect(row('secret-on-line')).toMatchObject({ tp: 1, fp: 0, fn: 1, recall: '0.50' });
    expect(result.disagreements).toContainEqual({
      id: '002',
      what: 'secret-on-line',
      expected: 'line 1',
      got: 'not reported',
    });
  });

  it('refuses a file whose text changed since it was labelled', () => {
    writeFileSync(path.join(dir, 'real', '001.Dockerfile'), files['001'] + '# edited\n');
    const again = spawnSync(
      process.execPath,
      [script, '--labels', path.join(dir, 'labels.json'), '--dir', path.join(dir, 'real')],
      {
        encoding: 'utf8',
      },
    );
    expect(again.stderr).toMatch(/changed {2}001/);
    expect(again.stdout).toContain('1 of 3 files scored');
  });
});
