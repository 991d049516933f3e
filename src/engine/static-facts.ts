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
  return {
    user: user ? { raw: user.raw, resolved: user.resolved.value, line: user.instr.line } : null,
    baseImage: base && base.resolved.complete ? base.resolved.value : null,
    env: finalEnv(model).map((e) => ({
      key: e.key,
      value: e.value,
      line: e.line,
      secret:
        (secretNameMatch(e.key) !== null && !isPlaceholder(e.value)) || findSecretValues(e.value).length > 0,
    })),
    healthcheck: hc
      ? {
          line: hc.instr.line,
          none: hc.none,
          test: hc.test,
          port: hc.port,
          startPeriodSeconds: hc.timings['start-period'] ?? null,
        }
      : null,
    appPorts: [...new Set(appPorts(model).map((p) => p.port))],
  };
}
