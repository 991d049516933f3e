// PR review comments: one review per run (event COMMENT) with a comment per error or
// warning on its line, fixes as ```suggestion blocks. Only lines inside the PR's diff can
// carry a comment (GitHub's rule); `changed` further keeps lines the PR adds or modifies.
// Findings elsewhere stay in the sticky comment. Reruns converge: each comment carries a
// hidden marker with the finding's fingerprint, so comments of earlier runs (ours: marker
// AND the token's identity) whose finding is gone are deleted (their thread resolved when
// deletion is refused), unchanged ones stay, and only new findings are posted.
import * as core from '@actions/core';
import type { SourceReader } from '../report/source.js';
import { toRepoPath } from '../report/paths.js';
import type { Finding, Report, Severity } from '../report/types.js';
import { redact } from '../secrets/detect.js';
import { createGitHubClient, type ClientOptions, type GitHubClient } from './client.js';
import { normalizeLogin, viewerLogin } from './comment.js';
import { hunkOf, parsePatch, type DiffLines } from './diff-lines.js';
import { findingFingerprint, parseReviewMarker, renderReviewComment } from './review-body.js';

export type ReviewScope = 'changed' | 'all';

/** New comments per run; the rest are counted in the review body. */
export const MAX_REVIEW_COMMENTS = 30;
// Bounds, not expectations: GitHub lists at most 3,000 files of a PR.
const MAX_FILE_PAGES = 30;
const MAX_COMMENT_PAGES = 50;
const MAX_THREAD_PAGES = 20;

export interface ReviewTarget {
  owner: string;
  repo: string;
  pullNumber: number;
  /** The PR head commit the audit ran on: comments are anchored to it. */
  headSha: string;
}

export interface PlannedComment {
  fingerprint: string;
  finding: Finding;
  path: string;
  startLine: number;
  line: number;
  body: string;
  suggested: boolean;
}

export interface ExistingReviewComment {
  id: number;
  fingerprint: string;
  body: string;
  line: number | null;
  startLine: number | null;
}

export interface ReviewPlan {
  create: PlannedComment[];
  /** Earlier comments whose text changed but whose lines did not: edited in place. */
  update: { id: number; body: string }[];
  /** Earlier comments whose finding is gone, or duplicates. */
  remove: number[];
  kept: number;
  /** Error/warning findings not on a commentable line. */
  outsideDiff: number;
  /** Findings left out by the per-run bound. */
  overLimit: number;
}

