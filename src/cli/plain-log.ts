// The runtime half logs through @actions/core, which writes workflow commands to stdout.
// In the CLI, stdout belongs to the report (json/sarif must stay parseable), so while the
// pipeline runs its log goes to stderr, with workflow commands turned into plain text.
const COMMAND = /^::([a-z-]+)(?: [^:]*)?::(.*)$/;

export function plainLogLine(line: string, stopToken: { value: string | null }): string | null {
  if (stopToken.value !== null) {
    if (line === `::${stopToken.value}::`) {
      stopToken.value = null;
      return null;
    }
    return line;
  }
  const m = COMMAND.exec(line);
  if (!m) return line;
  switch (m[1]) {
    case 'stop-commands':
      stopToken.value = m[2];
      return null;
    case 'group':
      return `── ${m[2]}`;
    case 'endgroup':
    case 'debug':
    case 'add-mask':
    case 'save-state':
    case 'set-output':
      return null;
    case 'warning':
    case 'error':
    case 'notice':
      return `${m[1]}: ${m[2]}`;
    default:
      return m[2];
  }
}

/** Run fn with process.stdout redirected to stderr as plain log lines; restore afterwards. */
export async function withLogOnStderr<T>(fn: () => Promise<T>): Promise<T> {
  const original = process.stdout.write.bind(process.stdout);
  const token = { value: null as string | null };
  let pending = '';
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const l of lines) {
      const out = plainLogLine(l, token);
      if (out !== null) process.stderr.write(out + '\n');
    }
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  }) as typeof process.stdout.write;
  try {
    return await fn();
  } finally {
    if (pending) process.stderr.write(pending + '\n');
    process.stdout.write = original;
  }
}
