// Package-manager invocations of a RUN, from its shell commands (not substrings): manager,
// subcommand, options and package arguments, with helpers for pinning and cache clean-up.
import type { DockerfileModel, Instr } from '../dockerfile/model.js';
import { commandsOf, effectiveCommand, type ShellCommand } from './commands.js';

export type Manager =
  | 'apt-get'
  | 'apt'
  | 'apk'
  | 'yum'
  | 'dnf'
  | 'microdnf'
  | 'tdnf'
  | 'zypper'
  | 'pip'
  | 'npm'
  | 'gem'
  | 'go'
  | 'yarn';

export interface PmCall {
  manager: Manager;
  /** Subcommand (`install`, `add`, `update`, …), '' when none. */
  sub: string;
  /** Options anywhere on the command line (before and after the subcommand). */
  options: string[];
  /** Non-option words after the subcommand. */
  operands: string[];
  /** Option values consumed (`-v 1.2`, `-r requirements.txt`), by option. */
  values: Map<string, string[]>;
  cmd: ShellCommand;
  line: number;
}

const YUM_VALUE_OPTIONS = [
  '-x',
  '--exclude',
  '--enablerepo',
  '--disablerepo',
  '--setopt',
  '--installroot',
  '--releasever',
  '--repo',
  '-c',
  '--config',
];

// Options that take a separate value, per manager.
const VALUE_OPTS: Record<Manager, Set<string>> = {
  'apt-get': new Set([
    '-o',
    '-t',
    '-c',
    '--option',
    '--target-release',
    '--config-file',
    '--default-release',
  ]),
  apt: new Set(['-o', '-t', '-c', '--option', '--target-release', '--config-file', '--default-release']),
  apk: new Set([
    '-X',
    '--repository',
    '-t',
    '--virtual',
    '-p',
    '--root',
    '--keys-dir',
    '--arch',
    '--cache-dir',
    '--repositories-file',
  ]),
  yum: new Set(YUM_VALUE_OPTIONS),
  // dnf takes yum's, and a repository given by path
  dnf: new Set([...YUM_VALUE_OPTIONS, '--repofrompath']),
  microdnf: new Set([
    '--enablerepo',
    '--disablerepo',
    '--setopt',
    '--installroot',
    '--releasever',
    '--config',
  ]),
  tdnf: new Set([
    '--enablerepo',
    '--disablerepo',
    '--setopt',
    '--installroot',
    '--releasever',
    '-c',
    '--config',
  ]),
  zypper: new Set([
    '-r',
    '--repo',
    '--from',
    '-t',
    '--type',
    '--root',
    '-R',
    '-D',
    '--reposd-dir',
    '-C',
    '--cache-dir',
    '--raw-cache-dir',
    '--solv-cache-dir',
    '--pkg-cache-dir',
  ]),
  pip: new Set([
    '-r',
    '--requirement',
    '-c',
    '--constraint',
    '-e',
    '--editable',
    '-i',
    '--index-url',
    '--extra-index-url',
    '-f',
    '--find-links',
    '-t',
    '--target',
    '--prefix',
    '--root',
    '--trusted-host',
    '--platform',
    '--python-version',
    '--implementation',
    '--abi',
    '--only-binary',
    '--no-binary',
    '--progress-bar',
    '--src',
    '--upgrade-strategy',
    '--cache-dir',
    '--report',
    '--log',
    '--proxy',
    '--cert',
    '--client-cert',
    '--timeout',
    '--retries',
    '--exists-action',
    '--global-option',
    '--config-settings',
    '-C',
  ]),
  npm: new Set([
    '--registry',
    '--prefix',
    '-w',
    '--workspace',
    '--cache',
    '--omit',
    '--include',
    '--tag',
    '--userconfig',
    '--loglevel',
  ]),
  gem: new Set([
    '-v',
    '--version',
    '-i',
    '--install-dir',
    '-n',
    '--bindir',
    '-s',
    '--source',
    '--platform',
    '-g',
    '--file',
  ]),
  go: new Set([
    '-tags',
    '-ldflags',
    '-gcflags',
    '-asmflags',
    '-o',
    '-mod',
    '-modfile',
    '-p',
    '-C',
    '-pkgdir',
    '-overlay',
    '-toolexec',
  ]),
  yarn: new Set([
    '--cwd',
    '--registry',
    '--cache-folder',
    '--modules-folder',
    '--network-timeout',
    '--mutex',
  ]),
};

function managerOf(name: string, args: string[]): { manager: Manager; args: string[] } | null {
  if (
    name === 'apt-get' ||
    name === 'apt' ||
    name === 'apk' ||
    name === 'yum' ||
    name === 'dnf' ||
    name === 'microdnf' ||
    name === 'tdnf' ||
    name === 'zypper' ||
    name === 'npm' ||
    name === 'gem' ||
    name === 'go' ||
    name === 'yarn'
  ) {
    return { manager: name, args };
  }
  if (name === 'dnf5' || name === 'dnf4') return { manager: 'dnf', args };
  if (/^pip(\d+(\.\d+)?)?$/.test(name)) return { manager: 'pip', args };
  if (/^python(\d+(\.\d+)?)?$/.test(name)) {
    const m = args.indexOf('-m');
    if (m >= 0 && /^pip(\d+(\.\d+)?)?$/.test(args[m + 1] ?? ''))
      return { manager: 'pip', args: args.slice(m + 2) };
  }
  return null;
}

