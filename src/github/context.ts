// What the publishers need to know about the run, read from the runner's environment
// at call time (not at import time, as @actions/github's context is), so tests and the
// CLI can build one by hand.
import { readFileSync } from 'node:fs';
import type { LinkContext } from '../report/markdown.js';

export interface PublishContext {
  eventName: string;
  /** owner/repo of the workflow's repository, when known. */
  owner: string | null;
  repo: string | null;
  serverUrl: string;
  /** REST base URL (GITHUB_API_URL); undefined: Octokit's default. */
  apiUrl: string | undefined;
  /** Link to this workflow run, for the comment footer. */
  runUrl: string | undefined;
  /** Repository root: annotation and SARIF paths are relative to it. */
  workspace: string;
  /** Where the report JSON goes. */
  runnerTemp: string;
  /** The event payload (GITHUB_EVENT_PATH), {} when absent or unreadable. */
  payload: Record<string, unknown>;
  /** GITHUB_SHA: the merge commit on pull_request events. */
  sha: string;
}

export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

function readPayload(file: string | undefined): Record<string, unknown> {
  if (!file) return {};
  try {
    const v: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function contextFromEnv(env: NodeJS.ProcessEnv = process.env): PublishContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const hasRepo = Boolean(owner && repo);
  const runUrl =
    hasRepo && env.GITHUB_RUN_ID
      ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    owner: hasRepo ? owner : null,
    repo: hasRepo ? repo : null,
    serverUrl,
    apiUrl: env.GITHUB_API_URL || undefined,
    runUrl,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp: env.RUNNER_TEMP || env.TMPDIR || '/tmp',
    payload: readPayload(env.GITHUB_EVENT_PATH),
    sha: env.GITHUB_SHA ?? '',
  };
}

export interface PullRequestRef {
  number: number;
  headSha: string;
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
}

const FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/i;

/**
 * The PR of a pull_request / pull_request_target event (number and head commit), from the
 * payload GitHub wrote. main() stores it in report.pullRequest, so the workflow_run
 * publisher knows which PR the report belongs to.
 */
export function pullRequestFromContext(ctx: PublishContext): PullRequestRef | undefined {
  if (!PULL_REQUEST_EVENTS.has(ctx.eventName)) return undefined;
  const pr = asRecord(ctx.payload.pull_request);
  const number = pr?.number;
  const headSha = asRecord(pr?.head)?.sha;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) return undefined;
  if (typeof headSha !== 'string' || !FULL_SHA.test(headSha)) return undefined;
  return { number, headSha };
}

/** What a workflow_run event says about the run that produced the report. */
export interface WorkflowRunFacts {
  headSha: string | null;
  /** PR numbers GitHub lists for the run; empty for runs from forks (a known GitHub limitation). */
  pullRequests: number[];
}

export function workflowRunFromContext(ctx: PublishContext): WorkflowRunFacts | undefined {
  if (ctx.eventName !== 'workflow_run') return undefined;
  const run = asRecord(ctx.payload.workflow_run);
  if (!run) return undefined;
  const headSha = typeof run.head_sha === 'string' && FULL_SHA.test(run.head_sha) ? run.head_sha : null;
  const prs = Array.isArray(run.pull_requests) ? run.pull_requests : [];
  const pullRequests = prs
    .map((p) => asRecord(p)?.number)
    .filter((n): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0);
  return { headSha, pullRequests };
}

/** Line links into the PR head, when the repository and a full sha are known. */
export function linkContext(ctx: PublishContext, headSha: string | undefined): LinkContext | null {
  const sha = headSha || ctx.sha;
  if (!ctx.owner || !ctx.repo || !sha) return null;
  return { serverUrl: ctx.serverUrl, owner: ctx.owner, repo: ctx.repo, sha };
}
