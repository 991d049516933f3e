// HC110: `useradd -u <uid of 6+ digits>` without `-l`/`--no-log-init`: useradd writes
// the uid's slot in the sparse /var/log/lastlog and /var/log/faillog, which the layer
// tarball stores densely (gigabytes for uid 100000000). The uid may come from a variable.
import type { Rule, RuleHit } from '../types.js';
import { invocationsOf } from '../../shell/invocations.js';
import { parseOptions } from '../../shell/options.js';
import { stageInstructions } from '../../dockerfile/stages.js';

const VALUE =
  /^-[ugGdsckefKpRPZb]$|^--(uid|gid|groups|home-dir|home|shell|comment|skel|expiredate|inactive|key|password|root|prefix|selinux-user|base-dir)$/;

export const hc110: Rule = {
  meta: {
    id: 'HC110',
    title: 'useradd with a large uid without -l',
    severity: 'note',
    anchors: { hadolint: ['DL3046'] },
    description:
      'useradd records every new user in /var/log/lastlog and /var/log/faillog at an offset proportional to the uid; the files are sparse on disk but not in a layer tarball, so a uid like 100000 adds megabytes and 100000000 gigabytes. useradd -l (--no-log-init) skips it.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of stageInstructions(model)) {
      if (instr.keyword !== 'RUN') continue;
      for (const inv of invocationsOf(instr, model)) {
        if (inv.name !== 'useradd') continue;
        const p = parseOptions(
          inv.args.map((w) => w.value),
          VALUE,
        );
        if (p.flags.has('-l') || p.flags.has('--no-log-init')) continue;
        const raw = p.opts.get('-u') ?? p.opts.get('--uid');
        if (!raw) continue;
        const res = model.resolve(raw, instr);
        if (!res.complete || !/^\d+$/.test(res.value) || res.value.length <= 5) continue;
        const shown = raw === res.value ? raw : `${raw} (= ${res.value})`;
        hits.push({
          line: inv.line,
          message: `useradd -u ${shown} without -l writes a huge sparse lastlog/faillog entry into the layer: add -l (--no-log-init).`,
        });
      }
    }
    return hits;
  },
};