export interface ReviewResult {
  reviewId: number | null;
  posted: number;
  suggestions: number;
  kept: number;
  updated: number;
  deleted: number;
  resolved: number;
  outsideDiff: number;
  overLimit: number;
  /** True when the PR head moved on since this run started: nothing was written. */
  stale: boolean;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

function reviewable(report: Report): Finding[] {
  const all = report.targets.length > 0 ? report.targets.flatMap((t) => t.findings) : report.findings;
  return all
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .filter((f) => Number.isInteger(f.line) && f.line >= 1)
    .sort(
      (a, b) =>
        RANK[a.severity] - RANK[b.severity] ||
        a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.message.localeCompare(b.message),
    );
}

/**
 * Can a comment span start..end of this file? Inside one hunk, touching a changed line in
 * `changed` scope, and the file as audited reads exactly like the PR head there (on
 * pull_request events the workspace is the merge commit, which may differ).
 */
function placeable(
  diff: DiffLines | undefined,
  source: string[] | undefined,
  start: number,
  end: number,
  scope: ReviewScope,
): boolean {
  if (!diff || !source || !Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end < start)
    return false;
  if (!hunkOf(diff, start, end)) return false;
  let touched = false;
  for (let n = start; n <= end; n++) {
    if (diff.text.get(n) !== source[n - 1]) return false;
    if (diff.added.has(n)) touched = true;
  }
  return scope === 'all' || touched;
}

export interface PlanInput {
  report: Report;
  tag: string;
  scope: ReviewScope;
  /** Parsed patches by repository path. */
  diffs: Map<string, DiffLines>;
  readSource: SourceReader;
  workspace?: string;
  existing: ExistingReviewComment[];
  secrets?: readonly string[];
  maxComments?: number;
}

/** What to create, edit and delete; no I/O. */
export function planReview(input: PlanInput): ReviewPlan {
  const { scope, diffs, readSource, tag } = input;
  const secrets = input.secrets ?? [];
  const max = input.maxComments ?? MAX_REVIEW_COMMENTS;
  const byFingerprint = new Map<string, ExistingReviewComment[]>();
  for (const c of [...input.existing].sort((a, b) => a.id - b.id)) {
    byFingerprint.set(c.fingerprint, [...(byFingerprint.get(c.fingerprint) ?? []), c]);
  }
  const plan: ReviewPlan = { create: [], update: [], remove: [], kept: 0, outsideDiff: 0, overLimit: 0 };
  const current = new Set<string>();
  const seen = new Map<string, number>();

  for (const f of reviewable(input.report)) {
    const path = toRepoPath(f.file, input.workspace);
    const source = readSource(f.file);
    const base = findingFingerprint(f, path, source?.[f.line - 1], 0, secrets).replace(/-0$/, '');
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    const fingerprint = `${base}-${occurrence}`;
    current.add(fingerprint);

    const diff = diffs.get(path);
    let range: [number, number] | null = null;
    let suggest = false;
    if (f.fix && placeable(diff, source, f.fix.startLine, f.fix.endLine, scope)) {
      range = [f.fix.startLine, f.fix.endLine];
      suggest = true;
    } else if (placeable(diff, source, f.line, f.line, scope)) {
      range = [f.line, f.line];
    }

    const earlier = byFingerprint.get(fingerprint)?.[0];
    if (earlier) {
      plan.kept++;
      if (range) {
        const { body } = renderReviewComment(f, tag, fingerprint, { suggest, secrets });
        const sameLines = earlier.line === range[1] && (earlier.startLine ?? earlier.line) === range[0];
        if (body !== earlier.body && sameLines) plan.update.push({ id: earlier.id, body });
      }
      continue;
    }
    if (!range) {
      plan.outsideDiff++;
      continue;
    }
    if (plan.create.length >= max) {
      plan.overLimit++;
      continue;
    }
    const text = renderReviewComment(f, tag, fingerprint, { suggest, secrets });
    plan.create.push({ fingerprint, finding: f, path, startLine: range[0], line: range[1], ...text });
  }

  for (const [fingerprint, comments] of byFingerprint) {
    const stale = current.has(fingerprint) ? comments.slice(1) : comments;
    plan.remove.push(...stale.map((c) => c.id));
  }
  return plan;
}

/** The review's own text: empty unless findings were left out by the bound. */
export function reviewBody(plan: ReviewPlan, max = MAX_REVIEW_COMMENTS): string {
  if (plan.overLimit === 0) return '';
  const n = plan.overLimit;
  return `harden-check comments on at most ${max} findings per run: ${n} more finding${n === 1 ? ' is' : 's are'} not commented here. All findings are listed in the harden-check comment and the job summary.`;
}

async function listDiffs(octokit: GitHubClient, t: ReviewTarget): Promise<Map<string, DiffLines>> {
  let pages = 0;
  const files = await octokit.paginate(
    octokit.rest.pulls.listFiles,
    { owner: t.owner, repo: t.repo, pull_number: t.pullNumber, per_page: 100 },
    (response, done) => {
      if (++pages >= MAX_FILE_PAGES) done();
      return response.data;
    },
  );
  const diffs = new Map<string, DiffLines>();
  for (const f of files) {
    if (f.status === 'removed' || typeof f.filename !== 'string') continue;
    diffs.set(f.filename, parsePatch(f.patch));
  }
  return diffs;
}

async function listOurComments(
  octokit: GitHubClient,
  t: ReviewTarget,
  tag: string,
  viewer: string | null,
): Promise<ExistingReviewComment[]> {
  const self = viewer ? normalizeLogin(viewer) : null;
  let pages = 0;
  return octokit.paginate(
    octokit.rest.pulls.listReviewComments,
    { owner: t.owner, repo: t.repo, pull_number: t.pullNumber, per_page: 100 },
    (response, done) => {
      if (++pages >= MAX_COMMENT_PAGES) done();
      const out: ExistingReviewComment[] = [];
      for (const c of response.data) {
        const marker = parseReviewMarker(c.body);
        if (!marker || marker.tag !== tag) continue;
        if (self !== null && (!c.user?.login || normalizeLogin(c.user.login) !== self)) continue;
        out.push({
          id: c.id,
          fingerprint: marker.fingerprint,
          body: c.body,
          line: c.line ?? null,
          startLine: c.start_line ?? null,
        });
      }
      return out;
    },
  );
}

const status = (e: unknown): number | undefined => (e as { status?: number })?.status;

interface ThreadsPage {
  repository?: {
    pullRequest?: {
      reviewThreads?: {
        pageInfo?: { hasNextPage?: boolean; endCursor?: string | null };
        nodes?: {
          id: string;
          isResolved: boolean;
          comments?: { nodes?: { databaseId?: number | null }[] };
        }[];
      };
    };
  };
}

/**
 * Resolve the threads whose first comment is one of `ids`. `done`: threads of those ids
 * that are resolved now (including earlier runs'); `resolved`: how many this call resolved.
 */
async function resolveThreads(
  octokit: GitHubClient,
  t: ReviewTarget,
  ids: number[],
): Promise<{ done: number; resolved: number }> {
  const wanted = new Set(ids);
  const threads: string[] = [];
  let already = 0;
  let cursor: string | null = null;
  for (let page = 0; page < MAX_THREAD_PAGES; page++) {
    const res: ThreadsPage = await octokit.graphql<ThreadsPage>(
      `query($owner: String!, $repo: String!, $number: Int!, $cursor: String) {
        repository(owner: $owner, name: $repo) {
          pullRequest(number: $number) {
            reviewThreads(first: 100, after: $cursor) {
              pageInfo { hasNextPage endCursor }
              nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
            }
          }
        }
      }`,
      { owner: t.owner, repo: t.repo, number: t.pullNumber, cursor },
    );
    const conn = res.repository?.pullRequest?.reviewThreads;
    for (const th of conn?.nodes ?? []) {
      const first = th.comments?.nodes?.[0]?.databaseId;
      if (typeof first !== 'number' || !wanted.has(first)) continue;
      if (th.isResolved) already++;
      else threads.push(th.id);
    }
    if (!conn?.pageInfo?.hasNextPage || !conn.pageInfo.endCursor) break;
    cursor = conn.pageInfo.endCursor;
  }
  let resolved = 0;
  for (const id of threads) {
    await octokit.graphql(
      'mutation($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id isResolved } } }',
      { id },
    );
    resolved++;
  }
  return { done: already + resolved, resolved };
}

export interface SyncReviewOptions {
  target: ReviewTarget;
  tag: string;
  scope: ReviewScope;
  report: Report;
  readSource: SourceReader;
  workspace?: string;
  secrets?: readonly string[];
  maxComments?: number;
}

/** Plan and apply the review; throws on API errors (see postReview). */
export async function syncReview(octokit: GitHubClient, opts: SyncReviewOptions): Promise<ReviewResult> {
  const t = opts.target;
  const result: ReviewResult = {
    reviewId: null,
    posted: 0,
    suggestions: 0,
    kept: 0,
    updated: 0,
    deleted: 0,
    resolved: 0,
    outsideDiff: 0,
    overLimit: 0,
    stale: false,
  };
  // Comments are anchored to the audited commit; when the PR moved on, the files API
  // describes another commit and the next run will review that one.
  const { data: pr } = await octokit.rest.pulls.get({
    owner: t.owner,
    repo: t.repo,
    pull_number: t.pullNumber,
  });
  if (pr.head.sha.toLowerCase() !== t.headSha.toLowerCase()) {
    result.stale = true;
    return result;
  }
  const viewer = await viewerLogin(octokit);
  const [diffs, existing] = await Promise.all([
    listDiffs(octokit, t),
    listOurComments(octokit, t, opts.tag, viewer),
  ]);
  const max = opts.maxComments ?? MAX_REVIEW_COMMENTS;
  const plan = planReview({
    report: opts.report,
    tag: opts.tag,
    scope: opts.scope,
    diffs,
    readSource: opts.readSource,
    workspace: opts.workspace,
    existing,
    secrets: opts.secrets,
    maxComments: max,
  });
  Object.assign(result, { kept: plan.kept, outsideDiff: plan.outsideDiff, overLimit: plan.overLimit });

  // New comments first: the cleanup of earlier runs must not delay or block them.
  if (plan.create.length > 0) {
    const { data: review } = await octokit.rest.pulls.createReview({
      owner: t.owner,
      repo: t.repo,
      pull_number: t.pullNumber,
      commit_id: t.headSha,
      event: 'COMMENT',
      body: reviewBody(plan, max),
      comments: plan.create.map((c) => ({
        path: c.path,
        line: c.line,
        side: 'RIGHT',
        ...(c.startLine < c.line ? { start_line: c.startLine, start_side: 'RIGHT' } : {}),
        body: c.body,
      })),
    });
    result.reviewId = review.id;
    result.posted = plan.create.length;
    result.suggestions = plan.create.filter((c) => c.suggested).length;
  }
  for (const u of plan.update) {
    await octokit.rest.pulls.updateReviewComment({
      owner: t.owner,
      repo: t.repo,
      comment_id: u.id,
      body: u.body,
    });
    result.updated++;
  }

  const refused: number[] = [];
  let refusal: unknown = null;
  // Bounded like the new comments (each write is throttled); the rest go on the next run.
  for (const id of plan.remove.slice(0, max)) {
    try {
      await octokit.rest.pulls.deleteReviewComment({ owner: t.owner, repo: t.repo, comment_id: id });
      result.deleted++;
    } catch (e) {
      if (status(e) === 404) continue; // already gone (a concurrent run, a person)
      refused.push(id);
      refusal ??= e;
    }
  }
  if (refused.length > 0) {
    let done = 0;
    try {
      ({ done, resolved: result.resolved } = await resolveThreads(octokit, t, refused));
    } catch (e) {
      core.debug(`resolving review threads failed: ${redact((e as Error)?.message ?? String(e))}`);
    }
    if (done < refused.length) throw refusal;
  }

  return result;
}

/** Explain an API failure in one line, naming the permission when that is the cause. */
export function explainReviewFailure(e: unknown): string {
  const code = status(e);
  const message = redact((e as Error)?.message ?? String(e));
  if (code === 403 && /rate limit/i.test(message)) {
    return `harden-check could not post review comments: GitHub rate limit (HTTP 403: ${message}). The findings are in the job summary.`;
  }
  if (code === 403 || code === 404) {
    return (
      `harden-check could not post review comments (HTTP ${code}: ${message}). ` +
      'The token needs the "pull-requests: write" permission (add `permissions: { pull-requests: write }` to the job). ' +
      'On pull requests from forks the token is read-only; set `review: off` there. ' +
      'The verdict is in the job summary and the step status.'
    );
  }
  if (code === 422) {
    return `harden-check could not post review comments: GitHub refused the review (HTTP 422: ${message}). The findings are in the job summary and the PR comment.`;
  }
  return `harden-check could not post review comments${code ? ` (HTTP ${code})` : ''}: ${message}. The findings are in the job summary and the PR comment.`;
}

export interface PostReviewOptions extends SyncReviewOptions {
  token: string;
  client?: ClientOptions;
}

/** Sync the review; every failure becomes ONE core.warning and a null result, never an exception. */
export async function postReview(opts: PostReviewOptions): Promise<ReviewResult | null> {
  try {
    const octokit = createGitHubClient(opts.token, opts.client);
    const r = await syncReview(octokit, opts);
    if (r.stale) {
      core.info('Review comments skipped: the pull request has a newer head commit than the one audited.');
      return r;
    }
    const parts = [
      `${r.posted} new${r.suggestions ? ` (${r.suggestions} with a suggested fix)` : ''}`,
      `${r.kept} kept`,
      ...(r.updated ? [`${r.updated} edited`] : []),
      ...(r.deleted ? [`${r.deleted} removed`] : []),
      ...(r.resolved ? [`${r.resolved} resolved`] : []),
      ...(r.outsideDiff
        ? [`${r.outsideDiff} outside the ${opts.scope === 'changed' ? 'changed lines' : 'diff'}`]
        : []),
      ...(r.overLimit ? [`${r.overLimit} over the limit of ${opts.maxComments ?? MAX_REVIEW_COMMENTS}`] : []),
    ];
    core.info(`Review comments: ${parts.join(', ')}.`);
    return r;
  } catch (e) {
    core.warning(explainReviewFailure(e));
    return null;
  }
}
