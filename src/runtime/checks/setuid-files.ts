// setuid-files (HC916): setuid/setgid regular files in the image's filesystem, read from
// `docker export` on the host (no tool of the image runs). Policy: every such file is a
// finding, including the account tools a base distribution ships setuid (su, passwd, mount,
// ...): they are the usual way from a compromised non-root process to root, and a service
// container never needs them. Known ones are named with what they are for, so the reader
// sees at once that stripping the bit costs the app nothing.
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
  bytes: number;
  seconds: number;
}

/** The verdict from a finished scan; `line` is where the finding points (the shipped stage's FROM). */
export function setuidOutcome(scan: ImageFsScan, line: number): CheckOutcome {
  const how = `docker export: ${scan.entries} entries, ${(scan.bytes / 1e6).toFixed(1)} MB read in ${scan.seconds} s`;
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
  const known = files.filter((f) => purposeOf(f.path) !== null).length;
  const names = files.map((f) => f.path);
  const shown =
    names.length > 8 ? `${names.slice(0, 8).join(', ')} and ${names.length - 8} more` : names.join(', ');
  const summary = `${files.length} setuid/setgid file${files.length === 1 ? '' : 's'}: ${shown}`;
  const diagnosis = [
    `Found in the image's filesystem (${how}):`,
    ...files.map((f) => `  ${describeSpecial(f)}`),
    '',
    `A setuid/setgid program runs with its owner's (usually root's) rights whoever starts it: it is how a compromised non-root process becomes root. ${
      known === files.length
        ? 'All of these are tools the base distribution ships for interactive logins and system administration; a service container does not use them.'
        : known > 0
          ? 'Those with a purpose named are tools the base distribution ships for logins and administration; the others were added by the image.'
          : 'None of these is a distribution tool harden-check knows: check why the image needs them.'
    } Strip the bits in the final stage, before USER: \`${SETUID_FIX}\` (on an image without find: \`chmod a-s <path>\` for each file, or COPY --chmod without the s bit).`,
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
