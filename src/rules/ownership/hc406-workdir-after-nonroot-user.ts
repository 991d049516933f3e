// HC406: WORKDIR creates its directory after a non-root USER. BuildKit (Docker 23+ default)
// gives the new directory to that user; the classic builder, Podman and Buildah create it
// owned by root, so the same Dockerfile builds a different image. Directories that already
// exist (an earlier WORKDIR, COPY or mkdir in the stage chain, system directories, /home/<user>)
// are not created and not flagged. Variables that cannot be resolved: silent.
import type { Rule, RuleHit } from '../types.js';
import { isRootUser } from '../../dockerfile/base-images.js';
import { neededStages } from '../../dockerfile/stages.js';
import { isUnder, joinPath, normalizePath } from '../../dockerfile/paths.js';
import { absoluteDest, workdirAt, workdirSetBy } from './workdir.js';
import { chainBefore } from '../../dockerfile/facts.js';
import { copyParts, resolved } from './words.js';
import { simpleCommands } from './simple-commands.js';

const EXISTING = new Set([
  '/',
  '/tmp',
  '/var/tmp',
  '/usr',
  '/usr/local',
  '/opt',
  '/srv',
  '/var',
  '/var/lib',
  '/etc',
  '/home',
  '/root',
  '/run',
  '/var/run',
  '/var/log',
  '/var/cache',
]);

export const hc406: Rule = {
  meta: {
    id: 'HC406',
    title: 'WORKDIR created after a non-root USER',
    severity: 'note',
    anchors: {},
    description:
      'WORKDIR creates a missing directory. After a non-root USER, BuildKit creates it owned by that user, but the classic builder, Podman and Buildah create it owned by root, so the user cannot write its own working directory there. Create and chown the directory while still root, or COPY --chown into it.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    const seen = new Set<number>();
    for (const stage of neededStages(model)) {
      let user: { name: string; line: number } | null = null;
      const created: string[] = [];
      for (const instr of chainBefore(model, stage)) {
        if (instr.keyword === 'USER') {
          const v = resolved(model, instr.args.join(' '), instr);
          user = v !== null && !isRootUser(v) ? { name: v.split(':')[0], line: instr.line } : null;
          continue;
        }
        if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
          const { dest } = copyParts(instr);
          const t = dest ? absoluteDest(model, instr, dest.value) : null;
          if (t) created.push(dest!.value.endsWith('/') ? t : t.slice(0, Math.max(1, t.lastIndexOf('/'))));
          continue;
        }
        if (instr.keyword === 'RUN') {
          const wd = workdirAt(model, instr) ?? '/';
          for (const cmd of simpleCommands(model, instr)) {
            const i = cmd.words.findIndex(
              (w) => w === 'mkdir' || w === 'install' || w === 'useradd' || w === 'adduser',
            );
            if (i < 0) continue;
            for (const p of cmd.words.slice(i + 1)) {
              if (p.startsWith('-') || p.includes('$')) continue;
              created.push(p.startsWith('/') ? normalizePath(p) : joinPath(wd, p));
            }
          }
          continue;
        }
        if (instr.keyword !== 'WORKDIR') continue;
        const p = workdirSetBy(model, instr);
        if (p === null) continue;
        const exists = EXISTING.has(p) || /^\/home\/[^/]+$/.test(p) || created.some((c) => isUnder(c, p));
        created.push(p);
        if (!user || exists || instr.stageIndex !== stage.index || seen.has(instr.line)) continue;
        seen.add(instr.line);
        hits.push({
          line: instr.line,
          message: `WORKDIR ${p} is created after USER ${user.name} (line ${user.line}): BuildKit gives it to ${user.name} but the classic builder, Podman and Buildah leave it owned by root, so create it before USER (RUN mkdir -p ${p} && chown ${user.name} ${p}) or COPY --chown=${user.name} into it.`,
        });
      }
    }
    return hits;
  },
};
