// HC414: development files copied into the shipped image by name: `.git`, editor settings,
// the Dockerfile and compose files, `.DS_Store`, caches, and a host `node_modules`
// (built for the host's platform; install or copy it from a build stage instead).
// Only explicit sources from the build context; `COPY . .` is a .dockerignore question (HC412).
// `.git` is left to HC304 (secret-bearing files, an error) so one path is reported once.
import type { Rule, RuleHit } from '../types.js';
import { shippedStages } from '../../dockerfile/stages.js';
import { copyParts, flag, resolved } from './words.js';

const DEV =
  /^(?:\.svn|\.hg|\.vscode|\.idea|\.DS_Store|\.cache|\.npm|node_modules|Dockerfile|Dockerfile\..+|.+\.Dockerfile|Containerfile|(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml)$/i;

export const hc414: Rule = {
  meta: {
    id: 'HC414',
    title: 'Development files copied into the final image',
    severity: 'note',
    anchors: { dockle: ['DKL-LI-0003'] },
    description:
      'Repository metadata, editor settings, build files and a host node_modules add size, can leak history or credentials (.git), and do nothing at runtime. Copy only what the application needs, and exclude the rest in .dockerignore.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const stage of shippedStages(model)) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
        if (flag(instr, 'from')) continue; // from a build stage, not the host
        const { sources, heredoc } = copyParts(instr);
        for (const s of sources) {
          if (heredoc && s.value.startsWith('<<')) continue;
          const v = resolved(model, s.value, instr);
          if (v === null || /^[a-z][a-z0-9+.-]*:\/\//i.test(v)) continue;
          const base =
            v
              .replace(/[\\/]+$/, '')
              .split(/[\\/]/)
              .pop() ?? '';
          if (!DEV.test(base)) continue;
          const why = /^node_modules$/i.test(base)
            ? 'a host node_modules is built for the host platform and may hold dev dependencies: run npm ci in the image or copy it from a build stage'
            : 'it is not needed at runtime: remove it from the COPY and list it in .dockerignore';
          hits.push({
            line: s.line,
            message: `${instr.keyword} copies ${s.value} into the shipped image; ${why}.`,
          });
        }
      }
    }
    return hits;
  },
};
