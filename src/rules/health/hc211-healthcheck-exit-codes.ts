// HC211: a HEALTHCHECK whose exit status does not follow Docker's contract (0 healthy,
// 1 unhealthy, 2 reserved): an explicit `exit 2` / `exit N`, or curl without --fail,
// which exits 0 on HTTP 500 and so never reports the app unhealthy.
import { finalHealthcheck } from '../../dockerfile/facts.js';
import type { Rule, RuleHit } from '../types.js';
import { probeCommands } from './shared.js';

const CURL_FAIL = /^(?:--fail|--fail-with-body|--fail-early|-[A-Za-z]*f[A-Za-z]*)$/;

function curlFails(args: string[]): boolean {
  for (const w of args) {
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
    const hits: RuleHit[] = [];
    const at = { line: hc.instr.line, endLine: hc.instr.endLine };
    for (const c of probeCommands(hc)) {
      if (!hc.execForm && c.name === 'exit') {
        const code = c.args[0];
        if (code !== undefined && /^\d+$/.test(code) && Number(code) > 1) {
          hits.push({
            ...at,
            message: `The HEALTHCHECK exits with code ${code}; Docker reserves 2 and only defines 0 (healthy) and 1 (unhealthy): use exit 1.`,
          });
        }
      }
      if (c.name === 'curl' && !curlFails(c.args)) {
        // `curl … | grep ok` or `curl … && test …`: a later command decides.
        if (c.after === '|' || c.after === '|&' || c.after === '&&') continue;
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
