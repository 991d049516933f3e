// Wrappers run the command after them (`sudo -u app make`, `env A=1 pip install`,
// `xargs rm`, `timeout 30 curl …`): which program actually runs, with which arguments,
// and which wrappers stand in front of it.
import type { ShellWord } from './commands.js';
import { basename } from './script.js';

export interface Unwrapped {
  /** Program base name (`/usr/bin/curl` → `curl`). */
  name: string;
  nameWord: ShellWord;
  args: ShellWord[];
  /** Wrappers in front of the program, in order (`sudo`, `env`, `xargs`, …). */
  wrappers: ShellWord[];
  /** `VAR=value` words given to a wrapper (`env A=1 …`). */
  assignments: { name: string; value: string; word: ShellWord }[];
}

const WRAPPERS = new Set([
  'sudo',
  'doas',
  'env',
  'exec',
  'nohup',
  'time',
  'nice',
  'ionice',
  'command',
  'builtin',
  'xargs',
  'stdbuf',
  'timeout',
  'gosu',
  'su-exec',
  'chroot',
  'eatmydata',
]);

/** Wrapper options that take a separate value (`sudo -u app`, `nice -n 10`, `xargs -I {}`). */
const VALUE_OPTIONS: Record<string, RegExp> = {
  sudo: /^-[ugUCDhpTr]$|^--(user|group|chdir|host|prompt|close-from|role|type)$/,
  doas: /^-[uC]$/,
  nice: /^-n$/,
  ionice: /^-[cnp]$/,
  xargs: /^-[IiLlnPsdEa]$/,
  env: /^-[uCS]$/,
  timeout: /^-[sk]$/,
  stdbuf: /^-[ioe]$/,
};

/** Wrappers whose first operand is not the command (`gosu USER cmd`, `chroot DIR cmd`, `timeout 30 cmd`). */
const FIRST_OPERAND: Record<string, (w: string) => boolean> = {
  gosu: () => true,
  'su-exec': () => true,
  chroot: () => true,
  timeout: (w) => /^\d/.test(w),
};

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The program a command runs behind its wrappers; null when it runs nothing (`A=1`). */
export function unwrap(words: readonly ShellWord[]): Unwrapped | null {
  const assignments: Unwrapped['assignments'] = [];
  const wrappers: ShellWord[] = [];
  let i = 0;
  for (;;) {
    while (i < words.length && ASSIGNMENT.test(words[i].value)) {
      const eq = words[i].value.indexOf('=');
      assignments.push({
        name: words[i].value.slice(0, eq),
        value: words[i].value.slice(eq + 1),
        word: words[i],
      });
      i++;
    }
    if (i >= words.length) {
      // `sudo -v`, `env`: the last wrapper is the program
      const last = wrappers.pop();
      if (!last) return null;
      return {
        name: basename(last.value),
        nameWord: last,
        args: words.slice(words.indexOf(last) + 1),
        wrappers,
        assignments,
      };
    }
    const name = basename(words[i].value);
    if (!WRAPPERS.has(name)) break;
    wrappers.push(words[i]);
    i++;
    while (i < words.length && words[i].value.startsWith('-') && words[i].value !== '-') {
      const opt = words[i].value;
      i++;
      if (opt === '--') break;
      if (VALUE_OPTIONS[name]?.test(opt) && i < words.length) i++;
    }
    if (i < words.length && FIRST_OPERAND[name]?.(words[i].value)) i++;
  }
  const nameWord = words[i];
  return { name: basename(nameWord.value), nameWord, args: words.slice(i + 1), wrappers, assignments };
}
