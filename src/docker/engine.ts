// Is there an engine, and does the client have buildx? Both asked once, at start and at the
// same time, with execFile (it spawns at once, so the calls run while the static audit
// parses) and a hard timeout: a dead socket or a remote DOCKER_HOST can hang for minutes.
import { execFile } from 'node:child_process';
import { dockerBin, dockerEnv } from './exec.js';

function answers(args: string[], timeoutMs: number, ok: (stdout: string) => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(
      dockerBin(),
      args,
      { env: dockerEnv(), timeout: timeoutMs, killSignal: 'SIGKILL' },
      (err, stdout) => resolve(!err && ok(stdout)),
    );
  });
}

/** Does an engine answer `docker version`? */
export function dockerAvailable(timeoutMs = 8000): Promise<boolean> {
  return answers(['version', '--format', '{{.Server.Version}}'], timeoutMs, (out) => out.trim() !== '');
}

const buildxCache = new Map<string, Promise<boolean>>();

/** Does this docker client have the buildx plugin? (asked once per client binary) */
export function hasBuildx(): Promise<boolean> {
  const bin = dockerBin();
  let p = buildxCache.get(bin);
  if (!p) {
    p = answers(['buildx', 'version'], 8000, () => true);
    buildxCache.set(bin, p);
  }
  return p;
}

/** The start-of-run engine probe: the buildx question rides along (a build will ask it). */
export async function probeEngine(): Promise<boolean> {
  const [engine] = await Promise.all([dockerAvailable(), hasBuildx()]);
  return engine;
}
