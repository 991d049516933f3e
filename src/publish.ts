// Publishing a finished Report: JSON, SARIF, annotations, job summary, PR comment, PR review,
// outputs, then the verdict. The verdict is decided first and applied last; every
// publishing step in between is fenced, so a failure in the reporting path (unwritable
// summary, API down) becomes a warning and never flips or hides the verdict.
import * as core from '@actions/core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Inputs } from './inputs.js';
import { planAnnotations } from './report/annotations.js';
import { parseReport, reportJsonPath, serializeReport } from './report/json.js';
import { renderComment, renderSummary } from './report/markdown.js';
import type { RuleMetaLookup } from './report/rule-meta.js';
import { renderSarif } from './report/sarif.js';
import { fileSourceReader } from './report/source.js';
import type { Report } from './report/types.js';
import { decideResult, describeTally, tally } from './report/verdict.js';
import { redact, secretNameMatch } from './secrets/detect.js';
import { VERSION } from './version.js';
import { emitAnnotations } from './github/annotations.js';
import type { ClientOptions } from './github/client.js';
import type { UpsertResult } from './github/comment.js';
import { commentTag } from './github/comment-tag.js';
import {
  PULL_REQUEST_EVENTS,
  contextFromEnv,
  linkContext,
  pullRequestFromContext,
  type PublishContext,
} from './github/context.js';
import { resolvePullRequest } from './github/pull-request.js';
import type { ReviewResult } from './github/review.js';

// The GitHub client (@actions/github, Octokit and its plugins) is about half of the bundle's
// load time: loaded only when a comment or review is really posted (static push runs, the
// CLI and local runs never pay for it). ncc emits these as chunks next to dist/index.js.
const loadComment = () => import('./github/comment.js');
const loadReview = () => import('./github/review.js');
const loadClient = () => import('./github/client.js');
import { writeJobSummary } from './github/summary.js';

export { contextFromEnv, pullRequestFromContext, type PublishContext } from './github/context.js';

export interface PublishDeps {
  /** Rule metadata for SARIF; the rule registry by default. */
  ruleMeta?: RuleMetaLookup;
  /** GitHub client tuning (retries, deadline); tests shorten the back-off. */
  client?: ClientOptions;
  toolVersion?: string;
}

export interface PublishOutcome {
  result: 'pass' | 'fail';
  errors: number;
  warnings: number;
  reportJson: string | null;
  sarifFile: string | null;
  comment: UpsertResult | null;
  /** The PR review of this run, when one was synced. */
  review?: ReviewResult | null;
}

/** Run one publishing step; its failure is a warning, never an exception. */
async function fenced(what: string, fn: () => unknown): Promise<void> {
  try {
    await fn();
  } catch (e) {
    core.warning(`harden-check could not ${what}: ${redact((e as Error)?.message ?? String(e))}`);
  }
}

/** Input values that must never be shown: build args and overrides with secret-looking names. */
export function secretInputValues(inputs: Pick<Inputs, 'build-args' | 'env-overrides'>): string[] {
  return [...Object.entries(inputs['build-args']), ...Object.entries(inputs['env-overrides'])]
    .filter(([key, value]) => value.length >= 4 && secretNameMatch(key) !== null)
    .map(([, value]) => value);
}

/** Write report.pullRequest on pull_request events (main calls this before saving the report). */
export function attachPullRequest(report: Report, ctx: PublishContext = contextFromEnv()): Report {
  const pr = pullRequestFromContext(ctx);
  if (pr) report.pullRequest = pr;
  return report;
}

function imageIds(report: Report): string {
  return report.targets
    .map((t) => t.image)
    .filter((id): id is string => typeof id === 'string' && id !== '')
    .join('\n');
}

function setOutputs(outcome: PublishOutcome, report: Report): void {
  core.setOutput('result', outcome.result);
  core.setOutput('errors', String(outcome.errors));
  core.setOutput('warnings', String(outcome.warnings));
  core.setOutput('report-json', outcome.reportJson ?? '');
  core.setOutput('sarif-file', outcome.sarifFile ?? '');
  core.setOutput('image-id', imageIds(report));
}

