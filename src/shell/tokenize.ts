// A small POSIX-ish shell tokenizer for RUN commands: words (quotes and escapes removed),
// control operators (`&&` `||` `;` `;;` `|` `|&` `&` newline `(` `)`), redirections with
// their target, comments, and shell here-documents (skipped). Command substitutions
// (`$(…)`, backticks), parameter expansions (`${…}`) and process substitutions stay
// verbatim inside their word: the commands they run are not reported.
//
// Why hand-written: the maintained npm parser (sh-syntax, mvdan/sh in wasm) only parses
// asynchronously and loads its wasm file from disk relative to its module, which breaks in
// our ncc bundle; rules are synchronous. The Dockerfile side (continuations, heredocs,
// escape directive) is handled before this tokenizer sees the text (see script.ts).
// Every step advances at least one character, so hostile input stays linear.

export type Operator = '&&' | '||' | ';' | ';;' | '|' | '|&' | '&' | '\n' | '(' | ')';

export interface WordToken {
  t: 'word';
  /** Quotes and escapes removed; substitutions kept verbatim. */
  value: string;
  /** As written. */
  raw: string;
  /** True when any part of the word was quoted or escaped. */
  quoted: boolean;
  /** Offset of the first character in the source. */
  offset: number;
  /** Bodies of the command substitutions (`$(…)`, backticks) in the word, outermost only. */
  substitutions: Substitution[];
}
/** A command substitution's script text and the source offset of its first character. */
export interface Substitution {
  text: string;
  offset: number;
}
export interface OpToken {
  t: 'op';
  value: Operator;
  offset: number;
}
export interface RedirToken {
  t: 'redir';
  /** `>`, `>>`, `<`, `<<`, `<<-`, `<<<`, `>&`, `<&`, `&>`, `&>>`, `<>`, `>|` (fd number dropped). */
  op: string;
  /** The target word (file, fd, or here-document delimiter with quotes removed), null when missing. */
  target: WordToken | null;
  offset: number;
}
export type Token = WordToken | OpToken | RedirToken;

export interface TokenizeOptions {
  /** Skip here-document bodies after the line of their `<<WORD` (true for scripts, false for a RUN line whose heredocs Docker consumes). */
  shellHeredocs?: boolean;
}

const OPERATORS: Operator[] = ['&&', '||', ';;', '|&', ';', '|', '&', '(', ')'];
const REDIR = /^(\d*)(&>>|&>|<<<|<<-|<<|>>|>&|<&|<>|>\||>|<)/;
const WORD_END = new Set([' ', '\t', '\r', '\n', ';', '&', '|', '(', ')', '<', '>']);

export function tokenize(src: string, opts: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  const pending: { delim: string; stripTabs: boolean }[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '\n') {
      tokens.push({ t: 'op', value: '\n', offset: i });
      i++;
      if (pending.length > 0) {
        i = skipHeredocBodies(src, i, pending);
        pending.length = 0;
      }
      continue;
    }
    if (c === '#') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    // Redirections (an fd number directly before counts as part of it), but not process substitution.
    const rest = src.slice(i, i + 12);
    const r = REDIR.exec(rest);
    if (r && !((r[2] === '<' || r[2] === '>') && src[i + r[0].length] === '(')) {
      const offset = i;
      i += r[0].length;
      while (i < n && (src[i] === ' ' || src[i] === '\t')) i++;
      let target: WordToken | null = null;
      if (i < n && !WORD_END.has(src[i])) {
        const w = readWord(src, i);
        target = w.token;
        i = w.end;
      } else if (r[2] === '>&' || r[2] === '<&') {
        target = null;
      }
      if ((r[2] === '<<' || r[2] === '<<-') && target && opts.shellHeredocs) {
        pending.push({ delim: target.value, stripTabs: r[2] === '<<-' });
      }
      tokens.push({ t: 'redir', op: r[2], target, offset });
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (op) {
      tokens.push({ t: 'op', value: op, offset: i });
      i += op.length;
      continue;
    }
    const w = readWord(src, i);
    tokens.push(w.token);
    i = w.end;
  }
  return tokens;
}

