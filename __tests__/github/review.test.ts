// PR review comments against the GitHub-shaped server, through the real client: which
// lines get a comment, suggestions, reruns that converge, the bound, and failures that
// become one warning.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { postReview, type PostReviewOptions } from '../../src/github/review.js';
import { actionsHost } from '../../src/github/actions-host.js';
import { fileSourceReader } from '../../src/report/source.js';
import type { Finding, Report } from '../../src/report/types.js';
import { audit } from '../helpers/audit.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { makePatch } from '../helpers/patch.js';
import { SECRET } from '../report/sample-report.js';
import { captureStdout, type CapturedOutput } from './capture-output.js';

const HEAD = 'a'.repeat(40);
const PR = 3;

// The base branch has a clean Dockerfile; the PR changes lines 5 (ADD) and 9 (shell-form CMD).
const BASE = [
  'FROM python:3.12-slim',
  'RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*',
  'RUN useradd -u 10001 -m appuser',
  'WORKDIR /app',
  'COPY app.py /app/',
  'USER 10001:10001',
  'EXPOSE 8000',
  'HEALTHCHECK --interval=30s --timeout=5s CMD ["wget", "--spider", "-q", "http://localhost:8000/health"]',
  'CMD ["python", "app.py"]',
  '',
].join('\n');
const HEAD_TEXT = BASE.replace('COPY app.py', 'ADD app.py').replace(
  'CMD ["python", "app.py"]',
  'CMD python app.py',
);

let gh: FakeGitHub;
let out: CapturedOutput;
let ws: string;

function reportOf(findings: Finding[]): Report {
  return {
    version: 1,
    result: 'pass',
    targets: [{ dockerfile: 'Dockerfile', image: null, checks: [], findings, timings: { audit: 0 } }],
    checks: [],
    findings: [],
  };
}

/** Write the head Dockerfile, publish the PR with its patch, and audit the file for real. */
function setup(head = HEAD_TEXT, base: string | null = BASE, file = 'Dockerfile'): Report {
  writeFileSync(path.join(ws, file), head);
  gh.pulls.set(PR, {
    number: PR,
    headSha: HEAD,
    files: [{ filename: file, status: 'modified', patch: makePatch(base, head) }],
  });
  return reportOf(audit(head).findings);
}

function review(report: Report, over: Partial<PostReviewOptions> = {}) {
  return postReview({
    token: 't0ken',
    target: { owner: 'o', repo: 'r', pullNumber: PR, headSha: HEAD },
    tag: 'Dockerfile',
    scope: 'changed',
    report,
    readSource: fileSourceReader(ws),
    workspace: ws,
    client: { baseUrl: gh.url, retryBaseMs: 10, deadlineMs: 20_000, writeSpacingMs: 0 },
    log: actionsHost,
    ...over,
  } as PostReviewOptions);
}

const reviewPosts = () => gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/reviews'));
const ruleOf = (body: string) => /\[(HC\d+)\]/.exec(body)?.[1];

beforeEach(async () => {
  gh = await startFakeGitHub();
  out = captureStdout();
  ws = mkdtempSync(path.join(tmpdir(), 'hc-review-'));
});
afterEach(async () => {
  out.restore();
  await gh.close();
});

