// The text of one review comment: a hidden marker with the finding's fingerprint, the
// rule and message, and the fix as a GitHub ```suggestion block. A suggestion is written
// into the user's file with one click, so it is shown exactly or not at all: never
// redacted, truncated or stripped (a text that would need that gets no suggestion), and
// fenced with more backticks than any run in it, so nothing in it can close the block.
import { createHash } from 'node:crypto';
import { ruleDocUrl } from '../report/docs.js';
import { inlineText, messageText } from '../report/escape.js';
import { sanitizeTag } from '../report/markdown.js';
import type { Finding, Fix } from '../report/types.js';
import { redact } from '../secrets/detect.js';

/** GitHub's limit for a review comment body is 65,536 characters; stay well below. */
export const SUGGESTION_MAX_CHARS = 20_000;

const MARKER_PREFIX = '<!-- harden-check-review:';
const FINGERPRINT = /^[0-9a-f]{24}-\d+$/;

/** `<!-- harden-check-review:TAG:FP -->`; the tag may contain `:`, the fingerprint never does. */
export function reviewMarker(tag: string, fingerprint: string): string {
  return `${MARKER_PREFIX}${sanitizeTag(tag)}:${fingerprint} -->`;
}

/** The tag and fingerprint of a comment body that starts with our marker, or null. */
export function parseReviewMarker(
  body: string | null | undefined,
): { tag: string; fingerprint: string } | null {
  const text = (body ?? '').trimStart();
  if (!text.startsWith(MARKER_PREFIX)) return null;
  const end = text.indexOf(' -->');
  if (end < 0) return null;
  const inner = text.slice(MARKER_PREFIX.length, end);
  const cut = inner.lastIndexOf(':');
  if (cut <= 0) return null;
  const fingerprint = inner.slice(cut + 1);
  return FINGERPRINT.test(fingerprint) ? { tag: inner.slice(0, cut), fingerprint } : null;
}

/**
 * Stable identity of a finding across runs: rule, path, the normalized (redacted) content
 * of its line and its message with line numbers folded. Moving the line keeps it; editing
 * the line or the message changes it. `occurrence` tells identical lines apart.
 */
export function findingFingerprint(
  f: Pick<Finding, 'ruleId' | 'message'>,
  repoPath: string,
  lineText: string | undefined,
  occurrence: number,
  secrets: readonly string[] = [],
): string {
  const content = lineText === undefined ? '' : redact(lineText, secrets).trim().replace(/\s+/g, ' ');
  const message = redact(f.message, secrets)
    .replace(/\b(lines?) \d+(?:\s*[-–]\s*\d+)?/gi, '$1 N')
    .trim()
    .replace(/\s+/g, ' ');
  const hash = createHash('sha256').update(`${f.ruleId}\0${repoPath}\0${content}\0${message}`).digest('hex');
  return `${hash.slice(0, 24)}-${occurrence}`;
}

// Characters a suggestion cannot carry faithfully: controls other than tab, and the bidi
// overrides that make a line read differently from what it is.
const UNSAFE_IN_SUGGESTION = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * The ```suggestion block for a fix, or null when it cannot be offered exactly (control
 * characters, a secret in the text, too long). `remove` gives an empty suggestion, which
 * deletes the commented lines.
 */
export function renderSuggestion(
  fix: Pick<Fix, 'text' | 'remove'>,
  secrets: readonly string[] = [],
): string | null {
  if (typeof fix.text !== 'string') return null;
  // Lines are replaced whole: one line break style, no final break.
  const text = fix.text.replace(/\r\n?/g, '\n');
  const lines = fix.remove ? [] : text.split('\n');
  const body = lines.join('\n');
  if (UNSAFE_IN_SUGGESTION.test(body)) return null;
  if (redact(body, secrets) !== body) return null;
  if (body.length > SUGGESTION_MAX_CHARS) return null;
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return lines.length === 0 ? `${fence}suggestion\n${fence}` : `${fence}suggestion\n${body}\n${fence}`;
}

const SEVERITY_LABEL = { error: '❌ **Error**', warning: '⚠️ **Warning**', note: 'ℹ️ Note' } as const;

export interface ReviewCommentText {
  body: string;
  /** Whether the body carries a ```suggestion block. */
  suggested: boolean;
}

/**
 * The body of one review comment. `suggest`: the comment sits on exactly the fix's lines,
 * so a suggestion applies to them; otherwise the fix is only described.
 */
export function renderReviewComment(
  f: Finding,
  tag: string,
  fingerprint: string,
  opts: { suggest: boolean; secrets?: readonly string[] },
): ReviewCommentText {
  const secrets = opts.secrets ?? [];
  const doc = ruleDocUrl(f.ruleId);
  const rule = doc ? `[${f.ruleId}](${doc})` : inlineText(f.ruleId, 60, secrets);
  const parts = [
    reviewMarker(tag, fingerprint),
    `${SEVERITY_LABEL[f.severity] ?? ''} · ${rule} · ${messageText(f.message, 1000, secrets)}`,
  ];
  let suggested = false;
  if (f.fix) {
    const what = inlineText(f.fix.description || 'Suggested fix', 200, secrets);
    const block = opts.suggest ? renderSuggestion(f.fix, secrets) : null;
    if (block) {
      parts.push('', `**Suggested fix:** ${what}`, '', block);
      suggested = true;
    } else {
      const where =
        f.fix.endLine > f.fix.startLine
          ? `lines ${f.fix.startLine}–${f.fix.endLine}`
          : `line ${f.fix.startLine}`;
      parts.push('', `**Fix:** ${what} (${where}).`);
    }
  }
  parts.push('', `<sub>harden-check · ${inlineText(tag, 100, secrets)}</sub>`);
  return { body: parts.join('\n'), suggested };
}
