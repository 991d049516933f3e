// HC407: COPY/ADD to a relative destination while no WORKDIR is set in the stage chain.
// The destination then depends on the base image's working directory. WORKDIR inherited
// through FROM <stage> counts. Bases known to set a WORKDIR on purpose (golang: /go,
// php: /var/www/html, ...) are left alone; scratch and known bases without one resolve
// to `/`; an unknown base is flagged, because the result depends on a value the file does not show.
import type { Rule, RuleHit } from '../types.js';
import { externalBase } from '../../dockerfile/facts.js';
import { parseImageRef } from '../../dockerfile/base-images.js';
import { isAbsolute } from '../../dockerfile/paths.js';
import { copyParts, resolved } from './words.js';
import { workdirAt } from './workdir.js';

/** Official images whose Dockerfile sets a WORKDIR that users rely on. */
const BASE_SETS_WORKDIR = new Set([
  'golang',
  'php',
  'tomcat',
  'jetty',
  'redis',
  'httpd',
  'jenkins/jenkins',
  'gradle',
  'haproxy',
  'wordpress',
  'drupal',
  'joomla',
  'nextcloud',
  'sonarqube',
  'odoo',
]);

export const hc407: Rule = {
  meta: {
    id: 'HC407',
    title: 'COPY to a relative destination with no WORKDIR set',
    severity: 'warning',
    anchors: { hadolint: ['DL3045'] },
    description:
      "Without a WORKDIR, a relative COPY/ADD destination is resolved against the base image's working directory (often `/`), so files land in the filesystem root or move when the base image changes. Set WORKDIR first or use an absolute destination.",
  },
  check({ model, trustedBaseImages }) {
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      const base = externalBase(model, trustedBaseImages, stage);
      const ref = base?.resolved.complete ? base.resolved.value : '';
      const r = ref ? parseImageRef(ref) : null;
      const known = base?.info ?? null;
      if (r && (BASE_SETS_WORKDIR.has(r.repo) || r.repo.startsWith('bitnami/') || known?.family === 'ubi'))
        continue;
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
        const { dest } = copyParts(instr);
        if (!dest || isAbsolute(dest.value) || dest.value.startsWith('\\')) continue;
        const v = dest.value.includes('$') ? resolved(model, dest.value, instr) : dest.value;
        if (v === null || v === '' || isAbsolute(v)) continue;
        if (workdirAt(model, instr) !== null) continue;
        const where = known
          ? `resolves against ${known.family === 'scratch' ? "scratch's" : "the base image's"} working directory \`/\``
          : "depends on the base image's working directory, which this Dockerfile does not show";
        hits.push({
          line: dest.line,
          message: `${instr.keyword} destination ${dest.value} is relative and no WORKDIR is set, so it ${where}: add WORKDIR /app (or similar) before it, or use an absolute destination.`,
        });
      }
    }
    return hits;
  },
};
