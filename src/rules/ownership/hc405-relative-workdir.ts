// HC405: a relative WORKDIR with no absolute WORKDIR before it in the stage chain: the
// directory then depends on the base image's working directory. Variables are resolved
// (`WORKDIR $HOME/app` with HOME=/home/app is absolute); Windows `C:\app` is absolute.
import type { Rule } from '../types.js';
import { isAbsolute } from '../../dockerfile/paths.js';
import { resolved } from './words.js';
import { workdirAt } from './workdir.js';

export const hc405: Rule = {
  meta: {
    id: 'HC405',
    title: 'Relative WORKDIR',
    severity: 'error',
    anchors: {
      hadolint: ['DL3000'],
      trivy: ['DS-0009'],
      checkov: ['CKV_DOCKER_10'],
      buildkit: ['WorkdirRelativePath'],
      kics: ['6b376af8'],
    },
    description:
      'A relative WORKDIR is resolved against whatever working directory the base image left behind, so the files and the process land somewhere that changes when the base image does. Use an absolute path.',
  },
  check({ model }) {
    const hits = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'WORKDIR' || instr.stageIndex < 0) continue;
      const raw = instr.args.join(' ').replace(/^(["'])(.*)\1$/, '$2');
      if (!raw || isAbsolute(raw) || raw.startsWith('\\')) continue;
      let value = raw;
      if (raw.startsWith('$')) {
        const v = resolved(model, raw, instr);
        if (v === null) continue; // depends on an unset build argument or base-image ENV: cannot tell
        if (v === '' || isAbsolute(v) || v.startsWith('\\')) continue;
        value = v;
      }
      // Relative to an absolute WORKDIR set earlier in the stage chain: well defined.
      if (workdirAt(model, instr) !== null) continue;
      const shown = value === raw ? raw : `${raw} (= ${value})`;
      hits.push({
        line: instr.line,
        message: `WORKDIR ${shown} is relative and no absolute WORKDIR precedes it, so it depends on the base image's working directory: use an absolute path such as /${value.replace(/^\.?\/?/, '')}.`,
      });
    }
    return hits;
  },
};
