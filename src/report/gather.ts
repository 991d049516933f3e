// Gather: the reports of many matrix legs (downloaded artifacts) published as one. Each
// file is read and validated on its own (a leg's report is untrusted input), then the
// targets are put together into one Report whose verdict covers them all.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../option-parsers.js';
import { hasGlob, resolveDockerfiles } from '../targets.js';
import { parseReport, ReportFormatError, type ReportFile } from './json.js';
import type { FailOn, ReportOrigin } from './types.js';
import { finalizeReport, judged } from './finalize.js';

/** A gathered run carries at most this many reports: beyond it a comment says little per service. */
export const MAX_REPORTS = 500;

/** The files the `report` input names: one per line (or comma), globs allowed, in a stable order. */
export function resolveReportFiles(spec: string[], workspace: string): string[] {
  const files: string[] = [];
  for (const entry of spec) {
    const found = hasGlob(entry)
      ? resolveDockerfiles([entry], workspace, 'report')
      : [
          statSync(path.resolve(workspace, entry), { throwIfNoEntry: false })?.isDirectory()
            ? // A folder (e.g. download-artifact's path): every report JSON below it.
              resolveDockerfiles([`${entry.replace(/\/+$/, '')}/**/*.json`], workspace, 'report')
            : entry,
        ].flat();
    for (const f of found) if (!files.includes(f)) files.push(f);
  }
  if (files.length > MAX_REPORTS) {
    throw new InputError(
      `Input "report": ${files.length} files, more than the ${MAX_REPORTS} one run publishes.`,
    );
  }
  return files;
}

export function readReportFile(file: string, workspace: string): ReportFile {
  let text: string;
  try {
    text = readFileSync(path.resolve(workspace, file), 'utf8');
  } catch (e) {
    throw new InputError(
      `Input "report": cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
    );
  }
  return parseReport(text, file);
}

/**
 * One final Report from several files: every target, judged again (a result written in a
 * file is never trusted) under the legs' common fail-on, or under the gather step's own
 * when the legs disagree; the origin's pull request only when every file that names one
 * names the same.
 */
export function mergeReports(files: ({ file: string } & ReportFile)[], fallbackFailOn: FailOn): ReportFile {
  const failOns = new Set(files.map(({ report }) => report.failOn ?? fallbackFailOn));
  const failOn = failOns.size === 1 ? [...failOns][0] : fallbackFailOn;
  const claimed = files.filter(({ origin }) => origin.pullRequest);
  const first = claimed[0];
  for (const { file, origin } of claimed) {
    const pr = origin.pullRequest!;
    const firstPr = first.origin.pullRequest!;
    if (pr.number !== firstPr.number || pr.headSha.toLowerCase() !== firstPr.headSha.toLowerCase()) {
      throw new ReportFormatError(
        `${file} is for PR ${pr.number} (${pr.headSha.slice(0, 7)}), but ${first.file} is for PR ` +
          `${firstPr.number} (${firstPr.headSha.slice(0, 7)}): gather the reports of one pull request run.`,
      );
    }
  }
  const tags = new Set(files.map(({ origin }) => origin.commentTag).filter(Boolean));
  const origin: ReportOrigin = {
    ...(first ? { pullRequest: first.origin.pullRequest } : {}),
    ...(tags.size === 1 ? { commentTag: [...tags][0] } : {}),
  };
  if (files.length === 1) {
    return { report: judged(files[0].report, failOn), origin };
  }
  const targets = files.flatMap(({ report }) => report.targets);
  return { report: finalizeReport(targets, failOn), origin };
}
