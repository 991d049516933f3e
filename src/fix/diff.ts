// A line-based unified diff (`---`/`+++` headers, `@@` hunks, 3 lines of context) that
// `patch` and `git apply` accept. Each line keeps its own terminator, so CRLF files give
// CRLF diff lines; a last line without one gets "\ No newline at end of file".

interface DLine {
  text: string; // with its terminator
}

function split(text: string): DLine[] {
  const out: DLine[] = [];
  const re = /\r\n|\n|\r/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ text: text.slice(last, m.index + m[0].length) });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Edit script from a to b: common prefix/suffix, LCS on the middle (Dockerfiles are small). */
function editScript(a: string[], b: string[]): Op[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf])
    suf++;
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  const n = am.length;
  const m = bm.length;
  // lcs[i][j] = LCS length of am[i..] and bm[j..]
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const ops: Op[] = a.slice(0, pre).map((line) => ({ kind: ' ', line }));
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && am[i] === bm[j]) {
      ops.push({ kind: ' ', line: am[i] });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i][j + 1] > lcs[i + 1][j])) {
      ops.push({ kind: '+', line: bm[j++] });
    } else {
      ops.push({ kind: '-', line: am[i++] });
    }
  }
  // Removals before additions inside a change, as diff(1) prints them.
  for (let k = 0; k < ops.length; k++) {
    if (ops[k].kind !== ' ') {
      let e = k;
      while (e < ops.length && ops[e].kind !== ' ') e++;
      const block = ops.slice(k, e);
      ops.splice(k, e - k, ...block.filter((o) => o.kind === '-'), ...block.filter((o) => o.kind === '+'));
      k = e;
    }
  }
  for (const line of a.slice(a.length - suf)) ops.push({ kind: ' ', line });
  return ops;
}

function range(start: number, count: number): string {
  // An empty range names the line before it (diff(1)).
  return count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;
}

/** Unified diff of two texts; '' when they are equal. */
export function unifiedDiff(
  oldText: string,
  newText: string,
  oldName: string,
  newName: string,
  context = 3,
): string {
  if (oldText === newText) return '';
  const a = split(oldText).map((l) => l.text);
  const b = split(newText).map((l) => l.text);
  const ops = editScript(a, b);
  // positions (0-based) in a and b before each op
  const posA: number[] = [];
  const posB: number[] = [];
  let ia = 0;
  let ib = 0;
  for (const o of ops) {
    posA.push(ia);
    posB.push(ib);
    if (o.kind !== '+') ia++;
    if (o.kind !== '-') ib++;
  }
  const changed = ops.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  let out = `--- ${oldName}\n+++ ${newName}\n`;
  let h = 0;
  while (h < changed.length) {
    const start = Math.max(0, changed[h] - context);
    let end = changed[h];
    // merge when the unchanged lines between two changes fit in both contexts
    while (h + 1 < changed.length && changed[h + 1] - end - 1 <= 2 * context) end = changed[++h];
    h++;
    const stop = Math.min(ops.length, end + context + 1);
    const slice = ops.slice(start, stop);
    const countA = slice.filter((o) => o.kind !== '+').length;
    const countB = slice.filter((o) => o.kind !== '-').length;
    out += `@@ -${range(posA[start] + 1, countA)} +${range(posB[start] + 1, countB)} @@\n`;
    for (const o of slice) {
      out += o.kind + o.line;
      if (!/[\r\n]$/.test(o.line)) out += '\n\\ No newline at end of file\n';
    }
  }
  return out;
}
