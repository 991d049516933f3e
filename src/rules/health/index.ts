// Rules of this group, in id order. One module per rule.
// HC208 and HC215 come from the syntax layer (../syntax/validate.ts).
import type { Rule } from '../types.js';
import { hc201 } from './hc201-no-healthcheck.js';
import { hc202 } from './hc202-healthcheck-none.js';
import { hc203 } from './hc203-multiple-healthchecks.js';
import { hc204 } from './hc204-healthcheck-shell-form.js';
import { hc205 } from './hc205-exec-form-shell-syntax.js';
import { hc206 } from './hc206-probe-binary-missing.js';
import { hc207 } from './hc207-healthcheck-port-mismatch.js';
import { hc209 } from './hc209-risky-healthcheck-timing.js';
import { hc210 } from './hc210-dead-image-config.js';
import { hc211 } from './hc211-healthcheck-exit-codes.js';
import { hc212 } from './hc212-shell-form-cmd.js';
import { hc213 } from './hc213-multiple-cmd.js';
import { hc214 } from './hc214-multiple-entrypoint.js';
import { hc216 } from './hc216-wget-spider-gnu.js';

export const rules: Rule[] = [
  hc201,
  hc202,
  hc203,
  hc204,
  hc205,
  hc206,
  hc207,
  hc209,
  hc210,
  hc211,
  hc212,
  hc213,
  hc214,
  hc216,
];
