// The CLI as users get it outside this repository: the `npm pack` tarball installed into an
// empty folder, run by its `bin` on Node 20 and Node 24; the pre-commit hook definition; the
// release notes script the release workflow relies on; action.yml's Marketplace metadata.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { nodeBinaries } from '../helpers/run-action.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
  private?: boolean;
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let work: string;
let installed: string;
let packedFiles: string[];

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'harden-check-pack-'));
  // --ignore-scripts: dist/ is committed and already patched; `prepare` would only re-run patch-package.
  const out = execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
    cwd: root,
    encoding: 'utf8',
  });
  const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
  packedFiles = info.files.map((f) => f.path).sort();
  installed = path.join(work, 'consumer');
  mkdirSync(installed);
  writeFileSync(path.join(installed, 'package.json'), '{"name":"consumer","private":true}\n');
  // --offline proves the package needs nothing from the registry: the CLI is one bundle.
  execFileSync(npm, ['install', '--offline', '--no-audit', '--no-fund', path.join(work, info.filename)], {
    cwd: installed,
    encoding: 'utf8',
  });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('is publishable and has no runtime dependencies (the CLI is bundled)', () => {
    expect(pkg.private).toBeUndefined();
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
  });

  it('ships only the CLI bundle, its bin and the documents', () => {
    const outside = packedFiles.filter(
      (f) =>
        !/^(bin\/harden-check\.js|dist\/cli\/.+|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/.test(f),
    );
    expect(outside).toEqual([]);
    expect(packedFiles).toContain('dist/cli/index.js');
    expect(packedFiles).toContain('bin/harden-check.js');
    expect(packedFiles).toContain('LICENSE');
  });

  for (const { name, bin } of nodeBinaries()) {
    it(`runs from an empty folder after install (${name})`, () => {
      const cli = path.join(installed, 'node_modules', pkg.name, pkg.bin['harden-check']);
      const version = spawnSync(bin, [cli, '--version'], { encoding: 'utf8' });
      expect(version.status).toBe(0);
      expect(version.stdout.trim()).toContain(pkg.version);

      const audit = spawnSync(
        bin,
        [cli, '--static', '--format', 'json', path.join(root, 'examples', 'insecure', 'Dockerfile')],
        { cwd: installed, encoding: 'utf8' },
      );
      expect(audit.stderr).toBe('');
      const report = JSON.parse(audit.stdout) as {
        result: string;
        checks: { id: string; status: string }[];
      };
      expect(report.result).toBe('fail');
      expect(audit.status).toBe(1);
      expect(report.checks.find((c) => c.id === 'non-root')?.status).toBe('fail');
    });
  }
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as {
    id: string;
    entry: string;
    language: string;
    files: string;
  }[];
  const hook = hooks.find((h) => h.id === 'harden-check');

  it('defines a node hook whose entry is the package bin, static only', () => {
    expect(hook).toBeDefined();
    expect(hook!.language).toBe('node');
    const [command, ...args] = hook!.entry.split(/\s+/);
    expect(Object.keys(pkg.bin)).toContain(command);
    expect(args).toContain('--static');
  });

  it('selects Dockerfiles and Containerfiles by name, nothing else', () => {
    // pre-commit matches `files` with Python's re.search; this pattern means the same in JS.
    const files = new RegExp(hook!.files);
    for (const p of [
      'Dockerfile',
      'svc/api/Dockerfile',
      'Dockerfile.prod',
      'deploy/app.Dockerfile',
      'Containerfile',
      'build/web.dockerfile',
    ]) {
      expect(files.test(p), p).toBe(true);
    }
    for (const p of ['README.md', 'docs/Dockerfile-guide/x.md', 'Dockerfiles/notes.txt', 'dockerfile.go']) {
      expect(files.test(p), p).toBe(false);
    }
  });

  it('its entry, run from the installed package on the files a commit changed, fails on an insecure one', () => {
    const [, ...args] = hook!.entry.split(/\s+/);
    const cli = path.join(installed, 'node_modules', pkg.name, pkg.bin['harden-check']);
    const changed = ['examples/python-fastapi/Dockerfile', 'examples/insecure/Dockerfile'];
    const run = spawnSync(process.execPath, [cli, ...args, ...changed], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('examples/insecure/Dockerfile');
    expect(run.stdout).toContain('examples/python-fastapi/Dockerfile');
  });
});

describe('scripts/release-notes.mjs', () => {
  const script = path.join(root, 'scripts', 'release-notes.mjs');
  const notes = (tag: string, changelog: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'harden-check-notes-'));
    try {
      const file = path.join(dir, 'CHANGELOG.md');
      writeFileSync(file, changelog);
      return spawnSync(process.execPath, [script, tag, file], { encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const v = pkg.version;

  it("prints the section of the tag's version, without the next one", () => {
    const r = notes(
      `v${v}`,
      `# Changelog\n\n## [Unreleased]\n- soon\n\n## [${v}] - 2026-12-01\n### Fixed\n- a bug\n\n## [0.0.1]\n- old\n`,
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('### Fixed\n- a bug\n');
  });

  it('refuses a tag without notes, a tag that is not vX.Y.Z and a tag package.json disagrees with', () => {
    const empty = notes(`v${v}`, `## [${v}]\n\n## [0.0.1]\n- old\n`);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain(`has no notes under "## [${v}]"`);
    expect(notes('latest', '').stderr).toContain('is not a release tag of the form v1.2.3');
    expect(notes('v99.0.0', '## [99.0.0]\n- x\n').stderr).toContain(`package.json has version ${v}`);
  });

  it('finds notes for the version package.json holds in the real CHANGELOG.md', () => {
    const r = spawnSync(process.execPath, [script, `v${v}`], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).not.toBe('');
  });
});

describe('action.yml Marketplace metadata', () => {
  const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
    name: string;
    description: string;
    author?: string;
    branding?: { icon?: string; color?: string };
  };

  it('has a name, a short description and valid branding', () => {
    expect(action.name).toMatch(/\S/);
    // The Marketplace refuses a release whose description is 125 characters or longer.
    expect(action.description.length).toBeLessThan(125);
    expect(action.branding?.icon).toMatch(/^[a-z0-9-]+$/);
    expect(['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']).toContain(
      action.branding?.color,
    );
  });
});
