// The one markdown renderer behind the job summary and the PR comment.
//
// Layout: title with the verdict; per Dockerfile the checklist table, the findings
// grouped by severity (linked to the PR head's lines and to the rule pages), then
// collapsed details (diagnosis, build log tail, health log). Several Dockerfiles (a
// gathered matrix) get a Dockerfiles x checks table first, worst first, and each one's
// checklist and findings collapsed under its heading. Everything that came from
// the user's repository or the container goes through escape.ts. The output stays within
// `budget` by dropping findings (with a "… N more" line) and then logs — never the checklist.
import { CHECK_LABELS } from './check-findings.js';
import { ruleDocUrl } from './docs.js';
import { codeBlock, encodePath, inlineText, messageText, truncate } from './escape.js';
import { describeTally, tally, tallyOf } from './verdict.js';
import {
  ALL_CHECK_IDS,
  CHECK_IDS,
  DEPLOY_CHECK_IDS,
  SEVERITIES,
  type Check,
  type CheckStatus,
  type Finding,
  type Report,
  type Severity,
  type TargetReport,
} from './types.js';

/** Where line links point: `${serverUrl}/${owner}/${repo}/blob/${sha}/${file}#L${line}`. */
export interface LinkContext {
  serverUrl: string;
  owner: string;
  repo: string;
  /** The PR head commit (not the merge commit, which GitHub may discard). */
  sha: string;
}

export interface RenderOptions {
  /** Line links; plain `file:line` without it (CLI, no repository context). */
  links?: LinkContext | null;
  /** Upper bound of the output size, as measured by `measure`. */
  budget?: number;
  /** Size function: characters (comment limit) or UTF-8 bytes (summary limit). */
  measure?: (text: string) => number;
  /** Hidden marker tag: when set, the output starts and ends with `<!-- harden-check:TAG -->`. */
  tag?: string;
  /** Link to the workflow run, for the footer. */
  runUrl?: string;
  /** Trusted, already-safe lines for the end (e.g. "12 annotations were left out"). */
  notes?: string[];
  /** Extra literal values to mask, beyond what redact() recognises. */
  secrets?: readonly string[];
  /** Where the complete list is when findings were cut. */
  moreHint?: string;
}

/** GitHub's hard limit for an issue comment body. */
export const COMMENT_LIMIT = 65_536;
/** Our budget for the comment, with room to spare below the limit. */
export const COMMENT_BUDGET = 60_000;

const STATUS_ICON: Record<CheckStatus, string> = { pass: '✅', fail: '❌', skip: '⏭️', error: '⚠️' };
const SEVERITY_HEADING: Record<Severity, string> = {
  error: '❌ Errors',
  warning: '⚠️ Warnings',
  note: 'ℹ️ Notes',
};
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

