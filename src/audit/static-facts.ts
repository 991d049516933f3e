// The static facts the runtime probes need (the contract: src/contracts.ts).
import type { DockerfileModel } from '../dockerfile/model.js';
import type { CommandFact, ProcessFacts, StaticFacts } from '../contracts.js';
import {
  appPorts,
  effectiveUser,
  externalBase,
  finalEnv,
  finalHealthcheck,
  lastInChain,
} from '../dockerfile/facts.js';
import type { Instr } from '../dockerfile/model.js';
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
    stages: model.stages.map((s) => ({ label: s.name ?? String(s.index), line: s.line, endLine: s.endLine })),
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
    process: processFacts(model),
  };
}

/** The final stage's ENTRYPOINT, CMD and STOPSIGNAL, for the graceful-stop check. */
export function processFacts(model: DockerfileModel): ProcessFacts {
  const command = (instr: Instr | null): CommandFact | null =>
    instr
      ? { line: instr.line, endLine: instr.endLine, execForm: instr.json !== null, text: instr.text.trim() }
      : null;
  const entrypoint = lastInChain(model, 'ENTRYPOINT');
  const cmd = lastInChain(model, 'CMD');
  // An ENTRYPOINT written after the last CMD resets the CMD it inherited.
  const cmdReset = entrypoint && cmd && cmd.line < entrypoint.line;
  const stop = lastInChain(model, 'STOPSIGNAL');
  return {
    entrypoint: command(entrypoint),
    cmd: cmdReset ? null : command(cmd),
    stopSignal: stop ? { value: model.resolveWord(stop.args.join(' '), stop).value, line: stop.line } : null,
  };
}
