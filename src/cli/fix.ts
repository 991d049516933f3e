// `harden-check --fix`: apply the findings' fixes to the Dockerfiles in place, keeping every
// byte a fix does not change (comments, line endings, the escape character); with
// `--dry-run`, print a unified diff on stdout and write nothing. A file that changed on
// disk since it was read is never written. Static audit only: no build, no run.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { auditDockerfile } from '../audit/audit.js';
import { TargetNotFoundError } from '../dockerfile/model.js';
import { fixText, type FixedFinding } from '../fix/fix-file.js';
import { unifiedDiff } from '../fix/diff.js';
import { readDockerfile, readDockerignore } from '../pipeline.js';
import { resolveDockerfiles } from '../targets.js';
import { tallyOf, verdictOf } from '../report/verdict.js';
import { InputError } from '../option-parsers.js';
import type { Config } from '../config.js';
import type { Check, Finding } from '../report/types.js';
import type { CliOptions } from './args.js';

export interface FixOutcome {
  /** Exit status when the run cannot go on (a file changed on disk: 2), else null. */
  abort: number | null;
  /** Findings that remain after the fixes (dry run: that would remain). */
  remaining: Finding[];
  /** The static checks on the fixed text (a failed check counts as an error, as in every run). */
  checks: Check[];
}

export interface FixIo {
  /** The diff of --dry-run. */
  stdout: (s: string) => void;
  /** What was (or would be) fixed. */
  info: (s: string) => void;
  stderr: (s: string) => void;
  /** Called after the fixes are computed, right before the on-disk check (tests use it). */
  beforeWrite?: () => Promise<void> | void;
}

export async function runFix(
  opts: CliOptions,
  config: Config,
  workspace: string,
  io: FixIo,
): Promise<FixOutcome> {
  const files = resolveDockerfiles(opts.dockerfiles, workspace, 'dockerfile');
  const remaining: Finding[] = [];
  const checks: Check[] = [];
  for (const file of files) {
    const abs = path.resolve(workspace, file);
    const mtimeMs = statSync(abs, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    const text = readDockerfile(file, abs);
    const context = path.resolve(workspace, opts.context || path.dirname(file));
    const dockerignore = readDockerignore(abs, context);
    const auditFull = (t: string) => {
      try {
        return auditDockerfile({
          file,
          text: t,
          target: opts.target || undefined,
          buildArgs: opts.buildArgs,
          config,
          ignore: opts.ignore,
          dockerignore,
        });
      } catch (e) {
        if (e instanceof TargetNotFoundError) throw new InputError(`Option --target: ${e.message}`);
        throw e;
      }
    };
    const audit = (t: string): Finding[] => auditFull(t).findings;
    const result = fixText(text, audit);
    if (opts.dryRun) {
      io.stdout(unifiedDiff(text, result.text, `a/${file}`, `b/${file}`));
      io.info(summary(file, result.fixed, 'would fix'));
    } else if (result.text !== text) {
      await io.beforeWrite?.();
      if (changedOnDisk(abs, text, mtimeMs)) {
        io.stderr(`harden-check: ${file} changed on disk since it was read: not written, run --fix again.\n`);
        return { abort: 2, remaining, checks };
      }
      writeFileSync(abs, result.text);
      io.info(summary(file, result.fixed, 'fixed'));
    } else {
      io.info(`${file}: nothing to fix.\n`);
    }
    const after = auditFull(result.text);
    remaining.push(...after.findings);
    checks.push(...after.checks);
  }
  return { abort: null, remaining, checks };
}

function changedOnDisk(abs: string, text: string, mtimeMs: number): boolean {
  try {
    return statSync(abs).mtimeMs !== mtimeMs || readFileSync(abs, 'utf8') !== text;
  } catch {
    return true;
  }
}

function summary(file: string, fixed: FixedFinding[], verb: string): string {
  if (fixed.length === 0) return `${file}: nothing to fix.\n`;
  return fixed.map((f) => `${file}:${f.line}: ${verb} ${f.ruleId}: ${f.description}\n`).join('');
}

/** pass/fail per --fail-on on what remains (findings, and static checks as every run counts them). */
export function remainingResult(
  outcome: Pick<FixOutcome, 'remaining' | 'checks'>,
  opts: Pick<CliOptions, 'failOn'>,
): 'pass' | 'fail' {
  return verdictOf(tallyOf(outcome.remaining, outcome.checks), opts.failOn);
}
