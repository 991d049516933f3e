#!/usr/bin/env node
// Benchmarks (not tests): `npm run bench` (after `npm run bundle`). Prints medians of several runs:
//   - cold start of the action bundle, static run of one Dockerfile (INPUT_* as the runner sets them),
//     next to a bare `node -e 0`; the CLI on one Dockerfile;
//   - the static audit of 1,000 generated Dockerfiles in one CLI process, and the recall of the
//     problems seeded into them;
//   - the peers dockerfilelint and dockerfile_lint on the same 1,000 files (scripts/bench-peers.mjs);
//   - peak memory (max RSS) of those processes; the bundle size;
//   - the runtime benchmark (scripts/bench-runtime.mjs) when a Docker engine answers.
// Results also go to .bench/results.json.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import path from 'node:path';
import { generate, PROBLEMS } from './gen-corpus.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const benchDir = path.join(root, '.bench');
const corpusDir = path.join(benchDir, 'corpus');
mkdirSync(benchDir, { recursive: true });
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

// A preload that reports the process's peak RSS (KiB) to a file on exit.
const rssHook = path.join(benchDir, 'rss-hook.mjs');
writeFileSync(
  rssHook,
  "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => { if (process.env.HC_RSS_FILE) writeFileSync(process.env.HC_RSS_FILE, String(process.resourceUsage().maxRSS)); });\n",
);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function timed(args, env = {}, opts = {}) {
  const rssFile = path.join(benchDir, `rss-${process.pid}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', rssHook, ...args], {
    env: { PATH: process.env.PATH, HC_RSS_FILE: rssFile, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    cwd: opts.cwd ?? root,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rssKiB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  return { ms, rssKiB, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function series(label, args, env, opts) {
  const runs = Array.from({ length: RUNS }, () => timed(args, env, opts));
  const bad = runs.find((r) => r.status !== 0 && r.status !== 1);
  if (bad) throw new Error(`${label}: exit ${bad.status}\n${bad.stderr}`);
  return {
    label,
    ms: median(runs.map((r) => r.ms)),
    rssMiB: median(runs.map((r) => r.rssKiB)) / 1024,
    last: runs.at(-1),
  };
}

function actionEnv(dockerfile) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hc-bench-'));
  const env = {
    GITHUB_WORKSPACE: root,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'acme/shop',
    RUNNER_TEMP: dir,
    INPUT_DOCKERFILE: dockerfile,
    INPUT_BUILD: 'false',
    'INPUT_FAIL-ON': 'never',
    INPUT_SUMMARY: 'true',
    INPUT_COMMENT: 'false',
  };
  for (const f of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY', 'GITHUB_ENV', 'GITHUB_PATH']) {
    env[f] = path.join(dir, f.toLowerCase());
    writeFileSync(env[f], '');
  }
  return env;
}

const results = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  runs: RUNS,
};

// 1. cold start
const floor = series('node -e 0 (floor)', ['-e', '0']);
const action = series(
  'action bundle, static, 1 Dockerfile',
  ['dist/index.js'],
  actionEnv('examples/python-fastapi/Dockerfile'),
);
const cli1 = series('CLI, static, 1 Dockerfile', [
  'dist/cli/index.js',
  '--static',
  '--format',
  'json',
  'examples/python-fastapi/Dockerfile',
]);
results.coldStart = { floorMs: floor.ms, actionMs: action.ms, cliMs: cli1.ms, actionRssMiB: action.rssMiB };

// 2. 1,000 generated Dockerfiles in one process
rmSync(corpusDir, { recursive: true, force: true });
mkdirSync(corpusDir, { recursive: true });
const files = generate(1000, 42);
for (const f of files) writeFileSync(path.join(corpusDir, f.name), f.text);
const names = files.map((f) => f.name);
const many = series(
  'CLI, static, 1,000 Dockerfiles in one process',
  ['../../dist/cli/index.js', '--static', '--format', 'json', ...names],
  {},
  { cwd: corpusDir },
);
const report = JSON.parse(many.last.stdout);
let seededTotal = 0;
let found = 0;
const perProblem = {};
for (const f of files) {
  const t = report.targets.find((x) => x.dockerfile === f.name);
  const ids = new Set(t.findings.map((x) => x.ruleId));
  for (const p of f.seeded) {
    const hit = PROBLEMS[p].ids.some((id) => ids.has(id));
    seededTotal++;
    if (hit) found++;
    perProblem[p] ??= { seeded: 0, found: 0 };
    perProblem[p].seeded++;
    if (hit) perProblem[p].found++;
  }
}
const auditSeconds = report.targets.reduce((s, t) => s + t.timings.audit, 0);
results.corpus = {
  files: files.length,
  wallMs: many.ms,
  perFileMs: many.ms / files.length,
  inProcessAuditMsPerFile: (auditSeconds * 1000) / files.length,
  rssMiB: many.rssMiB,
  findings: report.findings.length,
  seededRecall: `${found}/${seededTotal}`,
  perProblem,
};

// 2b. the JavaScript peers on the same 1,000 files (in-process, timed the same way), and what
// each finds of the seeded problems (scripts/bench-peers.mjs maps their findings honestly).
{
  const { PEER_MAP } = await import('./bench-peers.mjs');
  const peerRuns = Array.from({ length: Math.min(RUNS, 5) }, () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/bench-peers.mjs'), corpusDir], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    if (r.status !== 0) throw new Error(`bench-peers: ${r.stderr}`);
    return JSON.parse(r.stdout);
  });
  const ours = results.corpus.inProcessAuditMsPerFile * files.length;
  results.peers = {};
  for (const tool of Object.keys(PEER_MAP)) {
    const ms = median(peerRuns.map((r) => r[tool].ms));
    const findings = peerRuns[0][tool].findings;
    let hit = 0;
    const per = {};
    for (const f of files) {
      const got = findings[f.name] ?? [];
      for (const p of f.seeded) {
        const found = (PEER_MAP[tool][p] ?? []).some((re) => got.some((g) => re.test(g)));
        per[p] ??= { seeded: 0, found: 0 };
        per[p].seeded++;
        if (found) {
          per[p].found++;
          hit++;
        }
      }
    }
    results.peers[tool] = {
      version: peerRuns[0][tool].version,
      ms,
      perFileMs: ms / files.length,
      oursOverPeer: ours / ms,
      seededRecall: `${hit}/${seededTotal}`,
      perProblem: per,
    };
  }
}

// 3. bundle size
results.bundle = {
  actionKiB: statSync(path.join(root, 'dist/index.js')).size / 1024,
  cliKiB: statSync(path.join(root, 'dist/cli/index.js')).size / 1024,
};

// 4. runtime (needs an engine)
const docker = spawnSync('docker', ['info'], { encoding: 'utf8' });
if (docker.status === 0 && existsSync(path.join(root, 'scripts/bench-runtime.mjs'))) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/bench-runtime.mjs')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  results.runtime = r.stdout.trim();
} else {
  results.runtime = 'skipped: no Docker engine answered';
}

const f1 = (n) => n.toFixed(1);
console.log(`machine: ${results.machine}; medians of ${RUNS} runs\n`);
console.log('| measure | value |\n|---|---|');
console.log(`| node -e 0 (floor) | ${f1(floor.ms)} ms |`);
console.log(
  `| action bundle, static run of 1 Dockerfile (cold start, incl. summary + outputs) | ${f1(action.ms)} ms (${f1(action.ms / floor.ms)}× floor), peak RSS ${f1(action.rssMiB)} MiB |`,
);
console.log(`| CLI, static, 1 Dockerfile | ${f1(cli1.ms)} ms |`);
console.log(
  `| CLI, static, 1,000 Dockerfiles in one process | ${f1(many.ms)} ms (${f1(results.corpus.perFileMs)} ms/file wall, ${results.corpus.inProcessAuditMsPerFile.toFixed(2)} ms/file audit), peak RSS ${f1(many.rssMiB)} MiB |`,
);
console.log(`| seeded problems found | ${results.corpus.seededRecall} |`);
console.log(
  `| bundle size | action ${f1(results.bundle.actionKiB)} KiB, CLI ${f1(results.bundle.cliKiB)} KiB |`,
);
console.log(
  `\nper seeded problem: ${Object.entries(perProblem)
    .map(([k, v]) => `${k} ${v.found}/${v.seeded}`)
    .join(', ')}`,
);
for (const [tool, p] of Object.entries(results.peers)) {
  console.log(
    `| ${tool} ${p.version}, same 1,000 files in one process | ${f1(p.ms)} ms (${p.perFileMs.toFixed(3)} ms/file); harden-check audit takes ${f1(p.oursOverPeer)}× as long | seeded found ${p.seededRecall} |`,
  );
}
console.log(
  `\nper seeded problem (harden-check / dockerfilelint / dockerfile_lint): ${Object.keys(PROBLEMS)
    .map(
      (k) =>
        `${k} ${perProblem[k]?.found ?? 0}/${perProblem[k]?.seeded ?? 0} / ${results.peers.dockerfilelint.perProblem[k]?.found ?? 0} / ${results.peers.dockerfile_lint.perProblem[k]?.found ?? 0}`,
    )
    .join(', ')}`,
);
console.log(`\nruntime:\n${results.runtime}`);
writeFileSync(path.join(benchDir, 'results.json'), JSON.stringify(results, null, 2));
