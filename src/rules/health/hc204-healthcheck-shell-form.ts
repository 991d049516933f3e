// HC204: the shipped HEALTHCHECK is in shell form (CMD-SHELL): it needs /bin/sh in the
// image. Warning; error when the base image is known to have no shell (scratch, distroless
// non-debug, chainguard non-dev, chiseled) and no COPY brings one in.
import { finalHealthcheck } from '../../dockerfile/facts.js';
import type { Rule } from '../types.js';
import { lacksShell } from './shared.js';
import { rewriteLine } from '../../fix/build.js';
import { execFormOf, HEALTHCHECK_PREFIX, stripExitOne } from '../../fix/exec-form.js';

export const hc204: Rule = {
  meta: {
    id: 'HC204',
    title: 'HEALTHCHECK in shell form',
    severity: 'warning',
    check: 'healthy',
    anchors: { hadolint: ['DL3025'] },
    description:
      'A shell-form HEALTHCHECK runs as `/bin/sh -c "…"`: it fails with "no such file" on images without a shell (scratch, distroless, chiseled), and it adds a shell process to every probe. The exec form runs the probe directly.',
  },
  check({ model, trustedBaseImages }) {
    const hc = finalHealthcheck(model);
    if (!hc || hc.none || hc.execForm) return [];
    const command = hc.test[1] ?? '';
    // `curl -f … || exit 1` becomes exec form without the trailer: curl -f already fails on HTTP >= 400.
    const plain = stripExitOne(command) ?? command;
    const json = execFormOf(plain);
    const fix = json
      ? rewriteLine(model, hc.instr, HEALTHCHECK_PREFIX, json, 'Use the exec form of the HEALTHCHECK')
      : null;
    const noShell = lacksShell(model, trustedBaseImages);
    // Backticked: the comment renders it as code (no autolinked URLs in the suggestion).
    const suggestion = json
      ? `\`HEALTHCHECK CMD ${json}\``
      : 'the exec form `HEALTHCHECK CMD ["prog", "arg", …]`';
    if (noShell) {
      return [
        {
          line: hc.instr.line,
          endLine: hc.instr.endLine,
          severity: 'error',
          message: `This shell-form HEALTHCHECK needs /bin/sh, but the shipped base ${noShell.image} (${noShell.family}) has no shell, so every probe fails: use ${suggestion} with a binary the image contains.`,
          ...(fix ? { fix } : {}),
        },
      ];
    }
    return [
      {
        line: hc.instr.line,
        endLine: hc.instr.endLine,
        message: `This HEALTHCHECK is in shell form and runs through /bin/sh: use ${suggestion}${json ? '' : ', or wrap shell logic in a script the image contains'}.`,
        ...(fix ? { fix } : {}),
      },
    ];
  },
};
