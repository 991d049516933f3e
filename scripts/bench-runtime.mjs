#!/usr/bin/env node
// Runtime benchmark (not a test). Prints:
//  1. time from container start to the healthy verdict, for an image whose HEALTHCHECK
//     interval is 30 s and whose app is ready ~1 s after start:
//       plain `docker run` + polling `docker inspect` (the image's own interval)
//       versus harden-check (the bundled action, run as the runner runs it);
//  2. harden-check's overhead beyond the bare work that gives the same verdict:
//       docker build + docker run --health-interval=1s + poll until healthy + rm/rmi,
//     for that busybox image (cached build, 2 MB: the worst case for a fixed cost) and, when
//     the local base exists (scripts/build-test-bases.sh), for a FastAPI service whose code
//     changes before every build (what a pull request does: the COPY and later layers rebuild).
//  4. time to an unhealthy verdict, for two failing images (the action's verify step, so a
//     second health wait would show): the lesson's template (GNU `wget --spider`, sends HEAD)
//     on a FastAPI GET-only /health (needs the local base), and a busybox image whose probe
//     always fails with a grace (start-period + interval x retries) of 22 s.
// Targets: verdict within 2 s of app readiness; overhead < 10 %; the HEAD/405 verdict within
// 10 s of the app's readiness; the always-failing image's verdict within 24 s.
//
// Usage: node scripts/bench-runtime.mjs [--reps N] [--bundle path/to/index.js] [--only verdicts]
// Without --bundle, src/index.ts is bundled with ncc into .bench/dist (gitignored).
// Needs a Docker engine (scripts/setup-docker.sh) and /bin/busybox.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runActionOnce } from './bench-action.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const REPS = Number(opt('reps', '3'));
const ONLY = opt('only', '');
const DOCKER = process.env.HARDEN_CHECK_DOCKER || 'docker';
const APP_READY_S = 1; // the CMD sleeps 1 s before httpd listens

const bench = join(root, '.bench', 'runtime');
const ctx = join(bench, 'ctx');
const busyboxCtx = ctx;
rmSync(bench, { recursive: true, force: true });
mkdirSync(ctx, { recursive: true });
copyFileSync('/bin/busybox', join(ctx, 'busybox'));
writeFileSync(
  join(ctx, 'Dockerfile'),
  `FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
RUN mkdir -p /www && echo ok > /www/index.html
ENV LOG_LEVEL=info
USER 1000:1000
HEALTHCHECK --interval=30s --timeout=5s CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1
CMD ["sh", "-c", "trap 'exit 0' TERM; sleep ${APP_READY_S}; httpd -f -p 8080 -h /www & wait"]
`,
);

