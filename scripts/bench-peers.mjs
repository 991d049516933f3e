#!/usr/bin/env node
// The JavaScript peers on the same corpus, in one process each, timed the same way:
//   node scripts/bench-peers.mjs <corpus-dir>     (prints JSON)
// dockerfilelint (library `run(configDir, content)`) and dockerfile_lint (library
// `new Linter().validate(content)`, its default rules). Each seeded problem counts as found
// when the tool reports one of the findings mapped to it below: mapped by meaning, not by
// name, and only where the tool's finding is about the same problem.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Seeded problem → what each peer reports for it (title for dockerfilelint, label/message for dockerfile_lint). */
export const PEER_MAP = {
  dockerfilelint: {
    latest: [/Base Image Latest Tag/, /Base Image Missing Tag/],
    sudo: [/Use Of sudo Is Not Allowed/],
    maintainer: [/Deprecated as of Docker 1\.13/],
    relWorkdir: [/Invalid WORKDIR/],
    addLocal: [],
    rootUser: [],
    noUser: [],
    secretEnv: [],
    githubToken: [],
    shellCmd: [],
    noHealthcheck: [],
    exposeSsh: [],
  },
  dockerfile_lint: {
    latest: [/is_latest_tag/, /no_tag/],
    maintainer: [/maintainer_deprecated/],
    sudo: [/sudo/i],
    exposeSsh: [/installing_ssh/],
    addLocal: [],
    rootUser: [],
    noUser: [],
    secretEnv: [],
    githubToken: [],
    shellCmd: [],
    noHealthcheck: [],
    relWorkdir: [],
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

function main() {
  const require = createRequire(import.meta.url);
  const dir = process.argv[2];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('Dockerfile') || /^Dockerfile/.test(f) || f.endsWith('.dockerfile'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));

  function timeEach(lint) {
    const out = new Map();
    for (const f of files.slice(0, 50)) lint(f); // warm-up, as our CLI's JIT is warm after a few files
    const t0 = process.hrtime.bigint();
    for (const f of files) out.set(f.name, lint(f));
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, out };
  }

  const results = {};
  {
    const dfl = require('dockerfilelint');
    const r = timeEach((f) => dfl.run(dir, f.text).map((i) => `${i.title}`));
    results.dockerfilelint = {
      version: require('dockerfilelint/package.json').version,
      ms: r.ms,
      findings: Object.fromEntries(r.out),
    };
  }
  {
    const Linter = require('dockerfile_lint');
    const linter = new Linter();
    const r = timeEach((f) => {
      const res = linter.validate(f.text);
      return ['error', 'warn', 'info'].flatMap((lvl) =>
        (res[lvl]?.data ?? []).map((d) => `${d.label ?? ''} ${d.message}`),
      );
    });
    results.dockerfile_lint = {
      version: require('dockerfile_lint/package.json').version,
      ms: r.ms,
      findings: Object.fromEntries(r.out),
    };
  }
  console.log(JSON.stringify(results));
}