export function parsePmCall(cmd: ShellCommand): PmCall | null {
  const eff = effectiveCommand(cmd);
  const m = managerOf(eff.name, eff.args);
  if (!m) return null;
  const valueOpts = VALUE_OPTS[m.manager];
  const options: string[] = [];
  const operands: string[] = [];
  const values = new Map<string, string[]>();
  let sub = '';
  for (let k = 0; k < m.args.length; k++) {
    const a = m.args[k];
    if (a.startsWith('-') && a.length > 1) {
      const eq = a.indexOf('=');
      const optName = eq > 0 ? a.slice(0, eq) : a;
      options.push(optName);
      if (eq > 0) values.set(optName, [...(values.get(optName) ?? []), a.slice(eq + 1)]);
      else if (valueOpts.has(a) && k + 1 < m.args.length) {
        values.set(a, [...(values.get(a) ?? []), m.args[k + 1]]);
        k++;
      }
      continue;
    }
    if (!sub) sub = a;
    else operands.push(a);
  }
  return { manager: m.manager, sub, options, operands, values, cmd, line: cmd.line };
}

/** Every package-manager call of a RUN, in order. */
export function pmCallsOf(instr: Instr, model: DockerfileModel): PmCall[] {
  return commandsOf(instr, model)
    .map(parsePmCall)
    .filter((c): c is PmCall => c !== null);
}

/** System package managers (they install into the image's OS, not a language environment). */
export const OS_MANAGERS: ReadonlySet<Manager> = new Set([
  'apt-get',
  'apt',
  'apk',
  'yum',
  'dnf',
  'microdnf',
  'tdnf',
  'zypper',
]);

export function isInstall(c: PmCall): boolean {
  switch (c.manager) {
    case 'apt-get':
    case 'apt':
    case 'yum':
    case 'dnf':
    case 'microdnf':
    case 'tdnf':
    case 'pip':
    case 'gem':
    case 'go':
      return c.sub === 'install';
    case 'zypper':
      return c.sub === 'install' || c.sub === 'in';
    case 'apk':
      return c.sub === 'add';
    case 'npm':
      return c.sub === 'install' || c.sub === 'i' || c.sub === 'add';
    case 'yarn':
      return c.sub === 'add' || c.sub === 'install' || c.sub === '';
  }
}

/** Cache-mount targets of a RUN (`--mount=type=cache,target=/var/cache/apt`). */
export function cacheMountTargets(instr: Instr): string[] {
  const out: string[] = [];
  for (const f of instr.flags) {
    if (f.name !== 'mount' || !f.value) continue;
    const parts = Object.fromEntries(
      f.value.split(',').map((kv) => {
        const i = kv.indexOf('=');
        return i < 0 ? [kv, ''] : [kv.slice(0, i), kv.slice(i + 1)];
      }),
    );
    if (parts.type !== 'cache') continue;
    const target = parts.target ?? parts.dst ?? parts.destination;
    if (target) out.push(target.replace(/^["']|["']$/g, ''));
  }
  return out;
}

/** Is this package operand pinned to a version (or not a registry name at all: a file, URL, variable)? */
export function isPinned(manager: Manager, pkg: string): boolean {
  if (pkg.includes('$') || pkg.includes('://')) return true;
  switch (manager) {
    case 'apt-get':
    case 'apt':
      return pkg.includes('=') || pkg.includes('/') || pkg.endsWith('.deb');
    case 'apk':
      return /[=~<>]/.test(pkg) || pkg.endsWith('.apk');
    case 'yum':
    case 'dnf':
    case 'microdnf':
    case 'tdnf':
      return (
        /-\d/.test(pkg) ||
        pkg.endsWith('.rpm') ||
        pkg.startsWith('@') ||
        pkg.startsWith('/') ||
        pkg.includes('=')
      );
    case 'zypper':
      return /[=<>]/.test(pkg) || pkg.endsWith('.rpm') || pkg.startsWith('/');
    case 'pip':
      return (
        /[=<>~!@]/.test(pkg) ||
        /^[./~]/.test(pkg) ||
        /\.(whl|zip|tar\.gz|tgz)$/.test(pkg) ||
        pkg.startsWith('git+')
      );
    case 'npm':
    case 'yarn': {
      if (/^[./~]/.test(pkg) || pkg.startsWith('git') || pkg.endsWith('.tgz') || pkg.includes(':'))
        return true;
      const at = pkg.lastIndexOf('@');
      if (at <= 0) return false;
      const version = pkg.slice(at + 1);
      return version !== '' && version !== 'latest' && version !== 'next';
    }
    case 'gem':
      return pkg.includes(':');
    case 'go': {
      if (/^[./]/.test(pkg)) return true;
      const at = pkg.lastIndexOf('@');
      return at > 0 && pkg.slice(at + 1) !== 'latest' && pkg.slice(at + 1) !== '';
    }
  }
}
