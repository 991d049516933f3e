#!/usr/bin/env node
// Render the PR comment (or the job summary) of a report JSON with the action's own
// renderer, for docs/example-comment.md and for looking at a report by eye:
//
//   node scripts/render-comment.mjs report.json [--tag TAG] [--summary]
//        [--repo owner/repo --sha HEAD_SHA] [--run-url URL] [--out FILE] [--html FILE]
//
// It runs the TypeScript sources directly: a small loader hook transpiles src/**/*.ts with
// the project's TypeScript (no build step, no extra dependency). --html renders the
// markdown with marked (GFM) to look at it in a browser.
import { register } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);

const loader = `
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
let ts;
export async function initialize(data) { ts = (await import(data.typescript)).default; }
export async function resolve(specifier, context, next) {
  try { return await next(specifier, context); }
  catch (e) {
    // NodeNext sources import "./x.js" for "./x.ts".
    if (specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
      return next(specifier.slice(0, -3) + '.ts', context);
    }
    throw e;
  }
}
export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const source = await readFile(fileURLToPath(url), 'utf8');
  const out = ts.transpileModule(source, {
    fileName: fileURLToPath(url),
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  });
  return { format: 'module', source: out.outputText, shortCircuit: true };
}`;

register(`data:text/javascript,${encodeURIComponent(loader)}`, {
  parentURL: import.meta.url,
  data: { typescript: pathToFileURL(require.resolve('typescript')).href },
});

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    tag: { type: 'string' },
    summary: { type: 'boolean', default: false },
    repo: { type: 'string' },
    sha: { type: 'string' },
    'run-url': { type: 'string' },
    'server-url': { type: 'string', default: 'https://github.com' },
    out: { type: 'string' },
    html: { type: 'string' },
  },
});
if (positionals.length !== 1) {
  process.stderr.write(
    'usage: node scripts/render-comment.mjs report.json [--tag TAG] [--summary] [--repo o/r --sha SHA] [--run-url URL] [--out FILE] [--html FILE]\n',
  );
  process.exit(2);
}

const { parseReport } = await import('../src/report/json.ts');
const { renderComment, renderSummary } = await import('../src/report/markdown.ts');

const file = positionals[0];
const { report, origin } = parseReport(readFileSync(file, 'utf8'), file);
const [owner, repo] = (values.repo ?? '').split('/');
const sha = values.sha ?? origin.pullRequest?.headSha;
const links = owner && repo && sha ? { serverUrl: values['server-url'], owner, repo, sha } : null;
const opts = { links, runUrl: values['run-url'] };
const markdown = values.summary
  ? renderSummary(report, opts)
  : renderComment(report, values.tag ?? origin.commentTag ?? 'Dockerfile', opts);

if (values.out) writeFileSync(values.out, markdown);
else process.stdout.write(markdown);
if (values.html) {
  const { marked } = await import('marked');
  const body = marked.parse(markdown, { gfm: true, async: false });
  writeFileSync(
    values.html,
    `<!doctype html><meta charset="utf-8"><title>harden-check comment</title><body style="font-family:sans-serif;max-width:900px;margin:2em auto">${body}</body>\n`,
  );
}