/** A tag reduced to characters that cannot end an HTML comment or break a file name. */
export function sanitizeTag(tag: string): string {
  const clean = tag
    .replace(/[^A-Za-z0-9._/:+=-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return clean.slice(0, 100) || 'default';
}

export function commentMarker(tag: string): string {
  return `<!-- harden-check:${sanitizeTag(tag)} -->`;
}

/** A link context is used only when every part of it has the shape it should have. */
function validLinks(links: LinkContext | null | undefined): LinkContext | null {
  if (!links) return null;
  const ok =
    /^https?:\/\/[^\s()<>]+$/.test(links.serverUrl) &&
    /^[A-Za-z0-9_.-]+$/.test(links.owner) &&
    /^[A-Za-z0-9_.-]+$/.test(links.repo) &&
    /^[0-9a-f]{7,64}$/i.test(links.sha);
  return ok ? { ...links, serverUrl: links.serverUrl.replace(/\/+$/, '') } : null;
}

/** A repository-relative POSIX path, or null when the path cannot be linked (absolute, `..`). */
function repoPath(file: string): string | null {
  const p = file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  if (p === '' || p.startsWith('/') || /^[A-Za-z]:/.test(p) || p.split('/').includes('..')) return null;
  return p;
}

export function lineUrl(links: LinkContext, file: string, line: number, endLine?: number): string | null {
  const p = repoPath(file);
  if (p === null || !Number.isInteger(line) || line < 1) return null;
  const range = endLine && Number.isInteger(endLine) && endLine > line ? `-L${endLine}` : '';
  return `${links.serverUrl}/${links.owner}/${links.repo}/blob/${links.sha}/${encodePath(p)}#L${line}${range}`;
}

function location(f: Finding, links: LinkContext | null, secrets: readonly string[]): string {
  const label = inlineText(`${f.file}:${f.line}`, 200, secrets);
  const url = links ? lineUrl(links, f.file, f.line, f.endLine) : null;
  return url ? `[${label}](${url})` : label;
}

function ruleRef(id: string, secrets: readonly string[]): string {
  const url = ruleDocUrl(id);
  return url ? `[${id}](${url})` : inlineText(id, 60, secrets);
}

function findingLine(f: Finding, links: LinkContext | null, secrets: readonly string[]): string {
  return `- ${location(f, links, secrets)} · **${ruleRef(f.ruleId, secrets)}** · ${messageText(f.message, 1000, secrets)}`;
}

function checkRow(c: Check, evidenceMax: number, secrets: readonly string[]): string {
  // Durations matter when they are long (a slow health check), not for instant checks.
  const seconds =
    typeof c.seconds === 'number' && Number.isFinite(c.seconds) && c.seconds >= 1
      ? ` (${c.seconds.toFixed(1)} s)`
      : '';
  const evidence = inlineText(c.detail, evidenceMax, secrets) + seconds;
  return `| ${CHECK_LABELS[c.id]} | ${statusCell(c)} | ${evidence || ' '} |`;
}

/** An advisory check (not required by the `checks` input) warns: its failure shows as one. */
function statusCell(c: Check): string {
  if (c.required !== false) return `${STATUS_ICON[c.status]} ${c.status}`;
  return `${c.status === 'fail' ? '⚠️' : STATUS_ICON[c.status]} ${c.status} (advisory)`;
}

const TABLE_HEAD = ['| Check | Result | Evidence |', '| :-- | :-- | :-- |'];

/** The lesson's checklist, then the deploy checks as their own table (absent in older reports). */
function checklist(target: TargetReport, evidenceMax: number, secrets: readonly string[]): string {
  const rows = (ids: readonly string[]) =>
    ids
      .flatMap((id) => target.checks.filter((c) => c.id === id))
      .map((c) => checkRow(c, evidenceMax, secrets));
  const lesson = rows(CHECK_IDS);
  const deploy = rows(DEPLOY_CHECK_IDS);
  if (lesson.length + deploy.length === 0) return '_No checklist results._';
  const parts: string[] = [];
  if (lesson.length > 0) parts.push([...TABLE_HEAD, ...lesson].join('\n'));
  if (deploy.length > 0) {
    const advisory = target.checks.some(
      (c) => (DEPLOY_CHECK_IDS as readonly string[]).includes(c.id) && c.required === false,
    );
    parts.push(
      `**Deploy readiness**${advisory ? ' · advisory checks warn unless the `checks` input requires them' : ''}`,
      [...TABLE_HEAD, ...deploy].join('\n'),
    );
  }
  return parts.join('\n\n');
}

function shortImage(image: string | null, secrets: readonly string[]): string | null {
  if (!image) return null;
  const m = /^(?:sha256:)?([0-9a-f]{12})[0-9a-f]*$/i.exec(image);
  return m ? `image \`${m[1]}\`` : `image ${inlineText(image, 80, secrets)}`;
}

function timingText(target: TargetReport): string | null {
  const t = target.timings as unknown as Record<string, unknown> | undefined;
  if (!t) return null;
  const parts = (['audit', 'build', 'verify'] as const)
    .filter((k) => typeof t[k] === 'number' && Number.isFinite(t[k]))
    .map((k) => `${k} ${(t[k] as number).toFixed(1)} s`);
  return parts.length > 0 ? parts.join(' · ') : null;
}

function targetIcon(target: TargetReport): string {
  const t = tallyOf(target.findings, target.checks);
  if (t.errors > 0) return '❌';
  if (t.warnings > 0 || t.undecided > 0) return '⚠️';
  return '✅';
}

interface DetailBlock {
  summary: string;
  raw: string;
  /** The code block's language (default text). */
  lang?: string;
}

function detailBlocks(target: TargetReport): DetailBlock[] {
  const blocks: DetailBlock[] = [];
  for (const id of ALL_CHECK_IDS) {
    for (const c of target.checks) {
      if (c.id === id && c.diagnosis)
        blocks.push({ summary: `Diagnosis: ${CHECK_LABELS[c.id]}`, raw: c.diagnosis });
    }
  }
  if (target.kubernetes)
    blocks.push({ summary: 'Verified Kubernetes snippet', raw: target.kubernetes, lang: 'yaml' });
  if (target.healthLog) blocks.push({ summary: 'Health probe log', raw: target.healthLog });
  if (target.buildLogTail) blocks.push({ summary: 'Build log (tail)', raw: target.buildLogTail });
  return blocks;
}

function renderDetails(block: DetailBlock, maxChars: number, secrets: readonly string[]): string {
  const code = codeBlock(block.raw, { maxChars, secrets, lang: block.lang });
  return `<details><summary>${block.summary}</summary>\n\n${code}\n\n</details>`;
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

interface Section {
  target: TargetReport;
  head: string;
  findings: Finding[];
  lines: string[];
  shown: Set<number>;
  details: DetailBlock[];
  renderedDetails: string[];
  omittedDetails: number;
}

/** Several Dockerfiles: the failing ones first (most errors first), then warnings; stable otherwise. */
function worstFirst(targets: TargetReport[]): TargetReport[] {
  const rank = (t: TargetReport) => {
    const c = tallyOf(t.findings, t.checks);
    return [c.errors > 0 ? 0 : c.warnings + c.undecided > 0 ? 1 : 2, -c.errors, -(c.warnings + c.undecided)];
  };
  return targets
    .map((t, i) => ({ t, i, r: rank(t) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2] || a.i - b.i)
    .map(({ t }) => t);
}

// The lesson's five each get a column; the deploy group shares one, its worst status.
const OVERVIEW_HEAD = [
  `| | Dockerfile | ${CHECK_IDS.map((id) => CHECK_LABELS[id]).join(' | ')} | Deploy | Findings |`,
  `| :-: | :-- | ${CHECK_IDS.map(() => ':-:').join(' | ')} | :-: | :-- |`,
];

/** The worst of a target's deploy checks as one icon ('–' for a report without them). */
function deployCell(target: TargetReport): string {
  const deploy = target.checks.filter((c) => (DEPLOY_CHECK_IDS as readonly string[]).includes(c.id));
  if (deploy.length === 0) return '–';
  const failed = deploy.filter((c) => c.status === 'fail');
  if (failed.some((c) => c.required !== false)) return STATUS_ICON.fail;
  if (failed.length > 0) return '⚠️';
  const status = (['error', 'pass', 'skip'] as const).find((st) => deploy.some((c) => c.status === st))!;
  return STATUS_ICON[status];
}

function overviewRow(target: TargetReport, secrets: readonly string[]): string {
  const cells = CHECK_IDS.map((id) => {
    const c = target.checks.find((x) => x.id === id);
    return c ? STATUS_ICON[c.status] : '–';
  });
  cells.push(deployCell(target));
  const t = tallyOf(target.findings, target.checks);
  return `| ${targetIcon(target)} | ${inlineText(target.dockerfile, 120, secrets)} | ${cells.join(' | ')} | ${describeTally(t)} |`;
}

/** Dockerfiles x checks at the top of a multi-target report, rows cut to `maxSize` (worst rows kept). */
function overview(
  targets: TargetReport[],
  secrets: readonly string[],
  maxSize: number,
  measure: (s: string) => number,
): string {
  const rows: string[] = [];
  let size = measure(OVERVIEW_HEAD.join('\n')) + 120;
  for (const t of targets) {
    const row = overviewRow(t, secrets);
    if (size + measure(row) + 1 > maxSize) break;
    rows.push(row);
    size += measure(row) + 1;
  }
  const cut = targets.length - rows.length;
  const more =
    cut > 0 ? `\n\n… ${cut} more Dockerfile${cut === 1 ? '' : 's'} in the table (size limit).` : '';
  return [...OVERVIEW_HEAD, ...rows].join('\n') + more;
}

/** Render a report as markdown within the budget (see RenderOptions). */
export function renderMarkdown(report: Report, opts: RenderOptions = {}): string {
  const measure = opts.measure ?? ((s: string) => s.length);
  const budget = opts.budget ?? COMMENT_BUDGET;
  const secrets = opts.secrets ?? [];
  const links = validLinks(opts.links);
  const marker = opts.tag !== undefined ? commentMarker(opts.tag) : null;
  const moreHint = opts.moreHint ?? 'see the job summary and the JSON report';
  const multi = report.targets.length > 1;
  const targets = multi ? worstFirst(report.targets) : report.targets;

  const t = tally(report);
  const verdict = report.result === 'fail' ? '❌ harden-check failed' : '✅ harden-check passed';
  const subject = multi
    ? `${report.targets.length} Dockerfiles`
    : report.targets[0]
      ? inlineText(report.targets[0].dockerfile, 200, secrets)
      : 'no Dockerfile';
  const failOn = report.failOn ? ` · fail-on: ${report.failOn}` : '';
  const title = `## ${verdict} · ${subject}\n\n${describeTally(t)}${failOn}`;
  // The table is what a reader of forty services looks at first; at most a third of the budget.
  const header = multi ? `${title}\n\n${overview(targets, secrets, budget / 3, measure)}` : title;
  const runUrl = opts.runUrl && /^https?:\/\/[^\s()<>]+$/.test(opts.runUrl) ? opts.runUrl : null;
  const footerParts = ['<sub>harden-check', runUrl ? ` · [workflow run](${runUrl})` : '', '</sub>'];
  const footer = [...(opts.notes ?? []), footerParts.join('')].join('\n\n');

  const makeHead = (target: TargetReport, evidenceMax: number, withNotes: boolean): string => {
    const parts: string[] = [];
    if (multi) {
      const tt = tallyOf(target.findings, target.checks);
      parts.push(
        `### ${targetIcon(target)} ${inlineText(target.dockerfile, 200, secrets)}\n\n${describeTally(tt)}`,
      );
      // Collapsed, closed after the section's findings and logs: the overview table leads.
      parts.push('<details><summary>Checklist and findings</summary>');
    }
    const facts = [shortImage(target.image, secrets), timingText(target)].filter(Boolean);
    if (facts.length > 0) parts.push(`<sub>${facts.join(' · ')}</sub>`);
    if (withNotes) for (const n of target.notes ?? []) parts.push(`> ℹ️ ${inlineText(n, 300, secrets)}`);
    parts.push(checklist(target, evidenceMax, secrets));
    return parts.join('\n\n');
  };

  // Room kept for each section's group headings and "… N more" lines.
  const RESERVE_PER_SECTION = 400;
  const fixedCost = (heads: string[]) =>
    measure([marker ?? '', header, ...heads, footer, marker ?? ''].join('\n\n')) +
    heads.length * RESERVE_PER_SECTION;

  // Degrade the fixed part step by step until it fits: shorter evidence, no notes,
  // finally fewer targets (the checklist of a target is never cut in half).
  let heads = targets.map((tg) => makeHead(tg, 300, true));
  if (fixedCost(heads) > budget) heads = targets.map((tg) => makeHead(tg, 60, false));
  let shownTargets = targets.length;
  while (shownTargets > 0 && fixedCost(heads.slice(0, shownTargets)) + 200 > budget) shownTargets--;
  heads = heads.slice(0, shownTargets);

  const sections: Section[] = targets.slice(0, shownTargets).map((target, i) => {
    const findings = sortFindings(target.findings);
    return {
      target,
      head: heads[i],
      findings,
      lines: findings.map((f) => findingLine(f, links, secrets)),
      shown: new Set<number>(),
      details: detailBlocks(target),
      renderedDetails: [],
      omittedDetails: 0,
    };
  });

  let remaining = budget - fixedCost(heads) - (shownTargets < targets.length ? 200 : 0);

  // Findings, most severe first across all targets; stop at the first that does not fit
  // so what is shown is always "the most severe N".
  const order = sections
    .flatMap((s, si) => s.findings.map((f, fi) => ({ si, fi, rank: SEVERITY_RANK[f.severity] })))
    .sort((a, b) => a.rank - b.rank || a.si - b.si || a.fi - b.fi);
  for (const { si, fi } of order) {
    const cost = measure(sections[si].lines[fi]) + 1;
    if (cost > remaining) break;
    sections[si].shown.add(fi);
    remaining -= cost;
  }

  // Details with what is left; a log is shortened to fit before it is dropped.
  for (const s of sections) {
    for (const block of s.details) {
      let text = renderDetails(block, 8000, secrets);
      if (measure(text) + 2 > remaining && remaining > 1500)
        text = renderDetails(block, remaining - 1000, secrets);
      if (measure(text) + 2 <= remaining) {
        s.renderedDetails.push(text);
        remaining -= measure(text) + 2;
      } else {
        s.omittedDetails++;
      }
    }
  }

  const body: string[] = [];
  if (marker) body.push(marker);
  body.push(header);
  for (const s of sections) {
    body.push(s.head);
    const hidden = s.findings.length - s.shown.size;
    for (const sev of SEVERITIES) {
      const idx = s.findings
        .map((f, i) => (f.severity === sev && s.shown.has(i) ? i : -1))
        .filter((i) => i >= 0);
      if (idx.length === 0) continue;
      const total = s.findings.filter((f) => f.severity === sev).length;
      body.push(`#### ${SEVERITY_HEADING[sev]} (${total})\n\n${idx.map((i) => s.lines[i]).join('\n')}`);
    }
    if (hidden > 0)
      body.push(
        `… ${hidden} more finding${hidden === 1 ? '' : 's'} not shown here (size limit): ${moreHint}.`,
      );
    body.push(...s.renderedDetails);
    if (s.omittedDetails > 0)
      body.push(
        `… ${s.omittedDetails} log section${s.omittedDetails === 1 ? '' : 's'} left out (size limit).`,
      );
    if (multi) body.push('</details>');
  }
  const missing = targets.length - shownTargets;
  if (missing > 0)
    body.push(
      `… ${missing} more Dockerfile${missing === 1 ? '' : 's'} not shown here (size limit): ${moreHint}.`,
    );
  body.push(footer);
  if (marker) body.push(marker);
  const out = body.join('\n\n') + '\n';
  if (measure(out) <= budget) return out;
  // Unreachable by construction; a last guard so a limit is never exceeded.
  const end = marker ? `\n\n${marker}\n` : '\n';
  let keep = out.length;
  let cut = out;
  while (keep > 0 && measure(cut) > budget) {
    keep = Math.floor(keep * 0.9);
    cut = `${truncate(out, keep)}${end}`;
  }
  return cut;
}

/** The PR comment: marker-wrapped, within the comment budget, with a pointer to the run. */
export function renderComment(report: Report, tag: string, opts: Omit<RenderOptions, 'tag'> = {}): string {
  return renderMarkdown(report, { budget: COMMENT_BUDGET, moreHint: 'see the job summary', ...opts, tag });
}

/** The job summary: same content, bounded in UTF-8 bytes (the step limit is 1 MiB). */
export const SUMMARY_BUDGET_BYTES = 900 * 1024;

export function renderSummary(
  report: Report,
  opts: Omit<RenderOptions, 'tag' | 'budget' | 'measure'> = {},
): string {
  return renderMarkdown(report, {
    moreHint: 'see the JSON report (report-json output)',
    ...opts,
    budget: SUMMARY_BUDGET_BYTES,
    measure: (s) => Buffer.byteLength(s, 'utf8'),
  });
}
