// Which PR a report may be published to. In the workflow_run half of the fork-PR recipe
// the report file comes from an untrusted run, so its `pullRequest` field is only a
// claim: it must agree with what GitHub's own payload says (head_sha, pull_requests),
// and when GitHub lists no PR (runs from forks) the PR's current head is asked from the
// API. Nothing is ever taken from free text.
import type { GitHubClient } from './client.js';
import {
  PULL_REQUEST_EVENTS,
  pullRequestFromContext,
  workflowRunFromContext,
  type PublishContext,
  type PullRequestRef,
} from './context.js';

export type PullRequestResolution = { ok: true; pr: PullRequestRef } | { ok: false; reason: string };

const no = (reason: string): PullRequestResolution => ({ ok: false, reason });

/** `claimed`: the PR the report file names (its `pullRequest` field), only a claim. */
export async function resolvePullRequest(
  claimed: PullRequestRef | undefined,
  ctx: PublishContext,
  client: () => GitHubClient,
): Promise<PullRequestResolution> {
  if (PULL_REQUEST_EVENTS.has(ctx.eventName)) {
    const pr = pullRequestFromContext(ctx);
    if (!pr) return no(`the ${ctx.eventName} payload has no pull request number and head sha`);
    if (claimed && claimed.number !== pr.number) {
      return no(`the report is for PR ${claimed.number}, but this run is for PR ${pr.number}`);
    }
    return { ok: true, pr };
  }

  if (ctx.eventName !== 'workflow_run') return no(`a ${ctx.eventName || 'local'} event has no pull request`);
  const run = workflowRunFromContext(ctx);
  if (!run?.headSha) return no('the workflow_run payload has no head_sha');
  if (!claimed) return no('the report has no pullRequest field (write it on the pull_request run)');
  if (claimed.headSha.toLowerCase() !== run.headSha.toLowerCase()) {
    return no(
      `the report is for commit ${claimed.headSha.slice(0, 7)}, but the workflow run built ${run.headSha.slice(0, 7)}`,
    );
  }
  if (run.pullRequests.length > 0) {
    if (!run.pullRequests.includes(claimed.number)) {
      return no(
        `the report names PR ${claimed.number}, but the workflow run belongs to PR ${run.pullRequests.join(', ')}`,
      );
    }
    return { ok: true, pr: { number: claimed.number, headSha: run.headSha } };
  }
  // Runs from forks list no pull request: ask GitHub whether the claimed PR's head is this commit.
  if (!ctx.owner || !ctx.repo) return no('GITHUB_REPOSITORY is not set');
  try {
    const { data } = await client().rest.pulls.get({
      owner: ctx.owner,
      repo: ctx.repo,
      pull_number: claimed.number,
    });
    if (data.head.sha.toLowerCase() !== run.headSha.toLowerCase()) {
      return no(
        `PR ${claimed.number} is now at ${data.head.sha.slice(0, 7)}, not at the reported commit ${run.headSha.slice(0, 7)}`,
      );
    }
  } catch (e) {
    return no(`could not look up PR ${claimed.number}: ${(e as Error).message}`);
  }
  return { ok: true, pr: { number: claimed.number, headSha: run.headSha } };
}
