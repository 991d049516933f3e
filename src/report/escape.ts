// Making user-controlled text (Dockerfile content, file names, labels, probe output)
// safe to put into GitHub-flavoured markdown. Every piece goes through redact() first,
// so a credential never reaches a comment, a summary or an annotation.
import { redact } from '../secrets/detect.js';

// C0 controls except tab/newline, DEL, C1 controls, and the bidi overrides / isolates
// that make text display differently from what it is ("trojan source").
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
// Terminal colour codes in build and container logs.
const ANSI = /\u001B\[[0-?]*[ -/]*[@-~]/g;
const ZWJ = '\u200D';

/** Remove ANSI sequences and control characters; keep tabs and newlines. */
export function stripControl(text: string): string {
  return text.replace(ANSI, '').replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** Cut to at most `max` characters, marking the cut with an ellipsis. Never splits a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * Stop GitHub from linking `@user`, `@org/team` (a ping) and `#123` (a cross-reference
 * on somebody else's issue): a zero-width joiner after the sigil keeps the text readable.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9_-])/g, `@${ZWJ}`).replace(/#(?=\d)/g, `#${ZWJ}`);
}

// Markdown punctuation that can start emphasis, links, images, code, tables or headings
// inside a line (`(`, `!` and `+` are harmless once `[` is escaped and nothing starts a line).
// `&<>` become entities, the rest get a backslash (GFM allows escaping any ASCII punctuation).
const MARKDOWN_SPECIAL = /[\\`*_[\]#|~]/g;

/**
 * One line of user text for a table cell, a list item or a link label: redacted,
 * control characters removed, newlines folded, truncated, then escaped so it cannot
 * break the table, open HTML (`</details>`), start code or ping anyone.
 */
export function inlineText(raw: string, max = 300, secrets: readonly string[] = []): string {
  const flat = stripControl(redact(raw, secrets))
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\t/g, ' ');
  const cut = truncate(flat.trim(), max);
  const escaped = cut
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
  return neutralizeMentions(escaped);
}

/**
 * A finding message: like inlineText, but `backticked` parts (commands, instructions the
 * rules quote) become real code spans. Inside a code span nothing is markdown, HTML, a
 * link or a mention, so the quoted Dockerfile text stays inert and reads as code.
 */
export function messageText(raw: string, max = 1000, secrets: readonly string[] = []): string {
  const flat = truncate(
    stripControl(redact(raw, secrets))
      .replace(/\s*\n\s*/g, ' ')
      .replace(/\t/g, ' ')
      .trim(),
    max,
  );
  let out = '';
  let pos = 0;
  for (const m of flat.matchAll(/`([^`]+)`/g)) {
    out += escapePlain(flat.slice(pos, m.index));
    const code = m[1].trim();
    out += code ? `\`${neutralizeMentions(code)}\`` : '';
    pos = m.index + m[0].length;
  }
  return out + escapePlain(flat.slice(pos));
}

function escapePlain(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
  return neutralizeMentions(escaped);
}

/**
 * A multi-line block (a log) as a fenced code block. Inside a fence nothing is markdown
 * or HTML, so `</details>` and `@team` are inert; the fence is one backtick longer than
 * any backtick run in the text, so the text cannot close it.
 */
export function codeBlock(
  raw: string,
  opts: {
    maxLines?: number;
    maxLineLength?: number;
    maxChars?: number;
    secrets?: readonly string[];
    /** The fence's language (default text). */
    lang?: string;
  } = {},
): string {
  const { maxLines = 80, maxLineLength = 400, maxChars = 8000, secrets = [], lang = 'text' } = opts;
  let lines = stripControl(redact(raw, secrets))
    .replace(/\t/g, '  ')
    .split('\n')
    .map((l) => truncate(l.trimEnd(), maxLineLength));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  // Logs matter at their end: keep the tail.
  if (lines.length > maxLines)
    lines = [`… ${lines.length - maxLines} earlier lines`, ...lines.slice(-maxLines)];
  let body = lines.join('\n');
  if (body.length > maxChars) body = `…${body.slice(body.length - maxChars + 1)}`;
  // Mentions do not ping inside code, but a copy-paste of the text should not either.
  body = neutralizeMentions(body);
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${/^[a-z]+$/.test(lang) ? lang : 'text'}\n${body}\n${fence}`;
}

/** Percent-encode a repository path for a URL, one segment at a time (parentheses too, for markdown links). */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((seg) =>
      encodeURIComponent(seg).replace(/[()'*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');
}
