// HC516: package-manager hygiene, one finding per RUN listing what to fix:
//  - non-interactive flags (apt-get/yum/dnf -y, zypper -n): a prompt aborts the build; all stages;
//  - pinned versions (apt/apk/yum/dnf/zypper/pip/npm/yarn/gem/go): reproducible builds; all stages;
//  - `--no-install-recommends` and cache clean-up in the same RUN (apt lists, apk --no-cache,
//    yum/dnf/zypper clean, pip --no-cache-dir, yarn cache clean) unless a `--mount=type=cache`
//    covers the cache or PIP_NO_CACHE_DIR is set: image size, so only stages that ship.
import type { Instr } from '../../dockerfile/model.js';
import { isShipped } from '../../dockerfile/stages.js';
import type { Rule, RuleHit } from '../types.js';
import { commandsOf, effectiveCommand } from '../../shell/commands.js';
import {
  cacheMountTargets,
  isInstall,
  isPinned,
  pmCallsOf,
  type PmCall,
} from '../../shell/package-managers.js';

const MAX_NAMES = 3;

function hasYes(c: PmCall): boolean {
  if (
    c.options.some(
      (o) =>
        o === '--yes' ||
        o === '--assume-yes' ||
        o === '--assumeyes' ||
        o === '-qq' ||
        /^-[a-z]*y[a-z]*$/.test(o),
    )
  )
    return true;
  if ((c.values.get('-q') ?? []).includes('2')) return true;
  if ((c.values.get('-o') ?? []).some((v) => /^APT::Get::Assume-Yes=(true|1|yes)$/i.test(v))) return true;
  return false;
}

function removes(cmds: ReturnType<typeof commandsOf>, paths: RegExp): boolean {
  return cmds.some((c) => {
    const e = effectiveCommand(c);
    return e.name === 'rm' && e.args.some((a) => paths.test(a));
  });
}

function runs(cmds: ReturnType<typeof commandsOf>, name: RegExp, ...args: string[]): boolean {
  return cmds.some((c) => {
    const e = effectiveCommand(c);
    return name.test(e.name) && args.every((a, k) => e.args.filter((x) => !x.startsWith('-'))[k] === a);
  });
}

function cacheIssue(
  c: PmCall,
  instr: Instr,
  cmds: ReturnType<typeof commandsOf>,
  pipNoCache: boolean,
): string | null {
  const mounts = cacheMountTargets(instr);
  const mounted = (re: RegExp) => mounts.some((t) => re.test(t));
  switch (c.manager) {
    case 'apt-get':
    case 'apt':
      if (
        mounted(/^\/var\/lib\/apt/) ||
        removes(cmds, /^\/var\/lib\/apt\/lists/) ||
        runs(cmds, /^apt(-get)?$/, 'dist-clean')
      )
        return null;
      return 'remove /var/lib/apt/lists/* in the same RUN (or use --mount=type=cache,target=/var/lib/apt)';
    case 'apk':
      if (
        c.options.includes('--no-cache') ||
        mounted(/^\/(var\/cache\/apk|etc\/apk\/cache)/) ||
        removes(cmds, /^\/(var\/cache\/apk|etc\/apk\/cache)/)
      )
        return null;
      return 'use apk add --no-cache (or a cache mount on /var/cache/apk)';
    case 'yum':
    case 'dnf':
    case 'microdnf':
    case 'tdnf':
      if (
        mounted(/^\/var\/cache\/(yum|dnf|libdnf5)/) ||
        removes(cmds, /^\/var\/cache\/(yum|dnf|libdnf5)/) ||
        runs(cmds, /^(yum|dnf|dnf5|microdnf|tdnf)$/, 'clean', 'all')
      )
        return null;
      return `run ${c.manager} clean all in the same RUN (or use a cache mount on /var/cache/${c.manager === 'yum' ? 'yum' : 'dnf'})`;
    case 'zypper':
      if (
        mounted(/^\/var\/cache\/zypp/) ||
        removes(cmds, /^\/var\/cache\/zypp/) ||
        runs(cmds, /^zypper$/, 'clean') ||
        runs(cmds, /^zypper$/, 'cc')
      )
        return null;
      return 'run zypper clean --all in the same RUN';
    case 'pip':
      if (
        pipNoCache ||
        c.options.includes('--no-cache-dir') ||
        c.cmd.assignments.some((a) => a.name === 'PIP_NO_CACHE_DIR')
      )
        return null;
      if (
        mounted(/\.cache(\/pip)?\/?$/) ||
        removes(cmds, /\.cache\/pip|^\/root\/\.cache/) ||
        runs(cmds, /^pip(\d+(\.\d+)?)?$/, 'cache', 'purge')
      )
        return null;
      return 'use pip install --no-cache-dir (or set PIP_NO_CACHE_DIR=1, or a cache mount on /root/.cache/pip)';
    case 'yarn':
      if (mounted(/yarn/) || runs(cmds, /^yarn$/, 'cache', 'clean')) return null;
      return 'run yarn cache clean in the same RUN (or use a cache mount)';
    default:
      return null;
  }
}

