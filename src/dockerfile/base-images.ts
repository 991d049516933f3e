// What we know about well-known base images without pulling them: their default user,
// whether they ship a shell, curl and which wget, the ENV that changes what a Dockerfile
// means (uids for USER $APP_UID, listening ports), and the accounts in their /etc/passwd and
// /etc/group. Used by the model (variables in scope), the static checklist (non-root without
// a USER line), the health-check rules (probe binary present? app port?) and the USER/--chown
// rules (does this name exist?). Each row names the upstream Dockerfile it was read from.
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
  /** ENV the image's config sets that a Dockerfile reads (`USER $APP_UID`) or an app obeys (ports). */
  env?: Record<string, string>;
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

  // Distroless: `:nonroot` tags (`:debug-nonroot` too) set User 65532; `:latest` and `:debug`
  // run as root; only `:debug` adds busybox (sh, wget). No curl in any tag.
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
  // chainguard-images/images images/*/config/main.tf (apko `accounts.run-as: 65532`): every
  // image runs as nonroot; only `-dev` tags add a shell, apk and busybox.
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
  // bitnami/containers bitnami/*/*/debian-12/Dockerfile: `USER 1001` at the end of each.
  if (r.repo.startsWith('bitnami/')) {
    return { family: 'bitnami', user: '1001', shell: true, curl: 'unknown', wget: 'unknown' };
  }
  // nginxinc/docker-nginx-unprivileged mainline/debian/Dockerfile: `ARG UID=101` … `USER $UID`,
  // `EXPOSE 8080`, curl installed with nginx (Debian tags; alpine tags: busybox wget).
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
  // astral-sh/uv Dockerfile: `:latest` and version tags are FROM scratch with /uv and /uvx only
  // (no USER, no shell). .github/workflows/build-docker.yml: the other tags are
  // `FROM <alpine|debian:*-slim|buildpack-deps|python:*> ` + `COPY /uv /uvx /usr/local/bin/`,
  // named after that base (`python3.12-bookworm-slim`, `alpine`, `debian`): root, its tools.
  if (path === 'ghcr.io/astral-sh/uv' || r.repo === 'astral/uv') {
    if (tag === 'latest' || /^\d+(?:\.\d+)*$/.test(tag))
      return { family: 'uv', user: '', shell: false, curl: false, wget: 'none' };
    const alpine = tag.includes('alpine');
    const slim = tag.includes('slim');
    return {
      family: 'uv',
      user: '',
      shell: true,
      curl: !alpine && !slim,
      wget: alpine ? 'busybox' : slim ? 'none' : 'gnu',
    };
  }
  // tiangolo/uvicorn-gunicorn-docker docker-images/python3.11.dockerfile (and the fastapi,
  // meinheld and uwsgi-nginx images built the same way): FROM python:<version>, no USER.
  if (r.repo.startsWith('tiangolo/') && !r.registry) {
    return { family: 'tiangolo', user: '', ...toolsOfOfficial('python', tag) };
  }
  // golang-migrate/migrate Dockerfile: FROM alpine, no USER.
  if (r.repo === 'migrate/migrate' && !r.registry) {
    return { family: 'migrate', user: '', shell: true, curl: false, wget: 'busybox' };
  }
  // sclorg/s2i-python-container 3.8/Dockerfile (the s2i images for every language: centos/*-centos7,
  // quay.io/sclorg/*): `USER 1001` at the end, OpenShift's arbitrary-uid pattern.
  if (
    (!r.registry && /^centos\/[\w.-]+-centos[78]$/.test(r.repo)) ||
    (r.registry === 'quay.io' && r.repo.startsWith('sclorg/'))
  ) {
    return { family: 'sclorg', user: '1001', shell: true, curl: 'unknown', wget: 'unknown' };
  }
  // Windows: Nano Server runs as ContainerUser, Server Core (and windows, iis) as
  // ContainerAdministrator, the container's administrator. The docker-library Windows images
  // show it: golang 1.2x/windows/nanoserver-ltsc2022/Dockerfile switches to
  // `USER ContainerAdministrator` for `setx /m` and back to `USER ContainerUser`, its base's
  // default; the windowsservercore variants set no USER.
  const windows = windowsBase(path, r.repo, tag);
  if (windows) return windows;
  // dotnet/dotnet-docker src/runtime-deps/8.0/{bookworm-slim,noble-chiseled}/amd64/Dockerfile:
  // ENV APP_UID=1654, ASPNETCORE_HTTP_PORTS=8080 in every .NET 8+ image (runtime, aspnet, sdk
  // build on runtime-deps); only chiseled/distroless images end with `USER $APP_UID`.
  // src/sdk/8.0/bookworm-slim/amd64/Dockerfile installs curl and wget; the others ship neither
  // (alpine: busybox wget).
  if (path.startsWith('mcr.microsoft.com/dotnet/')) {
    const chiseled = tag.includes('chiseled') || tag.includes('distroless');
    const sdk = /(?:^|\/)sdk$/.test(r.repo);
    const legacy = /^(?:[1-7])\./.test(tag); // .NET 7 and older: port 80, no app user
    return {
      family: chiseled ? 'dotnet-chiseled' : 'dotnet',
      user: chiseled ? '1654' : '',
      shell: !chiseled,
      curl: sdk && !tag.includes('alpine'),
      wget: chiseled ? 'none' : tag.includes('alpine') ? 'busybox' : sdk ? 'gnu' : 'none',
      env: legacy
        ? { ASPNETCORE_URLS: 'http://+:80', DOTNET_RUNNING_IN_CONTAINER: 'true' }
        : { APP_UID: '1654', ASPNETCORE_HTTP_PORTS: '8080', DOTNET_RUNNING_IN_CONTAINER: 'true' },
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
    return {
      family: name,
      user: '',
      officialRoot: true,
      ...toolsOfOfficial(name, tag),
    };
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
  // Full Debian-based language images (python:3.12, node:20, golang:1.22) come from buildpack-deps
  // (docker-library/buildpack-deps */curl/Dockerfile installs curl and wget); their -slim tags
  // (docker-library/python 3.12/slim-bookworm/Dockerfile) neither; alpine tags busybox wget.
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
  // adoptium/containers 21/jre/ubuntu/noble/Dockerfile installs curl and wget.
  if (name === 'eclipse-temurin') return { shell: true, curl: true, wget: 'gnu' };
  if (name === 'amazoncorretto') return { shell: true, curl: 'unknown', wget: 'unknown' };
  if (name === 'nginx' || name === 'httpd') return { shell: true, curl: name === 'nginx', wget: 'none' };
  return { shell: true, curl: 'unknown', wget: 'unknown' };
}

function windowsBase(path: string, repo: string, tag: string): BaseImageInfo | null {
  const nano =
    /^mcr\.microsoft\.com\/windows\/nanoserver$/.test(path) ||
    repo === 'microsoft/nanoserver' ||
    (path.startsWith('mcr.microsoft.com/') && tag.includes('nanoserver'));
  if (nano)
    return {
      family: 'windows-nanoserver',
      user: 'ContainerUser',
      shell: true,
      curl: 'unknown',
      wget: 'none',
    };
  const core =
    /^mcr\.microsoft\.com\/windows(?:\/servercore(?:\/[\w-]+)?|\/server)?$/.test(path) ||
    ['microsoft/windowsservercore', 'windowsservercore', 'microsoft/iis'].includes(repo) ||
    (path.startsWith('mcr.microsoft.com/') && tag.includes('windowsservercore'));
  if (core)
    return {
      family: 'windows-servercore',
      user: 'ContainerAdministrator',
      shell: true,
      curl: 'unknown',
      wget: 'none',
    };
  return null;
}

/**
 * Is a USER value root? `root`, `0`, `root:x`, `0:x`; an empty user is root too, and so is
 * Windows' ContainerAdministrator (names are case-insensitive there).
 */
export function isRootUser(user: string): boolean {
  const u = user.trim().split(':')[0];
  return u === '' || u === 'root' || u === '0' || u.toLowerCase() === 'containeradministrator';
}

// ---------------------------------------------------------------- accounts
// The /etc/passwd users (with ids) and /etc/group groups known base images ship: the one
// table HC1xx (USER names) and HC4xx (--chown names and ids) both read.

export interface BaseImageAccounts {
  users: Map<string, { uid: string; gid: string }>;
  groups: Set<string>;
}

const list = (s: string): string[] => s.split(/\s+/).filter(Boolean);
/** `name:uid` pairs. */
const ids = (s: string): [string, string][] => list(s).map((e) => e.split(':') as [string, string]);

// gnats was dropped in Debian 12 but older Debian and Ubuntu still ship it.
const DEBIAN_USERS = ids(
  'root:0 daemon:1 bin:2 sys:3 sync:4 games:5 man:6 lp:7 mail:8 news:9 uucp:10 proxy:13 www-data:33 backup:34 list:38 irc:39 gnats:41 _apt:42 nobody:65534',
);
const DEBIAN_GROUPS = list(
  'root daemon bin sys adm tty disk lp mail news uucp man proxy kmem dialout fax voice cdrom floppy tape sudo audio dip www-data backup operator list irc src gnats shadow utmp video sasl plugdev staff games users nogroup',
);
const ALPINE_USERS = ids(
  'root:0 bin:1 daemon:2 adm:3 lp:4 sync:5 shutdown:6 halt:7 mail:8 news:9 uucp:10 operator:11 man:13 postmaster:14 cron:16 ftp:21 sshd:22 at:25 squid:31 xfs:33 games:35 cyrus:85 vpopmail:89 ntp:123 smmsp:209 guest:405 nobody:65534',
);
const ALPINE_GROUPS = list(
  'root bin daemon sys adm tty disk lp mem kmem wheel floppy mail news uucp man cron console audio cdrom dialout ftp sshd input at tape video netdev readproc squid xfs kvm games shadow cdrw www-data usb vpopmail users ntp nofiles smmsp locate abuild utmp ping nogroup nobody',
);
const RHEL_USERS = ids(
  'root:0 bin:1 daemon:2 adm:3 lp:4 sync:5 shutdown:6 halt:7 mail:8 operator:11 games:12 ftp:14 nobody:65534',
);
const RHEL_GROUPS = list(
  'root bin daemon sys adm tty disk lp mem kmem wheel cdrom mail man dialout floppy games tape video ftp lock audio users nobody utmp utempter input kvm render systemd-journal',
);
const BUSYBOX_USERS = ids('root:0 daemon:1 bin:2 sys:3 sync:4 mail:8 www-data:33 operator:37 nobody:65534');
const BUSYBOX_GROUPS = list(
  'root daemon bin sys adm tty disk lp mail kmem wheel cdrom dialout floppy video audio tape www-data operator utmp users staff nogroup',
);

const RHEL_FAMILIES = new Set([
  'fedora',
  'centos',
  'rockylinux',
  'almalinux',
  'amazonlinux',
  'amazoncorretto',
]);
const DEBIAN_FAMILIES = new Set(
  list(
    'debian ubuntu python node golang ruby perl rust php buildpack-deps httpd nginx nginx-unprivileged postgres redis mysql mariadb mongo eclipse-temurin dotnet',
  ),
);

/** Service users the images add on top of their distribution (docker-library Dockerfiles). */
function serviceUsers(family: string, alpine: boolean): [string, string][] {
  switch (family) {
    case 'node':
    case 'ubuntu':
      return [[family, '1000']];
    case 'nginx':
    case 'nginx-unprivileged':
      return [['nginx', '101']];
    case 'postgres':
      return [['postgres', alpine ? '70' : '999']]; // Alpine's standard postgres id is 70
    case 'redis':
    case 'mysql':
    case 'mongo':
      return [[family === 'mongo' ? 'mongodb' : family, '999']];
    case 'mariadb':
      return [['mysql', '999']];
    case 'dotnet':
      return [['app', '1654']];
    default:
      return [];
  }
}

/** Accounts a known base image ships; null when we cannot tell (unknown, trusted or bitnami base). */
export function baseImageAccounts(info: BaseImageInfo | null, ref: string): BaseImageAccounts | null {
  if (!info) return null;
  const users = new Map<string, { uid: string; gid: string }>();
  const fixed = (u: [string, string, string][], g: string[]): BaseImageAccounts => {
    for (const [n, uid, gid] of u) users.set(n, { uid, gid });
    return { users, groups: new Set(g) };
  };
  switch (info.family) {
    case 'scratch':
      return fixed([], []);
    case 'distroless':
    case 'chainguard':
      return fixed(
        [
          ['root', '0', '0'],
          ['nonroot', '65532', '65532'],
          ['nobody', '65534', '65534'],
        ],
        list('root nonroot nobody tty staff'),
      );
    case 'dotnet-chiseled':
      return fixed(
        [
          ['root', '0', '0'],
          ['app', '1654', '1654'],
        ],
        ['root', 'app'],
      );
  }
  const family = info.family;
  if (!info.officialRoot && !['ubi', 'nginx-unprivileged', 'dotnet'].includes(family)) return null;
  const alpine = family === 'alpine' || (parseImageRef(ref).tag ?? '').toLowerCase().includes('alpine');
  let base: [[string, string][], string[]];
  if (family === 'busybox') base = [BUSYBOX_USERS, BUSYBOX_GROUPS];
  else if (alpine) base = [ALPINE_USERS, ALPINE_GROUPS];
  else if (family === 'ubi' || RHEL_FAMILIES.has(family)) base = [RHEL_USERS, RHEL_GROUPS];
  else if (DEBIAN_FAMILIES.has(family)) base = [DEBIAN_USERS, DEBIAN_GROUPS];
  else return null;
  for (const [n, id] of base[0]) users.set(n, { uid: id, gid: n === 'nobody' ? '65534' : id });
  if (family === 'ubi') users.set('default', { uid: '1001', gid: '0' });
  const groups = new Set(base[1]);
  for (const [n, id] of serviceUsers(family, alpine)) {
    users.set(n, { uid: id, gid: id });
    groups.add(n);
  }
  return { users, groups };
}
