// Tokens to simple commands: name, arguments, leading assignments, redirections, and the
// operators around each command, so rules see `&&`/`;`/`|` boundaries instead of substrings.
// Compound-command keywords (if/then/while/do/…, `{`, `}`, `!`) are skipped so the commands
// inside them are still seen; `for … in …` and `case … esac` headers are not commands.
import { tokenize, type Operator, type Substitution, type Token, type WordToken } from './tokenize.js';

export interface ParsedCommand {
  /** Words after the leading assignments: [name, ...args]. Empty for a bare `<<EOF` or `> file`. */
  words: WordToken[];
  /** `NAME=value` words before the command name. */
  assignments: { name: string; value: string }[];
  /** Redirections: op and target value (here-document delimiters for `<<`). */
  redirects: { op: string; target: string | null }[];
  /** Offset of the first token of the command. */
  offset: number;
  /** Operator before and after the command (null at the start/end). */
  before: Operator | null;
  after: Operator | null;
  /** Subshell nesting `( … )`. */
  depth: number;
  /** Index of the pipeline the command belongs to; commands joined by `|` share it. */
  pipeline: number;
  /** Command substitutions in its words, assignments and redirection targets. */
  substitutions: Substitution[];
}

const RESERVED_SKIP = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'while',
  'until',
  '!',
  '{',
  '}',
  'esac',
]);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;

export function parseShell(src: string, opts: { shellHeredocs?: boolean } = {}): ParsedCommand[] {
  const tokens = tokenize(src, opts);
  const out: ParsedCommand[] = [];
  let cur: ParsedCommand | null = null;
  let before: Operator | null = null;
  let depth = 0;
  let pipeline = 0;
  let skipUntilSep = false; // `for x in a b c` header
  let inCase = false; // `case … esac`: too irregular to split, skipped

  const finish = (after: Operator | null): void => {
    if (
      cur &&
      (cur.words.length > 0 ||
        cur.redirects.length > 0 ||
        cur.assignments.length > 0 ||
        cur.substitutions.length > 0)
    ) {
      cur.after = after;
      out.push(cur);
    }
    cur = null;
  };
  const start = (tok: Token): ParsedCommand => {
    cur = {
      words: [],
      assignments: [],
      redirects: [],
      offset: tok.offset,
      before,
      after: null,
      depth,
      pipeline,
      substitutions: [],
    };
    return cur;
  };

  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    if (inCase) {
      if (tok.t === 'word' && tok.value === 'esac' && !tok.quoted) inCase = false;
      continue;
    }
    if (tok.t === 'op') {
      if (skipUntilSep && (tok.value === ';' || tok.value === '\n')) {
        skipUntilSep = false;
        finish(tok.value);
        before = tok.value;
        continue;
      }
      if (tok.value === '(') {
        // `name() {` is a function definition: drop the pending name.
        if (
          cur &&
          (cur as ParsedCommand).words.length === 1 &&
          tokens[k + 1]?.t === 'op' &&
          (tokens[k + 1] as { value: string }).value === ')'
        ) {
          cur = null;
          k++;
          continue;
        }
        finish(tok.value);
        depth++;
        before = '(';
        continue;
      }
      if (tok.value === ')') {
        finish(')');
        depth = Math.max(0, depth - 1);
        before = ')';
        continue;
      }
      const wasPipe = tok.value === '|' || tok.value === '|&';
      finish(tok.value);
      if (!wasPipe) pipeline++;
      before = tok.value;
      continue;
    }
    if (skipUntilSep) {
      // `for f in $(ls)`: the header is no command, but its substitutions run.
      if (tok.t === 'word' && tok.substitutions.length > 0)
        (cur ?? start(tok)).substitutions.push(...tok.substitutions);
      continue;
    }
    if (tok.t === 'redir') {
      const c = cur ?? start(tok);
      c.redirects.push({ op: tok.op, target: tok.target?.value ?? null });
      if (tok.target) c.substitutions.push(...tok.target.substitutions);
      continue;
    }
    // a word
    const c = cur ?? start(tok);
    c.substitutions.push(...tok.substitutions);
    if (c.words.length === 0 && !tok.quoted) {
      if (RESERVED_SKIP.has(tok.value)) {
        if (c.assignments.length === 0 && c.redirects.length === 0) cur = null;
        continue;
      }
      if (tok.value === 'for' || tok.value === 'select') {
        cur = null;
        skipUntilSep = true;
        continue;
      }
      if (tok.value === 'case') {
        cur = null;
        inCase = true;
        continue;
      }
      if (tok.value === 'function') {
        cur = null;
        skipUntilSep = true;
        continue;
      }
      if (ASSIGNMENT.test(tok.raw)) {
        const eq = tok.value.indexOf('=');
        c.assignments.push({
          name: tok.value.slice(0, eq).replace(/\+$/, ''),
          value: tok.value.slice(eq + 1),
        });
        continue;
      }
    }
    c.words.push(tok);
  }
  finish(null);
  return out;
}
