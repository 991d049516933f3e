// The report JSON: written by every run, read back by the `report` input (the
// workflow_run half of the fork-PR recipe). A report file from a fork is untrusted input,
// so reading it checks every field the renderers rely on and fails with one line that
// names the first bad field.
import * as path from 'node:path';
import { sanitizeTag } from './markdown.js';
import { redact } from '../secrets/detect.js';
import {
  ALL_CHECK_IDS,
  FAIL_ON_VALUES,
  SEVERITIES,
  type CheckStatus,
  type Report,
  type ReportOrigin,
} from './types.js';

export class ReportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportFormatError';
  }
}

/** The report JSON; a published report carries its origin (comment tag, PR) beside it. */
export function serializeReport(report: Report, origin: ReportOrigin = {}): string {
  return `${JSON.stringify({ ...report, ...origin }, null, 2)}\n`;
}

/** A report file read back: the report as written (its result is re-judged by the reader) and its origin. */
export interface ReportFile {
  report: Report;
  origin: ReportOrigin;
}

/** `${RUNNER_TEMP}/harden-check-report-<tag>.json`, the tag reduced to file-name characters. */
export function reportJsonPath(dir: string, tag: string): string {
  const safe = sanitizeTag(tag).replace(/[^A-Za-z0-9._-]+/g, '_');
  return path.join(dir, `harden-check-report-${safe}.json`);
}

const STATUSES: readonly CheckStatus[] = ['pass', 'fail', 'skip', 'error'];

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Small structural checks with a path in every message: the first problem wins.
function fail(where: string, what: string): never {
  throw new ReportFormatError(`${where} ${what}`);
}
function str(o: Json, key: string, where: string, optional = false): void {
  if (optional && o[key] === undefined) return;
  if (typeof o[key] !== 'string') fail(`${where}.${key}`, 'must be a string');
}
function positiveInt(o: Json, key: string, where: string, optional = false): void {
  if (optional && o[key] === undefined) return;
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    fail(`${where}.${key}`, 'must be a positive integer');
}
function oneOf(o: Json, key: string, allowed: readonly string[], where: string, optional = false): void {
  if (optional && o[key] === undefined) return;
  if (!allowed.includes(o[key] as string)) fail(`${where}.${key}`, `must be one of ${allowed.join(', ')}`);
}
function array(o: Json, key: string, where: string): unknown[] {
  const v = o[key];
  if (!Array.isArray(v)) fail(`${where}.${key}`, 'must be an array');
  return v;
}
function optionalStrings(o: Json, key: string, where: string): void {
  if (o[key] === undefined) return;
  if (!Array.isArray(o[key]) || !(o[key] as unknown[]).every((s) => typeof s === 'string')) {
    fail(`${where}.${key}`, 'must be an array of strings');
  }
}

function checkCheck(c: unknown, where: string): void {
  if (!isObject(c)) fail(where, 'must be an object');
  oneOf(c, 'id', ALL_CHECK_IDS, where);
  oneOf(c, 'status', STATUSES, where);
  str(c, 'detail', where);
  str(c, 'diagnosis', where, true);
  positiveInt(c, 'line', where, true);
  positiveInt(c, 'endLine', where, true);
  str(c, 'stage', where, true);
  if (c.seconds !== undefined && typeof c.seconds !== 'number') fail(`${where}.seconds`, 'must be a number');
  if (c.required !== undefined && typeof c.required !== 'boolean')
    fail(`${where}.required`, 'must be true or false');
}

function checkFinding(f: unknown, where: string): void {
  if (!isObject(f)) fail(where, 'must be an object');
  str(f, 'ruleId', where);
  oneOf(f, 'severity', SEVERITIES, where);
  str(f, 'file', where);
  positiveInt(f, 'line', where);
  positiveInt(f, 'endLine', where, true);
  positiveInt(f, 'column', where, true);
  positiveInt(f, 'endColumn', where, true);
  str(f, 'message', where);
  oneOf(f, 'check', ALL_CHECK_IDS, where, true);
}

/** Check that a parsed value has the Report shape; throws ReportFormatError naming the first bad field. */
export function validateReport(value: unknown): ReportFile {
  if (!isObject(value)) fail('report', 'must be a JSON object');
  if (value.version !== 1) fail('report.version', 'must be 1');
  oneOf(value, 'result', ['pass', 'fail'], 'report');
  oneOf(value, 'failOn', FAIL_ON_VALUES, 'report', true);
  str(value, 'commentTag', 'report', true);
  array(value, 'targets', 'report').forEach((t, i) => {
    const where = `report.targets[${i}]`;
    if (!isObject(t)) fail(where, 'must be an object');
    str(t, 'dockerfile', where);
    if (t.image !== null && typeof t.image !== 'string') fail(`${where}.image`, 'must be a string or null');
    array(t, 'checks', where).forEach((c, j) => checkCheck(c, `${where}.checks[${j}]`));
    array(t, 'findings', where).forEach((f, j) => checkFinding(f, `${where}.findings[${j}]`));
    if (!isObject(t.timings)) fail(`${where}.timings`, 'must be an object');
    str(t, 'buildLogTail', where, true);
    str(t, 'healthLog', where, true);
    str(t, 'kubernetes', where, true);
    optionalStrings(t, 'notes', where);
  });
  array(value, 'checks', 'report').forEach((c, j) => checkCheck(c, `report.checks[${j}]`));
  array(value, 'findings', 'report').forEach((f, j) => checkFinding(f, `report.findings[${j}]`));
  if (value.pullRequest !== undefined) {
    const pr = value.pullRequest;
    if (!isObject(pr)) fail('report.pullRequest', 'must be an object');
    positiveInt(pr, 'number', 'report.pullRequest');
    if (typeof pr.headSha !== 'string' || !/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(pr.headSha)) {
      fail('report.pullRequest.headSha', 'must be a full commit sha');
    }
  }
  const { version, result, failOn, targets, checks, findings, commentTag, pullRequest } = value as Json;
  const report = { version, result, failOn, targets, checks, findings } as unknown as Report;
  const origin: ReportOrigin = {};
  if (commentTag !== undefined) origin.commentTag = commentTag as string;
  if (pullRequest !== undefined) origin.pullRequest = pullRequest as ReportOrigin['pullRequest'];
  return { report, origin };
}

/** Parse report JSON text; `source` names the file in the error message. */
export function parseReport(text: string, source: string): ReportFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // The parser may quote the text; redact in case the file holds a credential.
    const why = redact((e as Error).message.split('\n')[0]).slice(0, 200);
    throw new ReportFormatError(`${source} is not valid JSON: ${why}`);
  }
  try {
    return validateReport(value);
  } catch (e) {
    if (e instanceof ReportFormatError) {
      throw new ReportFormatError(`${source} is not a harden-check report: ${e.message}.`);
    }
    throw e;
  }
}
