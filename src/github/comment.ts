// The sticky PR comment: one comment per tag, found by its hidden marker AND its author
// (the token's own identity), updated in place on every run. Find-then-create is not
// atomic, so after creating we list again and keep only the lowest id (a convergent
// upsert: two concurrent runs end with one comment).
import type { Log } from '../host.js';
import { COMMENT_LIMIT, commentMarker } from '../report/markdown.js';
import { createGitHubClient, type ClientOptions, type GitHubClient } from './client.js';
import { viewerLogin } from './viewer.js';

export { viewerLogin };

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface UpsertResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  /** Ids of duplicate comments deleted on the way. */
  deleted: number[];
}

export class CommentTooLongError extends Error {
  constructor(length: number) {
    super(`The comment is ${length} characters, over GitHub's limit of ${COMMENT_LIMIT}; it was not sent.`);
    this.name = 'CommentTooLongError';
  }
}

interface OurComment {
  id: number;
  body: string;
}

// A PR with more comments than this is not searched further: a bound, not an expectation.
const MAX_PAGES = 100;

/** `github-actions[bot]` (REST) and `github-actions` (GraphQL viewer) are the same identity. */
export function normalizeLogin(login: string): string {
  return login.toLowerCase().replace(/\[bot\]$/, '');
}

/** Our comments with this marker on the PR, lowest id first; every page is searched. */
export async function findOurComments(
  octokit: GitHubClient,
  target: CommentTarget,
  marker: string,
  viewer: string | null,
): Promise<OurComment[]> {
  const self = viewer ? normalizeLogin(viewer) : null;
  let pages = 0;
  const found = await octokit.paginate(
    octokit.rest.issues.listComments,
    { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100 },
    (response, done) => {
      if (++pages >= MAX_PAGES) done();
      return response.data
        .filter((c) => typeof c.body === 'string' && c.body.trimStart().startsWith(marker))
        .filter(
          (c) => self === null || (c.user?.login !== undefined && normalizeLogin(c.user.login) === self),
        )
        .map((c) => ({ id: c.id, body: c.body ?? '' }));
    },
  );
  return found.sort((a, b) => a.id - b.id);
}

async function deleteQuietly(octokit: GitHubClient, target: CommentTarget, id: number): Promise<boolean> {
  try {
    await octokit.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: id });
    return true;
  } catch (e) {
    // Already deleted by a concurrent run: the goal is reached.
    if ((e as { status?: number }).status === 404) return false;
    throw e;
  }
}

/** Create or update the comment for `tag`; throws on API errors (see postStickyComment). */
export async function upsertStickyComment(
  octokit: GitHubClient,
  target: CommentTarget,
  tag: string,
  body: string,
  debug?: (message: string) => void,
): Promise<UpsertResult> {
  if (body.length > COMMENT_LIMIT) throw new CommentTooLongError(body.length);
  const marker = commentMarker(tag);
  if (!body.trimStart().startsWith(marker)) throw new Error(`The comment body must start with ${marker}.`);
  const { owner, repo, issueNumber } = target;
  const viewer = await viewerLogin(octokit, debug);

  const update = async (c: OurComment): Promise<boolean> => {
    if (c.body === body) return false;
    await octokit.rest.issues.updateComment({ owner, repo, comment_id: c.id, body });
    return true;
  };
  const deleteAllBut = async (comments: OurComment[], keep: number): Promise<number[]> => {
    const deleted: number[] = [];
    for (const c of comments) {
      if (c.id !== keep && (await deleteQuietly(octokit, target, c.id))) deleted.push(c.id);
    }
    return deleted;
  };

  const existing = await findOurComments(octokit, target, marker, viewer);
  if (existing.length > 0) {
    const keep = existing[0];
    const changed = await update(keep);
    const deleted = await deleteAllBut(existing, keep.id);
    return { action: changed ? 'updated' : 'unchanged', id: keep.id, deleted };
  }

  const { data: created } = await octokit.rest.issues.createComment({
    owner,
    repo,
    issue_number: issueNumber,
    body,
  });
  // A concurrent run may have created one too: converge on the lowest id.
  const after = await findOurComments(octokit, target, marker, viewer);
  const keep = after[0] ?? { id: created.id, body };
  const deleted = await deleteAllBut(after, keep.id);
  if (keep.id !== created.id) await update(keep);
  return { action: 'created', id: keep.id, deleted };
}

export interface PostCommentOptions {
  token: string;
  target: CommentTarget;
  tag: string;
  body: string;
  client?: ClientOptions;
  /** Where the outcome (one line) or the one warning goes. */
  log: Log;
  /** Called with the error after the warning was written (publish skips the review after a permission error). */
  onFailure?: (e: unknown) => void;
}

/** Explain an API failure in one line, naming the permission when that is the cause. */
export function explainCommentFailure(e: unknown): string {
  const status = (e as { status?: number }).status;
  const message = (e as Error)?.message ?? String(e);
  if (e instanceof CommentTooLongError) return `harden-check did not post the PR comment: ${message}`;
  if (status === 403 && /rate limit/i.test(message)) {
    return `harden-check could not update the PR comment: GitHub rate limit (HTTP 403: ${message}). The verdict is in the job summary and the step status.`;
  }
  if (status === 403 || status === 404) {
    return (
      `harden-check could not write the PR comment (HTTP ${status}: ${message}). ` +
      'The token needs the "pull-requests: write" permission (add `permissions: { pull-requests: write }` to the job). ' +
      'On pull requests from forks the token is read-only: publish the report from a workflow_run workflow with the `report` input. ' +
      'The verdict is in the job summary and the step status.'
    );
  }
  return `harden-check could not update the PR comment${status ? ` (HTTP ${status})` : ''}: ${message}. The verdict is in the job summary and the step status.`;
}

/** Upsert the comment; every failure becomes ONE warning and a null result, never an exception. */
export async function postStickyComment(opts: PostCommentOptions): Promise<UpsertResult | null> {
  try {
    const octokit = createGitHubClient(opts.token, opts.client);
    const result = await upsertStickyComment(octokit, opts.target, opts.tag, opts.body, opts.log.debug);
    opts.log.info(
      `PR comment ${result.action} (id ${result.id}${result.deleted.length ? `, removed duplicates ${result.deleted.join(', ')}` : ''}).`,
    );
    return result;
  } catch (e) {
    opts.log.warning(explainCommentFailure(e));
    opts.onFailure?.(e);
    return null;
  }
}
