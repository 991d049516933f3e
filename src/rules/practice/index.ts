// Rules of this group, in id order. One module per rule.
// HC412 (.dockerignore) lives here with its matcher; HC505, HC506, HC510, HC511, HC513 and
// HC521–HC524 come from the syntax layer (../syntax/validate.ts).
import type { Rule } from '../types.js';
import { hc412 } from './hc412-copy-ignored-file.js';
import { hc501 } from './hc501-from-without-tag.js';
import { hc502 } from './hc502-from-latest.js';
import { hc503 } from './hc503-base-not-pinned-by-digest.js';
import { hc504 } from './hc504-from-platform.js';
import { hc507 } from './hc507-casing.js';
import { hc508 } from './hc508-maintainer.js';
import { hc509 } from './hc509-first-instruction.js';
import { hc512 } from './hc512-pipe-without-pipefail.js';
import { hc514 } from './hc514-run-cd.js';
import { hc515 } from './hc515-package-update-upgrade.js';
import { hc516 } from './hc516-package-hygiene.js';
import { hc517 } from './hc517-wget-and-curl.js';
import { hc518 } from './hc518-interactive-command.js';
import { hc519 } from './hc519-consecutive-run.js';
import { hc520 } from './hc520-oci-labels.js';
import { hc525 } from './hc525-description-comment.js';
import { hc526 } from './hc526-suppression-hygiene.js';

export const rules: Rule[] = [
  hc412,
  hc501,
  hc502,
  hc503,
  hc504,
  hc507,
  hc508,
  hc509,
  hc512,
  hc514,
  hc515,
  hc516,
  hc517,
  hc518,
  hc519,
  hc520,
  hc525,
  hc526,
];
