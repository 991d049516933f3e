// publish() and publishOnly() as the runner sees them: real @actions/core writing to
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and workflow commands on stdout, and the
// comment going to the fake GitHub server.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Inputs } from '../../src/inputs.js';
import { contextFromEnv, publish, publishOnly, reportOrigin } from '../../src/github/publish.js';
import { finalizeReport } from '../../src/report/finalize.js';
import { InputError } from '../../src/option-parsers.js';
import { deriveCommentTag } from '../../src/github/comment-tag.js';
import { serializeReport } from '../../src/report/json.js';
import { commentMarker } from '../../src/report/markdown.js';
import type { Report, ReportOrigin } from '../../src/report/types.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { makePatch } from '../helpers/patch.js';
import { captureStdout, type CapturedOutput } from './capture-output.js';
import {
  SECRET,
  SK_SECRET,
  check,
  hostileReport,
  realisticReport,
  reportOf,
  target,
} from '../report/sample-report.js';

const HEAD = 'c'.repeat(40);
const BUILD_ARG_SECRET = 'hunter2-build-arg-value';

function inputs(over: Partial<Inputs> = {}): Inputs {
  return {
    dockerfile: ['Dockerfile'],
    context: '',
    'build-args': { DB_PASSWORD: BUILD_ARG_SECRET },
    target: '',
    'build-flags': [],
    image: '',
    build: true,
    run: true,
    'env-overrides': {},
    'health-timeout': 60,
    'run-args': [],
    network: 'none',
    'fail-on': 'error',
    ignore: [],
    config: '',
    comment: true,
    'comment-tag': '',
    'github-token': 'test-token',
    review: 'changed',
    'sarif-file': '',
    summary: true,
    report: '',
    plan: false,
    checks: ['non-root', 'healthcheck-defined', 'healthy', 'no-secrets', 'env-override'],
    'stop-timeout': 10,
    ...over,
  };
}

let dir: string;
let gh: FakeGitHub;
let out: CapturedOutput;
const savedEnv = { ...process.env };
// core.summary caches its file path after the first write: one summary file per test file.
const files = () => ({
  output: path.join(dir, 'output'),
  summary: path.join(dir, 'summary'),
  event: path.join(dir, 'event.json'),
  workspace: path.join(dir, 'ws'),
  temp: path.join(dir, 'temp'),
});

function setEvent(name: string, payload: unknown): void {
  process.env.GITHUB_EVENT_NAME = name;
  writeFileSync(files().event, JSON.stringify(payload));
}

function outputs(): Record<string, string> {
  const text = readFileSync(files().output, 'utf8');
  const result: Record<string, string> = {};
  const re = /^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) result[m[1]] = m[3];
  return result;
}

const DOCKERFILE =
  'FROM node:20\nRUN x\nRUN y\nRUN z\nENV A=1\nRUN w\nEXPOSE 3000\nUSER node\nHEALTHCHECK CMD curl -f http://localhost:8080/\n';
/** PR 7 on the fake server, adding the Dockerfile (so every line is a changed line). */
const addPull = () =>
  gh.pulls.set(7, {
    number: 7,
    headSha: HEAD,
    files: [{ filename: 'Dockerfile', status: 'added', patch: makePatch(null, DOCKERFILE) }],
  });
const prPayload = {
  pull_request: { number: 7, head: { sha: HEAD } },
  repository: { full_name: 'acme/shop' },
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hc-publish-'));
  gh = await startFakeGitHub();
});
afterAll(async () => {
  await gh.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  const f = files();
  for (const d of [f.workspace, f.temp]) mkdirSync(d, { recursive: true });
  writeFileSync(f.output, '');
  if (existsSync(f.summary)) rmSync(f.summary, { recursive: true, force: true });
  writeFileSync(f.summary, '');
  writeFileSync(path.join(f.workspace, 'Dockerfile'), DOCKERFILE);
  Object.assign(process.env, {
    GITHUB_OUTPUT: f.output,
    GITHUB_STEP_SUMMARY: f.summary,
    GITHUB_EVENT_PATH: f.event,
    GITHUB_WORKSPACE: f.workspace,
    RUNNER_TEMP: f.temp,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: gh.url,
    GITHUB_RUN_ID: '42',
    GITHUB_SHA: 'd'.repeat(40),
  });
  gh.reset();
  out = captureStdout();
});
afterEach(() => {
  out.restore();
  process.exitCode = undefined;
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
});

