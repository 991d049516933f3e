// setuid-files (HC916): setuid/setgid regular files in the image's filesystem, read on the
// host (a running container's root walked there, or `docker export`: no tool of the image runs). Policy: the tools a distribution
// ships setuid because they need the bit to work (su, passwd, mount, ping, ... in system
// directories) are named with what they are for, and the check passes with a note: flagging
// every Debian or Ubuntu base would teach users to ignore the check. Any other setuid/setgid
// file (added by the image, in an app directory, a setuid busybox, sudo-like escalators) is a
// finding. Under Kubernetes' restricted profile (allowPrivilegeEscalation: false) no such bit
// takes effect, which the note says.
import type { TarEntry } from '../tar-headers.js';
import { isRegular } from '../tar-headers.js';
import type { CheckOutcome } from './outcome.js';

/** The finding of a failed setuid-files check. */
export const SETUID_FILES_FOUND = 'HC916';

export interface SpecialFile {
  path: string;
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  /** A hard link to another archived file (same inode, same bits). */
  linkTo?: string;
}

/** What distributions ship setuid/setgid, by file name. */
const PURPOSES: Record<string, string> = {
  su: 'switch user (login/util-linux)',
  sudo: 'run as another user (sudo)',
  doas: 'run as another user (doas)',
  pkexec: 'run as another user (polkit)',
  passwd: 'change password (passwd)',
  chsh: 'change login shell (passwd)',
  chfn: 'change finger info (passwd)',
  gpasswd: 'administer groups (passwd)',
  newgrp: 'change current group (passwd)',
  newuidmap: 'user-namespace uid maps (uidmap)',
  newgidmap: 'user-namespace gid maps (uidmap)',
  chage: 'password ageing (passwd, setgid shadow)',
  expiry: 'password expiry (passwd, setgid shadow)',
  unix_chkpwd: 'PAM password check (libpam, setgid shadow)',
  mount: 'mount filesystems (util-linux)',
  umount: 'unmount filesystems (util-linux)',
  fusermount: 'FUSE mounts (fuse)',
  fusermount3: 'FUSE mounts (fuse3)',
  ping: 'ICMP echo (iputils)',
  ping6: 'ICMP echo (iputils)',
  traceroute6: 'trace route (iputils)',
  'ssh-keysign': 'host-based ssh auth (openssh-client)',
  'ssh-agent': 'ssh agent (openssh-client, setgid)',
  'dbus-daemon-launch-helper': 'D-Bus service activation (dbus)',
  crontab: 'edit crontabs (cron, setgid crontab)',
  wall: 'write to all terminals (util-linux, setgid tty)',
  write: 'write to a terminal (setgid tty)',
  'write.ul': 'write to a terminal (util-linux, setgid tty)',
  'bsd-write': 'write to a terminal (setgid tty)',
  dotlockfile: 'mailbox locking (liblockfile, setgid mail)',
  at: 'queue jobs (at)',
  'chrome-sandbox': 'Chromium sandbox helper',
  Xorg: 'X server',
  busybox: 'every busybox applet (setuid busybox)',
};

export const SETUID_FIX = 'RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true';

/** Known, but their job is to hand out root (or every applet at once): always findings. */
const ESCALATORS = new Set(['sudo', 'doas', 'pkexec', 'busybox']);

/** Where a distribution installs the tools it ships setuid. */
const SYSTEM_DIR = /^\/(usr\/)?(s?bin|lib|lib32|lib64|libexec)\//;

/** A distribution tool that needs the bit to work, in its system directory, owned by a system account. */
export function isExpectedTool(f: SpecialFile): boolean {
  const name = f.path.slice(f.path.lastIndexOf('/') + 1);
  const systemOwner = (f.mode & 0o4000 ? f.uid < 1000 : true) && (f.mode & 0o2000 ? f.gid < 1000 : true);
  return purposeOf(f.path) !== null && !ESCALATORS.has(name) && SYSTEM_DIR.test(f.path) && systemOwner;
}

export function isSpecial(entry: TarEntry): boolean {
  return (isRegular(entry.type) || entry.type === '1') && (entry.mode & 0o6000) !== 0;
}

export function specialFile(entry: TarEntry): SpecialFile {
  return {
    path: entry.path,
    mode: entry.mode,
    uid: entry.uid,
    gid: entry.gid,
    uname: entry.uname,
    gname: entry.gname,
    ...(entry.type === '1' ? { linkTo: `/${entry.linkname.replace(/^\.?\/+/, '')}` } : {}),
  };
}

export function purposeOf(path: string): string | null {
  return PURPOSES[path.slice(path.lastIndexOf('/') + 1)] ?? null;
}

