// Publishing a finished Report: JSON, SARIF, annotations, job summary, PR comment, PR review,
// outputs, then the verdict. The verdict came with the Report (report/finalize.ts) and is
// applied last; every publishing step in between is fenced, so a failure in the reporting
// path (unwritable summary, API down) becomes a warning and never flips or hides the verdict.
import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Inputs } from '../inputs.js';
import { lines } from '../option-parsers.js';
import { mergeReports, readReportFile, resolveReportFiles } from '../report/gather.js';
import { planAnnotations } from '../report/annotations.js';
import { reportJsonPath, serializeReport } from '../report/json.js';
import { renderComment, renderSummary } from '../report/markdown.js';
import type { RuleMetaLookup } from '../report/rule-meta.js';
import { renderSarif } from '../report/sarif.js';
import { fileSourceReader } from '../report/source.js';
import type { Report, ReportOrigin } from '../report/types.js';
import { describeTally, tally, tallyOf, verdictOf, verdictSentence } from '../report/verdict.js';
import { redact, secretNameMatch } from '../secrets/detect.js';
import { VERSION } from '../version.js';
import { emitAnnotations } from './annotations.js';
import type { ClientOptions } from './client.js';
import type { UpsertResult } from './comment.js';
import { commentTag } from './comment-tag.js';
import {
  PULL_REQUEST_EVENTS,
  contextFromEnv,
  linkContext,
  pullRequestFromContext,
  type PublishContext,
} from './context.js';
import { resolvePullRequest } from './pull-request.js';
import type { ReviewResult } from './review.js';

// The GitHub client (@actions/github, Octokit and its plugins) is about half of the bundle's
// load time: loaded only when a comment or review is really posted (static push runs, the
// CLI and local runs never pay for it). ncc emits these as chunks next to dist/index.js.
const loadComment = () => import('./comment.js');
const loadReview = () => import('./review.js');
const loadClient = () => import('./client.js');
import { writeJobSummary } from './summary.js';
import { actionsHost } from './actions-host.js';

export { contextFromEnv, pullRequestFromContext, type PublishContext } from './context.js';

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

/** The gathered report, written beside the legs' (report-json output) for later steps. */
function writeGathered(report: Report, origin: ReportOrigin, ctx: PublishContext): string {
  const dir = process.env.RUNNER_TEMP || ctx.workspace;
  mkdirSync(dir, { recursive: true });
  const file = reportJsonPath(dir, 'gathered');
  writeFileSync(file, serializeReport(report, origin));
  return file;
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

/**
 * Where this run's report is published: its comment tag and, on pull_request events, the PR
 * (written beside the report in its JSON for the fork-PR publish step; the Report itself is final).
 */
export function reportOrigin(
  inputs: Pick<Inputs, 'comment-tag' | 'dockerfile'>,
  ctx: PublishContext,
): ReportOrigin {
  const pullRequest = pullRequestFromContext(ctx);
  return {
    commentTag: commentTag(inputs['comment-tag'], inputs.dockerfile),
    ...(pullRequest ? { pullRequest } : {}),
  };
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
 * Publish a report produced by this run (its verdict already decided by the pipeline),
 * everywhere, and call core.setFailed when the verdict fails.
 */
export async function publish(
  report: Report,
  inputs: Inputs,
  ctx: PublishContext = contextFromEnv(),
  deps: PublishDeps = {},
): Promise<PublishOutcome> {
  const origin = reportOrigin(inputs, ctx);
  const tag = origin.commentTag!;
  const pr = origin.pullRequest;

  const counts = tally(report);
  const secrets = secretInputValues(inputs);
  const readSource = fileSourceReader(ctx.workspace);
  const links = linkContext(ctx, pr?.headSha);
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
    writeFileSync(file, serializeReport(report, origin));
    outcome.reportJson = file;
  });

  if (inputs['sarif-file']) {
    await fenced('write the SARIF file', async () => {
      const file = path.resolve(ctx.workspace, inputs['sarif-file']);
      const sarif = renderSarif(report, {
        // the rule catalogue (every rule module) loads only for SARIF
        ruleMeta: deps.ruleMeta ?? (await import('../rules/registry.js')).ruleMeta,
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
        log: actionsHost,
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
        log: actionsHost,
      });
    });
  }

  await fenced('set the outputs', () => setOutputs(outcome, report));

  if (report.result === 'fail') core.setFailed(`${verdictSentence(report, counts)}.`);
  else core.info(`${verdictSentence(report, counts)}.`);
  return outcome;
}

/**
 * The `report` input: publish report JSON written by earlier runs — summary, comment and
 * outputs; nothing is built, run or annotated here. One file is the workflow_run half of
 * the fork-PR recipe (its verdict belongs to the run that built the image); several are
 * the gather job of a matrix, which fails when any leg failed.
 * Throws a one-line error when a file cannot be read or is not a report.
 */
export async function publishOnly(
  inputs: Inputs,
  ctx: PublishContext = contextFromEnv(),
  deps: PublishDeps = {},
): Promise<PublishOutcome> {
  // One file, or the reports of every matrix leg (a list, globs or a folder) gathered into one.
  const files = resolveReportFiles(lines(inputs.report), ctx.workspace);
  const saved = mergeReports(
    files.map((file) => ({ file, ...readReportFile(file, ctx.workspace) })),
    inputs['fail-on'],
  );
  const report = saved.report;
  const file =
    files.length === 1 ? path.resolve(ctx.workspace, files[0]) : writeGathered(report, saved.origin, ctx);
  const tag = commentTag(
    inputs['comment-tag'] || saved.origin.commentTag || '',
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
      const resolved = await resolvePullRequest(saved.origin.pullRequest, ctx, () =>
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
        log: actionsHost,
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
  // Gathering matrix legs makes this job the one status check a branch can require (the
  // legs' job names change with the targets): it fails when any leg's report fails. One
  // report (the fork-PR recipe) only publishes; its verdict belongs to the run that built it.
  if (files.length > 1 && report.result === 'fail') {
    const failing = report.targets.filter(
      (t) => verdictOf(tallyOf(t.findings, t.checks), report.failOn ?? inputs['fail-on']) === 'fail',
    );
    core.setFailed(
      `harden-check failed: ${failing.length} of ${report.targets.length} Dockerfiles fail (${describeTally(counts)}).`,
    );
  }
  return outcome;
}
