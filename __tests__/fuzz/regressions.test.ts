// Inputs the fuzz suite found to crash the audit or to report a line the file does not
// have; each is fixed in the source and kept here as a plain example.
import { describe, expect, it } from 'vitest';
import { auditText, lineProblems } from './dockerfiles.js';

describe('fuzz regressions', () => {
  it.each([
    // dockerfile-utils' validator recursed without end resolving a variable before any FROM
    ['variable in an instruction before FROM', ' COPY ${A%%y}\n'],
    // dockerfile-ast's getHeredocs read a missing node: continuation then a lone CR
    ['continuation ended by a lone CR', '# escape=\nFROM \nRUN FROM \\\r# escape=\n\n'],
    // the validator's empty-continuation range ended one line past the text
    ['trailing continuation', 'FROM \\\n'],
  ])('%s', (_name, text) => {
    const r = auditText(text);
    expect(lineProblems(text, r)).toEqual([]);
  });
});
