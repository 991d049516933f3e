// Echoing untrusted text (build output, container logs, probe output) into the job log.
// A Dockerfile or a container can print `::set-output ...`, `::add-mask::` or
// `::error ...`; between `::stop-commands::<token>` and `::<token>::` the runner
// treats all of it as plain text. The token is random per block so the untrusted
// text cannot guess it and resume commands early.
import { randomBytes } from 'node:crypto';
import * as core from '@actions/core';
import { redact } from '../secrets/detect.js';

export class UntrustedEcho {
  private readonly token = randomBytes(16).toString('hex');
  private open = false;

  constructor(private readonly extraSecrets: readonly string[] = []) {}

  start(): void {
    if (this.open) return;
    core.info(`::stop-commands::${this.token}`);
    this.open = true;
  }

  line(text: string): void {
    this.start();
    core.info(redact(text, this.extraSecrets));
  }

  end(): void {
    if (!this.open) return;
    core.info(`::${this.token}::`);
    this.open = false;
  }
}

/** Print a block of untrusted text, masked, with workflow commands disabled. */
export function echoUntrusted(text: string, extraSecrets: readonly string[] = []): void {
  const echo = new UntrustedEcho(extraSecrets);
  for (const l of text.split('\n')) echo.line(l);
  echo.end();
}

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
