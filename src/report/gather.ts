// Gather: the reports of many matrix legs (downloaded artifacts) published as one. Each
// file is read and validated on its own (a leg's report is untrusted input), then the
// targets are put together into one Report whose verdict covers them all.
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../inputs.js';
import { hasGlob, resolveDockerfiles } from '../targets.js';
import { parseReport, ReportFormatError } from './json.js';
import type { Report } from './types.js';
import { decideResult } from './verdict.js';

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

export function readReportFile(file: string, workspace: string): Report {
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
 * One Report from several: every target, the verdict of each report under its own
 * fail-on (a leg's threshold is its owner's choice), the fail-on shown only when they
 * agree, and the pull request only when every report that names one names the same.
 */
export function mergeReports(
  reports: { file: string; report: Report }[],
  fallbackFailOn: Report['failOn'],
): Report {
  if (reports.length === 1) {
    const { report } = reports[0];
    const failOn = report.failOn ?? fallbackFailOn ?? 'error';
    return { ...report, failOn, result: decideResult(report, failOn) };
  }
  const failOns = new Set(reports.map(({ report }) => report.failOn ?? fallbackFailOn ?? 'error'));
  const result = reports.some(
    ({ report }) => decideResult(report, report.failOn ?? fallbackFailOn ?? 'error') === 'fail',
  )
    ? 'fail'
    : 'pass';
  const claimed = reports.filter(({ report }) => report.pullRequest);
  for (const { file, report } of claimed) {
    const first = claimed[0];
    if (
      report.pullRequest!.number !== first.report.pullRequest!.number ||
      report.pullRequest!.headSha.toLowerCase() !== first.report.pullRequest!.headSha.toLowerCase()
    ) {
      throw new ReportFormatError(
        `${file} is for PR ${report.pullRequest!.number} (${report.pullRequest!.headSha.slice(0, 7)}), but ` +
          `${first.file} is for PR ${first.report.pullRequest!.number} (${first.report.pullRequest!.headSha.slice(0, 7)}): ` +
          'gather the reports of one pull request run.',
      );
    }
  }
  const targets = reports.flatMap(({ report }) => report.targets);
  return {
    version: 1,
    result,
    ...(failOns.size === 1 ? { failOn: [...failOns][0] } : {}),
    targets,
    checks: [],
    findings: targets.flatMap((t) => t.findings),
    ...(claimed.length > 0 ? { pullRequest: claimed[0].report.pullRequest } : {}),
  };
}
