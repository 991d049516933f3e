// Rules of this group, in id order. One module per rule.
import type { Rule } from '../types.js';

export const rules: Rule[] = [];
