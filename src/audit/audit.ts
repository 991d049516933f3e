// The static audit of one Dockerfile: syntax layer, model, rules, suppressions,
// and the checklist as far as the text can decide it.
import { parseDockerfile, platformFromFlags, withoutBom, type DockerfileModel } from '../dockerfile/model.js';
import { STATIC_RULES } from '../rules/all.js';
import { ruleMeta } from '../rules/registry.js';
import { validateSyntax } from '../rules/syntax/validate.js';
import type { RuleContext, RuleHit, RuleMeta } from '../rules/types.js';
import type { Check, Finding } from '../report/types.js';
import { suppressionPolicy } from '../suppress.js';
import type { Config } from '../config.js';
import { settle, type StaticScan } from './settle.js';
import { staticFacts } from './static-facts.js';
import type { StaticFacts } from '../contracts.js';

export interface AuditOptions {
  /** Path shown in findings (relative to the workspace, POSIX). */
  file: string;
  text: string;
  target?: string;
  buildArgs?: Record<string, string>;
  /** The build-flags input: its `--platform` values BuildKit's TARGET* args. */
  buildFlags?: readonly string[];
  config: Config;
  /** Rule ids from the `ignore` input. */
  ignore?: readonly string[];
  /** Text of the build context's .dockerignore, when there is one. */
  dockerignore?: string | null;
}

export interface AuditResult {
  model: DockerfileModel;
  findings: Finding[];
  suppressed: Finding[];
  checks: Check[];
  facts: StaticFacts;
}

/** What the text alone says, nothing suppressed yet: the pipeline settles it with the runtime's findings. */
export interface AuditScan extends StaticScan {
  facts: StaticFacts;
}

/** The static audit settled on its own (no runtime): findings kept and suppressed, the static checklist. */
export function auditDockerfile(opts: AuditOptions): AuditResult {
  const scan = scanDockerfile(opts);
  return { model: scan.model, facts: scan.facts, ...settle(scan, null) };
}

export function scanDockerfile(opts: AuditOptions): AuditScan {
  const model = parseDockerfile(opts.file, opts.text, {
    target: opts.target,
    buildArgs: opts.buildArgs,
    platform: platformFromFlags(opts.buildFlags ?? []) ?? undefined,
  });
  const raw: Finding[] = [];

  for (const hit of validateSyntax(withoutBom(opts.text))) {
    const meta = ruleMeta(hit.ruleId);
    raw.push(
      findingOf(hit, { id: hit.ruleId, severity: meta?.severity ?? 'error', check: meta?.check }, opts.file),
    );
  }

  const enabled = new Set(opts.config.enable);
  // Configuring an allow-list is asking for the rule that enforces it.
  if (opts.config.allowedRegistries.length > 0) enabled.add('HC118');
  const ctx: RuleContext = {
    model,
    file: opts.file,
    trustedBaseImages: opts.config.trustedBaseImages,
    dockerignore: opts.dockerignore ?? null,
    enabled,
    allowInlineIgnore: opts.config.allowInlineIgnore,
    allowedRegistries: opts.config.allowedRegistries,
  };
  for (const rule of STATIC_RULES) {
    if (rule.meta.optIn && !enabled.has(rule.meta.id)) continue;
    for (const hit of rule.check(ctx)) raw.push(findingOf(hit, rule.meta, opts.file));
  }

  return {
    model,
    findings: dedupe(raw),
    policy: suppressionPolicy(model, opts.config, opts.ignore),
    trustedBaseImages: opts.config.trustedBaseImages,
    facts: staticFacts(model, opts.config.trustedBaseImages),
  };
}

/** A rule's hit as a finding of `file`; the hit's own severity wins over the rule's. */
function findingOf(hit: RuleHit, meta: Pick<RuleMeta, 'id' | 'severity' | 'check'>, file: string): Finding {
  return {
    ruleId: meta.id,
    severity: hit.severity ?? meta.severity,
    file,
    line: hit.line,
    endLine: hit.endLine,
    column: hit.column,
    endColumn: hit.endColumn,
    message: hit.message,
    check: meta.check,
    fix: hit.fix,
  };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}:${f.line}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
