// Capture what @actions/core writes to stdout (workflow commands such as ::warning::),
// so tests can count warnings and prove a secret never reaches the log.
import { vi, type MockInstance } from 'vitest';

export interface CapturedOutput {
  text(): string;
  /** Workflow commands of one kind, e.g. commands('warning'). */
  commands(kind: string): string[];
  restore(): void;
}

export function captureStdout(): CapturedOutput {
  const chunks: string[] = [];
  const spy: MockInstance = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  });
  return {
    text: () => chunks.join(''),
    commands: (kind) =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.startsWith(`::${kind}`)),
    restore: () => spy.mockRestore(),
  };
}
