// A streaming reader of tar headers: `docker export` of a whole image filesystem runs to
// hundreds of megabytes, and the setuid check needs only each entry's path, mode and owner.
// File data is skipped as it streams past (nothing is buffered but a header, pax/GNU
// long-name records and the few small files asked for by `capture`). Understands ustar
// (with prefix), pax extended headers (path, linkpath, size, uid, gid, uname, gname; global
// and per-entry) and GNU long names/links, which is what Go's archive/tar (the engine) writes.

const BLOCK = 512;

export interface TarEntry {
  /** Absolute path inside the archive's filesystem: "/usr/bin/su" (no trailing slash). */
  path: string;
  /** The typeflag: '0' regular file, '1' hard link, '2' symlink, '5' directory, ... */
  type: string;
  /** Permission bits including setuid (0o4000), setgid (0o2000) and sticky. */
  mode: number;
  uid: number;
  gid: number;
  uname: string;
  gname: string;
  size: number;
  linkname: string;
}

export class TarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarFormatError';
  }
}

export interface TarScanOptions {
  onEntry: (entry: TarEntry) => void;
  /** Keep the data of these regular files (small ones: e.g. /etc/passwd). */
  capture?: (path: string) => boolean;
  /** At most this many bytes are kept per captured file (default 64 KiB). */
  maxCaptureBytes?: number;
  /** Called as soon as a captured file's data is complete (the stream goes on). */
  onCaptured?: (path: string, data: Buffer) => void;
}

type State =
  | { kind: 'header' }
  | { kind: 'skip'; left: number }
  | {
      kind: 'collect';
      left: number;
      pad: number;
      cap: number;
      parts: Buffer[];
      kept: number;
      done: (b: Buffer) => void;
    };

/** Longest pax or GNU long-name record we accept: a path is never this long. */
const MAX_META_BYTES = 1 << 20;

export function isRegular(type: string): boolean {
  return type === '0' || type === '\0' || type === '7' || type === '';
}

function text(b: Buffer, off: number, len: number): string {
  const field = b.subarray(off, off + len);
  const nul = field.indexOf(0);
  return field.subarray(0, nul === -1 ? len : nul).toString('utf8');
}

/** A numeric field: octal ASCII, or GNU base-256 when the top bit of the first byte is set. */
export function tarNumber(b: Buffer, off: number, len: number): number {
  if (b[off] & 0x80) {
    if (b[off] === 0xff) throw new TarFormatError('negative base-256 number in a tar header');
    let v = b[off] & 0x7f;
    for (let i = off + 1; i < off + len; i++) v = v * 256 + b[i];
    return v;
  }
  const s = text(b, off, len).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarFormatError(`bad octal number ${JSON.stringify(s)} in a tar header`);
  return parseInt(s, 8);
}

function checksumOk(h: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
  return sum === tarNumber(h, 148, 8);
}

/** "%d key=value\n" records; the length counts the whole record in bytes. */
export function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    if (space === -1) break;
    const len = Number(data.subarray(pos, space).toString('ascii'));
    if (!Number.isInteger(len) || len <= space - pos || pos + len > data.length)
      throw new TarFormatError('malformed pax extended header record');
    const record = data.subarray(space + 1, pos + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    pos += len;
  }
  return out;
}

function normalize(name: string): string {
  const trimmed = name.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  return `/${trimmed}`;
}

/** Feed it the archive's bytes in any chunk sizes; call end() after the last one. */
export class TarScanner {
  readonly captured = new Map<string, Buffer>();
  entries = 0;
  private state: State = { kind: 'header' };
  private pending: Buffer | null = null;
  private offset = 0;
  private globalPax: Record<string, string> = {};
  private nextPax: Record<string, string> | null = null;
  private longName: string | null = null;
  private longLink: string | null = null;
  private sawEnd = false;

  constructor(private readonly opts: TarScanOptions) {}