const fast = { client: { retryBaseMs: 10, deadlineMs: 10_000, writeSpacingMs: 0 } };

describe('publish on a pull_request event', () => {
  it('writes JSON, SARIF, annotations, summary, comment, review and outputs, then fails per fail-on', async () => {
    setEvent('pull_request', prPayload);
    addPull();
    const report = realisticReport();
    const outcome = await publish(
      report,
      inputs({ 'sarif-file': 'out/harden.sarif' }),
      contextFromEnv(),
      fast,
    );

    expect(outcome.result).toBe('fail');
    expect(process.exitCode).toBe(1);
    const o = outputs();
    expect(o).toMatchObject({ result: 'fail', errors: '4', warnings: '1' });
    expect(o['report-json']).toBe(path.join(files().temp, 'harden-check-report-Dockerfile.json'));
    expect(o['sarif-file']).toBe(path.join(files().workspace, 'out/harden.sarif'));
    expect(o['image-id']).toMatch(/^sha256:4f1c/);

    const saved = JSON.parse(readFileSync(o['report-json'], 'utf8')) as Report & ReportOrigin;
    expect(saved.pullRequest).toEqual({ number: 7, headSha: HEAD });
    expect(saved.commentTag).toBe('Dockerfile');
    expect(saved.result).toBe('fail');

    const sarif = JSON.parse(readFileSync(o['sarif-file'], 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].automationDetails.id).toBe('harden-check/Dockerfile/');

    const summary = readFileSync(files().summary, 'utf8');
    expect(summary).toContain('## ❌ harden-check failed');
    expect(summary).toContain(`https://github.com/acme/shop/blob/${HEAD}/Dockerfile#L9`);
    expect(summary).toContain('https://github.com/acme/shop/actions/runs/42');

    const [comment] = gh.commentsOn(7);
    expect(comment.body.startsWith(commentMarker('Dockerfile'))).toBe(true);
    expect(comment.body).toContain('| Container becomes healthy | ❌ fail |');
    // The review comes after the sticky comment, on the findings' lines.
    const order = gh.calls().filter((c) => c.startsWith('POST'));
    expect(order).toEqual([
      'POST /repos/acme/shop/issues/7/comments',
      'POST /repos/acme/shop/pulls/7/reviews',
    ]);
    expect(outcome.review?.posted).toBeGreaterThan(0);
    expect(
      gh.reviewCommentsOn(7).every((c) => c.body.startsWith('<!-- harden-check-review:Dockerfile:')),
    ).toBe(true);

    const errors = out.commands('error');
    expect(errors.some((l) => l.startsWith('::error title=HC201,file=Dockerfile,line=9::'))).toBe(true);
    expect(errors.some((l) => l.includes('harden-check failed: 2 failed checks, 2 errors, 1 warning'))).toBe(
      true,
    );
    expect(out.commands('warning').filter((l) => !l.includes('file='))).toEqual([]);
  });

  it('never leaks a secret into outputs, summary, comment, review, annotations, SARIF or logs', async () => {
    setEvent('pull_request', prPayload);
    addPull();
    const report = hostileReport();
    report.targets[0].findings.push({
      ruleId: 'HC302',
      severity: 'error',
      file: 'Dockerfile',
      line: 1,
      message: `ARG DB_PASSWORD=${BUILD_ARG_SECRET}`,
    });
    report.targets[0].checks.push(check('no-secrets', 'fail', `sk: ${SK_SECRET}`));
    await publish(report, inputs({ 'sarif-file': 'hc.sarif' }), contextFromEnv(), fast);
    const everything = [
      out.text(),
      readFileSync(files().output, 'utf8'),
      readFileSync(files().summary, 'utf8'),
      readFileSync(path.join(files().workspace, 'hc.sarif'), 'utf8'),
      ...gh.requests.map((r) => JSON.stringify(r.body)),
    ].join('\n');
    expect(everything).toContain('…(redacted)');
    expect(gh.reviewCommentsOn(7).length).toBeGreaterThan(0);
    for (const secret of [SECRET, SK_SECRET, BUILD_ARG_SECRET]) expect(everything).not.toContain(secret);
  });

  it('updates the same comment on a rerun', async () => {
    setEvent('pull_request', prPayload);
    await publish(realisticReport(), inputs(), contextFromEnv(), fast);
    process.exitCode = undefined;
    await publish(
      reportOf([target([], [check('non-root', 'pass', 'uid 1000')])], 'pass'),
      inputs(),
      contextFromEnv(),
      fast,
    );
    expect(process.exitCode).toBeUndefined();
    const comments = gh.commentsOn(7);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('✅ harden-check passed');
  });
});

