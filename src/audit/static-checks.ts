// The checklist from static evidence (build: false, or no engine). The runtime replaces
// these verdicts with proof from the running container when it can.
import type { DockerfileModel, Instr } from '../dockerfile/model.js';
import { DEPLOY_CHECK_IDS, type Check, type Finding } from '../report/types.js';
import { effectiveUser, externalBase, finalHealthcheck } from '../dockerfile/facts.js';
import { isRootUser, type TrustedBaseImage } from '../dockerfile/base-images.js';

export function staticChecks(
  model: DockerfileModel,
  findings: Finding[],
  trusted: readonly TrustedBaseImage[],
): Check[] {
  return [
    nonRoot(model, trusted),
    healthcheckDefined(model),
    {
      id: 'healthy',
      status: 'skip',
      detail: 'needs a run (build: true and a Docker engine)',
      source: 'static',
    },
    noSecrets(model, findings),
    {
      id: 'env-override',
      status: 'skip',
      detail: 'needs a run (build: true and a Docker engine)',
      source: 'static',
    },
    // what an orchestrator demands is only ever proven by running the image
    ...DEPLOY_CHECK_IDS.map((id): Check => ({
      id,
      status: 'skip',
      detail: 'needs a run (build: true, run: true and a Docker engine)',
      source: 'static',
    })),
  ];
}

type Location = Pick<Check, 'line' | 'endLine' | 'stage'>;

/** The lines of an instruction and its stage, for a check's location. */
function at(model: DockerfileModel, instr: Instr): Location {
  const lines =
    instr.endLine > instr.line ? { line: instr.line, endLine: instr.endLine } : { line: instr.line };
  const stage = model.stageOf(instr);
  return stage ? { ...lines, stage: stage.name ?? String(stage.index) } : lines;
}

/** A line a finding points at, with the stage it is in. */
function lineIn(model: DockerfileModel, line: number): Location {
  const stage = model.stages.find((s) => line >= s.line && line <= s.endLine);
  return stage ? { line, stage: stage.name ?? String(stage.index) } : { line };
}

/** No instruction explains the verdict: the shipped stage's FROM does. */
function atStage(model: DockerfileModel): Location {
  return model.target ? at(model, model.target.fromInstr) : {};
}

function nonRoot(model: DockerfileModel, trusted: readonly TrustedBaseImage[]): Check {
  return { ...nonRootVerdict(model, trusted), ...nonRootLocation(model) };
}

function nonRootLocation(model: DockerfileModel): Location {
  const user = effectiveUser(model);
  return user ? at(model, user.instr) : atStage(model);
}

function nonRootVerdict(model: DockerfileModel, trusted: readonly TrustedBaseImage[]): Check {
  const user = effectiveUser(model);
  if (user) {
    const where = `USER ${user.raw}, line ${user.instr.line}`;
    if (user.resolved.unknownVars.length > 0 && !user.resolved.value.trim()) {
      return {
        id: 'non-root',
        status: 'skip',
        source: 'static',
        detail: `USER comes from build argument ${user.resolved.unknownVars.join(', ')} (line ${user.instr.line}): needs a run`,
      };
    }
    if (isRootUser(user.resolved.value)) {
      const why = user.resolved.undefinedVars.length
        ? ` (${user.resolved.undefinedVars.join(', ')} undefined in this stage: the user is empty, so root)`
        : '';
      return { id: 'non-root', status: 'fail', source: 'static', detail: `runs as root (${where})${why}` };
    }
    return { id: 'non-root', status: 'pass', source: 'static', detail: `user ${user.user} (${where})` };
  }
  const base = externalBase(model, trusted);
  if (!base) return { id: 'non-root', status: 'skip', source: 'static', detail: 'no FROM: nothing to check' };
  if (!base.resolved.complete) {
    return {
      id: 'non-root',
      status: 'skip',
      source: 'static',
      detail: `no USER, and the base image is a build argument (${base.raw}): needs a run`,
    };
  }
  const image = base.resolved.value;
  if (!base.info || base.info.user === undefined) {
    return {
      id: 'non-root',
      status: 'skip',
      source: 'static',
      detail: `no USER; default user of base image ${image} is unknown: needs a run`,
    };
  }
  if (isRootUser(base.info.user)) {
    return {
      id: 'non-root',
      status: 'fail',
      source: 'static',
      detail: `no USER, and ${image} runs as root unless told otherwise`,
    };
  }
  return {
    id: 'non-root',
    status: 'pass',
    source: 'static',
    detail: `no USER; base image ${image} runs as ${base.info.user} (${base.info.family})`,
  };
}

function healthcheckDefined(model: DockerfileModel): Check {
  const hc = finalHealthcheck(model);
  if (!hc) {
    return {
      id: 'healthcheck-defined',
      status: 'fail',
      source: 'static',
      detail: 'no HEALTHCHECK in the shipped stage',
      ...atStage(model),
    };
  }
  if (hc.none) {
    return {
      id: 'healthcheck-defined',
      status: 'fail',
      source: 'static',
      detail: `HEALTHCHECK NONE (line ${hc.instr.line}) disables it`,
      ...at(model, hc.instr),
    };
  }
  return {
    id: 'healthcheck-defined',
    status: 'pass',
    source: 'static',
    detail: `HEALTHCHECK on line ${hc.instr.line}${hc.port ? ` (port ${hc.port})` : ''}`,
    ...at(model, hc.instr),
  };
}

function noSecrets(model: DockerfileModel, findings: Finding[]): Check {
  const bad = findings.filter((f) => f.check === 'no-secrets' && f.severity === 'error');
  if (bad.length > 0) {
    const lines = [...new Set(bad.map((f) => f.line))].slice(0, 5).join(', ');
    return {
      id: 'no-secrets',
      status: 'fail',
      source: 'static',
      detail: `${bad.length} secret finding${bad.length > 1 ? 's' : ''} (line${bad.length > 1 ? 's' : ''} ${lines})`,
      ...lineIn(model, Math.min(...bad.map((f) => f.line))),
    };
  }
  const weak = findings.filter((f) => f.check === 'no-secrets').length;
  return {
    id: 'no-secrets',
    status: 'pass',
    source: 'static',
    detail: weak
      ? `no literal secret (${weak} warning${weak > 1 ? 's' : ''} to review)`
      : 'no secret in ENV, ARG or RUN',
  };
}
