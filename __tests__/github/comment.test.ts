// The sticky comment against a real HTTP server that answers like GitHub, through the
// real client (getOctokit + retry + throttling), as the action runs it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { captureStdout, type CapturedOutput } from './capture-output.js';
import { createGitHubClient } from '../../src/github/client.js';
import { actionsHost } from '../../src/github/actions-host.js';
import { postStickyComment, upsertStickyComment, normalizeLogin } from '../../src/github/comment.js';
import { commentMarker } from '../../src/report/markdown.js';

let gh: FakeGitHub;
let out: CapturedOutput;
const target = { owner: 'o', repo: 'r', issueNumber: 1 };
const TAG = 'Dockerfile';
const marker = commentMarker(TAG);
const body = (text: string) => `${marker}\n${text}\n${marker}`;
// Short back-off so retries take milliseconds, not seconds.
const fast = () => ({ baseUrl: gh.url, retryBaseMs: 10, deadlineMs: 20_000, writeSpacingMs: 0 });
const post = (text: string, tag = TAG) =>
  postStickyComment({
    token: 't0ken',
    target,
    tag,
    body: tag === TAG ? body(text) : `${commentMarker(tag)}\n${text}`,
    client: fast(),
    log: actionsHost,
  });

beforeEach(async () => {
  gh = await startFakeGitHub();
  out = captureStdout();
});
afterEach(async () => {
  out.restore();
  await gh.close();
});