/** `-rwsr-xr-x`: what ls shows, so the s/S bits are recognisable. */
export function modeString(mode: number): string {
  const bit = (m: number, c: string) => (mode & m ? c : '-');
  const x = (exec: number, special: number, on: string) =>
    mode & special ? (mode & exec ? on : on.toUpperCase()) : bit(exec, 'x');
  return (
    '-' +
    bit(0o400, 'r') +
    bit(0o200, 'w') +
    x(0o100, 0o4000, 's') +
    bit(0o040, 'r') +
    bit(0o020, 'w') +
    x(0o010, 0o2000, 's') +
    bit(0o004, 'r') +
    bit(0o002, 'w') +
    x(0o001, 0o1000, 't')
  );
}

function owner(id: number, name: string): string {
  return name ? `${name}(${id})` : String(id);
}

export function describeSpecial(f: SpecialFile): string {
  const kinds = [
    f.mode & 0o4000 ? `setuid ${owner(f.uid, f.uname)}` : '',
    f.mode & 0o2000 ? `setgid ${owner(f.gid, f.gname)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const purpose = purposeOf(f.path);
  const link = f.linkTo ? `, hard link to ${f.linkTo}` : '';
  return `${f.path} ${modeString(f.mode)} ${kinds}${link}${purpose ? `: ${purpose}` : ''}`;
}

export interface ImageFsScan {
  special: SpecialFile[];
  entries: number;
  seconds: number;
  /** How the filesystem was read, for the report: "docker export: 412 entries, 1.9 MB read in 0.2 s". */
  how: string;
}

/** The verdict from a finished scan; `line` is where the finding points (the shipped stage's FROM). */
export function setuidOutcome(scan: ImageFsScan, line: number): CheckOutcome {
  const how = scan.how;
  if (scan.special.length === 0) {
    return {
      check: {
        id: 'setuid-files',
        status: 'pass',
        seconds: scan.seconds,
        detail: `no setuid/setgid file (${how})`,
      },
      findings: [],
    };
  }
  const files = [...scan.special].sort((a, b) => a.path.localeCompare(b.path));
  const unexpected = files.filter((f) => !isExpectedTool(f));
  const list = (fs: SpecialFile[]) => {
    const names = fs.map((f) => f.path);
    return names.length > 8
      ? `${names.slice(0, 8).join(', ')} and ${names.length - 8} more`
      : names.join(', ');
  };
  const count = (n: number) => `${n} setuid/setgid file${n === 1 ? '' : 's'}`;
  const listing = [
    `Found in the image's filesystem (${how}):`,
    ...files.map((f) => `  ${describeSpecial(f)}`),
    '',
  ];
  const strip = `strip the bits in the final stage, before USER: \`${SETUID_FIX}\` (on an image without find: \`chmod a-s <path>\` for each file, or COPY --chmod without the s bit).`;
  if (unexpected.length === 0) {
    const detail = `${count(files.length)}, all distribution tools that need the bit: ${list(files)}`;
    return {
      check: {
        id: 'setuid-files',
        status: 'pass',
        seconds: scan.seconds,
        detail,
        diagnosis: [
          ...listing,
          `Each is a tool the base distribution ships setuid/setgid because it needs the bit to work (named above with its job); none was added by the image. A service container does not use them, and under Kubernetes' restricted profile (allowPrivilegeEscalation: false) the bits take no effect. To drop them anyway, ${strip}`,
        ].join('\n'),
      },
      findings: [
        {
          ruleId: SETUID_FILES_FOUND,
          severity: 'note',
          check: 'setuid-files',
          line,
          message: `${detail}. Not needed by a service; to drop them: \`${SETUID_FIX}\`.`,
        },
      ],
    };
  }
  const summary = `${count(unexpected.length)} beyond the distribution's own tools: ${list(unexpected)}`;
  const expected = files.length - unexpected.length;
  const diagnosis = [
    ...listing,
    `A setuid/setgid program runs with its owner's (usually root's) rights whoever starts it: it is how a compromised non-root process becomes root. ${
      expected > 0
        ? `${expected} of these ${expected === 1 ? 'is a tool' : 'are tools'} the base distribution ships because ${expected === 1 ? 'it needs' : 'they need'} the bit (named with ${expected === 1 ? 'its' : 'their'} job); the others were added by the image or hand out root by design (sudo, doas, pkexec, a setuid busybox).`
        : 'None of these is a distribution tool that needs the bit: check why the image has them.'
    } To fix, ${strip}`,
  ].join('\n');
  return {
    check: {
      id: 'setuid-files',
      status: 'fail',
      seconds: scan.seconds,
      detail: summary,
      diagnosis,
    },
    findings: [
      {
        ruleId: SETUID_FILES_FOUND,
        severity: 'error',
        check: 'setuid-files',
        line,
        message: `${summary}. Remove the setuid/setgid bits in the final stage: \`${SETUID_FIX}\`.`,
      },
    ],
  };
}
