// HC205: an exec-form HEALTHCHECK whose argv contains shell syntax (`||`, `&&`, `|`, `;`,
// redirections, `$VAR`): no shell runs, so these reach the program as literal arguments.
// Typical result of converting `CMD curl -f … || exit 1` to JSON naïvely.
import { finalHealthcheck } from '../../dockerfile/facts.js';
import type { Rule } from '../types.js';
import { rewriteLine } from '../../fix/build.js';
import { HEALTHCHECK_PREFIX } from '../../fix/exec-form.js';

const SHELLS = /^(?:.*\/)?(?:sh|bash|ash|dash|zsh)$/;
const OPERATOR = /^(?:\|\||&&|\||;|&|>>?|<|\d?>>?&?\d*|&>)$/;
const REDIRECT = /^(?:\d?>>?|&>|<)\S/;
const VARIABLE = /\$(?:[A-Za-z_{(]|\?)|`/;

/** The first argv word that only a shell would understand, or null. */
export function shellToken(argv: string[]): string | null {
  // ["sh", "-c", "…"] and ["/bin/bash", "-lc", "…"] run a shell on purpose.
  if (argv.length > 0 && SHELLS.test(argv[0]) && argv.slice(1).some((a) => /^-[a-z]*c[a-z]*$/.test(a)))
    return null;
  for (const a of argv) {
    if (OPERATOR.test(a) || REDIRECT.test(a) || VARIABLE.test(a) || /;$/.test(a)) return a;
  }
  return null;
}

export const hc205: Rule = {
  meta: {
    id: 'HC205',
    title: 'Exec-form HEALTHCHECK contains shell syntax',
    severity: 'error',
    check: 'healthy',
    anchors: {},
    description:
      'The exec form runs the program directly, without a shell: `||`, `&&`, `|`, `;`, `>` and `$VAR` are passed as literal arguments, so `["curl", "-f", "http://localhost/", "||", "exit", "1"]` asks curl to fetch a URL named `||`.',
  },
  check({ model }) {
    const hc = finalHealthcheck(model);
    if (!hc || hc.none || !hc.execForm) return [];
    const argv = hc.test.slice(1);
    const token = shellToken(argv);
    if (token === null) return [];
    // The naive conversion: drop a trailing "||", "exit", "1" when nothing else needs a shell.
    const tail =
      argv.length >= 3 &&
      argv[argv.length - 3] === '||' &&
      argv[argv.length - 2] === 'exit' &&
      argv[argv.length - 1] === '1';
    const head = tail ? argv.slice(0, -3) : null;
    const fix =
      head && head.length > 0 && shellToken(head) === null
        ? rewriteLine(
            model,
            hc.instr,
            HEALTHCHECK_PREFIX,
            JSON.stringify(head).replace(/","/g, '", "'),
            'Drop the literal "||", "exit", "1" from the exec form',
          )
        : null;
    const variable = VARIABLE.test(token);
    const what = variable
      ? `${token} is not expanded (no shell runs)`
      : `"${token}" is passed to ${argv[0]} as a literal argument (no shell runs)`;
    const todo = tail
      ? `drop "||", "exit", "1"${/curl/.test(argv[0]) ? ' (curl -f already exits non-zero on HTTP errors)' : ''}, or use the shell form`
      : 'use the shell form, or ["sh", "-c", "…"], or a script in the image';
    return [
      {
        line: hc.instr.line,
        endLine: hc.instr.endLine,
        message: `In this exec-form HEALTHCHECK, ${what}: ${todo}.`,
        ...(fix ? { fix } : {}),
      },
    ];
  },
};