/**
 * Publish a report produced by this run. Decides the verdict with `fail-on`, writes it
 * into the report, publishes everywhere, and calls core.setFailed when the verdict fails.
 */
export async function publish(
  report: Report,
  inputs: Inputs,
  ctx: PublishContext = contextFromEnv(),
  deps: PublishDeps = {},
): Promise<PublishOutcome> {
  const failOn = inputs['fail-on'];
  report.failOn = failOn;
  report.result = decideResult(report, failOn);
  const tag = commentTag(inputs['comment-tag'], inputs.dockerfile);
  report.commentTag = tag;
  if (!report.pullRequest) attachPullRequest(report, ctx);

  const counts = tally(report);
  const secrets = secretInputValues(inputs);
  const readSource = fileSourceReader(ctx.workspace);
  const links = linkContext(ctx, report.pullRequest?.headSha);
  const outcome: PublishOutcome = {
    result: report.result,
    errors: counts.errors,
    warnings: counts.warnings,
    reportJson: null,
    sarifFile: null,
    comment: null,
  };

  await fenced('write the JSON report', () => {
    const file = reportJsonPath(ctx.runnerTemp, tag);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, serializeReport(report));
    outcome.reportJson = file;
  });

  if (inputs['sarif-file']) {
    await fenced('write the SARIF file', async () => {
      const file = path.resolve(ctx.workspace, inputs['sarif-file']);
      const sarif = renderSarif(report, {
        // the rule catalogue (every rule module) loads only for SARIF
        ruleMeta: deps.ruleMeta ?? (await import('./rules/registry.js')).ruleMeta,
        readSource,
        workspace: ctx.workspace,
        category: `harden-check/${tag}`,
        toolVersion: deps.toolVersion ?? VERSION,
        secrets,
      });
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(sarif, null, 2)}\n`);
      outcome.sarifFile = file;
    });
  }

  const notes: string[] = [];
  await fenced('write annotations', () => {
    const plan = planAnnotations(report, { workspace: ctx.workspace, secrets });
    emitAnnotations(plan);
    if (plan.omitted > 0) {
      notes.push(
        `_${plan.omitted} more finding${plan.omitted === 1 ? ' was' : 's were'} not annotated: GitHub shows 10 annotations per type per step. All are listed above._`,
      );
    }
  });

  if (inputs.summary) {
    await fenced('write the job summary', () =>
      writeJobSummary(renderSummary(report, { links, runUrl: ctx.runUrl, notes, secrets })),
    );
  }

  let commentDenied = false;
  if (inputs.comment && PULL_REQUEST_EVENTS.has(ctx.eventName)) {
    await fenced('post the PR comment', async () => {
      const pr = report.pullRequest;
      if (!pr || !ctx.owner || !ctx.repo) {
        core.warning('harden-check did not post a PR comment: the event payload names no pull request.');
        return;
      }
      outcome.comment = await (
        await loadComment()
      ).postStickyComment({
        token: inputs['github-token'],
        target: { owner: ctx.owner, repo: ctx.repo, issueNumber: pr.number },
        tag,
        body: renderComment(report, tag, { links, runUrl: ctx.runUrl, secrets }),
        client: { baseUrl: ctx.apiUrl, ...deps.client },
        onFailure: (e) => {
          const status = (e as { status?: number })?.status;
          if (status === 404 || (status === 403 && !/rate limit/i.test((e as Error)?.message ?? ''))) {
            commentDenied = true;
          }
        },
      });
    });
  }

  if (inputs.review !== 'off' && PULL_REQUEST_EVENTS.has(ctx.eventName)) {
    await fenced('post review comments', async () => {
      const pr = report.pullRequest;
      if (!pr || !ctx.owner || !ctx.repo) return; // the comment step already said so, or comments are off
      if (commentDenied) {
        // One warning per run names the missing permission; the review would only repeat it.
        core.info('Review comments skipped: the token cannot write to this pull request.');
        return;
      }
      outcome.review = await (
        await loadReview()
      ).postReview({
        token: inputs['github-token'],
        target: { owner: ctx.owner, repo: ctx.repo, pullNumber: pr.number, headSha: pr.headSha },
        tag,
        scope: inputs.review === 'all' ? 'all' : 'changed',
        report,
        readSource,
        workspace: ctx.workspace,
        secrets,
        client: { baseUrl: ctx.apiUrl, ...deps.client },
      });
    });
  }

  await fenced('set the outputs', () => setOutputs(outcome, report));

  if (report.result === 'fail') {
    core.setFailed(`harden-check failed: ${describeTally(counts)} (fail-on: ${failOn}).`);
  } else {
    core.info(`harden-check passed: ${describeTally(counts)} (fail-on: ${failOn}).`);
  }
  return outcome;
}

/**
 * The `report` input: publish a report JSON written by an earlier run (the workflow_run
 * half of the fork-PR recipe) — summary, comment and outputs only; nothing is built,
 * run, annotated or failed here (the verdict belongs to the run that built the image).
 * Throws a one-line error when the file cannot be read or is not a report.
 */
export async function publishOnly(
  inputs: Inputs,
  ctx: PublishContext = contextFromEnv(),
  deps: PublishDeps = {},
): Promise<PublishOutcome> {
  const file = path.resolve(ctx.workspace, inputs.report);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(
      `Input "report": cannot read ${inputs.report} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
    );
  }
  const report = parseReport(text, inputs.report);
  const failOn = report.failOn ?? inputs['fail-on'];
  report.result = decideResult(report, failOn);
  report.failOn = failOn;
  const tag = commentTag(
    inputs['comment-tag'] || report.commentTag || '',
    report.targets.map((t) => t.dockerfile),
  );
  const counts = tally(report);
  const outcome: PublishOutcome = {
    result: report.result,
    errors: counts.errors,
    warnings: counts.warnings,
    reportJson: file,
    sarifFile: null,
    comment: null,
  };

  // Links only to the commit GitHub says was built, never to one the file claims.
  let headSha: string | undefined;
  let prNumber: number | undefined;
  if (inputs.comment) {
    await fenced('post the PR comment', async () => {
      // Only a workflow_run from a fork asks GitHub (synchronously created client).
      const client = ctx.eventName === 'workflow_run' ? await loadClient() : null;
      const resolved = await resolvePullRequest(report, ctx, () =>
        client!.createGitHubClient(inputs['github-token'], { baseUrl: ctx.apiUrl, ...deps.client }),
      );
      if (!resolved.ok) {
        core.warning(`harden-check did not post the PR comment: ${resolved.reason}.`);
        return;
      }
      headSha = resolved.pr.headSha;
      prNumber = resolved.pr.number;
      if (!ctx.owner || !ctx.repo) return;
      const links = linkContext(ctx, headSha);
      outcome.comment = await (
        await loadComment()
      ).postStickyComment({
        token: inputs['github-token'],
        target: { owner: ctx.owner, repo: ctx.repo, issueNumber: prNumber },
        tag,
        body: renderComment(report, tag, { links, runUrl: ctx.runUrl }),
        client: { baseUrl: ctx.apiUrl, ...deps.client },
      });
    });
  }

  if (inputs.summary) {
    await fenced('write the job summary', () =>
      writeJobSummary(
        renderSummary(report, { links: headSha ? linkContext(ctx, headSha) : null, runUrl: ctx.runUrl }),
      ),
    );
  }
  await fenced('set the outputs', () => setOutputs(outcome, report));
  core.info(
    `Published the report of ${prNumber ? `PR ${prNumber}` : 'an earlier run'}: ${report.result}, ${describeTally(counts)}.`,
  );
  return outcome;
}