describe('review comments', () => {
  it('one COMMENT review on the changed lines, at the head commit, fixes as suggestions', async () => {
    const r = await review(setup());
    expect(r).toMatchObject({ posted: 2, suggestions: 2, kept: 0, deleted: 0, outsideDiff: 1, overLimit: 0 });
    expect(reviewPosts()).toHaveLength(1);
    expect(gh.reviews[0]).toMatchObject({ event: 'COMMENT', commitId: HEAD, body: '' });
    const comments = gh.reviewCommentsOn(PR);
    // HC413 on line 5 and HC212 on line 9 (changed); HC216 on line 8 is context: not in `changed`.
    expect(comments.map((c) => [c.path, c.line, c.side, ruleOf(c.body)])).toEqual([
      ['Dockerfile', 5, 'RIGHT', 'HC413'],
      ['Dockerfile', 9, 'RIGHT', 'HC212'],
    ]);
    expect(comments[0].body).toContain('```suggestion\nCOPY app.py /app/\n```');
    expect(comments[1].body).toContain('```suggestion\nCMD ["python", "app.py"]\n```');
    expect(comments.every((c) => c.body.startsWith('<!-- harden-check-review:Dockerfile:'))).toBe(true);
    // notes never become comments
    expect(comments.some((c) => /HC5\d\d/.test(c.body))).toBe(false);
    expect(out.commands('warning')).toEqual([]);
  });

  it('`all` also comments on context lines of the hunks, never outside them', async () => {
    const report = setup();
    // a warning on line 1, which is outside the hunk (lines 2-9)
    report.targets[0].findings.push({
      ruleId: 'HC501',
      severity: 'warning',
      file: 'Dockerfile',
      line: 1,
      message: 'x',
    });
    const r = await review(report, { scope: 'all' });
    expect(r).toMatchObject({ posted: 3, outsideDiff: 1 });
    expect(gh.reviewCommentsOn(PR).map((c) => c.line)).toEqual([5, 8, 9]);
    expect(gh.reviewCommentsOn(PR)[1].body).toContain('"-O", "/dev/null"');
  });

  it('a multi-line fix is one comment over start_line..line; a range that leaves the changed lines is described, not suggested', async () => {
    const report = setup();
    const f = report.targets[0].findings.find((x) => x.ruleId === 'HC212')!;
    f.fix = {
      startLine: 8,
      endLine: 9,
      text: 'HEALTHCHECK CMD ["true"]\nCMD ["python", "app.py"]',
      description: 'two lines',
    };
    await review(report, { scope: 'all' });
    const c = gh.reviewCommentsOn(PR).find((x) => ruleOf(x.body) === 'HC212')!;
    expect([c.startLine, c.line]).toEqual([8, 9]);
    expect(c.body).toContain('```suggestion\nHEALTHCHECK CMD ["true"]\nCMD ["python", "app.py"]\n```');
    const posted = reviewPosts()[0].body as { comments: Record<string, unknown>[] };
    expect(posted.comments.find((x) => x.start_line === 8)).toMatchObject({
      start_side: 'RIGHT',
      side: 'RIGHT',
      line: 9,
    });

    // A fix range reaching outside the hunk: the comment sits on the finding's line, without a suggestion.
    gh.reset();
    const report2 = setup();
    const g = report2.targets[0].findings.find((x) => x.ruleId === 'HC413')!;
    g.fix = { ...g.fix!, startLine: 1, endLine: 5 };
    await review(report2);
    const c2 = gh.reviewCommentsOn(PR).find((x) => ruleOf(x.body) === 'HC413')!;
    expect([c2.startLine, c2.line]).toEqual([null, 5]);
    expect(c2.body).not.toContain('```suggestion');
    expect(c2.body).toContain('Replace ADD with COPY (lines 1–5)');
  });

  it('a rerun with nothing changed writes nothing; a fixed finding loses its comment; a new one gets a new review', async () => {
    await review(setup());
    const first = gh.reviewCommentsOn(PR).map((c) => c.id);
    expect(first).toHaveLength(2);

    gh.requests.length = 0;
    const again = await review(setup());
    expect(again).toMatchObject({ posted: 0, kept: 2, deleted: 0, reviewId: null });
    expect(gh.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql')).toEqual([]);
    expect(gh.reviews).toHaveLength(1);

    // The author accepts the CMD suggestion, and adds a new ADD line.
    const fixed = HEAD_TEXT.replace('CMD python app.py', 'CMD ["python", "app.py"]').replace(
      'WORKDIR /app\n',
      'WORKDIR /app\nADD requirements.txt /app/\n',
    );
    const third = await review(setup(fixed));
    expect(third).toMatchObject({ posted: 1, kept: 1, deleted: 1 });
    const now = gh.reviewCommentsOn(PR);
    expect(now.map((c) => ruleOf(c.body))).toEqual(['HC413', 'HC413']);
    expect(now[0].id).toBe(first[0]); // the unchanged ADD comment stayed (its line moved: same fingerprint)
    expect(now[1].body).toContain('COPY requirements.txt /app/');
    expect(gh.reviews).toHaveLength(2);
  });

  it('when deleting is refused, the thread of the gone finding is resolved instead (no warning)', async () => {
    await review(setup());
    gh.refuseReviewCommentDelete = true;
    const r = await review(setup(HEAD_TEXT.replace('CMD python app.py', 'CMD ["python", "app.py"]')));
    expect(r).toMatchObject({ deleted: 0, resolved: 1, kept: 1 });
    const cmd = gh.reviewCommentsOn(PR).find((c) => ruleOf(c.body) === 'HC212')!;
    expect(cmd.resolved).toBe(true);
    expect(out.commands('warning')).toEqual([]);
    // The next run finds the thread already resolved: still no warning.
    const again = await review(setup(HEAD_TEXT.replace('CMD python app.py', 'CMD ["python", "app.py"]')));
    expect(again).toMatchObject({ deleted: 0, resolved: 0, posted: 0 });
    expect(out.commands('warning')).toEqual([]);
  });

  it('when neither deleting nor resolving works, one warning; the new comments are posted first', async () => {
    await review(setup());
    gh.refuseReviewCommentDelete = true;
    gh.graphqlFails = true;
    const fixedCmd = HEAD_TEXT.replace('CMD python app.py', 'CMD ["python", "app.py"]').replace(
      'WORKDIR /app\n',
      'WORKDIR /app\nADD requirements.txt /app/\n',
    );
    expect(await review(setup(fixedCmd))).toBeNull();
    expect(out.commands('warning')).toHaveLength(1);
    expect(out.commands('warning')[0]).toContain('pull-requests: write');
    expect(gh.reviews).toHaveLength(2);
  });

  it('only our comments are touched: other authors, other tags and replies stay; our duplicates go', async () => {
    await review(setup());
    const [ours] = gh.reviewCommentsOn(PR);
    const dup = gh.addReviewComment({ pullNumber: PR, path: 'Dockerfile', line: 5, body: ours.body });
    const foreign = gh.addReviewComment({
      pullNumber: PR,
      path: 'Dockerfile',
      line: 5,
      body: ours.body.replace(/[0-9a-f]{24}-1/, 'f'.repeat(24) + '-1'),
      user: { login: 'mallory', type: 'User' },
    });
    const otherTag = gh.addReviewComment({
      pullNumber: PR,
      path: 'Dockerfile',
      line: 5,
      body: ours.body
        .replace('review:Dockerfile:', 'review:api:')
        .replace(/[0-9a-f]{24}-1/, 'e'.repeat(24) + '-1'),
    });
    const reply = gh.addReviewComment({
      pullNumber: PR,
      path: 'Dockerfile',
      line: 5,
      body: 'thanks!',
      inReplyTo: ours.id,
      user: { login: 'dev', type: 'User' },
    });
    const r = await review(setup());
    expect(r).toMatchObject({ posted: 0, deleted: 1 });
    const ids = gh.reviewCommentsOn(PR).map((c) => c.id);
    expect(ids).not.toContain(dup.id);
    expect(ids).toEqual(expect.arrayContaining([ours.id, foreign.id, otherTag.id, reply.id]));
  });

  it('at most maxComments new comments per run; the rest are counted in the review body', async () => {
    const report = setup();
    const extra: Finding[] = Array.from({ length: 5 }, (_, i) => ({
      ruleId: 'HC999',
      severity: 'error',
      file: 'Dockerfile',
      line: 5,
      message: `extra ${i}`,
    }));
    report.targets[0].findings.push(...extra);
    const r = await review(report, { maxComments: 3 });
    expect(r).toMatchObject({ posted: 3, overLimit: 4 });
    expect(gh.reviewCommentsOn(PR)).toHaveLength(3);
    expect(gh.reviews[0].body).toMatch(/at most 3 findings per run: 4 more findings are not commented/);
    // errors first
    expect(gh.reviewCommentsOn(PR).every((c) => c.body.includes('HC999'))).toBe(true);
  });

  it('lines where the audited file differs from the PR head (merge commit) get no comment', async () => {
    const report = setup();
    // The workspace (merge commit) has an extra line at the top: every line is shifted.
    writeFileSync(path.join(ws, 'Dockerfile'), `# from main\n${HEAD_TEXT}`);
    const shifted = reportOf(audit(`# from main\n${HEAD_TEXT}`).findings);
    const r = await review(shifted);
    expect(r).toMatchObject({ posted: 0 });
    expect(reviewPosts()).toHaveLength(0);
    void report;
  });

  it('a CRLF Dockerfile (and its CRLF patch) is reviewed; suggestions carry no CR', async () => {
    const crlf = HEAD_TEXT.replace(/\n/g, '\r\n');
    const report = setup(crlf, BASE.replace(/\n/g, '\r\n'));
    expect(gh.pulls.get(PR)!.files![0].patch).toContain('\r');
    const r = await review(report);
    expect(r).toMatchObject({ posted: 2, suggestions: 2 });
    for (const c of gh.reviewCommentsOn(PR)) expect(c.body).not.toContain('\r');
    expect(gh.reviewCommentsOn(PR)[0].body).toContain('```suggestion\nCOPY app.py /app/\n```');
  });

  it('nothing is written when the PR head moved on since the audit', async () => {
    const report = setup();
    gh.pulls.get(PR)!.headSha = 'b'.repeat(40);
    const r = await review(report);
    expect(r?.stale).toBe(true);
    expect(gh.requests.filter((x) => x.method !== 'GET')).toEqual([]);
  });

  it.each([403, 404])(
    'HTTP %i on the review becomes one warning naming pull-requests: write, never a throw',
    async (code) => {
      const report = setup();
      gh.failNext(1, {
        status: code,
        message: 'Resource not accessible by integration',
        match: (q) => q.method === 'POST' && q.path.endsWith('/reviews'),
      });
      expect(await review(report)).toBeNull();
      const warnings = out.commands('warning');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('pull-requests: write');
    },
  );

  it('a 422 (GitHub refuses a line) becomes one warning; the next run posts again', async () => {
    const report = setup();
    gh.failNext(1, {
      status: 422,
      message: 'Pull request review thread line must be part of the diff',
      match: (q) => q.path.endsWith('/reviews'),
    });
    expect(await review(report)).toBeNull();
    expect(out.commands('warning')).toHaveLength(1);
    expect((await review(report))?.posted).toBe(2);
  });

  it('secrets never reach a comment or the API', async () => {
    const report = setup();
    report.targets[0].findings.push({
      ruleId: 'HC301',
      severity: 'error',
      file: 'Dockerfile',
      line: 5,
      message: `ENV holds ${SECRET}`,
      fix: {
        startLine: 5,
        endLine: 5,
        text: `COPY --chown=${SECRET} app.py /app/`,
        description: `remove ${SECRET}`,
      },
    });
    await review(report, { secrets: [] });
    const sent = gh.requests.map((x) => JSON.stringify(x.body ?? '')).join('\n');
    expect(sent).not.toContain(SECRET);
    expect(gh.reviewCommentsOn(PR)).toHaveLength(3);
  });
});
