// Apply fixes (replacements of whole 1-based lines, src/report/types.ts Fix) to a file's
// original text: every byte outside the fixed lines is kept (BOM, comments, the escape
// character, each line's own terminator). Lines are numbered as the model numbers them
// (CRLF, LF and lone CR all end a line). Non-overlapping fixes are applied bottom-up; a fix
// that overlaps one already taken is skipped (a second pass after re-audit picks it up).
import type { Fix } from '../report/types.js';

export type Eol = '\r\n' | '\n' | '\r';

interface Line {
  text: string;
  /** The line's terminator as written ('' for a last line without one). */
  eol: string;
}

/** The file's dominant line ending (the most frequent; LF when there is none). */
export function detectEol(text: string): Eol {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const cr = (text.match(/\r/g) ?? []).length - crlf;
  if (crlf > 0 && crlf >= lf && crlf >= cr) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

function splitLines(body: string): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let last = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    out.push({ text: body.slice(last, m.index), eol: m[0] });
    last = m.index + m[0].length;
  }
  // The text after the last terminator is a line too (the model counts it), possibly empty.
  out.push({ text: body.slice(last), eol: '' });
  return out;
}

export interface ApplyResult<F extends Fix = Fix> {
  text: string;
  applied: F[];
  /** Overlapping another fix, out of range, or a no-op. */
  skipped: F[];
}

/**
 * Apply `fixes` to `text`. Fixes are taken in the order given; one that overlaps a line range
 * already taken is skipped. Applying a fix whose replacement equals the current lines changes
 * nothing (and counts as skipped).
 */
export function applyFixes<F extends Fix>(text: string, fixes: readonly F[]): ApplyResult<F> {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const lines = splitLines(bom ? text.slice(1) : text);
  const eol = detectEol(text);
  const taken: F[] = [];
  const skipped: F[] = [];
  for (const f of fixes) {
    const valid =
      Number.isInteger(f.startLine) &&
      Number.isInteger(f.endLine) &&
      f.startLine >= 1 &&
      f.endLine >= f.startLine &&
      f.endLine <= lines.length;
    const overlaps = taken.some((t) => f.startLine <= t.endLine && t.startLine <= f.endLine);
    const same =
      valid &&
      !f.remove &&
      lines
        .slice(f.startLine - 1, f.endLine)
        .map((l) => l.text)
        .join('\n') === f.text.replace(/\r\n|\r/g, '\n');
    if (!valid || overlaps || same) skipped.push(f);
    else taken.push(f);
  }
  // Bottom-up, so earlier line numbers stay valid.
  for (const f of [...taken].sort((a, b) => b.startLine - a.startLine)) {
    const last = lines[f.endLine - 1];
    let replacement: Line[];
    if (f.remove) {
      replacement = [];
      // Removing the file's last line(s): the line before keeps its own terminator.
    } else {
      const parts = f.text.split(/\r\n|\n|\r/);
      replacement = parts.map((p, i) => ({ text: p, eol: i === parts.length - 1 ? last.eol : eol }));
    }
    lines.splice(f.startLine - 1, f.endLine - f.startLine + 1, ...replacement);
  }
  const out = bom + lines.map((l) => l.text + l.eol).join('');
  return { text: out, applied: taken, skipped };
}
