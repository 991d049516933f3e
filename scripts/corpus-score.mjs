#!/usr/bin/env node
// Scores the static audit against a hand-labelled corpus of real public Dockerfiles
// (`npm run corpus`, after `npm run bundle`). The repository keeps only references and labels
// (corpus/real-world.json: repo, commit, path, sha256, labels); the third-party files themselves
// are materialised by hand into the git-ignored .corpus/real/ folder, one `<id>.Dockerfile` per
// entry, and are checked against their sha256 here. This script makes no network call.
//
// Prints precision and recall per checklist item (non-root, healthcheck-defined, no-secrets: the
// positive class is "the item fails") and per rule family (secret-on-line: the no-secrets findings
// that fail the item; HC306, HC207, HC401: findings matched by line), then every disagreement.
//   node scripts/corpus-score.mjs [--labels corpus/real-world.json] [--dir .corpus/real]
//                                 [--cli dist/cli/index.js] [--json out.json]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const labelsFile = path.resolve(root, option('labels', 'corpus/real-world.json'));
const dir = path.resolve(root, option('dir', '.corpus/real'));
const cli = path.resolve(root, option('cli', 'dist/cli/index.js'));
const jsonOut = option('json', '');

const CHECKS = ['non-root', 'healthcheck-defined', 'no-secrets'];
const FAMILIES = {
  'secret-on-line': (f) => f.check === 'no-secrets' && f.severity === 'error',
  HC306: (f) => f.ruleId === 'HC306',
  HC207: (f) => f.ruleId === 'HC207',
  HC401: (f) => f.ruleId === 'HC401',
};

const corpus = JSON.parse(readFileSync(labelsFile, 'utf8'));
const entries = corpus.files;

// 1. Materialised files: present and byte-identical to what was labelled.
const missing = [];
const changed = [];
const present = [];
for (const e of entries) {
  const file = path.join(dir, `${e.id}.Dockerfile`);
  if (!existsSync(file)) {
    missing.push(e);
    continue;
  }
  const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
  if (sha !== e.sha256) changed.push({ e, sha });
  else present.push({ e, file });
}
if (missing.length || changed.length) {
  for (const e of missing) console.error(`missing  ${e.id}  ${e.repo} ${e.path} @ ${e.commit}`);
  for (const { e, sha } of changed)
    console.error(
      `changed  ${e.id}  ${e.repo} ${e.path}: sha256 ${sha.slice(0, 12)}…, labelled ${e.sha256.slice(0, 12)}…`,
    );
  console.error(
    `\n${missing.length} missing, ${changed.length} changed of ${entries.length}. Materialise each as ` +
      `${path.relative(root, dir)}/<id>.Dockerfile with the exact text of <repo>/<path> at <commit> ` +
      '(the file as stored in the repository, byte for byte); the ones above are left out of the score.\n',
  );
}
if (!present.length) {
  console.error('Nothing to score.');
  process.exit(2);
}
if (!existsSync(cli)) {
  console.error(`${path.relative(root, cli)} not found: run \`npm run bundle\` first (or pass --cli).`);
  process.exit(2);
}

