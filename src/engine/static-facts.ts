// The static facts the runtime probes need (see runtime/types.ts).
import type { DockerfileModel } from '../dockerfile/model.js';
import type { StaticFacts } from '../runtime/types.js';
import { appPorts, effectiveUser, externalBase, finalEnv, finalHealthcheck } from '../dockerfile/facts.js';
import type { TrustedBaseImage } from '../dockerfile/base-images.js';
import { isPlaceholder, secretNameMatch, findSecretValues } from '../secrets/detect.js';

export function staticFacts(model: DockerfileModel, trusted: readonly TrustedBaseImage[]): StaticFacts {
  const user = effectiveUser(model);
  const base = externalBase(model, trusted);
  const hc = finalHealthcheck(model);
  const stage = model.target;
  const declared = new Map<string, number>();
  for (const instr of model.instructions) {
    if (instr.keyword !== 'ARG' && instr.keyword !== 'ENV') continue;
    for (const p of instr.properties) declared.set(p.name, instr.line);
  }
  return {
    stage: stage ? { name: stage.name, line: stage.fromInstr.line, endLine: stage.fromInstr.endLine } : null,
    user: user
      ? { raw: user.raw, resolved: user.resolved.value, line: user.instr.line, endLine: user.instr.endLine }
      : null,
    baseImage: base && base.resolved.complete ? base.resolved.value : null,
    env: finalEnv(model).map((e) => ({
      key: e.key,
      value: e.value,
      line: e.line,
      secret:
        (secretNameMatch(e.key) !== null && !isPlaceholder(e.value)) || findSecretValues(e.value).length > 0,
    })),
    declared: [...declared].map(([key, line]) => ({ key, line })),
    healthcheck: hc
      ? {
          line: hc.instr.line,
          endLine: hc.instr.endLine,
          none: hc.none,
          test: hc.test,
          port: hc.port,
          startPeriodSeconds: hc.timings['start-period'] ?? null,
        }
      : null,
    appPorts: [...new Set(appPorts(model).map((p) => p.port))],
  };
}
