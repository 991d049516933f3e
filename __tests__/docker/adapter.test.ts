// The docker adapter's argv and parsing, without an engine.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildArgs, localTag, secretBuildArgValues } from '../../src/docker/build.js';
import { parseTop, runArgs } from '../../src/docker/container.js';
import { dockerBin, dockerEnv } from '../../src/docker/exec.js';
import { parseHistory } from '../../src/docker/history.js';
import { healthcheckOf, parseContainerInspect, parseImageInspect } from '../../src/docker/inspect.js';
import { echoUntrusted, silentHost } from '../../src/host.js';
import { actionsHost } from '../../src/github/actions-host.js';

afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.HARDEN_CHECK_DOCKER;
});

const req = {
  dockerfile: '/w/Dockerfile',
  context: '/w',
  buildArgs: { VERSION: '1.2', NPM_TOKEN: 'npm_secretvalue' },
  target: 'prod',
  flags: ['--network=none', '--platform', 'linux/amd64'],
  runId: '123-1-AbCd',
  host: silentHost(),
};

describe('build argv', () => {
  it('buildx: --load, labels, lowercase tag, user flags last before the context', () => {
    expect(buildArgs(req, 'buildx', '/t/iid')).toEqual([
      'buildx',
      'build',
      '--load',
      '--file',
      '/w/Dockerfile',
      '--iidfile',
      '/t/iid',
      '--label',
      'harden-check.run=123-1-AbCd',
      '--tag',
      'harden-check-local:123-1-abcd',
      '--build-arg',
      'VERSION=1.2',
      '--build-arg',
      'NPM_TOKEN=npm_secretvalue',
      '--target',
      'prod',
      '--network=none',
      '--platform',
      'linux/amd64',
      '/w',
    ]);
  });

  it('classic: docker build with --force-rm; BuildKit via env: plain build', () => {
    expect(buildArgs(req, 'classic', 'i').slice(0, 2)).toEqual(['build', '--force-rm']);
    expect(buildArgs(req, 'buildkit', 'i').slice(0, 2)).toEqual(['build', '--file']);
  });

  it('tags are lowercase and valid whatever the run id', () => {
    expect(localTag('RUN 42/Attempt#1')).toBe('harden-check-local:run-42-attempt-1');
  });

  it('secret-looking build args are known for masking', () => {
    expect(secretBuildArgValues(req.buildArgs)).toEqual(['npm_secretvalue']);
  });
});

describe('run argv', () => {
  it('sandboxed, detached, labelled, explicit -e only, run-args before the image', () => {
    expect(
      runArgs({
        image: 'sha256:abc',
        runId: 'r1',
        network: 'none',
        env: { LOG_LEVEL: 'debug' },
        health: { intervalSeconds: 1, timeoutSeconds: 5 },
        runArgs: ['--read-only'],
      }),
    ).toEqual([
      'run',
      '--detach',
      '--label',
      'harden-check.run=r1',
      '--network',
      'none',
      '--security-opt',
      'no-new-privileges',
      '--memory',
      '512m',
      '--pids-limit',
      '256',
      '--env',
      'LOG_LEVEL=debug',
      '--health-interval=1s',
      '--health-timeout=5s',
      '--read-only',
      'sha256:abc',
    ]);
  });
});

describe('exec environment', () => {
  it('never passes the GitHub token or inputs to the docker client', () => {
    const env = dockerEnv({
      PATH: '/usr/bin',
      HOME: '/root',
      DOCKER_HOST: 'unix:///x',
      DOCKER_BUILDKIT: '1',
      GITHUB_TOKEN: 'ghs_x',
      ACTIONS_RUNTIME_TOKEN: 'y',
      'INPUT_GITHUB-TOKEN': 'z',
      AWS_SECRET_ACCESS_KEY: 'w',
    });
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/root',
      DOCKER_HOST: 'unix:///x',
      DOCKER_BUILDKIT: '1',
      DOCKER_CLI_HINTS: 'false',
    });
  });

  it('client binary from HARDEN_CHECK_DOCKER', () => {
    expect(dockerBin()).toBe('docker');
    process.env.HARDEN_CHECK_DOCKER = '/usr/bin/docker';
    expect(dockerBin()).toBe('/usr/bin/docker');
  });
});

describe('parsers', () => {
  it('docker top -o uid,pid,comm', () => {
    expect(parseTop('UID PID COMMAND\n1000 4242 httpd\n0 4300 sh\n')).toEqual([
      { uid: 1000, pid: 4242, comm: 'httpd' },
      { uid: 0, pid: 4300, comm: 'sh' },
    ]);
  });

  it('image inspect: user, env, ports, healthcheck; NONE counts as absent', () => {
    const info = parseImageInspect(
      JSON.stringify({
        Id: 'sha256:1',
        Config: {
          User: '1000',
          Env: ['A=1'],
          ExposedPorts: { '8080/tcp': {} },
          Healthcheck: { Test: ['CMD-SHELL', 'true'], Interval: 30e9, Retries: 3 },
        },
      }),
    );
    expect(info).toMatchObject({ id: 'sha256:1', user: '1000', env: ['A=1'], exposedPorts: [8080] });
    expect(healthcheckOf(info)?.interval).toBe(30e9);
    const none = parseImageInspect(JSON.stringify({ Id: 'x', Config: { Healthcheck: { Test: ['NONE'] } } }));
    expect(none.healthcheck?.test).toEqual(['NONE']);
    expect(healthcheckOf(none)).toBeNull();
  });

  it('container inspect: state and health log', () => {
    const s = parseContainerInspect(
      JSON.stringify({
        Id: 'c1',
        State: {
          Status: 'running',
          Running: true,
          Pid: 77,
          ExitCode: 0,
          StartedAt: 't0',
          Health: {
            Status: 'starting',
            FailingStreak: 1,
            Log: [{ Start: 'a', End: 'b', ExitCode: 1, Output: 'x' }],
          },
        },
        Config: { Env: ['A=1'] },
      }),
    );
    expect(s).toMatchObject({
      id: 'c1',
      running: true,
      pid: 77,
      health: { status: 'starting', failingStreak: 1 },
    });
    expect(s.health?.log[0]).toEqual({ start: 'a', end: 'b', exitCode: 1, output: 'x' });
  });

  it('history JSON lines, skipping non-JSON noise', () => {
    expect(
      parseHistory('{"CreatedBy":"RUN x","Comment":""}\nWARNING: noise\n{"CreatedBy":"ENV A=1"}\n'),
    ).toEqual([
      { createdBy: 'RUN x', comment: '' },
      { createdBy: 'ENV A=1', comment: '' },
    ]);
  });
});

describe('untrusted output on the runner', () => {
  it('is wrapped in stop-commands with a random token and masked', () => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
      out += String(c);
      return true;
    });
    echoUntrusted(actionsHost, '::set-output name=result::pass\n::add-mask::x\nkey ghp_' + 'a'.repeat(36));
    echoUntrusted(actionsHost, 'again');
    const tokens = [...out.matchAll(/::stop-commands::([0-9a-f]{32})/g)].map((m) => m[1]);
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).not.toBe(tokens[1]);
    const lines = out.split(/\r?\n/);
    expect(lines.slice(0, 5)).toEqual([
      `::stop-commands::${tokens[0]}`,
      '::set-output name=result::pass',
      '::add-mask::x',
      'key ghp_…(redacted)',
      `::${tokens[0]}::`,
    ]);
  });
});