describe('publish elsewhere', () => {
  it('posts no comment on a push event, and a clean report passes', async () => {
    setEvent('push', { ref: 'refs/heads/main' });
    const outcome = await publish(
      reportOf([target([], [check('non-root', 'pass', 'uid 1000')])], 'pass'),
      inputs(),
      contextFromEnv(),
      fast,
    );
    expect(outcome.result).toBe('pass');
    expect(gh.requests).toEqual([]);
    expect(process.exitCode).toBeUndefined();
    expect(outputs().result).toBe('pass');
    expect(readFileSync(files().summary, 'utf8')).toContain('## ✅ harden-check passed');
  });

  it('a broken reporting path never flips a pass, and never hides a fail', async () => {
    setEvent('pull_request', prPayload);
    // Summary path becomes a directory (a read-only file would not do: tests may run as root);
    // the API answers 500 to everything.
    rmSync(files().summary);
    mkdirSync(files().summary);
    gh.failNext(1000, 500);
    const passing = await publish(
      reportOf([target([], [check('non-root', 'pass', 'uid 1000')])], 'pass'),
      inputs({ 'sarif-file': 'x.sarif' }),
      contextFromEnv(),
      { client: { retryBaseMs: 1, retries: 1, deadlineMs: 3000, writeSpacingMs: 0 } },
    );
    expect(passing.result).toBe('pass');
    expect(process.exitCode).toBeUndefined();
    const warnings = out.commands('warning');
    expect(warnings.some((w) => w.includes('could not write the job summary'))).toBe(true);
    expect(warnings.some((w) => w.includes('could not update the PR comment'))).toBe(true);
    expect(warnings.some((w) => w.includes('could not post review comments'))).toBe(true);
    expect(out.commands('error')).toEqual([]);

    const failing = await publish(realisticReport(), inputs(), contextFromEnv(), {
      client: { retryBaseMs: 1, retries: 1, deadlineMs: 3000, writeSpacingMs: 0 },
    });
    expect(failing.result).toBe('fail');
    expect(process.exitCode).toBe(1);
    rmSync(files().summary, { recursive: true });
  });

  it('applies the verdict the report was finalized with, and leaves the report as it is', async () => {
    setEvent('push', {});
    const failing = realisticReport().targets;
    const never = finalizeReport(failing, 'never');
    expect((await publish(never, inputs({ 'fail-on': 'never' }), contextFromEnv(), fast)).result).toBe(
      'pass',
    );
    expect(process.exitCode).toBeUndefined();
    expect(Object.isFrozen(never)).toBe(true);
    expect(never).toMatchObject({ result: 'pass', failOn: 'never' });
    const undecided = finalizeReport(
      [target([], [check('healthy', 'error', 'no Docker engine')])],
      'warning',
    );
    expect((await publish(undecided, inputs({ 'fail-on': 'warning' }), contextFromEnv(), fast)).result).toBe(
      'fail',
    );
    expect(process.exitCode).toBe(1);
    expect(out.commands('error').at(-1)).toContain(
      'harden-check failed: 0 errors, 0 warnings, 1 undecided check (fail-on: warning).',
    );
  });
});

