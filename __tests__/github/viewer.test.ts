// The viewer login is asked once per run: the sticky comment and the review each make their
// own client, and both need to know which comments are ours.
import { actionsHost } from '../../src/github/actions-host.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createGitHubClient } from '../../src/github/client.js';
import { postStickyComment } from '../../src/github/comment.js';
import { postReview } from '../../src/github/review.js';
import { viewerLogin } from '../../src/github/viewer.js';
import { commentMarker } from '../../src/report/markdown.js';
import { fileSourceReader } from '../../src/report/source.js';
import type { Report } from '../../src/report/types.js';
import { audit } from '../helpers/audit.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { makePatch } from '../helpers/patch.js';
import { captureStdout, type CapturedOutput } from './capture-output.js';

const HEAD = 'c'.repeat(40);
const BASE = 'FROM python:3.12-slim\nUSER 10001\nCMD ["python", "app.py"]\n';
const TEXT = BASE.replace('CMD ["python", "app.py"]', 'CMD python app.py');

let gh: FakeGitHub;
let out: CapturedOutput;
beforeEach(async () => {
  gh = await startFakeGitHub();
  out = captureStdout();
});
afterEach(async () => {
  out.restore();
  await gh.close();
});

const viewerQueries = () =>
  gh.requests.filter(
    (r) => r.path === '/graphql' && /viewer/.test(String((r.body as { query?: string }).query)),
  ).length;

it('the comment and the review of one run ask GitHub for the viewer once', async () => {
  const ws = mkdtempSync(path.join(tmpdir(), 'hc-viewer-'));
  writeFileSync(path.join(ws, 'Dockerfile'), TEXT);
  gh.pulls.set(4, {
    number: 4,
    headSha: HEAD,
    files: [{ filename: 'Dockerfile', status: 'modified', patch: makePatch(BASE, TEXT) }],
  });
  const client = { baseUrl: gh.url, retryBaseMs: 10, deadlineMs: 20_000 };
  const comment = await postStickyComment({
    token: 'tok-run',
    target: { owner: 'o', repo: 'r', issueNumber: 4 },
    tag: 'Dockerfile',
    body: `${commentMarker('Dockerfile')}\nreport`,
    client,
    log: actionsHost,
  });
  expect(comment?.action).toBe('created');
  const findings = audit(TEXT).findings;
  const report: Report = {
    version: 1,
    result: 'pass',
    targets: [{ dockerfile: 'Dockerfile', image: null, checks: [], findings, timings: { audit: 0 } }],
    checks: [],
    findings: [],
  };
  const review = await postReview({
    token: 'tok-run',
    target: { owner: 'o', repo: 'r', pullNumber: 4, headSha: HEAD },
    tag: 'Dockerfile',
    scope: 'changed',
    report,
    readSource: fileSourceReader(ws),
    log: actionsHost,
    workspace: ws,
    client,
  });
  expect(review?.posted).toBeGreaterThan(0);
  expect(viewerQueries()).toBe(1);
});

it('another token or another API is another identity: asked again', async () => {
  const ask = (token: string, baseUrl: string) => viewerLogin(createGitHubClient(token, { baseUrl }));
  expect(await ask('tok-a', gh.url)).toBe('github-actions');
  expect(await ask('tok-a', gh.url)).toBe('github-actions');
  expect(viewerQueries()).toBe(1);
  expect(await ask('tok-b', gh.url)).toBe('github-actions');
  expect(viewerQueries()).toBe(2);
  const other = await startFakeGitHub({ login: 'release-bot' });
  try {
    expect(await ask('tok-a', other.url)).toBe('release-bot');
  } finally {
    await other.close();
  }
  expect(viewerQueries()).toBe(2);
});
