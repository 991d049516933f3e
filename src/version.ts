// Kept equal to package.json's version by __tests__/project.test.ts.
export const VERSION = '0.1.0';
