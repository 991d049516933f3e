#!/usr/bin/env node
// `npx harden-check` runs the bundled CLI (dist/cli/index.js, built by `npm run bundle`).
import '../dist/cli/index.js';