function skipHeredocBodies(
  src: string,
  start: number,
  pending: { delim: string; stripTabs: boolean }[],
): number {
  let i = start;
  for (const h of pending) {
    for (;;) {
      if (i >= src.length) return i;
      let eol = src.indexOf('\n', i);
      if (eol < 0) eol = src.length;
      let line = src.slice(i, eol).replace(/\r$/, '');
      if (h.stripTabs) line = line.replace(/^\t+/, '');
      i = eol + 1;
      if (line === h.delim) break;
    }
  }
  return Math.min(i, src.length);
}

/** Read one word starting at `start`. */
function readWord(src: string, start: number): { token: WordToken; end: number } {
  let i = start;
  let value = '';
  let quoted = false;
  const substitutions: Substitution[] = [];
  const n = src.length;
  // `$(…)` (not arithmetic `$((…))`) and `…`: the body from `from` up to the closing
  // character, or to the end of the text when it is missing.
  const substitution = (from: number, end: number, close: string): void => {
    if (src[from - 1] === '(' && src[from] === '(') return;
    const stop = end > from && src[end - 1] === close ? end - 1 : end;
    substitutions.push({ text: src.slice(from, stop), offset: from });
  };
  while (i < n) {
    const c = src[i];
    if (WORD_END.has(c)) {
      // `<(…)` / `>(…)` process substitution inside a word
      if ((c === '<' || c === '>') && src[i + 1] === '(' && i === start) {
        const end = skipBalanced(src, i + 1, '(', ')');
        value += src.slice(i, end);
        i = end;
        continue;
      }
      break;
    }
    if (c === '\\') {
      if (src[i + 1] === '\n') {
        i += 2;
        continue;
      }
      quoted = true;
      if (i + 1 < n) value += src[i + 1];
      i += 2;
      continue;
    }
    if (c === "'") {
      quoted = true;
      const end = src.indexOf("'", i + 1);
      const stop = end < 0 ? n : end;
      value += src.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (c === '$' && src[i + 1] === "'") {
      quoted = true;
      let j = i + 2;
      while (j < n && src[j] !== "'") j += src[j] === '\\' ? 2 : 1;
      value += src.slice(i + 2, Math.min(j, n)).replace(/\\(.)/g, '$1');
      i = j + 1;
      continue;
    }
    if (c === '"') {
      quoted = true;
      let j = i + 1;
      while (j < n && src[j] !== '"') {
        const d = src[j];
        if (d === '\\' && j + 1 < n) {
          const e = src[j + 1];
          if (e === '\n') {
            j += 2;
            continue;
          }
          value += '$`"\\'.includes(e) ? e : d + e;
          j += 2;
          continue;
        }
        if (d === '$' && (src[j + 1] === '(' || src[j + 1] === '{')) {
          const end = skipBalanced(src, j + 1, src[j + 1], src[j + 1] === '(' ? ')' : '}');
          if (src[j + 1] === '(') substitution(j + 2, end, ')');
          value += src.slice(j, end);
          j = end;
          continue;
        }
        if (d === '`') {
          const end = skipBacktick(src, j);
          substitution(j + 1, end, '`');
          value += src.slice(j, end);
          j = end;
          continue;
        }
        value += d;
        j++;
      }
      i = j + 1;
      continue;
    }
    if (c === '$' && (src[i + 1] === '(' || src[i + 1] === '{')) {
      const end = skipBalanced(src, i + 1, src[i + 1], src[i + 1] === '(' ? ')' : '}');
      if (src[i + 1] === '(') substitution(i + 2, end, ')');
      value += src.slice(i, end);
      i = end;
      continue;
    }
    if (c === '`') {
      const end = skipBacktick(src, i);
      substitution(i + 1, end, '`');
      value += src.slice(i, end);
      i = end;
      continue;
    }
    value += c;
    i++;
  }
  const end = Math.max(Math.min(i, n), start + 1);
  return {
    token: { t: 'word', value, raw: src.slice(start, end), quoted, offset: start, substitutions },
    end,
  };
}

/** From an opening bracket at `open`, the offset just after its match (quotes and nesting respected). */
function skipBalanced(src: string, openAt: number, open: string, close: string): number {
  let depth = 0;
  let i = openAt;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'" && open === '(') {
      const end = src.indexOf("'", i + 1);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < n && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      i = j + 1;
      continue;
    }
    if (c === '`') {
      i = skipBacktick(src, i);
      continue;
    }
    if (c === open) depth++;
    else if (c === close) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return n;
}

function skipBacktick(src: string, at: number): number {
  let j = at + 1;
  while (j < src.length && src[j] !== '`') j += src[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, src.length);
}
