// Shell-style variable expansion as Docker applies it to Dockerfile instructions:
// $VAR, ${VAR}, ${VAR:-word}, ${VAR-word}, ${VAR:+word}, ${VAR+word}, ${VAR:?msg}.
// One linear scan; nesting in `word` is bounded so hostile input cannot recurse deeply.

/** A variable's state in scope: a value, declared without a value (`null`), or absent (`undefined`). */
export type Lookup = (name: string) => string | null | undefined;

export interface Expansion {
  value: string;
  /** Names used but not declared in scope: Docker substitutes an empty string. */
  undefinedVars: string[];
  /** Names declared without a value (an ARG waiting for --build-arg): the result is unknown. */
  unknownVars: string[];
  /** True when every variable had a known value. */
  complete: boolean;
}

const MAX_DEPTH = 32;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** One expansion's lookup and escape character, and the names it found undefined or unknown. */
interface Scan {
  lookup: Lookup;
  esc: string;
  undef: string[];
  unknown: string[];
}

export function expand(text: string, lookup: Lookup, escapeChar = '\\'): Expansion {
  const scan: Scan = { lookup, esc: escapeChar, undef: [], unknown: [] };
  return expansionOf(expandAt(text, scan, 0), scan.undef, scan.unknown);
}

function expansionOf(value: string, undefinedVars: string[], unknownVars: string[]): Expansion {
  return {
    value,
    undefinedVars: [...new Set(undefinedVars)],
    unknownVars: [...new Set(unknownVars)],
    complete: undefinedVars.length === 0 && unknownVars.length === 0,
  };
}

function expandAt(text: string, scan: Scan, depth: number): string {
  const esc = scan.esc;
  if (depth > MAX_DEPTH || text.indexOf('$') < 0) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === esc && text[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    if (text[i + 1] === '{') {
      const close = matchingBrace(text, i + 1);
      if (close < 0) {
        out += text.slice(i);
        break;
      }
      out += expandBraced(text.slice(i + 2, close), scan, depth);
      i = close + 1;
      continue;
    }
    NAME.lastIndex = i + 1;
    const m = NAME.exec(text);
    if (!m) {
      out += c;
      i++;
      continue;
    }
    out += resolveName(m[0], scan);
    i = NAME.lastIndex;
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}') {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

function resolveName(name: string, scan: Scan): string {
  const v = scan.lookup(name);
  if (v === undefined) {
    scan.undef.push(name);
    return '';
  }
  if (v === null) {
    scan.unknown.push(name);
    return '';
  }
  return v;
}

function expandBraced(inner: string, scan: Scan, depth: number): string {
  NAME.lastIndex = 0;
  const m = NAME.exec(inner);
  if (!m) return '${' + inner + '}';
  const name = m[0];
  const rest = inner.slice(name.length);
  if (rest === '') return resolveName(name, scan);
  const op = /^(:?[-+?])/.exec(rest);
  if (!op) {
    // ${VAR#pat}, ${VAR%pat} and friends: keep the value, we do not evaluate patterns.
    return resolveName(name, scan);
  }
  const word = rest.slice(op[1].length);
  const v = scan.lookup(name);
  const colon = op[1].startsWith(':');
  const isSet = v !== undefined && (!colon || (v !== null && v !== ''));
  const sub = (): string => expandAt(word, scan, depth + 1);
  switch (op[1].replace(':', '')) {
    case '-':
      if (v === null && !colon) {
        scan.unknown.push(name);
        return '';
      }
      if (v === null) {
        // declared without value: at build time it may be set or empty, so the default is the best guess
        return sub();
      }
      return isSet ? (v as string) : sub();
    case '+':
      if (v === null) {
        scan.unknown.push(name);
        return '';
      }
      return isSet ? sub() : '';
    default: // '?'
      return resolveName(name, scan);
  }
}

/** Names of the variables a text references (for "used but undefined" rules). */
export function referencedVars(text: string, escapeChar = '\\'): string[] {
  const names: string[] = [];
  expand(
    text,
    (n) => {
      names.push(n);
      return '';
    },
    escapeChar,
  );
  return [...new Set(names)];
}

/**
 * Docker's processing of one ENV/ARG/LABEL value as written: quotes removed, escapes
 * applied, `$VAR` expanded except inside single quotes or after the escape character.
 * With `lookup` null, only quotes and escapes are processed.
 */
export function expandWord(raw: string, lookup: Lookup | null, escapeChar = '\\'): Expansion {
  const undefinedVars: string[] = [];
  const unknownVars: string[] = [];
  let out = '';
  let i = 0;
  let quote: '"' | "'" | null = null;
  while (i < raw.length) {
    const c = raw[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else out += c;
      i++;
      continue;
    }
    if (c === escapeChar && i + 1 < raw.length) {
      const next = raw[i + 1];
      // inside double quotes only ", $, the escape char and newline are escapable
      if (quote === '"' && !['"', '$', escapeChar, '\n'].includes(next)) out += c;
      out += next;
      i += 2;
      continue;
    }
    if ((c === '"' || c === "'") && quote === null) {
      quote = c;
      i++;
      continue;
    }
    if (c === '"' && quote === '"') {
      quote = null;
      i++;
      continue;
    }
    if (c === '$') {
      // find the extent of this reference and expand it alone
      let end = i + 1;
      if (raw[end] === '{') {
        const close = matchingBrace(raw, end);
        end = close < 0 ? raw.length : close + 1;
      } else {
        NAME.lastIndex = end;
        const m = NAME.exec(raw);
        end = m ? NAME.lastIndex : end;
      }
      if (lookup === null) {
        // unquote only: keep the reference as written
        out += raw.slice(i, end);
        i = end;
        continue;
      }
      const part = expand(raw.slice(i, end), lookup, escapeChar);
      out += part.value;
      undefinedVars.push(...part.undefinedVars);
      unknownVars.push(...part.unknownVars);
      i = end;
      continue;
    }
    out += c;
    i++;
  }
  return expansionOf(out, undefinedVars, unknownVars);
}
