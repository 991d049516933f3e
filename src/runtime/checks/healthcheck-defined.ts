// healthcheck-defined: does the image carry a HEALTHCHECK (one that is not NONE)?
import { healthcheckOf, type ImageInfo } from '../../docker/inspect.js';
import { probeCommand } from '../health-diagnosis.js';
import type { CheckOutcome } from './outcome.js';

export function checkHealthcheckDefined(info: ImageInfo): CheckOutcome {
  const hc = healthcheckOf(info);
  return {
    check: hc
      ? {
          id: 'healthcheck-defined',
          status: 'pass',
          detail: `HEALTHCHECK ${hc.test[0]} ${probeCommand(hc.test)}`.slice(0, 200),
        }
      : {
          id: 'healthcheck-defined',
          status: 'fail',
          detail:
            info.healthcheck?.test[0] === 'NONE'
              ? 'HEALTHCHECK NONE: the image disables its health check'
              : 'no HEALTHCHECK in the image (Config.Healthcheck is empty)',
        },
    findings: [],
  };
}
