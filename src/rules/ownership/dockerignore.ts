// Docker's .dockerignore semantics (moby/patternmatcher): one pattern a line, `#` comments,
// surrounding whitespace trimmed, paths cleaned (leading `/` and `./` dropped, trailing `/`
// ignored), `*` and `?` within one path segment, `**` across any number of segments, `[…]`
// classes, `\` escapes, `!` re-includes; the last matching pattern wins, and a pattern that
// matches a parent directory matches everything below it.
import { posix } from 'node:path';

export interface IgnorePattern {
  text: string;
  exclusion: boolean;
  re: RegExp;
  line: number;
}

export function cleanPath(p: string): string {
  let c = posix.normalize(p.replace(/\\/g, '/'));
  c = c.replace(/^\/+/, '').replace(/\/+$/, '');
  if (c === '' || c === '.') return '.';
  return c.replace(/^\.\//, '');
}

function toRegExp(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        while (pattern[i + 1] === '*') i++;
        if (pattern[i + 1] === '/') {
          i++;
          re += i + 1 >= pattern.length ? '.*' : '(?:.*/)?';
        } else if (i + 1 >= pattern.length) re += '.*';
        else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        let cls = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
        if (cls.startsWith('^') || cls.startsWith('!')) cls = '^' + cls.slice(1);
        re += `[${cls}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) {
      i++;
      re += pattern[i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(re + '$');
}

export function parseDockerignore(text: string): IgnorePattern[] {
  const out: IgnorePattern[] = [];
  text.split(/\r?\n/).forEach((raw, k) => {
    let t = raw.trim();
    if (t === '' || t.startsWith('#')) return;
    let exclusion = true;
    if (t.startsWith('!')) {
      exclusion = false;
      t = t.slice(1).trim();
    }
    const cleaned = cleanPath(t);
    if (cleaned === '.') return;
    out.push({ text: t, exclusion, re: toRegExp(cleaned), line: k + 1 });
  });
  return out;
}

/** The pattern that decides a path (last match on the path or one of its parents), or null. */
export function decidingPattern(patterns: IgnorePattern[], path: string): IgnorePattern | null {
  const p = cleanPath(path);
  const parts = p.split('/');
  const candidates: string[] = [];
  for (let k = 1; k <= parts.length; k++) candidates.push(parts.slice(0, k).join('/'));
  let decided: IgnorePattern | null = null;
  for (const pat of patterns) {
    if (candidates.some((c) => pat.re.test(c))) decided = pat;
  }
  return decided;
}

/** Is the path excluded from the build context, with no `!` exception that could re-include something below it? */
export function isExcluded(patterns: IgnorePattern[], path: string): IgnorePattern | null {
  const p = cleanPath(path);
  if (p === '.' || p.startsWith('..')) return null;
  const d = decidingPattern(patterns, p);
  if (!d || !d.exclusion) return null;
  const after = patterns.slice(patterns.indexOf(d) + 1);
  // An exception after it that names something inside (or uses wildcards) may re-include files below.
  if (after.some((x) => !x.exclusion && (cleanPath(x.text).startsWith(p + '/') || /[*?[]/.test(x.text))))
    return null;
  return d;
}
