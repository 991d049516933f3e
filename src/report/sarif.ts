// SARIF 2.1.0 for github/codeql-action/upload-sarif: one run, rules with full metadata,
// results in a deterministic order with repository-relative locations and
// fingerprints that survive unrelated edits (they hash the line's content, not its number).
import { createHash } from 'node:crypto';
import { CHECK_LABELS, checkRuleId, findingsWithFailedChecks } from './check-findings.js';
import type { SourceReader } from './source.js';
import { DOCS_BASE, ruleDocUrl } from './docs.js';
import { encodePath, stripControl, truncate } from './escape.js';
import { toRepoPath } from './paths.js';
import { anchorEntries, noRuleMeta, type RuleMetaLookup } from './rule-meta.js';
import { redact } from '../secrets/detect.js';
import { ALL_CHECK_IDS, type CheckId, type Finding, type Report, type Severity } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_NAME = 'harden-check';
export const TOOL_URI = 'https://github.com/harden-check/harden-check';

export interface SarifOptions {
  ruleMeta?: RuleMetaLookup;
  /** Reads Dockerfile lines (for fingerprints). */
  readSource?: SourceReader;
  /** Repository root, to make absolute paths relative. */
  workspace?: string;
  /** automationDetails.id prefix: one category per matrix leg (upload-sarif needs it unique). */
  category?: string;
  toolVersion?: string;
  secrets?: readonly string[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- SARIF is a large open schema; the tests validate it. */
type SarifLog = { $schema: string; version: '2.1.0'; runs: any[] };

// security-severity is a CVSS-like score: only error rules claim one ("high").
const SECURITY_SEVERITY: Partial<Record<Severity, string>> = { error: '8.0' };
const PROBLEM_SEVERITY: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  note: 'recommendation',
};

interface RuleInfo {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  helpUri: string;
  check?: CheckId;
  anchors: [string, string[]][];
}

const CHECKLIST_URI = `${DOCS_BASE.replace(/docs\/rules\/$/, '')}README.md#the-checklist`;

function ruleInfo(id: string, fallbackSeverity: Severity, lookup: RuleMetaLookup): RuleInfo {
  const check = ALL_CHECK_IDS.find((c) => checkRuleId(c) === id);
  if (check) {
    return {
      id,
      title: `Check failed: ${CHECK_LABELS[check]}`,
      description: `The runtime checklist item "${CHECK_LABELS[check]}" (${check}) failed for the built container.`,
      severity: 'error',
      helpUri: CHECKLIST_URI,
      check,
      anchors: [],
    };
  }
  const meta = lookup(id);
  const docs = meta?.docs && /^https:\/\//.test(meta.docs) ? meta.docs : (ruleDocUrl(id) ?? TOOL_URI);
  return {
    id,
    title: meta?.title ?? id,
    description: meta?.description ?? meta?.title ?? `harden-check rule ${id}.`,
    severity: meta?.severity ?? fallbackSeverity,
    helpUri: docs,
    check: meta?.check,
    anchors: anchorEntries(meta?.anchors),
  };
}

function sarifRule(r: RuleInfo): any {
  const tags = ['security', 'dockerfile', 'container'];
  if (r.check) tags.push(`check:${r.check}`);
  const anchorList = r.anchors.map(([tool, ids]) => `${tool}: ${ids.join(', ')}`);
  const helpMarkdown = [
    `**${r.title}**`,
    r.description,
    anchorList.length > 0 ? `Counterparts: ${anchorList.join('; ')}.` : '',
    `[Rule documentation](${r.helpUri})`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const properties: Record<string, unknown> = {
    tags,
    precision: 'high',
    'problem.severity': PROBLEM_SEVERITY[r.severity],
  };
  if (SECURITY_SEVERITY[r.severity]) properties['security-severity'] = SECURITY_SEVERITY[r.severity];
  if (r.anchors.length > 0) properties.anchors = Object.fromEntries(r.anchors);
  return {
    id: r.id,
    name: r.id.replace(/[^A-Za-z0-9]/g, ''),
    shortDescription: { text: r.title },
    fullDescription: { text: r.description },
    help: { text: `${r.description}\n\nDocumentation: ${r.helpUri}`, markdown: helpMarkdown },
    helpUri: r.helpUri,
    defaultConfiguration: { level: r.severity },
    properties,
  };
}

function safeText(text: string, secrets: readonly string[]): string {
  return truncate(stripControl(redact(text, secrets)), 2000);
}

/**
 * primaryLocationLineHash-like: rule + file + the line's normalized (and redacted) content,
 * plus an occurrence counter for identical lines. Moving the line keeps the fingerprint;
 * editing it changes it. Without the source, the message (digits removed) stands in.
 */
export function fingerprintBase(
  f: Finding,
  uri: string,
  read: SourceReader | undefined,
  secrets: readonly string[],
): string {
  const line = read?.(f.file)?.[f.line - 1];
  const content =
    line !== undefined
      ? `line:${redact(line, secrets).trim().replace(/\s+/g, ' ')}`
      : `message:${redact(f.message, secrets).replace(/\d+/g, '').trim()}`;
  return createHash('sha256').update(`${f.ruleId}\0${uri}\0${content}`).digest('hex').slice(0, 32);
}

function region(f: Finding): any {
  const r: Record<string, number> = { startLine: Math.max(1, Math.trunc(f.line) || 1) };
  if (f.endLine && f.endLine > r.startLine) r.endLine = f.endLine;
  const singleLine = !r.endLine;
  if (singleLine && f.column && f.column >= 1) {
    r.startColumn = f.column;
    if (f.endColumn && f.endColumn > f.column) r.endColumn = f.endColumn;
  }
  return r;
}

export function renderSarif(report: Report, opts: SarifOptions = {}): SarifLog {
  const lookup = opts.ruleMeta ?? noRuleMeta;
  const secrets = opts.secrets ?? [];
  const findings = findingsWithFailedChecks(report)
    // A URI reference: percent-encoded (spaces, `|`, `<`), relative to the repository root.
    .map((f) => ({ f, uri: encodePath(toRepoPath(f.file, opts.workspace)) }))
    .sort(
      (a, b) =>
        a.uri.localeCompare(b.uri) ||
        a.f.line - b.f.line ||
        a.f.ruleId.localeCompare(b.f.ruleId) ||
        a.f.message.localeCompare(b.f.message),
    );

  const ruleIds = [...new Set(findings.map(({ f }) => f.ruleId))].sort();
  const rules = ruleIds.map((id) =>
    ruleInfo(id, findings.find(({ f }) => f.ruleId === id)?.f.severity ?? 'warning', lookup),
  );
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));

  const seen = new Map<string, number>();
  const results = findings.map(({ f, uri }) => {
    const base = fingerprintBase(f, uri, opts.readSource, secrets);
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId),
      level: f.severity,
      message: { text: safeText(f.message, secrets) || f.ruleId },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
            region: region(f),
          },
        },
      ],
      partialFingerprints: { primaryLocationLineHash: `${base}:${occurrence}` },
    };
  });

  const driver: Record<string, unknown> = {
    name: TOOL_NAME,
    informationUri: TOOL_URI,
    rules: rules.map(sarifRule),
  };
  if (opts.toolVersion) driver.semanticVersion = opts.toolVersion;

  const run: Record<string, unknown> = {
    tool: { driver },
    results,
    columnKind: 'unicodeCodePoints',
  };
  // The property is automationDetails; its type is runAutomationDetails in __tests__/fixtures/sarif-schema-2.1.0.json.
  if (opts.category) run.automationDetails = { id: `${opts.category.replace(/\/+$/, '')}/` };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}
