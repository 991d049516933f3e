// POSIX paths inside the image as Dockerfile instructions write them (WORKDIR, COPY
// destinations, VOLUME), and the Windows absolute paths we recognise but do not model.

/** Drive-letter or UNC-free Windows absolute path (`C:\app`, `c:/app`). */
export function isWindowsAbsolute(p: string): boolean {
  return /^[A-Za-z]:([\\/]|$)/.test(p);
}

export function isAbsolute(p: string): boolean {
  return p.startsWith('/') || isWindowsAbsolute(p);
}

/** Normalise a POSIX path: collapse `//`, `.` and `..`; keep a trailing slash off. */
export function normalizePath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

export function joinPath(base: string, p: string): string {
  return normalizePath(p.startsWith('/') ? p : `${base}/${p}`);
}

/** Is `p` equal to or below `dir`? (both normalised) */
export function isUnder(p: string, dir: string): boolean {
  return dir === '/' || p === dir || p.startsWith(dir + '/');
}
