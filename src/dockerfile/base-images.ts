// What we know about well-known base images without pulling them: their default user,
// whether they ship a shell, curl and which wget. Used by the static checklist (non-root
// without a USER line) and by the health-check rules (probe binary present?).
// Sources are in ../shared/docs/anchors.md section C.5.
import { escapeRegExp } from './lines.js';

export type WgetFlavour = 'gnu' | 'busybox' | 'none' | 'unknown';

export interface BaseImageInfo {
  /** Default runtime user (Config.User); '' means root. undefined: unknown. */
  user?: string;
  /** A family name used in messages ("distroless", "alpine", ...). */
  family: string;
  shell: boolean | 'unknown';
  curl: boolean | 'unknown';
  wget: WgetFlavour;
  /** Official language/distro image: runs as root unless told otherwise. */
  officialRoot?: boolean;
}

export interface ImageRef {
  registry: string | null;
  /** Repository path without registry, e.g. `library/python` is given as `python`. */
  repo: string;
  tag: string | null;
  digest: string | null;
}

/** Split `registry/repo:tag@digest` (registry only when the first part looks like a host). */
export function parseImageRef(ref: string): ImageRef {
  let rest = ref.trim();
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let repo = rest.toLowerCase();
  if (repo.startsWith('library/')) repo = repo.slice('library/'.length);
  return { registry: registry?.toLowerCase() ?? null, repo, tag, digest };
}

const OFFICIAL_ROOT = new Set([
  'python',
  'node',
  'golang',
  'openjdk',
  'eclipse-temurin',
  'amazoncorretto',
  'ruby',
  'php',
  'perl',
  'rust',
  'debian',
  'ubuntu',
  'alpine',
  'centos',
  'fedora',
  'rockylinux',
  'almalinux',
  'amazonlinux',
  'archlinux',
  'busybox',
  'buildpack-deps',
  'gradle',
  'maven',
  'nginx',
  'httpd',
  'postgres',
  'redis',
  'mysql',
  'mariadb',
  'mongo',
  'elixir',
  'erlang',
  'haskell',
  'julia',
  'swift',
  'dart',
  'clojure',
  'groovy',
  'tomcat',
  'jetty',
  'traefik',
  'caddy',
  'bash',
  'docker',
  'r-base',
  'pypy',
  'bun',
  'oven/bun',
  'denoland/deno',
  'opensuse/leap',
  'opensuse/tumbleweed',
]);

/** User-supplied facts from `.harden-check.yml` `trusted-base-images`. */
export interface TrustedBaseImage {
  image: string;
  user: string;
}

function matchesPattern(repoAndTag: string, pattern: string): boolean {
  // `*` matches any run of characters: `myorg/*:nonroot`, `ghcr.io/acme/base*`
  const re = new RegExp('^' + pattern.split('*').map(escapeRegExp).join('.*') + '$', 'i');
  return re.test(repoAndTag);
}

