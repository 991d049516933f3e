// Shell form to exec form, for the fixes of HEALTHCHECK and CMD written in shell form: only a
// plain command (no shell syntax at all) converts without changing what runs.

/** Keyword prefix of a HEALTHCHECK line up to and including `CMD `. */
export const HEALTHCHECK_PREFIX =
  /^\s*HEALTHCHECK\s+(?:--[A-Za-z-]+(?:=(?:"[^"]*"|'[^']*'|\S*))?\s+)*CMD\s+/i;

/** Shell syntax that makes a text need `/bin/sh` (operators, redirections, variables, globs, quotes). */
export function needsShell(text: string): boolean {
  return /[|&;<>()$`\\"'*?~{}[\]#]/.test(text) || /\n/.test(text);
}

/** `curl -f URL || exit 1` → `curl -f URL`; null when the text has no such trailer. */
export function stripExitOne(text: string): string | null {
  const m = /^(.*?)\s*\|\|\s*exit(?:\s+1)?\s*;?\s*$/s.exec(text);
  return m ? m[1] : null;
}

/** Exec-form JSON of a plain command (no shell syntax at all), or null. */
export function execFormOf(text: string): string | null {
  const t = text.trim();
  if (t === '' || needsShell(t)) return null;
  return JSON.stringify(t.split(/\s+/)).replace(/","/g, '", "');
}
