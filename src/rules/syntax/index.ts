// The syntax layer (HC521–HC524 and the other ids dockerfile-utils' validator feeds).
export { syntaxRuleMetas, validateSyntax } from './validate.js';
