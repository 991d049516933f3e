// Which lines of a PR file a review comment may be placed on, from the unified-diff
// `patch` the PR files API returns. GitHub accepts a comment on the RIGHT side only on a
// line inside a hunk (added or context); a multi-line comment must stay inside one hunk.
// The parser also keeps each right-side line's text, so a caller can check that the file
// it audited (the merge commit on pull_request events) still reads like the PR head there.

export interface Hunk {
  /** First and last right-side (new file) line of the hunk, 1-based inclusive; end < start for an empty side. */
  start: number;
  end: number;
}

export interface DiffLines {
  /** Lines the PR adds or modifies (`+` lines). */
  added: Set<number>;
  /** Every right-side line inside a hunk (added and context lines). */
  inHunk: Set<number>;
  hunks: Hunk[];
  /** Right-side text of the lines in hunks, without the line break (a trailing CR is dropped). */
  text: Map<number, string>;
}

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parse one file's `patch`. Malformed input gives whatever hunks were well-formed, never an exception. */
export function parsePatch(patch: string | null | undefined): DiffLines {
  const out: DiffLines = { added: new Set(), inHunk: new Set(), hunks: [], text: new Map() };
  if (!patch) return out;
  let right = 0;
  let leftLeft = 0; // lines of the left side still expected in this hunk
  let rightLeft = 0; // lines of the right side still expected in this hunk
  let hunk: Hunk | null = null;
  for (const raw of patch.split('\n')) {
    const header = HUNK_HEADER.exec(raw);
    if (header) {
      leftLeft = header[1] === undefined ? 1 : Number(header[1]);
      right = Number(header[2]);
      rightLeft = header[3] === undefined ? 1 : Number(header[3]);
      hunk = { start: right, end: right + rightLeft - 1 };
      out.hunks.push(hunk);
      continue;
    }
    if (!hunk || (leftLeft <= 0 && rightLeft <= 0)) continue; // outside a hunk: file headers, trailing text
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const kind = line[0];
    if (kind === '\\') continue; // "\ No newline at end of file"
    if (kind === '-') {
      leftLeft--;
      continue;
    }
    if (kind === '+' || kind === ' ' || line === '') {
      // An empty line inside a hunk is a context line whose leading space was trimmed.
      if (rightLeft <= 0) continue;
      out.inHunk.add(right);
      out.text.set(right, line.slice(1));
      if (kind === '+') out.added.add(right);
      else leftLeft--;
      right++;
      rightLeft--;
    }
  }
  return out;
}

/** The hunk that holds every line of start..end, or undefined. */
export function hunkOf(diff: DiffLines, start: number, end: number): Hunk | undefined {
  return diff.hunks.find((h) => start >= h.start && end <= h.end && start <= end);
}
