// no-secrets: is a credential readable by anyone who can pull the image (Config.Env or
// docker history)?
import type { HistoryEntry } from '../../docker/history.js';
import type { ImageInfo } from '../../docker/inspect.js';
import { describeHit, scanImageSecrets } from '../secret-probe.js';
import type { StaticFacts } from '../types.js';
import { declaredLine, type CheckOutcome } from './outcome.js';

export const SECRET_IN_IMAGE = 'HC908';

const round = (n: number) => Math.round(n * 100) / 100;

export function checkNoSecrets(info: ImageInfo, history: HistoryEntry[], facts: StaticFacts): CheckOutcome {
  const t = Date.now();
  const hits = scanImageSecrets(info.env, history);
  const secrets = hits.map((h) => h.raw);
  const seconds = round((Date.now() - t) / 1000);
  if (hits.length === 0) {
    return {
      check: {
        id: 'no-secrets',
        status: 'pass',
        seconds,
        detail: `no credential in image Config.Env (${info.env.length} vars) or docker history (${history.length} layers)`,
      },
      findings: [],
      secrets,
    };
  }
  const lines = hits.map((h) => (h.key ? declaredLine(facts, h.key, 1) : 1));
  return {
    check: {
      id: 'no-secrets',
      status: 'fail',
      seconds,
      line: Math.min(...lines),
      detail: hits.map(describeHit).join('; ').slice(0, 500),
      diagnosis:
        'Anyone who can pull the image can read these (docker inspect / docker history). Pass secrets at run time (env from the orchestrator, mounted files such as /run/secrets/NAME with a *_FILE variable) and at build time with `RUN --mount=type=secret`, never ENV or ARG.',
    },
    findings: hits.map((h, i) => ({
      ruleId: SECRET_IN_IMAGE,
      severity: 'error',
      check: 'no-secrets',
      line: lines[i],
      message: `Secret in the image: ${describeHit(h)}. Use a build secret or a runtime secret instead.`,
    })),
    secrets,
  };
}
