#!/usr/bin/env node
// What the deploy checks' probes (the docker export for setuid-files, the read-only and
// restricted side containers) add to a passing image's run: two action bundles, run end to
// end on the same images, interleaved (A, B, A, B, ...), medians of the wall time.
//
// Usage: node scripts/bench-deploy.mjs --base path/to/before/index.js --bundle path/to/after/index.js [--reps N]
// (bundle each revision with `npx ncc build src/index.ts -o <dir>`). Needs a Docker engine and
// /bin/busybox; the FastAPI image also local/python-fastapi:bookworm (scripts/build-test-bases.sh).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runActionOnce } from './bench-action.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const REPS = Number(opt('reps', '5'));
const bundles = { base: resolve(opt('base', '')), bundle: resolve(opt('bundle', '')) };
for (const [k, v] of Object.entries(bundles))
  if (!existsSync(v)) throw new Error(`--${k} ${v}: no such file`);
const DOCKER = process.env.HARDEN_CHECK_DOCKER || 'docker';
const docker = (...a) =>
  execFileSync(DOCKER, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const bench = join(root, '.bench', 'deploy');
rmSync(bench, { recursive: true, force: true });
const busybox = join(bench, 'busybox');
mkdirSync(busybox, { recursive: true });
copyFileSync('/bin/busybox', join(busybox, 'busybox'));
writeFileSync(
  join(busybox, 'Dockerfile'),
  `FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN mkdir -p /www && echo ok > /www/index.html
ENV LOG_LEVEL=info
USER 1000:1000
HEALTHCHECK --interval=30s --timeout=5s CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1
CMD ["sh", "-c", "trap 'exit 0' TERM; sleep 1; httpd -f -p 8080 -h /www & wait"]
`,
);
const fastapi = join(bench, 'fastapi');
mkdirSync(fastapi, { recursive: true });
writeFileSync(
  join(fastapi, 'Dockerfile'),
  `FROM local/python-fastapi:bookworm
WORKDIR /app
COPY app.py /app/app.py
RUN python3 -m compileall -q /app
# what HC916 asks of the Debian base: no setuid/setgid files (a passing image)
RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +
ENV LOG_LEVEL=info
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD wget -q -O /dev/null http://127.0.0.1:8000/health || exit 1
CMD ["python3", "-m", "uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
`,
);
// a new revision of the code before every build, as in a pull request
const edit = (n) =>
  writeFileSync(
    join(fastapi, 'app.py'),
    `# revision ${n} ${Date.now()}\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/health")\ndef health():\n    return {"status": "ok"}\n`,
  );

function runAction(bundle, i, ctx) {
  const { wall, report } = runActionOnce({ bundle, ctx, dir: join(bench, `run${i}`), runId: 5000 + i });
  // a passing image: the lesson's checks and, in the bundle that has them, the deploy checks
  const notPassed = report.checks.filter(
    (c) => c.status !== 'pass' && (c.id === 'healthy' || /rootfs|profile|setuid|graceful/.test(c.id)),
  );
  if (notPassed.length)
    throw new Error(
      `the image did not pass: ${notPassed.map((c) => `${c.id} ${c.status} (${c.detail})`).join('; ')}`,
    );
  const t = report.targets[0].timings;
  const deploy = Object.fromEntries(
    report.checks
      .filter((c) => c.seconds !== undefined && /rootfs|profile|setuid|graceful/.test(c.id))
      .map((c) => [c.id, c.seconds]),
  );
  return { wall, verify: t.verify, deploy };
}

const f = (n) => n.toFixed(2);
const images = [['busybox (2 MB, cached build)', busybox, () => {}]];
if (
  spawnSync(DOCKER, ['image', 'inspect', 'local/python-fastapi:bookworm'], { stdio: 'ignore' }).status === 0
)
  images.push(['FastAPI on Debian (182 MB, code changed before each build)', fastapi, edit]);
let n = 0;
for (const [name, ctx, before] of images) {
  before(n);
  docker('build', '-q', '-t', 'hc-bench:deploy-warm', ctx); // the base layers cached for both
  const runs = { base: [], bundle: [] };
  for (let i = 0; i < REPS; i++) {
    for (const k of i % 2 ? ['bundle', 'base'] : ['base', 'bundle']) {
      before(++n);
      runs[k].push(runAction(bundles[k], n, ctx));
    }
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  docker('image', 'rm', '-f', 'hc-bench:deploy-warm');
  const wall = (k) => median(runs[k].map((r) => r.wall));
  const verify = (k) => median(runs[k].map((r) => r.verify));
  const d = wall('bundle') - wall('base');
  console.log(
    `${name}, ${REPS} runs each, interleaved:\n` +
      `  before: ${f(wall('base'))} s end to end (verify ${f(verify('base'))} s)\n` +
      `  after:  ${f(wall('bundle'))} s end to end (verify ${f(verify('bundle'))} s)\n` +
      `  added:  ${f(d)} s = ${f((100 * d) / wall('base'))} %; deploy checks' own seconds (last run): ${JSON.stringify(runs.bundle.at(-1).deploy)}`,
  );
}
rmSync(bench, { recursive: true, force: true });
