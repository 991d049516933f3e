// Rules of this group, in id order. One module per rule. (HC412, .dockerignore, lives elsewhere.)
import type { Rule } from '../types.js';
import { hc401 } from './hc401-writable-dir-root-owned.js';
import { hc402 } from './hc402-code-writable-by-runtime-user.js';
import { hc403 } from './hc403-chown-not-runtime-user.js';
import { hc404 } from './hc404-chown-name-unresolvable.js';
import { hc405 } from './hc405-relative-workdir.js';
import { hc406 } from './hc406-workdir-after-nonroot-user.js';
import { hc407 } from './hc407-copy-relative-dest-no-workdir.js';
import { hc408 } from './hc408-copy-whole-filesystem.js';
import { hc409 } from './hc409-copy-multi-source-dest-not-dir.js';
import { hc410 } from './hc410-copy-from-own-stage.js';
import { hc411 } from './hc411-copy-from-undefined-stage.js';
import { hc413 } from './hc413-add-instead-of-copy.js';
import { hc414 } from './hc414-dev-files-copied.js';
import { hc415 } from './hc415-chown-on-windows.js';

export const rules: Rule[] = [
  hc401,
  hc402,
  hc403,
  hc404,
  hc405,
  hc406,
  hc407,
  hc408,
  hc409,
  hc410,
  hc411,
  hc413,
  hc414,
  hc415,
];
