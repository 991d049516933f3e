#!/usr/bin/env node
// The long fuzz run: the properties of __tests__/fuzz with FUZZ_RUNS times the CI case
// count (default 20: 2,000,000 small files, 60,000 mutated/random, 20,000 determinism pairs)
// and a seed of your choice:  npm run fuzz -- [scale] [seed]
import { spawnSync } from 'node:child_process';

const [scale = process.env.FUZZ_RUNS ?? '20', seed = process.env.FUZZ_SEED ?? String(Date.now() % 1e9)] =
  process.argv.slice(2);
console.log(`fuzz: scale ${scale}, seed ${seed} (rerun with: npm run fuzz -- ${scale} ${seed})`);
const r = spawnSync('npx', ['vitest', 'run', '__tests__/fuzz', '--testTimeout=0'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: scale, FUZZ_SEED: seed },
});
process.exit(r.status ?? 1);
