// The tail of a build log kept for the report (the log itself goes to the host, src/host.ts).
import { redact } from '../secrets/detect.js';

/** Keeps the last `max` lines of a stream (the build log tail for the report). */
export class TailBuffer {
  private readonly lines: string[] = [];
  constructor(private readonly max = 50) {}

  push(line: string): void {
    this.lines.push(line);
    if (this.lines.length > this.max) this.lines.shift();
  }

  text(extraSecrets: readonly string[] = []): string {
    return redact(this.lines.join('\n'), extraSecrets);
  }
}