const docker = (...a) =>
  execFileSync(DOCKER, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const now = () => performance.now() / 1000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dockerTime = (t) => Date.parse(t.replace(/(\.\d{3})\d+/, '$1')) / 1000;

async function waitHealthy(id, timeoutS) {
  const started = dockerTime(docker('inspect', '--format', '{{.State.StartedAt}}', id));
  for (;;) {
    const s = docker('inspect', '--format', '{{if .State.Health}}{{.State.Health.Status}}{{end}}', id);
    const t = Date.now() / 1000 - started;
    if (s === 'healthy') return t;
    if (t > timeoutS) return NaN;
    await sleep(250);
  }
}

// --- the bundle --------------------------------------------------------------
let bundle = opt('bundle', '');
if (!bundle) {
  bundle = join(root, '.bench', 'dist', 'index.js');
  console.log('bundling src/index.ts with ncc into .bench/dist ...');
  const r = spawnSync('npx', ['ncc', 'build', 'src/index.ts', '-o', '.bench/dist', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('ncc build failed');
}
bundle = resolve(bundle);

// --- 4. failing images: time to the unhealthy verdict ----------------------------
const LESSON_BASE = 'local/python-fastapi:bookworm';
async function verdicts() {
  const rows = [];
  const one = (name, dir, i) => {
    const r = runAction(i, {}, dir);
    return { name, ...r };
  };
  // the lesson's template: GNU wget --spider sends HEAD, FastAPI's GET-only route answers 405
  if (spawnSync(DOCKER, ['image', 'inspect', LESSON_BASE], { stdio: 'ignore' }).status === 0) {
    const dir = join(bench, 'lesson');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'app.py'),
      'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/health")\ndef health():\n    return {"status": "ok"}\n',
    );
    writeFileSync(
      join(dir, 'Dockerfile'),
      `FROM ${LESSON_BASE}
WORKDIR /app
COPY app.py /app/app.py
ENV LOG_LEVEL=info
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=5s --retries=3 CMD wget --no-verbose --tries=1 --spider http://localhost:8000/health || exit 1
CMD ["python3", "-m", "uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
`,
    );
    // When is the app ready? uvicorn's "Application startup complete" against the start time.
    const tag = 'hc-bench:lesson';
    docker('build', '-q', '-t', tag, dir);
    const ready = [];
    for (let i = 0; i < REPS; i++) {
      const id = docker('run', '-d', '--network', 'none', '--no-healthcheck', tag);
      const started = dockerTime(docker('inspect', '--format', '{{.State.StartedAt}}', id));
      for (let k = 0; k < 100; k++) {
        const l = spawnSync(DOCKER, ['logs', '--timestamps', id], { encoding: 'utf8' });
        // uvicorn logs to stderr
        const line = `${l.stdout}\n${l.stderr}`
          .split('\n')
          .find((l) => /Application startup complete/.test(l));
        if (line) {
          ready.push(dockerTime(line.split(' ')[0]) - started);
          break;
        }
        await sleep(100);
      }
      docker('rm', '-f', id);
    }
    docker('image', 'rm', '-f', tag);
    for (let i = 0; i < REPS; i++) rows.push({ ...one('lesson', dir, 300 + i), ready: median(ready) });
  }
  // grace 22 s (start-period 10 s + 4 s x 3), the probe always fails (nothing listens)
  const dir = join(bench, 'grace22');
  mkdirSync(dir, { recursive: true });
  copyFileSync('/bin/busybox', join(dir, 'busybox'));
  writeFileSync(
    join(dir, 'Dockerfile'),
    `FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
ENV LOG_LEVEL=info
USER 1000:1000
HEALTHCHECK --start-period=10s --interval=4s --timeout=2s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1
CMD ["sleep", "600"]
`,
  );
  for (let i = 0; i < REPS; i++) rows.push({ ...one('grace22', dir, 400 + i), ready: NaN });
  return rows;
}
function printVerdicts(rows) {
  const f = (n) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
  const by = (name) => rows.filter((r) => r.name === name);
  const lines = [
    '4. failing images: container start -> verdict (median; verify = the whole verification step)',
  ];
  const lesson = by('lesson');
  if (lesson.length) {
    const ready = lesson[0].ready;
    const v = median(lesson.map((r) => r.toHealthy));
    const verify = median(lesson.map((r) => r.verify));
    lines.push(
      `   lesson template (GNU wget --spider -> HEAD, FastAPI GET-only /health), app ready ${f(ready)} s after start:`,
      `     verdict ${f(v)} s after start = ${f(v - ready)} s after readiness (target < 10 s); verify step ${f(verify)} s`,
      `     detail: ${lesson[0].status}: ${lesson[0].detail}`,
      `     all runs (verdict / verify): ${lesson.map((r) => `${f(r.toHealthy)}/${f(r.verify)}`).join(' ')}`,
    );
  } else
    lines.push(
      `   lesson template skipped: ${LESSON_BASE} is not in the engine (scripts/build-test-bases.sh)`,
    );
  const g = by('grace22');
  lines.push(
    `   grace 22 s, probe always fails: verdict ${f(median(g.map((r) => r.toHealthy)))} s after start (target < 24 s); verify step ${f(median(g.map((r) => r.verify)))} s`,
    `     detail: ${g[0].status}: ${g[0].detail}`,
    `     all runs (verdict / verify): ${g.map((r) => `${f(r.toHealthy)}/${f(r.verify)}`).join(' ')}`,
  );
  console.log(lines.join('\n'));
}
if (ONLY === 'verdicts') {
  printVerdicts(await verdicts());
  process.exit(0);
}

// Warm the layer cache so every variant below builds from the same (cached) state.
docker('build', '-q', '-t', 'hc-bench:warm', ctx);

// --- 1a. plain docker at the image's own interval ----------------------------
console.log('plain docker run + inspect polling at the image interval (30 s) ...');
const plainId = docker('run', '-d', '--network', 'none', 'hc-bench:warm');
const plainVerdict = await waitHealthy(plainId, 120);
docker('rm', '-f', plainId);

// --- 1b/2. harden-check vs the bare equivalent --------------------------------
function runAction(i, extra = {}, ctx = busyboxCtx) {
  const { wall, report } = runActionOnce({
    bundle,
    ctx,
    dir: join(bench, `run${i}`),
    runId: 1000 + i,
    extra,
  });
  if (extra.INPUT_BUILD === 'false') return { wall };
  const healthy = report.checks.find((c) => c.id === 'healthy');
  const verdictAt = Number(/verdict at ([\d.]+) s/.exec(healthy?.detail ?? '')?.[1]);
  const t = report.targets[0].timings;
  return {
    wall,
    status: healthy?.status,
    toHealthy: healthy?.seconds,
    verdictAt,
    build: t.build,
    verify: t.verify,
    detail: healthy?.detail,
    // graceful-stop: the main container's stop, timed inside the verify step
    stop: report.checks.find((c) => c.id === 'graceful-stop')?.seconds,
    stopStatus: report.checks.find((c) => c.id === 'graceful-stop')?.status,
  };
}

async function runBare(ctx = busyboxCtx) {
  const t0 = now();
  const iid = docker('build', '-q', '--label', 'hc-bench=1', ctx);
  const id = docker('run', '-d', '--network', 'none', '--health-interval=1s', iid);
  const verdict = await waitHealthy(id, 60);
  docker('rm', '-f', id);
  docker('image', 'rm', '-f', iid);
  return { wall: now() - t0, verdict };
}

// The docker work that gives the deploy group's verdicts too, with no harden-check around it:
// a second container with the read-only root and the restricted profile beside the main one,
// both waited for, and the main one stopped as `docker stop` does (the app's own shutdown)
// before the removal. What the deploy group cannot avoid, whoever runs it.
async function runBareDeploy(ctx = busyboxCtx) {
  const t0 = now();
  const iid = docker('build', '-q', '--label', 'hc-bench=1', ctx);
  const user = docker('image', 'inspect', '--format', '{{.Config.User}}', iid);
  const id = docker('run', '-d', '--network', 'none', '--health-interval=1s', iid);
  const side = docker(
    'run',
    '-d',
    '--network',
    'none',
    '--health-interval=1s',
    '--read-only',
    '--tmpfs',
    '/tmp',
    '--cap-drop',
    'ALL',
    '--security-opt',
    'no-new-privileges',
    '--user',
    user,
    iid,
  );
  const [verdict, sideVerdict] = await Promise.all([waitHealthy(id, 60), waitHealthy(side, 60)]);
  const s0 = now();
  docker('stop', '-t', '10', id);
  const stop = now() - s0;
  docker('rm', '-f', id, side);
  docker('image', 'rm', '-f', iid);
  return { wall: now() - t0, verdict, sideVerdict, stop };
}

const ours = [];
const bare = [];
const bareDeploy = [];
const fixed = [];
for (let i = 0; i < REPS; i++) {
  bare.push(await runBare());
  bareDeploy.push(await runBareDeploy());
  ours.push(runAction(i));
  fixed.push(runAction(100 + i, { INPUT_BUILD: 'false', INPUT_RUN: 'false' }));
  process.stdout.write('.');
}
process.stdout.write('\n');
docker('image', 'rm', '-f', 'hc-bench:warm');

// --- 3. a FastAPI service whose code changed (needs local/python-fastapi:bookworm) -----
const FASTAPI_BASE = 'local/python-fastapi:bookworm';
let fastapi = null;
if (spawnSync(DOCKER, ['image', 'inspect', FASTAPI_BASE], { stdio: 'ignore' }).status === 0) {
  const fctx = join(bench, 'fastapi');
  mkdirSync(fctx, { recursive: true });
  writeFileSync(
    join(fctx, 'Dockerfile'),
    `FROM ${FASTAPI_BASE}
WORKDIR /app
COPY app.py /app/app.py
RUN python3 -m compileall -q /app
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
      join(fctx, 'app.py'),
      `# revision ${n} ${Date.now()}\nimport os\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/health")\ndef health():\n    return {"status": "ok", "log_level": os.environ.get("LOG_LEVEL")}\n`,
    );
  edit(0);
  docker('build', '-q', '-t', 'hc-bench:fastapi-warm', fctx);
  const fo = [];
  const fb = [];
  const fd = [];
  for (let i = 0; i < REPS; i++) {
    edit(3 * i + 1);
    fb.push(await runBare(fctx));
    edit(3 * i + 2);
    fd.push(await runBareDeploy(fctx));
    edit(3 * i + 3);
    fo.push(runAction(200 + i, {}, fctx));
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  docker('image', 'rm', '-f', 'hc-bench:fastapi-warm');
  fastapi = { ours: fo, bare: fb, bareDeploy: fd };
}

const f = (n) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
const pct = (d, base) => `${((d / base) * 100).toFixed(1)} %`;
// what the deploy group's own docker work costs over the lesson's bare loop, and our overhead over it
function bareDeployLines(runs, bareWall, oursWall) {
  const w = median(runs.map((r) => r.wall));
  return `   bare with the deploy group's docker work (a read-only + restricted container beside it, both healthy, docker stop, rm, rmi) : ${f(w)} s
      that work alone: +${f(w - bareWall)} s = ${pct(w - bareWall, bareWall)} over the bare loop (the target's whole budget is ${f(bareWall / 10)} s); its docker stop ${f(median(runs.map((r) => r.stop)))} s, side container healthy ${f(median(runs.map((r) => r.sideVerdict)))} s after its start
   => harden-check over the same docker work: ${f(oursWall - w)} s = ${pct(oursWall - w, w)}
      all runs: ${runs.map((r) => f(r.wall)).join(' ')}`;
}
const oursWall = median(ours.map((o) => o.wall));
const bareWall = median(bare.map((b) => b.wall));
const verdict = median(ours.map((o) => o.verdictAt));
console.log(`
engine: ${docker('version', '--format', '{{.Server.Version}}')}, client ${DOCKER}, node ${process.version}, reps ${REPS}
image: HEALTHCHECK --interval=30s, app ready ${APP_READY_S} s after start

1. container start -> healthy verdict
   plain docker run, polling inspect at the image's interval : ${f(plainVerdict)} s
   harden-check (1 s probe interval, 250 ms inspect polling)  : ${f(verdict)} s  (first passing probe at ${f(median(ours.map((o) => o.toHealthy)))} s)
   => verdict ${f(verdict - APP_READY_S)} s after the app is ready (target < 2 s)

2. overhead (median wall seconds)
   bare: docker build + run --health-interval=1s + poll healthy + rm + rmi : ${f(bareWall)} s
   harden-check action (node bundle: inputs, static audit, build, run, probes, report, cleanup) : ${f(oursWall)} s
      of which build ${f(median(ours.map((o) => o.build)))} s, verify ${f(median(ours.map((o) => o.verify)))} s (graceful-stop ${ours[0]?.stopStatus ?? 'n/a'}, stop ${f(median(ours.map((o) => o.stop)))} s)
   => overhead ${f(oursWall - bareWall)} s = ${(((oursWall - bareWall) / bareWall) * 100).toFixed(1)} % (target < 10 %)
   fixed cost of the action without Docker (node + bundle load + static audit + report; build: false) : ${f(median(fixed.map((x) => x.wall)))} s
   runtime part only (build + verify, measured inside the action) : ${f(median(ours.map((o) => o.build + o.verify)))} s
   => runtime overhead ${f(median(ours.map((o) => o.build + o.verify)) - bareWall)} s = ${(((median(ours.map((o) => o.build + o.verify)) - bareWall) / bareWall) * 100).toFixed(1)} %
   all runs: ours ${ours.map((o) => f(o.wall)).join(' ')} | bare ${bare.map((b) => f(b.wall)).join(' ')}
${bareDeployLines(bareDeploy, bareWall, oursWall)}
`);
if (fastapi) {
  const ow = median(fastapi.ours.map((o) => o.wall));
  const bw = median(fastapi.bare.map((b) => b.wall));
  console.log(`3. overhead on a FastAPI service (${FASTAPI_BASE}), code changed before every build (median wall seconds)
   bare: docker build + run --health-interval=1s + poll healthy + rm + rmi : ${f(bw)} s
   harden-check action : ${f(ow)} s  (build ${f(median(fastapi.ours.map((o) => o.build)))} s, verify ${f(median(fastapi.ours.map((o) => o.verify)))} s, graceful-stop ${fastapi.ours[0]?.stopStatus ?? 'n/a'} in ${f(median(fastapi.ours.map((o) => o.stop)))} s, healthy after ${f(median(fastapi.ours.map((o) => o.toHealthy)))} s)
   => overhead ${f(ow - bw)} s = ${(((ow - bw) / bw) * 100).toFixed(1)} % (target < 10 %)
   all runs: ours ${fastapi.ours.map((o) => f(o.wall)).join(' ')} | bare ${fastapi.bare.map((b) => f(b.wall)).join(' ')}
${bareDeployLines(fastapi.bareDeploy, bw, ow)}
`);
} else {
  console.log(
    `3. FastAPI scenario skipped: ${FASTAPI_BASE} is not in the engine (scripts/build-test-bases.sh)`,
  );
}
printVerdicts(await verdicts());
