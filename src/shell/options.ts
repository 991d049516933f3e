// Command-line options of a program's arguments: option clusters (`-fsSLk`, `-rmu1000`),
// options with values (`-u 1000`, `--uid=1000`) and positionals, given which options take a value.

export interface ParsedOptions {
  /** Options with their value (`-u` → `1000`), by the option as written (`-u`, `--uid`). */
  opts: Map<string, string>;
  /** Options without a value (`-r`, `--system`). */
  flags: Set<string>;
  positionals: string[];
}

/** Split arguments into options (with values), bare flags and positionals; `takesValue` tests `-u` / `--uid`. */
export function parseOptions(args: readonly string[], takesValue: RegExp): ParsedOptions {
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) opts.set(a.slice(0, eq), a.slice(eq + 1));
      else if (takesValue.test(a) && i + 1 < args.length) opts.set(a, args[++i]);
      else flags.add(a);
    } else if (a.startsWith('-') && a.length > 1) {
      // a cluster such as -rmu 1000 or -u1000
      for (let k = 1; k < a.length; k++) {
        const o = '-' + a[k];
        if (takesValue.test(o)) {
          const rest = a.slice(k + 1);
          if (rest) opts.set(o, rest);
          else if (i + 1 < args.length) opts.set(o, args[++i]);
          break;
        }
        flags.add(o);
      }
    } else positionals.push(a);
  }
  return { opts, flags, positionals };
}

/** Short-option cluster test: does `-fsSLk` contain `k` before any option that takes a value? */
export function hasShortFlag(word: string, flag: string, takesValue: string): boolean {
  if (!/^-[A-Za-z0-9]/.test(word) || word.startsWith('--')) return false;
  for (const ch of word.slice(1)) {
    if (ch === flag) return true;
    if (takesValue.includes(ch)) return false;
  }
  return false;
}
