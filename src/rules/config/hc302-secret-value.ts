// HC302: a credential-shaped *value* written in the Dockerfile (ENV, ARG default, LABEL,
// RUN text and heredocs, anything): AWS keys, GitHub/GitLab/Slack/Stripe/OpenAI tokens,
// private-key blocks, URLs with `user:password@`. Found whatever the variable is called,
// in every stage (the Dockerfile itself is committed): an error where it reaches the image
// (shipped stages, RUN/COPY of stages the target copies from, global ARGs), a warning in a
// stage that does not ship. Stand-in URLs (`user:pass@localhost`) are not credentials.
// The value is masked in the message.
import { findSecretValues, isDummyCredentialUrl, maskSecret } from '../../secrets/detect.js';
import { neededStages, shippedStages } from '../../dockerfile/stages.js';
import type { Rule, RuleHit } from '../types.js';
import { physicalLines } from '../../dockerfile/lines.js';
import { removeDeclarationFix } from '../../fix/remove-declaration.js';

export const hc302: Rule = {
  meta: {
    id: 'HC302',
    title: 'Hard-coded secret value',
    severity: 'error',
    check: 'no-secrets',
    anchors: {
      dockle: ['CIS-DI-0010'],
      checkov: ['CKV_SECRET_*'],
      kics: ['487f4be7', '3e2d3b2f', 'baee238e', '74736dd1', '2f665079', 'c4d3b58a', '76c0bcde', '51b5b840'],
    },
    description:
      'A credential written in the Dockerfile is in the repository history, the build cache, the image layers or config, and every copy of them. Rotate it, then pass it as a build secret (`RUN --mount=type=secret`) or at run time.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    const shipped = new Set(shippedStages(model).map((s) => s.index));
    const needed = new Set(neededStages(model).map((s) => s.index));
    for (const instr of model.instructions) {
      // Only the shipped stages' layers and config are the image. A RUN of a stage the target
      // copies files from may write the value into one of those files: it keeps the error.
      const inImage =
        instr.stageIndex < 0 ||
        shipped.has(instr.stageIndex) ||
        (needed.has(instr.stageIndex) && (instr.keyword === 'RUN' || instr.keyword === 'COPY'));
      const stageName = model.stages[instr.stageIndex]?.name;
      for (const { line, text } of physicalLines(model, instr)) {
        let end = -1;
        for (const m of findSecretValues(text)) {
          if (m.index < end) continue; // a token inside a URL already reported
          end = m.index + m.length;
          const value = text.slice(m.index, end);
          // `postgresql://user:pass@localhost/dummy`: a stand-in for a build step, not a credential
          if (m.kind === 'URL with credentials' && isDummyCredentialUrl(value)) continue;
          // ENV/ARG: the declaration that holds the value can go (when nothing references it).
          const holder =
            instr.keyword === 'ENV' || instr.keyword === 'ARG'
              ? instr.properties.find((p) => p.raw !== null && p.raw.includes(value))
              : undefined;
          const fix = holder ? removeDeclarationFix(model, instr, holder.name) : null;
          hits.push({
            line,
            ...(fix ? { fix } : {}),
            column: m.index + 1,
            endColumn: end + 1,
            ...(inImage ? {} : { severity: 'warning' as const }),
            message: inImage
              ? `${instr.keyword} contains a hard-coded ${m.kind} (${maskSecret(value)}): remove it, rotate it, and pass it with RUN --mount=type=secret at build time or as a runtime secret.`
              : `${instr.keyword} in build stage ${stageName ?? instr.stageIndex}, which does not ship, contains a hard-coded ${m.kind} (${maskSecret(value)}): it is not in the image, but it is in the repository and the build cache: rotate it and pass it with RUN --mount=type=secret.`,
          });
        }
      }
    }
    return hits;
  },
};
