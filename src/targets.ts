// Resolve the `dockerfile` input (paths, lists, globs) into existing files.
// A small glob matcher (`*`, `**`, `?`, `{a,b}`) keeps the bundle free of a glob dependency.
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from './option-parsers.js';

const SKIP_DIRS = new Set(['node_modules', '.git']);
const MAX_FILES_WALKED = 200_000;

export function hasGlob(pattern: string): boolean {
  return /[*?{[]/.test(pattern);
}

export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` matches zero or more folders
        const slash = pattern[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = pattern.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re +=
          '(?:' +
          pattern
            .slice(i + 1, close)
            .split(',')
            .map(escape)
            .join('|') +
          ')';
        i = close;
      }
    } else re += escape(c);
  }
  return new RegExp('^' + re + '$');
}

function escape(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** Workspace-relative POSIX paths of the Dockerfiles, in input order, without duplicates. */
export function resolveDockerfiles(
  patterns: string[],
  workspace: string,
  inputName = 'dockerfile',
): string[] {
  const out: string[] = [];
  const where = inputName ? `Input "${inputName}": ` : '';
  const add = (rel: string) => {
    // Outside the workspace, show the absolute path rather than a chain of `../`.
    const shown = rel.startsWith('..') ? path.resolve(workspace, rel) : rel;
    const p = shown.split(path.sep).join('/');
    if (!out.includes(p)) out.push(p);
  };
  for (const raw of patterns) {
    const pattern = raw.replace(/\\/g, '/').replace(/^\.\//, '');
    if (!hasGlob(pattern)) {
      const abs = path.resolve(workspace, pattern);
      if (!existsSync(abs))
        throw new InputError(`${where}${raw}: Dockerfile not found (looked in ${workspace}).`);
      if (statSync(abs).isDirectory()) {
        const inside = path.join(abs, 'Dockerfile');
        if (!existsSync(inside)) throw new InputError(`${where}${raw} is a folder without a Dockerfile.`);
        add(path.relative(workspace, inside));
      } else add(path.relative(workspace, abs) || pattern);
      continue;
    }
    const re = globToRegExp(pattern);
    // Walk only below the glob's fixed prefix.
    const fixed = pattern.split('/').findIndex((seg) => hasGlob(seg));
    const base = pattern.split('/').slice(0, fixed).join('/');
    const matches: string[] = [];
    walk(path.resolve(workspace, base || '.'), workspace, (rel) => {
      if (re.test(rel)) matches.push(rel);
    });
    if (matches.length === 0) {
      throw new InputError(`${where}the pattern "${raw}" matched no file.`);
    }
    matches.sort().forEach(add);
  }
  return out;
}

function walk(dir: string, workspace: string, visit: (rel: string) => void): void {
  let seen = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (++seen > MAX_FILES_WALKED) return;
      const abs = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) stack.push(abs);
      } else if (e.isFile()) {
        visit(path.relative(workspace, abs).split(path.sep).join('/'));
      }
    }
  }
}
