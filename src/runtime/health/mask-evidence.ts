// Evidence comes from the app (its log lines, its error line, the body it answered), so it can
// carry credentials no pattern knows: `password=…` in an error, `?token=…` in a logged URL,
// `user:pass@` in a connection string, a bearer token. Masked before anything is shown.
import { maskSecret, redact, secretNameMatch } from '../../secrets/detect.js';

// `name=value` first, then `name: value` / `"name": "value"` (so "error: password=x" masks x)
const NAMED_VALUES = [
  /\b([A-Za-z_][\w.-]*)("?\s*=\s*)("?)([^\s"&,;)]+)\3/g,
  /\b([A-Za-z_][\w.-]*)("?\s*:\s*)("?)([^\s"&,;)]+)\3/g,
];

export function maskEvidence(text: string): string {
  const out = redact(text)
    .replace(/(\/\/[^/\s:@]+:)([^@\s/]+)@/g, (_m, pre: string, pass: string) => `${pre}${maskSecret(pass)}@`)
    .replace(
      /\b(Bearer|Basic|Token)\s+([A-Za-z0-9._~+/=-]{8,})/g,
      (_m, kind: string, v: string) => `${kind} ${maskSecret(v)}`,
    );
  return NAMED_VALUES.reduce(
    (text, re) =>
      text.replace(re, (m, name: string, sep: string, q: string, value: string) =>
        secretNameMatch(name) && !value.includes('(redacted)')
          ? `${name}${sep}${q}${maskSecret(value)}${q}`
          : m,
      ),
    out,
  );
}