// 2. One static CLI run over every present file.
const run = spawnSync(
  process.execPath,
  [cli, '--static', '--format', 'json', '--fail-on', 'never', ...present.map((p) => p.file)],
  { cwd: dir, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
);
if (run.status !== 0) {
  console.error(`harden-check exited ${run.status}:\n${run.stderr}`);
  process.exit(2);
}
const report = JSON.parse(run.stdout);
const byFile = new Map(report.targets.map((t) => [path.resolve(dir, t.dockerfile), t]));

// 3. Compare.
const score = Object.fromEntries(
  [...CHECKS, ...Object.keys(FAMILIES)].map((k) => [k, { tp: 0, fp: 0, fn: 0, tn: 0 }]),
);
const undecided = Object.fromEntries(CHECKS.map((k) => [k, 0]));
const unlabelled = Object.fromEntries(CHECKS.map((k) => [k, 0]));
const disagreements = [];

for (const { e, file } of present) {
  const t = byFile.get(file);
  if (!t) {
    disagreements.push({ id: e.id, what: 'run', expected: 'a report', got: 'none' });
    continue;
  }
  for (const id of CHECKS) {
    const want = e.labels[id];
    const status = t.checks.find((c) => c.id === id)?.status ?? 'missing';
    if (want === null || want === undefined) {
      unlabelled[id]++;
      continue;
    }
    const problem = want === false; // label true = "holds" (runs as non-root, has a healthcheck, no secret)
    const flagged = status === 'fail';
    if (status !== 'pass' && status !== 'fail') undecided[id]++;
    const s = score[id];
    if (problem && flagged) s.tp++;
    else if (!problem && flagged) s.fp++;
    else if (problem && !flagged) s.fn++;
    else s.tn++;
    if (problem !== flagged || (status !== 'pass' && status !== 'fail')) {
      const detail = t.checks.find((c) => c.id === id)?.detail ?? '';
      disagreements.push({
        id: e.id,
        what: id,
        expected: want ? 'pass' : 'fail',
        got: `${status}: ${detail}`,
      });
    }
  }
  for (const [family, match] of Object.entries(FAMILIES)) {
    // Each expected finding is a line, or a list of lines any of which is right (a finding may
    // fairly point at either of two instructions, e.g. the probe or the EXPOSE it disagrees with).
    const expected = (e.labels[family] ?? []).map((x) => (Array.isArray(x) ? x : [x]));
    const got = t.findings.filter(match);
    const hit = new Set();
    for (const f of got) {
      const covers = (l) => l >= f.line && l <= (f.endLine ?? f.line);
      const i = expected.findIndex((alts, k) => !hit.has(k) && alts.some(covers));
      const dup = i < 0 && expected.some((alts, k) => hit.has(k) && alts.some(covers));
      if (i >= 0) {
        hit.add(i);
        score[family].tp++;
      } else if (!dup) {
        score[family].fp++;
        disagreements.push({
          id: e.id,
          what: family,
          expected: 'nothing here',
          got: `${f.ruleId} line ${f.line}: ${f.message}`,
        });
      }
    }
    expected.forEach((alts, k) => {
      if (hit.has(k)) return;
      score[family].fn++;
      disagreements.push({
        id: e.id,
        what: family,
        expected: `line ${alts.join(' or ')}`,
        got: 'not reported',
      });
    });
  }
}

// 4. Print.
const pct = (n, d) => (d ? (n / d).toFixed(2) : '—');
const rows = Object.entries(score).map(([k, s]) => ({
  k,
  ...s,
  precision: pct(s.tp, s.tp + s.fp),
  recall: pct(s.tp, s.tp + s.fn),
}));
console.log(
  `Real-world corpus: ${present.length} of ${entries.length} files scored (${report.version ? 'harden-check JSON v' + report.version : ''})\n`,
);
console.log(
  '| check / rule family | positives (labelled) | TP | FP | FN | precision | recall | no verdict | unlabelled |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const u = r.k in undecided ? undecided[r.k] : '';
  const n = r.k in unlabelled ? unlabelled[r.k] : '';
  console.log(
    `| ${r.k} | ${r.tp + r.fn} | ${r.tp} | ${r.fp} | ${r.fn} | ${r.precision} | ${r.recall} | ${u} | ${n} |`,
  );
}
console.log(
  '\nPositive = a problem: the checklist item fails (runs as root, no HEALTHCHECK, a secret exposed), or a finding on ' +
    'a labelled line. "No verdict" = the static audit said skip (needs a run); it counts as not flagged.',
);
if (disagreements.length) {
  console.log(`\nDisagreements (${disagreements.length}):`);
  for (const d of disagreements) {
    const e = entries.find((x) => x.id === d.id);
    console.log(
      `- ${d.id} ${e ? `${e.repo}/${e.path}` : ''} [${d.what}] expected ${d.expected}; got ${d.got}`,
    );
  }
}
if (jsonOut)
  writeFileSync(jsonOut, JSON.stringify({ scored: present.length, rows, undecided, disagreements }, null, 2));
