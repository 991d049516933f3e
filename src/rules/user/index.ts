// Rules of this group, in id order. One module per rule.
// HC111 (setuid/setgid binaries) and HC113 (duplicate uids) need the built image: runtime phase.
import type { Rule } from '../types.js';
import { hc101 } from './hc101-final-user-root.js';
import { hc102 } from './hc102-no-user-root-base.js';
import { hc103 } from './hc103-user-not-numeric.js';
import { hc104 } from './hc104-user-undefined-variable.js';
import { hc105 } from './hc105-user-not-created.js';
import { hc106 } from './hc106-user-group-semantics.js';
import { hc107 } from './hc107-sudo.js';
import { hc108 } from './hc108-expose-ssh.js';
import { hc109 } from './hc109-privileged-port-nonroot.js';
import { hc110 } from './hc110-useradd-large-uid.js';
import { hc112 } from './hc112-empty-password.js';
import { hc114 } from './hc114-tls-verification-disabled.js';
import { hc115 } from './hc115-signature-verification-disabled.js';
import { hc116 } from './hc116-volume-sensitive-path.js';
import { hc117 } from './hc117-workdir-system-dir.js';
import { hc118 } from './hc118-base-registry-not-allowed.js';

export const rules: Rule[] = [
  hc101,
  hc102,
  hc103,
  hc104,
  hc105,
  hc106,
  hc107,
  hc108,
  hc109,
  hc110,
  hc112,
  hc114,
  hc115,
  hc116,
  hc117,
  hc118,
];