describe('publishOnly (workflow_run half of the fork-PR recipe)', () => {
  const writeReport = (r: Report) => {
    const file = path.join(files().workspace, 'report.json');
    writeFileSync(file, serializeReport(r));
    return 'report.json';
  };
  const prReport = (sha = HEAD) => ({
    ...realisticReport(),
    pullRequest: { number: 7, headSha: sha },
    commentTag: 'Dockerfile',
  });
  const runPayload = (prs: number[], sha = HEAD) => ({
    workflow_run: { head_sha: sha, pull_requests: prs.map((number) => ({ number })) },
  });

  it('publishes to the PR GitHub names, with links to the built commit', async () => {
    setEvent('workflow_run', runPayload([7]));
    const outcome = await publishOnly(inputs({ report: writeReport(prReport()) }), contextFromEnv(), fast);
    expect(outcome.comment?.action).toBe('created');
    const [comment] = gh.commentsOn(7);
    expect(comment.body).toContain(`/blob/${HEAD}/Dockerfile#L9`);
    expect(readFileSync(files().summary, 'utf8')).toContain('## ❌ harden-check failed');
    expect(outputs()).toMatchObject({ result: 'fail', errors: '4' });
    // Only publishes: no annotations, no failed status.
    expect(out.commands('error')).toEqual([]);
    expect(process.exitCode).toBeUndefined();
  });

  it('refuses a report for another commit', async () => {
    setEvent('workflow_run', runPayload([7], 'e'.repeat(40)));
    const outcome = await publishOnly(inputs({ report: writeReport(prReport()) }), contextFromEnv(), fast);
    expect(outcome.comment).toBeNull();
    expect(gh.requests).toEqual([]);
    expect(out.commands('warning').join('\n')).toMatch(/report is for commit cccccc/);
  });

  it('refuses a report that names another PR', async () => {
    setEvent('workflow_run', runPayload([8]));
    await publishOnly(inputs({ report: writeReport(prReport()) }), contextFromEnv(), fast);
    expect(gh.commentsOn(7)).toEqual([]);
    expect(gh.commentsOn(8)).toEqual([]);
    expect(out.commands('warning').join('\n')).toMatch(/names PR 7, but the workflow run belongs to PR 8/);
  });

  it('for a fork (no pull_requests in the payload) checks the PR head through the API', async () => {
    setEvent('workflow_run', runPayload([]));
    gh.pulls.set(7, { number: 7, headSha: HEAD });
    await publishOnly(inputs({ report: writeReport(prReport()) }), contextFromEnv(), fast);
    expect(gh.calls()).toContain('GET /repos/acme/shop/pulls/7');
    expect(gh.commentsOn(7)).toHaveLength(1);
  });

  it('for a fork whose PR has moved on, posts nothing', async () => {
    setEvent('workflow_run', runPayload([]));
    gh.pulls.set(7, { number: 7, headSha: 'f'.repeat(40) });
    await publishOnly(inputs({ report: writeReport(prReport()) }), contextFromEnv(), fast);
    expect(gh.commentsOn(7)).toEqual([]);
    expect(out.commands('warning').join('\n')).toMatch(/PR 7 is now at ffffff/);
  });

  it('fails with one line on a file that is not a report', async () => {
    setEvent('workflow_run', runPayload([7]));
    writeFileSync(
      path.join(files().workspace, 'bad.json'),
      JSON.stringify({ version: 1, result: 'pass', targets: [{}] }),
    );
    await expect(publishOnly(inputs({ report: 'bad.json' }), contextFromEnv(), fast)).rejects.toThrow(
      /^bad\.json is not a harden-check report: report\.targets\[0\]\.dockerfile must be a string\.$/,
    );
    const missing = publishOnly(inputs({ report: 'missing.json' }), contextFromEnv(), fast);
    await expect(missing).rejects.toThrow(/^Input "report": cannot read missing\.json \(ENOENT\)\.$/);
    await expect(missing).rejects.toBeInstanceOf(InputError);
  });

  it('decides the verdict again: a result written in the file is not trusted', async () => {
    setEvent('workflow_run', runPayload([7]));
    await publishOnly(
      inputs({ report: writeReport({ ...prReport(), result: 'pass' }) }),
      contextFromEnv(),
      fast,
    );
    expect(outputs()).toMatchObject({ result: 'fail', errors: '4' });
  });
});

describe('helpers for main', () => {
  it('reportOrigin names the PR (number and head sha) on pull_request events only', () => {
    setEvent('pull_request_target', prPayload);
    expect(reportOrigin(inputs(), contextFromEnv())).toEqual({
      commentTag: 'Dockerfile',
      pullRequest: { number: 7, headSha: HEAD },
    });
    setEvent('push', prPayload);
    expect(reportOrigin(inputs(), contextFromEnv())).toEqual({ commentTag: 'Dockerfile' });
  });

  it('deriveCommentTag is stable and short', () => {
    expect(deriveCommentTag(['Dockerfile'])).toBe('Dockerfile');
    expect(deriveCommentTag(['./b/Dockerfile', 'a/Dockerfile'])).toBe('a/Dockerfile+b/Dockerfile');
    expect(deriveCommentTag(['services/*/Dockerfile'])).toBe('services/-/Dockerfile');
    const many = Array.from({ length: 20 }, (_, i) => `services/service-${i}/Dockerfile`);
    const tag = deriveCommentTag(many);
    expect(tag.length).toBeLessThanOrEqual(100);
    expect(deriveCommentTag([...many].reverse())).toBe(tag);
  });
});