  push(chunk: Buffer): void {
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    let pos = 0;
    while (pos < buf.length) {
      const s = this.state;
      if (s.kind === 'skip') {
        const n = Math.min(s.left, buf.length - pos);
        s.left -= n;
        pos += n;
        if (s.left === 0) this.state = { kind: 'header' };
      } else if (s.kind === 'collect') {
        const n = Math.min(s.left, buf.length - pos);
        const room = Math.max(0, s.cap - s.kept);
        if (room > 0) {
          const part = buf.subarray(pos, pos + Math.min(n, room));
          // a copy: the chunk's memory belongs to the stream
          s.parts.push(Buffer.from(part));
          s.kept += part.length;
        }
        s.left -= n;
        pos += n;
        if (s.left === 0) {
          s.done(Buffer.concat(s.parts));
          this.state = s.pad > 0 ? { kind: 'skip', left: s.pad } : { kind: 'header' };
        }
      } else {
        if (buf.length - pos < BLOCK) {
          this.pending = Buffer.from(buf.subarray(pos));
          this.offset += pos;
          return;
        }
        this.header(buf.subarray(pos, pos + BLOCK));
        pos += BLOCK;
      }
    }
    this.offset += buf.length;
  }

  /** The stream ended: an entry cut short means a truncated archive. */
  end(): void {
    const s = this.state;
    if ((s.kind !== 'header' || (this.pending && this.pending.length > 0)) && !this.sawEnd)
      throw new TarFormatError(`the tar stream ended inside an entry (after ${this.offset} bytes)`);
  }

  private header(h: Buffer): void {
    if (h.every((b) => b === 0)) {
      this.sawEnd = true;
      return;
    }
    if (!checksumOk(h)) throw new TarFormatError(`bad tar header checksum at byte ${this.offset}`);
    const type = String.fromCharCode(h[156] || 0x30);
    const size = tarNumber(h, 124, 12);
    const meta = (done: (b: Buffer) => void) => {
      if (size > MAX_META_BYTES) throw new TarFormatError(`tar metadata record of ${size} bytes`);
      this.collect(size, MAX_META_BYTES, done);
    };
    switch (type) {
      case 'x':
        return meta((b) => (this.nextPax = parsePax(b)));
      case 'g':
        return meta((b) => (this.globalPax = { ...this.globalPax, ...parsePax(b) }));
      case 'L':
        return meta((b) => (this.longName = text(b, 0, b.length)));
      case 'K':
        return meta((b) => (this.longLink = text(b, 0, b.length)));
    }
    const pax = { ...this.globalPax, ...(this.nextPax ?? {}) };
    const ustar = text(h, 257, 6).startsWith('ustar');
    const prefix = ustar ? text(h, 345, 155) : '';
    const name = text(h, 0, 100);
    const paxNum = (k: string, fallback: number) => (pax[k] !== undefined ? Number(pax[k]) : fallback);
    const entry: TarEntry = {
      path: normalize(pax.path ?? this.longName ?? (prefix ? `${prefix}/${name}` : name)),
      type,
      mode: tarNumber(h, 100, 8) & 0o7777,
      uid: paxNum('uid', tarNumber(h, 108, 8)),
      gid: paxNum('gid', tarNumber(h, 116, 8)),
      uname: pax.uname ?? (ustar ? text(h, 265, 32) : ''),
      gname: pax.gname ?? (ustar ? text(h, 297, 32) : ''),
      size: paxNum('size', size),
      linkname: pax.linkpath ?? this.longLink ?? text(h, 157, 100),
    };
    this.nextPax = null;
    this.longName = null;
    this.longLink = null;
    this.entries++;
    this.opts.onEntry(entry);
    // Only regular files carry data; a hard link's size is 0.
    const dataSize = isRegular(type) || type === '1' ? entry.size : size;
    if (isRegular(type) && this.opts.capture?.(entry.path)) {
      this.collect(dataSize, this.opts.maxCaptureBytes ?? 65536, (b) => {
        this.captured.set(entry.path, b);
        this.opts.onCaptured?.(entry.path, b);
      });
    } else if (dataSize > 0) {
      this.state = { kind: 'skip', left: padded(dataSize) };
    }
  }

  private collect(size: number, cap: number, done: (b: Buffer) => void): void {
    if (size === 0) {
      done(Buffer.alloc(0));
      return;
    }
    this.state = { kind: 'collect', left: size, pad: padded(size) - size, cap, parts: [], kept: 0, done };
  }
}

function padded(n: number): number {
  return Math.ceil(n / BLOCK) * BLOCK;
}