export function describeBaseImage(
  ref: string,
  trusted: readonly TrustedBaseImage[] = [],
): BaseImageInfo | null {
  if (ref.trim().toLowerCase() === 'scratch') {
    return { family: 'scratch', user: '', shell: false, curl: false, wget: 'none' };
  }
  const r = parseImageRef(ref);
  const full = (r.registry ? r.registry + '/' : '') + r.repo + (r.tag ? ':' + r.tag : '');
  for (const t of trusted) {
    if (matchesPattern(full, t.image) || matchesPattern(r.repo + (r.tag ? ':' + r.tag : ''), t.image)) {
      return { family: 'trusted (config)', user: t.user, shell: 'unknown', curl: 'unknown', wget: 'unknown' };
    }
  }
  const tag = (r.tag ?? 'latest').toLowerCase();
  const path = (r.registry ? r.registry + '/' : '') + r.repo;

  if (path.startsWith('gcr.io/distroless/') || path.startsWith('gcr.io/distroless')) {
    const nonroot = tag.includes('nonroot');
    const debug = tag.includes('debug');
    return {
      family: 'distroless',
      user: nonroot ? '65532' : '',
      shell: debug,
      curl: false,
      wget: debug ? 'busybox' : 'none',
    };
  }
  if (path.startsWith('cgr.dev/chainguard/')) {
    const dev = tag.includes('-dev');
    return {
      family: 'chainguard',
      user: '65532',
      shell: dev,
      curl: dev ? 'unknown' : false,
      wget: dev ? 'busybox' : 'none',
    };
  }
  if (r.repo.startsWith('bitnami/')) {
    return { family: 'bitnami', user: '1001', shell: true, curl: 'unknown', wget: 'unknown' };
  }
  if (r.repo === 'nginxinc/nginx-unprivileged' || r.repo === 'nginx/nginx-unprivileged') {
    const alpine = tag.includes('alpine');
    return {
      family: 'nginx-unprivileged',
      user: '101',
      shell: true,
      curl: !alpine,
      wget: alpine ? 'busybox' : 'none',
    };
  }
  if (path.startsWith('mcr.microsoft.com/dotnet/')) {
    const chiseled = tag.includes('chiseled') || tag.includes('distroless');
    return {
      family: chiseled ? 'dotnet-chiseled' : 'dotnet',
      user: chiseled ? '1654' : '',
      shell: !chiseled,
      curl: false,
      wget: chiseled ? 'none' : tag.includes('alpine') ? 'busybox' : 'none',
    };
  }
  if (
    path.startsWith('registry.access.redhat.com/ubi') ||
    r.repo.startsWith('ubi8/') ||
    r.repo.startsWith('ubi9/')
  ) {
    const minimal = r.repo.includes('minimal') || r.repo.includes('micro');
    const lang = /ubi\d\/(python|nodejs|ruby|php|openjdk|go-toolset)/.test(r.repo);
    return { family: 'ubi', user: lang ? '1001' : '', shell: true, curl: !minimal, wget: 'none' };
  }
  const name = r.registry && r.registry !== 'docker.io' ? null : r.repo;
  if (name && OFFICIAL_ROOT.has(name)) {
    return { family: name, user: '', officialRoot: true, ...toolsOfOfficial(name, tag) };
  }
  return null;
}

function toolsOfOfficial(name: string, tag: string): Pick<BaseImageInfo, 'shell' | 'curl' | 'wget'> {
  if (name === 'alpine' || tag.includes('alpine')) return { shell: true, curl: false, wget: 'busybox' };
  if (name === 'busybox') return { shell: true, curl: false, wget: 'busybox' };
  if (tag.includes('slim') || ['debian', 'ubuntu'].includes(name))
    return { shell: true, curl: false, wget: 'none' };
  if (['fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux'].includes(name))
    return { shell: true, curl: true, wget: 'none' };
  // Full Debian-based language images (python:3.12, node:20, golang:1.22) come from buildpack-deps: curl and GNU wget.
  if (
    [
      'python',
      'node',
      'golang',
      'ruby',
      'perl',
      'rust',
      'buildpack-deps',
      'php',
      'openjdk',
      'maven',
      'gradle',
    ].includes(name)
  )
    return { shell: true, curl: true, wget: 'gnu' };
  if (name === 'eclipse-temurin' || name === 'amazoncorretto')
    return { shell: true, curl: 'unknown', wget: 'unknown' };
  if (name === 'nginx' || name === 'httpd') return { shell: true, curl: name === 'nginx', wget: 'none' };
  return { shell: true, curl: 'unknown', wget: 'unknown' };
}

/** Is a USER value root? `root`, `0`, `root:x`, `0:x`; an empty user is root too. */
export function isRootUser(user: string): boolean {
  const u = user.trim().split(':')[0];
  return u === '' || u === 'root' || u === '0';
}
