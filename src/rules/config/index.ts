// Rules of this group, in id order. One module per rule.
// HC311 (malformed ENV/ARG/LABEL) is mapped from the syntax layer; HC312 is runtime-only.
import type { Rule } from '../types.js';
import { hc301 } from './hc301-secret-name.js';
import { hc302 } from './hc302-secret-value.js';
import { hc303 } from './hc303-credentials-in-run.js';
import { hc304 } from './hc304-secret-file-copied.js';
import { hc305 } from './hc305-secret-arg-in-run.js';
import { hc306 } from './hc306-runtime-config-arg-only.js';
import { hc307 } from './hc307-env-self-reference.js';
import { hc308 } from './hc308-undefined-variable.js';
import { hc309 } from './hc309-from-arg.js';
import { hc310 } from './hc310-legacy-key-value.js';
import { hc313 } from './hc313-build-setting-in-env.js';

export const rules: Rule[] = [hc301, hc302, hc303, hc304, hc305, hc306, hc307, hc308, hc309, hc310, hc313];
