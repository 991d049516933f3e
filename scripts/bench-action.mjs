// One run of the bundled action as a runner starts it (GITHUB_* files, INPUT_* variables, no
// network, no comment, no summary), for the benchmark scripts. Returns the wall time and the
// report JSON the run wrote; throws with the run's last output when it did not finish.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {{ bundle: string, ctx: string, dir: string, runId: number, extra?: Record<string, string> }} o
 * @returns {{ wall: number, report: any }}
 */
export function runActionOnce({ bundle, ctx, dir, runId, extra = {} }) {
  mkdirSync(dir, { recursive: true });
  const files = Object.fromEntries(
    ['output', 'state', 'summary', 'env', 'path'].map((f) => [f, join(dir, f)]),
  );
  for (const f of Object.values(files)) writeFileSync(f, '');
  const pass = (k) => (process.env[k] ? { [k]: process.env[k] } : {});
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...pass('HARDEN_CHECK_DOCKER'),
    ...pass('DOCKER_BUILDKIT'),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ctx,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'bench/bench',
    GITHUB_RUN_ID: String(runId),
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    INPUT_DOCKERFILE: 'Dockerfile',
    INPUT_CONTEXT: '',
    INPUT_BUILD: 'true',
    INPUT_RUN: 'true',
    'INPUT_HEALTH-TIMEOUT': '60',
    INPUT_NETWORK: 'none',
    'INPUT_FAIL-ON': 'never',
    INPUT_COMMENT: 'false',
    INPUT_SUMMARY: 'false',
    INPUT_REVIEW: 'off',
    ...extra,
  };
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bundle], { env, cwd: ctx, encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  const path = /report-json<<(\S+)\n(.*)\n/.exec(readFileSync(files.output, 'utf8'))?.[2];
  if (r.status !== 0 || !path || !existsSync(path)) {
    console.error(r.stdout.slice(-2000), r.stderr.slice(-2000));
    throw new Error(`action run failed (exit ${r.status})`);
  }
  return { wall, report: JSON.parse(readFileSync(path, 'utf8')) };
}