describe('sticky comment', () => {
  it('creates one comment, then updates it on the next run (never a duplicate)', async () => {
    const first = await post('run 1');
    expect(first?.action).toBe('created');
    const second = await post('run 2');
    expect(second?.action).toBe('updated');
    expect(second?.id).toBe(first?.id);
    const ours = gh.commentsOn(1);
    expect(ours).toHaveLength(1);
    expect(ours[0].body).toContain('run 2');
    expect(gh.calls().filter((c) => c.startsWith('POST'))).toHaveLength(1);
    expect(gh.calls()).toContain(`PATCH /repos/o/r/issues/comments/${first?.id}`);
    // The token is sent as a token, and the viewer query identifies the author.
    expect(gh.requests[0].headers.authorization).toBe('token t0ken');
    expect(gh.requests.some((r) => r.path === '/graphql')).toBe(true);
  });

  it('does not PATCH when the body is unchanged', async () => {
    await post('same');
    const again = await post('same');
    expect(again?.action).toBe('unchanged');
    expect(gh.calls().some((c) => c.startsWith('PATCH'))).toBe(false);
  });

  it('finds its comment on page 2 of a crowded PR (150 comments)', async () => {
    gh.addComments(120);
    const ours = gh.addComment({ body: body('old') });
    gh.addComments(29);
    expect(gh.commentsOn(1)).toHaveLength(150);
    const res = await post('new');
    expect(res).toEqual({ action: 'updated', id: ours.id, deleted: [] });
    const pages = gh.requests
      .filter((r) => r.method === 'GET' && r.path.endsWith('/comments'))
      .map((r) => r.query.page ?? '1');
    expect(pages).toEqual(['1', '2']);
    expect(
      gh.requests.every(
        (r) => r.method !== 'GET' || !r.path.endsWith('/comments') || r.query.per_page === '100',
      ),
    ).toBe(true);
    expect(gh.calls().some((c) => c.startsWith('POST'))).toBe(false);
    expect(gh.commentsOn(1)).toHaveLength(150);
  });

  it('retries a 502 and succeeds', async () => {
    gh.failNext(1, { status: 502, match: (r) => r.method === 'POST' && r.path.endsWith('/comments') });
    const res = await post('after 502');
    expect(res?.action).toBe('created');
    const posts = gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'));
    expect(posts.map((r) => r.status)).toEqual([502, 201]);
    expect(gh.commentsOn(1)).toHaveLength(1);
    expect(out.commands('warning')).toEqual([]);
  });

  it('waits out a secondary rate limit (403 with retry-after) and succeeds', async () => {
    gh.failNext(1, {
      status: 403,
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      headers: { 'retry-after': '1' },
      match: (r) => r.method === 'POST' && r.path.endsWith('/comments'),
    });
    const res = await post('after rate limit');
    expect(res?.action).toBe('created');
    const posts = gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'));
    expect(posts.map((r) => r.status)).toEqual([403, 201]);
    expect(out.commands('warning')).toEqual([]);
  });

  it('turns a 403 (fork PR / missing permission) into exactly one warning naming the permission', async () => {
    gh.failNext(1, {
      status: 403,
      message: 'Resource not accessible by integration',
      match: (r) => r.method === 'POST' && r.path.endsWith('/comments'),
    });
    await expect(post('x')).resolves.toBeNull();
    const warnings = out.commands('warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('pull-requests: write');
    expect(warnings[0]).toContain('fork');
    // A 403 is not retried.
    expect(gh.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toHaveLength(1);
  });

  it('turns a 404 into one warning', async () => {
    gh.failNext(1, { status: 404, message: 'Not Found', match: (r) => r.method === 'GET' });
    await expect(post('x')).resolves.toBeNull();
    expect(out.commands('warning')).toHaveLength(1);
    expect(gh.calls().some((c) => c.startsWith('POST'))).toBe(false);
  });

  it('never sends a body over 65,536 characters', async () => {
    const res = await post('x'.repeat(70_000));
    expect(res).toBeNull();
    expect(gh.calls()).toEqual([]);
    expect(out.commands('warning')).toHaveLength(1);
    expect(out.commands('warning')[0]).toContain('65536');
  });

  it('deletes the duplicate of a concurrent run and keeps the lowest id', async () => {
    // The other run creates its comment just before ours (the find-then-create race).
    let raced = false;
    gh.onRequest = (r) => {
      if (!raced && r.method === 'POST' && r.path.endsWith('/comments')) {
        raced = true;
        gh.addComment({ body: body('from the other run') });
      }
    };
    const res = await post('ours');
    const left = gh.commentsOn(1);
    expect(left).toHaveLength(1);
    expect(res?.id).toBe(left[0].id);
    expect(left[0].body).toContain('ours');
    expect(res?.deleted).toHaveLength(1);
    expect(gh.calls().filter((c) => c.startsWith('DELETE'))).toHaveLength(1);
  });

  it('converges when earlier duplicates already exist: updates the lowest id, deletes the rest', async () => {
    const a = gh.addComment({ body: body('a') });
    const b = gh.addComment({ body: body('b') });
    const res = await post('c');
    expect(res).toEqual({ action: 'updated', id: a.id, deleted: [b.id] });
    expect(gh.commentsOn(1).map((c) => c.body)).toEqual([body('c')]);
  });

  it("leaves another user's comment with the same marker alone", async () => {
    const human = gh.addComment({
      body: body('quoted by a human'),
      user: { login: 'mallory', type: 'User' },
    });
    const res = await post('ours');
    expect(res?.action).toBe('created');
    expect(res?.id).not.toBe(human.id);
    expect(gh.comments.find((c) => c.id === human.id)?.body).toContain('quoted by a human');
    expect(gh.calls().some((c) => c.endsWith(`/${human.id}`))).toBe(false);
  });

  it('keeps comments of other tags apart (matrix legs)', async () => {
    await post('api', 'services/api/Dockerfile');
    await post('web', 'services/web/Dockerfile');
    await post('api 2', 'services/api/Dockerfile');
    const bodies = gh.commentsOn(1).map((c) => c.body);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toContain('api 2');
    expect(bodies[1]).toContain('web');
  });

  it('falls back to the marker alone when the viewer query fails', async () => {
    const ours = gh.addComment({ body: body('old') });
    gh.graphqlFails = true;
    const res = await post('new');
    expect(res).toEqual({ action: 'updated', id: ours.id, deleted: [] });
  });

  it('works with a PAT or App token whose login differs from github-actions[bot]', async () => {
    await gh.close();
    gh = await startFakeGitHub({ login: 'release-bot', viewerLogin: 'release-bot' });
    gh.addComment({ body: body('by github-actions'), user: { login: 'github-actions[bot]', type: 'Bot' } });
    const res = await post('by the PAT');
    expect(res?.action).toBe('created');
    expect(gh.commentsOn(1)).toHaveLength(2);
  });

  it('gives up within the deadline when the API keeps failing, with one warning', async () => {
    gh.failNext(1000, 502);
    const started = Date.now();
    const res = await postStickyComment({
      token: 't',
      target,
      tag: TAG,
      body: body('x'),
      client: { baseUrl: gh.url, retryBaseMs: 20, retries: 3, deadlineMs: 2_000, writeSpacingMs: 0 },
      log: actionsHost,
    });
    expect(res).toBeNull();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(out.commands('warning')).toHaveLength(1);
    // Bounded: a few retries per request, never a loop.
    expect(gh.requests.length).toBeLessThanOrEqual(12);
  });

  it('upsertStickyComment refuses a body without its marker', async () => {
    const octokit = createGitHubClient('t', fast());
    await expect(upsertStickyComment(octokit, target, TAG, 'no marker')).rejects.toThrow(/must start with/);
    expect(gh.calls()).toEqual([]);
  });

  it('spaces writes as the client is told (GitHub asks for 1 s; tests use 0)', async () => {
    const spaced = createGitHubClient('t', { ...fast(), writeSpacingMs: 400 });
    const started = Date.now();
    for (const n of [1, 2, 3]) {
      await spaced
        .request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
          owner: 'o',
          repo: 'r',
          comment_id: n,
          body: 'x',
        })
        .catch(() => undefined);
    }
    // Three writes, each at least 400 ms after the one before.
    expect(Date.now() - started).toBeGreaterThanOrEqual(790);
    expect(gh.requests.filter((r) => r.method === 'PATCH')).toHaveLength(3);
  });

  it('normalizes bot logins', () => {
    expect(normalizeLogin('github-actions[bot]')).toBe('github-actions');
    expect(normalizeLogin('GitHub-Actions')).toBe('github-actions');
  });
});
