// Which TCP ports a running container listens on, read from the host's /proc (no tool in
// the image needed), with `cat` inside the image as the fallback.
import { execIn, readHostProc } from '../docker/container.js';
import { inspectContainer } from '../docker/inspect.js';
import { listeningPorts } from './proc-net.js';

/** null: neither the host's /proc nor `cat` in the image could show the sockets. */
export async function listeningOf(id: string, pid: number): Promise<number[] | null> {
  if (pid > 0) {
    const [t4, t6] = await Promise.all([readHostProc(pid, 'net/tcp'), readHostProc(pid, 'net/tcp6')]);
    if (t4 !== null || t6 !== null) return listeningPorts(t4, t6);
  }
  // Fallback needs `cat` in the image.
  const [e4, e6] = await Promise.all([
    execIn(id, ['cat', '/proc/net/tcp']),
    execIn(id, ['cat', '/proc/net/tcp6']),
  ]);
  if (e4.exitCode !== 0 && e6.exitCode !== 0) return null;
  return listeningPorts(e4.exitCode === 0 ? e4.stdout : null, e6.exitCode === 0 ? e6.stdout : null);
}

/** A running container whose processes listen on no TCP port. */
export async function listeningNowhere(id: string): Promise<boolean> {
  const s = await inspectContainer(id);
  return s.running && ((await listeningOf(id, s.pid)) ?? [1]).length === 0;
}
