// HC211: a HEALTHCHECK whose exit status does not follow Docker's contract (0 healthy,
// 1 unhealthy, 2 reserved): an explicit `exit 2` / `exit N`, or curl without --fail,
// which exits 0 on HTTP 500 and so never reports the app unhealthy.
import { finalHealthcheck } from '../../dockerfile/facts.js';
import type { Rule, RuleHit } from '../types.js';
import { programOf, splitCommands } from './shared.js';

const CURL_FAIL = /^(?:--fail|--fail-with-body|--fail-early|-[A-Za-z]*f[A-Za-z]*)$/;

function curlFails(words: string[]): boolean {
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (CURL_FAIL.test(w)) return true;
    // `-w '%{http_code}'` and friends: the script inspects the status itself.
    if (w === '-w' || w === '--write-out') return true;
  }
  return false;
}

export const hc211: Rule = {
  meta: {
    id: 'HC211',
    title: 'HEALTHCHECK exit code outside 0/1',
    severity: 'note',
    check: 'healthy',
    anchors: {},
    description:
      "Docker reads the probe's exit status: 0 healthy, 1 unhealthy, 2 reserved. A probe that exits 2 or other codes relies on undocumented behaviour, and curl without --fail exits 0 on HTTP errors, so the check never fails.",
  },
  check({ model }) {
    const hc = finalHealthcheck(model);
    if (!hc || hc.none) return [];
    const commands = hc.execForm ? [{ words: hc.test.slice(1), op: '' }] : splitCommands(hc.test[1] ?? '');
    const hits: RuleHit[] = [];
    const at = { line: hc.instr.line, endLine: hc.instr.endLine };
    for (const [i, c] of commands.entries()) {
      const prog = programOf(c.words);
      if (!prog) continue;
      if (!hc.execForm && prog.name === 'exit') {
        const code = c.words[prog.index + 1];
        if (code !== undefined && /^\d+$/.test(code) && Number(code) > 1) {
          hits.push({
            ...at,
            message: `The HEALTHCHECK exits with code ${code}; Docker reserves 2 and only defines 0 (healthy) and 1 (unhealthy): use exit 1.`,
          });
        }
      }
      if (prog.name === 'curl' && !curlFails(c.words.slice(prog.index))) {
        // `curl … | grep ok` or `curl … && test …`: a later command decides.
        const next = commands[i + 1];
        if (next && (next.op === '|' || next.op === '&&')) continue;
        hits.push({
          ...at,
          message:
            'This curl has no -f/--fail, so it exits 0 on HTTP 404 or 500 and the HEALTHCHECK never fails while the app answers with errors: add -f (e.g. curl -fsS http://…).',
        });
      }
    }
    return hits;
  },
};