export const hc516: Rule = {
  meta: {
    id: 'HC516',
    title: 'Package-manager hygiene',
    severity: 'note',
    anchors: {
      hadolint: [
        'DL3008',
        'DL3009',
        'DL3013',
        'DL3014',
        'DL3015',
        'DL3016',
        'DL3018',
        'DL3019',
        'DL3028',
        'DL3030',
        'DL3032',
        'DL3033',
        'DL3034',
        'DL3036',
        'DL3037',
        'DL3038',
        'DL3040',
        'DL3041',
        'DL3042',
        'DL3060',
        'DL3062',
      ],
      trivy: ['DS-0015', 'DS-0019', 'DS-0020', 'DS-0021', 'DS-0025', 'DS-0027', 'DS-0029'],
      dockle: ['DKL-DI-0004', 'DKL-DI-0005'],
      kics: [
        '965a08d7',
        '77783205',
        'df746b39',
        '7384dfb2',
        'ae9c56a6',
        'd3499f6d',
        'f2f903fb',
        '02d9c71f',
        'e36d8880',
        '22cd11f7',
      ],
    },
    description:
      'Installs that prompt abort the build; unpinned packages make rebuilds differ; recommended packages and package caches left in a shipped layer add size and attack surface. Builder stages only need the first two.',
  },
  check({ model }) {
    const hits: RuleHit[] = [];
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN') continue;
      const calls = pmCallsOf(instr, model).filter(isInstall);
      if (calls.length === 0) continue;
      const cmds = commandsOf(instr, model);
      const ships = isShipped(model, instr);
      const pipEnv = model.scope(instr).get('PIP_NO_CACHE_DIR');
      const pipNoCache = pipEnv !== undefined && pipEnv !== null && pipEnv !== '';
      const issues: string[] = [];
      let line: number | null = null;
      const add = (c: PmCall, issue: string) => {
        if (!issues.includes(issue)) issues.push(issue);
        line ??= c.line;
      };
      for (const c of calls) {
        const label = `${c.manager} ${c.sub}`.trim();
        const fedByYes =
          c.cmd.before === '|' &&
          cmds.some(
            (x) =>
              x.pipeline === c.cmd.pipeline &&
              x.script === c.cmd.script &&
              effectiveCommand(x).name === 'yes',
          );
        if (
          (c.manager === 'apt-get' ||
            c.manager === 'apt' ||
            c.manager === 'yum' ||
            c.manager === 'dnf' ||
            c.manager === 'tdnf') &&
          !hasYes(c) &&
          !fedByYes
        ) {
          add(c, `add -y to ${label} (a prompt aborts the build)`);
        }
        if (
          c.manager === 'zypper' &&
          !c.options.some((o) => ['-n', '--non-interactive', '-y', '--no-confirm'].includes(o))
        ) {
          add(c, `add -n to zypper (zypper -n ${c.sub})`);
        }
        // packages: operands, plus gem's -v pins everything, go/npm/yarn/pip need explicit specs
        let packages = c.operands;
        if (c.manager === 'gem' && (c.values.has('-v') || c.values.has('--version'))) packages = [];
        if (c.manager === 'pip' && (c.options.includes('-U') || c.options.includes('--upgrade'))) {
          packages = packages.filter((p) => !['pip', 'setuptools', 'wheel'].includes(p));
        }
        const unpinned = packages.filter((p) => !isPinned(c.manager, p));
        if (unpinned.length > 0) {
          const shown = unpinned.slice(0, MAX_NAMES).join(', ') + (unpinned.length > MAX_NAMES ? ', …' : '');
          add(c, `pin versions for ${label} (${shown})`);
        }
        if (!ships) continue;
        if (
          (c.manager === 'apt-get' || c.manager === 'apt') &&
          !c.options.includes('--no-install-recommends') &&
          !(c.values.get('-o') ?? []).some((v) => /^APT::Install-Recommends=(false|0|no)$/i.test(v))
        ) {
          add(c, `add --no-install-recommends to ${label}`);
        }
        const cache = cacheIssue(c, instr, cmds, pipNoCache);
        if (cache) add(c, cache);
      }
      if (issues.length > 0 && line !== null) {
        hits.push({ line, message: `Package-manager hygiene: ${issues.join('; ')}.` });
      }
    }
    return hits;
  },
};
