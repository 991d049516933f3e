// HC305: a secret-named build argument consumed by a RUN of the shipped image. BuildKit
// records the values of the build args a RUN uses in that layer's `docker history`
// (`|1 NPM_TOKEN=… /bin/sh -c …`, docker/cli#2473) and in max-mode provenance. Only
// used args leak into history, and only the shipped stages' history ships: an ARG used
// only in a builder stage is left to HC301's warning.
import { secretNameMatch } from '../../secrets/detect.js';
import type { Rule, RuleHit } from '../types.js';
import { shippedStages } from '../../dockerfile/stages.js';
import { isBuildArgInScope, referenceLine, runReferences } from './shared.js';

export const hc305: Rule = {
  meta: {
    id: 'HC305',
    title: 'Secret build argument used by a shipped RUN',
    severity: 'error',
    check: 'no-secrets',
    anchors: { trivy: ['DS-0031'], dockle: ['CIS-DI-0010'], buildkit: ['SecretsUsedInArgOrEnv'] },
    description:
      'When a RUN in the shipped image uses a build argument, its value is written into `docker history` of that layer and into max-mode provenance attestations, which Buildx attaches by default on public GitHub repositories. Use a build secret instead: `RUN --mount=type=secret,id=token,env=TOKEN`.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const stage of shippedStages(model)) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'RUN') continue;
        // `--mount=type=secret,id=x,env=NAME` sets NAME from the secret for this RUN
        const fromSecret = new Set(
          instr.flags
            .filter((f) => f.name === 'mount' && /(?:^|,)type=secret(?:,|$)/.test(f.value ?? ''))
            .map((f) => /(?:^|,)env=([A-Za-z_][A-Za-z0-9_]*)/.exec(f.value ?? '')?.[1])
            .filter((n): n is string => !!n),
        );
        for (const name of runReferences(instr, model.escapeChar)) {
          if (fromSecret.has(name) || !secretNameMatch(name)) continue;
          if (!isBuildArgInScope(model, instr, name)) continue;
          const origin = model.scope(instr).origin(name);
          const where = origin ? ` (ARG on line ${origin.line})` : '';
          hits.push({
            line: referenceLine(model, instr, name),
            message: `RUN uses build argument ${name}${where}, so its value is recorded in the shipped image's docker history and build provenance: replace the ARG with RUN --mount=type=secret,id=${name.toLowerCase()},env=${name}.`,
          });
        }
      }
    }
    return hits;
  },
};
