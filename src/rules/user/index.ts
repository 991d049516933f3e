// Rules of this group, in id order. One module per rule.
import type { Rule } from '../types.js';
import { hc101 } from './hc101-final-user-root.js';

export const rules: Rule[] = [hc101];
