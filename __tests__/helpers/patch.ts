// A unified-diff `patch` as the PR files API returns it (hunks only, no file headers),
// made from the base and head text of a file, for the fake GitHub's PR files. Small
// files only: a plain LCS, O(n·m).

type Op = { kind: ' ' | '-' | '+'; text: string; oldNo: number; newNo: number };

function ops(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) out.push({ kind: ' ', text: a[i++], oldNo: i, newNo: ++j });
    else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1]))
      out.push({ kind: '-', text: a[i++], oldNo: i, newNo: j });
    else out.push({ kind: '+', text: b[j++], oldNo: i, newNo: j });
  }
  return out;
}

const lines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/** The patch of base → head (base null: a new file), with `context` lines around changes. */
export function makePatch(base: string | null, head: string, context = 3): string {
  const all = ops(lines(base ?? ''), lines(head));
  const changed = all.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  if (changed.length === 0) return '';
  // Group changes whose context windows touch into hunks.
  const groups: [number, number][] = [];
  for (const k of changed) {
    const last = groups[groups.length - 1];
    if (last && k - last[1] <= 2 * context) last[1] = k;
    else groups.push([k, k]);
  }
  const out: string[] = [];
  for (const [first, lastChange] of groups) {
    const from = Math.max(0, first - context);
    const to = Math.min(all.length - 1, lastChange + context);
    const slice = all.slice(from, to + 1);
    const oldCount = slice.filter((o) => o.kind !== '+').length;
    const newCount = slice.filter((o) => o.kind !== '-').length;
    // Start lines: the first line of the slice on each side (0 for an empty side, as git writes).
    const oldStart = oldCount === 0 ? slice[0].oldNo : (slice.find((o) => o.kind !== '+')?.oldNo ?? 0);
    const newStart = newCount === 0 ? slice[0].newNo : (slice.find((o) => o.kind !== '-')?.newNo ?? 0);
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const o of slice) out.push(`${o.kind}${o.text}`);
  }
  return out.join('\n');
}
