// The matrix recipe's gather job, through the committed bundle: forty legs' report files
// (real static audits, split per Dockerfile as each leg writes them) published as one
// sticky comment under GitHub's size limit, one summary and one verdict.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { ROOT, runAction } from '../helpers/run-action.js';
import type { Report, ReportOrigin } from '../../src/report/types.js';
import { prEventEnv } from '../helpers/pr-event.js';

const HEAD_SHA = 'feedfacefeedfacefeedfacefeedfacefeedface';
const PR = 12;
const LEGS = 40;
let gh: FakeGitHub;
let workspace: string;

const HARDENED =
  'FROM scratch\nCOPY app /app\nUSER 10001:10001\nHEALTHCHECK CMD ["/app", "health"]\nCMD ["/app"]\n';
const ROOT_WITH_SECRET =
  'FROM python:3.12-slim\nENV DB_PASSWORD=s3cr3t-value-1234\nRUN pip install flask\nCMD ["python", "app.py"]\n';

beforeAll(async () => {
  gh = await startFakeGitHub();
  workspace = mkdtempSync(path.join(tmpdir(), 'hc-gather-e2e-'));
  // Every fifth service runs as root with a secret; the others are hardened.
  for (let i = 0; i < LEGS; i++) {
    mkdirSync(path.join(workspace, 'services', `svc-${i}`), { recursive: true });
    writeFileSync(
      path.join(workspace, 'services', `svc-${i}`, 'Dockerfile'),
      i % 5 === 4 ? ROOT_WITH_SECRET : HARDENED,
    );
  }
  const cli = spawnSync(
    process.execPath,
    [path.join(ROOT, 'dist', 'cli', 'index.js'), '--static', '--format', 'json', 'services/*/Dockerfile'],
    { cwd: workspace, encoding: 'utf8' },
  );
  const all = JSON.parse(cli.stdout) as Report;
  expect(all.targets).toHaveLength(LEGS);
  // What each matrix leg uploads: its own report, with the PR it ran for.
  all.targets.forEach((t, i) => {
    const leg = {
      ...all,
      targets: [t],
      checks: t.checks,
      findings: t.findings,
      pullRequest: { number: PR, headSha: HEAD_SHA },
    } satisfies Report & ReportOrigin;
    mkdirSync(path.join(workspace, 'legs', `leg-${i}`), { recursive: true });
    writeFileSync(path.join(workspace, 'legs', `leg-${i}`, 'harden-check-report.json'), JSON.stringify(leg));
  });
});
afterAll(async () => gh.close());

function prEnv(): Record<string, string> {
  return prEventEnv({ workspace, apiUrl: gh.url, pr: PR, headSha: HEAD_SHA });
}

describe('gathering forty matrix legs', () => {
  it('posts one comment with the services x checks table, worst first, under the limit, and fails once', async () => {
    const run = await runAction({
      workspace,
      inputs: { report: 'legs', 'comment-tag': 'monorepo' },
      env: prEnv(),
    });
    const ours = gh.commentsOn(PR).filter((c) => c.body.includes('<!-- harden-check:monorepo -->'));
    expect(ours).toHaveLength(1);
    const body = ours[0].body;
    expect(body.length).toBeLessThan(65_536);
    expect(body).toContain(`## ❌ harden-check failed · ${LEGS} Dockerfiles`);
    const rows = body.split('\n').filter((l) => /^\| (❌|⚠️|✅) \| services\//.test(l));
    expect(rows).toHaveLength(LEGS);
    // the eight failing services lead the table and the sections
    expect(rows.slice(0, 8).every((r) => r.startsWith('| ❌ |'))).toBe(true);
    expect(rows.slice(8).every((r) => !r.startsWith('| ❌ |'))).toBe(true);
    expect(body.indexOf('### ❌ services/svc-4/Dockerfile')).toBeLessThan(
      body.indexOf('services/svc-0/Dockerfile', body.indexOf('### ')),
    );
    expect(body).not.toContain('s3cr3t-value-1234');
    // one verdict over all: the gather job is the check a branch can require
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('fail');
    expect(run.stdout).toContain('::error::harden-check failed: 8 of 40 Dockerfiles fail');
    expect(run.summary).toContain('| | Dockerfile |');
    expect(JSON.parse(readFileSync(run.outputs['report-json'], 'utf8')).targets).toHaveLength(LEGS);

    // A rerun updates the same comment.
    await runAction({
      workspace,
      inputs: { report: 'legs/*/harden-check-report.json', 'comment-tag': 'monorepo' },
      env: prEnv(),
    });
    expect(gh.commentsOn(PR).filter((c) => c.body.includes('<!-- harden-check:monorepo -->'))).toHaveLength(
      1,
    );
  });

  it('passes when every leg passes', async () => {
    const run = await runAction({
      workspace,
      inputs: {
        report: 'legs/leg-0/harden-check-report.json\nlegs/leg-1/harden-check-report.json',
        comment: 'false',
      },
      env: prEnv(),
    });
    expect(run.code).toBe(0);
    expect(run.outputs.result).toBe('pass');
  });
});
