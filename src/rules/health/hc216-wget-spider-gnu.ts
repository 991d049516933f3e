// HC216: the HEALTHCHECK uses `wget --spider` and the shipped image's wget is GNU wget
// (Debian/Ubuntu-based bases, or wget installed by a package manager, which is GNU wget
// even on alpine). GNU wget --spider sends HEAD; FastAPI/Starlette and many frameworks
// route GET only and answer 405, so the probe fails while the app is fine. BusyBox wget
// (alpine's default) sends GET with --spider: no finding.
import { finalHealthcheck, installsPackage } from '../../dockerfile/facts.js';
import type { Rule } from '../types.js';
import { replaceLine } from '../../fix/build.js';
import { probeCommands, shippedBase } from './shared.js';

const QUIET = /^(?:--quiet|-[A-Za-z]*q[A-Za-z]*)$/;

export const hc216: Rule = {
  meta: {
    id: 'HC216',
    title: 'HEALTHCHECK uses `wget --spider` with GNU wget (sends HEAD)',
    severity: 'warning',
    check: 'healthy',
    anchors: {},
    description:
      'GNU wget `--spider` checks a URL with a HEAD request. FastAPI, Starlette, Express routers and many other frameworks only route GET for a health endpoint and answer HEAD with 405 Method Not Allowed, so the container is reported unhealthy although it serves. BusyBox wget (alpine) sends GET and is not affected.',
  },
  check({ model, trustedBaseImages }) {
    const hc = finalHealthcheck(model);
    if (!hc || hc.none) return [];
    const spider = probeCommands(hc).find((c) => c.name === 'wget' && c.args.includes('--spider'));
    if (!spider) return [];
    const installed = installsPackage(model, 'wget');
    const base = shippedBase(model, trustedBaseImages);
    const gnu = installed !== null || base?.info.wget === 'gnu';
    if (!gnu) return [];
    const why = installed
      ? `wget installed on line ${installed.line} is GNU wget`
      : `the wget of ${base!.image} is GNU wget`;
    const quiet = spider.args.some((w) => QUIET.test(w));
    // One-line instruction: replace the --spider word, keeping everything else as written.
    let fix;
    if (hc.instr.line === hc.instr.endLine) {
      const original = model.lines[hc.instr.line - 1] ?? '';
      const replaced = hc.execForm
        ? original.replace(/"--spider"/, quiet ? '"-O", "/dev/null"' : '"-q", "-O", "/dev/null"')
        : original.replace(
            /(^|\s)--spider(?=\s|$)/,
            (_m, pre: string) => `${pre}${quiet ? '' : '-q '}-O /dev/null`,
          );
      if (replaced !== original) {
        fix = replaceLine(hc.instr.line, replaced, 'Probe with a GET: wget -q -O /dev/null URL');
      }
    }
    return [
      {
        line: hc.instr.line,
        endLine: hc.instr.endLine,
        message: `The HEALTHCHECK uses wget --spider, and ${why}, which sends HEAD; frameworks such as FastAPI answer 405 and the check fails: use wget -q -O /dev/null URL (a GET) instead.`,
        ...(fix ? { fix } : {}),
      },
    ];
  },
};
