// How Docker splits an instruction's arguments, before any shell sees them: leading
// `--flag[=value]` words, then words on whitespace outside quotes, with the escape directive's
// character (`\\` or a backtick) escaping the next one. Not the shell tokenizer (src/shell/):
// Docker knows no operators here, so `ARG A=x|y` is one word, and the escape may be a backtick.

/** Length of the leading `--flag[=value]` words and the whitespace around them. */
export function leadingFlagsLength(text: string): number {
  let at = 0;
  for (;;) {
    const m = /^\s*--[A-Za-z-]+(?:=(?:"[^"]*"|'[^']*'|\S*))?(?=\s|$)\s*/.exec(text.slice(at));
    if (!m) return at;
    at += m[0].length;
  }
}

/** Split on whitespace outside quotes; quotes and escapes are kept for later processing. */
export function instructionWords(text: string, escapeChar = '\\'): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let has = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escapeChar && i + 1 < text.length) {
      cur += c + text[i + 1];
      i++;
      has = true;
    } else if (quote) {
      cur += c;
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
      cur += c;
      has = true;
    } else if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}
