// Command-line arguments of the local CLI, validated into the same shape as the action's inputs.
import { parseArgs } from 'node:util';
import { ALL_CHECK_IDS, CHECK_IDS, FAIL_ON_VALUES, type CheckId, type FailOn } from '../report/types.js';
import {
  InputError,
  parseCheckIds,
  parseEnum,
  parseKeyValues,
  parseNetwork,
  parseRuleIds,
  parseSeconds,
} from '../option-parsers.js';

export type Format = 'text' | 'json' | 'sarif' | 'markdown' | 'checkstyle' | 'junit' | 'gitlab';
const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'markdown', 'checkstyle', 'junit', 'gitlab'];

export interface CliOptions {
  dockerfiles: string[];
  format: Format;
  target: string;
  buildArgs: Record<string, string>;
  buildFlags: string[];
  context: string;
  image: string;
  build: boolean;
  run: boolean;
  failOn: FailOn;
  ignore: string[];
  config: string;
  healthTimeout: number;
  /** Checks that must pass; the others are advisory (warnings). */
  checks: CheckId[];
  /** Seconds the graceful-stop check waits after SIGTERM before SIGKILL. */
  stopTimeout: number;
  runArgs: string[];
  envOverrides: Record<string, string>;
  network: string;
  color: boolean;
  help: boolean;
  version: boolean;
  listRules: boolean;
  /** Print the planned targets (the action's plan mode) and stop. */
  listTargets: boolean;
  /** Apply the findings' fixes to the Dockerfiles (static audit only). */
  fix: boolean;
  /** With fix: print a unified diff, write nothing. */
  dryRun: boolean;
}

export const USAGE = `Usage: harden-check [options] [Dockerfile ...]

Audits Dockerfiles for production hardening; with a Docker engine it also builds the
image and proves at runtime: non-root, healthy, env override honoured, no secrets.

Options:
  -f, --format <format>         output format (default: text):
                                  text        readable summary
                                  json        the report JSON (docs/report-schema.md)
                                  sarif       SARIF 2.1.0 (GitHub code scanning)
                                  markdown    the PR comment's text
                                  checkstyle  Checkstyle XML (Jenkins Warnings NG, reviewdog)
                                  junit       JUnit XML, one test case per check per Dockerfile
                                  gitlab      GitLab Code Quality JSON (artifacts: reports: codequality)
      --static                  static audit only (no build, no run)
      --no-run                  build and inspect, but do not run the container
      --image <ref>             verify this image instead of building
  -t, --target <stage>          build stage to audit and build
      --build-arg KEY=VALUE     build argument (repeatable)
      --build-flag <arg>        extra docker build argument (repeatable, e.g. --build-flag=--network=none)
      --context <dir>           build context (default: the Dockerfile's folder)
      --env KEY=VALUE           env override to prove (repeatable)
      --run-arg <arg>           extra docker run argument (repeatable)
      --network <name>          network of the verification container (default: none)
      --health-timeout <sec>    seconds to wait for healthy (default: 60)
      --checks <ids>            checks that must pass, comma-separated, or all (default: the lesson's
                                  five: non-root,healthcheck-defined,healthy,no-secrets,env-override);
                                  the others (graceful-stop, read-only-rootfs, restricted-profile,
                                  setuid-files) are reported as warnings
      --stop-timeout <sec>      graceful-stop: seconds between SIGTERM and SIGKILL (default: 10)
      --fail-on <error|warning|note|never>  exit 1 at this severity or above (default: error)
      --ignore <ids>            rule ids to ignore, comma-separated
  -c, --config <file>           config file (default: .harden-check.yml when present)
      --no-color                plain text
      --fix                     apply the available fixes to the Dockerfiles in place (static audit
                                only), then print what was fixed and the findings that remain
      --dry-run                 with --fix: print the fixes as a unified diff, write nothing
      --list-rules              print the rule index (markdown table; --format json for metadata)
      --list-targets            print the Dockerfiles the arguments resolve to as JSON
                                ({id, dockerfile, context, target}), for a CI matrix; builds nothing
  -h, --help                    this help
  -v, --version                 the version

Exit status: 0 passed, 1 failed per --fail-on (with --fix: on the findings that remain),
2 bad usage, unreadable input, or (--fix) a Dockerfile changed on disk while it was fixed.`;

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        static: { type: 'boolean' },
        'no-run': { type: 'boolean' },
        image: { type: 'string' },
        target: { type: 'string', short: 't' },
        'build-arg': { type: 'string', multiple: true },
        'build-flag': { type: 'string', multiple: true },
        context: { type: 'string' },
        env: { type: 'string', multiple: true },
        'run-arg': { type: 'string', multiple: true },
        network: { type: 'string' },
        'health-timeout': { type: 'string' },
        checks: { type: 'string', multiple: true },
        'stop-timeout': { type: 'string' },
        'fail-on': { type: 'string' },
        ignore: { type: 'string', multiple: true },
        config: { type: 'string', short: 'c' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        'list-rules': { type: 'boolean' },
        'list-targets': { type: 'boolean' },
        fix: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new InputError(`${(e as Error).message.split('\n')[0]} (see --help)`);
  }
  const v = parsed.values;
  if (v['dry-run'] && !v.fix) throw new InputError('--dry-run goes with --fix (see --help)');
  if (v.fix && v.image)
    throw new InputError('--fix changes Dockerfiles: it cannot be used with --image (see --help)');
  const listOf = (x: string[] | undefined) => x ?? [];
  return {
    dockerfiles: parsed.positionals.length > 0 ? parsed.positionals : ['Dockerfile'],
    format: parseEnum('--format', v.format ?? '', FORMATS, 'text'),
    target: v.target ?? '',
    buildArgs: parseKeyValues('--build-arg', listOf(v['build-arg']).join('\n')),
    buildFlags: listOf(v['build-flag']),
    context: v.context ?? '',
    image: v.image ?? '',
    build: !v.static,
    run: !v.static && !v['no-run'],
    failOn: parseEnum('--fail-on', v['fail-on'] ?? '', FAIL_ON_VALUES, 'error'),
    ignore: parseRuleIds('--ignore', listOf(v.ignore).join(',')),
    config: v.config ?? '',
    healthTimeout: parseSeconds('--health-timeout', v['health-timeout'] ?? '', 60),
    checks: parseCheckIds('--checks', listOf(v.checks).join(','), ALL_CHECK_IDS, CHECK_IDS),
    stopTimeout: parseSeconds('--stop-timeout', v['stop-timeout'] ?? '', 10),
    runArgs: listOf(v['run-arg']),
    envOverrides: parseKeyValues('--env', listOf(v.env).join('\n')),
    network: parseNetwork('--network', v.network ?? ''),
    color: !v['no-color'] && !env.NO_COLOR && process.stdout.isTTY === true,
    help: v.help ?? false,
    version: v.version ?? false,
    listRules: v['list-rules'] ?? false,
    listTargets: v['list-targets'] ?? false,
    fix: v.fix ?? false,
    dryRun: v['dry-run'] ?? false,
  };
}
