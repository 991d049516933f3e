import { describe, expect, it } from 'vitest';
import { classifyUpper, parseStatListing, parseUpperListing } from '../../src/docker/host-diff.js';

const FILE = { mode: 0o100644, major: 0, minor: 0 };
const DIR = { mode: 0o040755, major: 0, minor: 0 };
const WHITEOUT = { mode: 0o020000, major: 0, minor: 0 };

/** A lookup over a fixed set of host paths, recording what it was asked. */
function fakeLookup(existing: Record<string, { mode: number; major: number; minor: number }>) {
  const asked: string[][] = [];
  const lookup = async (paths: string[]) => {
    asked.push(paths);
    return new Map(paths.filter((p) => p in existing).map((p) => [p, existing[p]]));
  };
  return { asked, lookup };
}

describe('classifying an overlay upper directory', () => {
  it('changed where the image has the path, added where not, whiteouts deleted', async () => {
    const { lookup } = fakeLookup({
      '/L1/etc': DIR,
      '/L2/etc/app.conf': FILE,
      '/U/etc/gone': WHITEOUT,
    });
    const d = await classifyUpper(
      [
        { type: 'd', path: 'etc' },
        { type: 'f', path: 'etc/app.conf' },
        { type: 'c', path: 'etc/gone' },
        { type: 'f', path: 'etc/new' },
      ],
      ['/L1', '/L2'],
      '/U',
      lookup,
    );
    expect(d).toEqual([
      { kind: 'C', path: '/etc' },
      { kind: 'C', path: '/etc/app.conf' },
      { kind: 'D', path: '/etc/gone' },
      { kind: 'A', path: '/etc/new' },
    ]);
  });

  it("a path the image's upper layer whited out is added again, not changed", async () => {
    // /gone exists in the bottom layer, and a later layer (listed first) deleted it
    const { lookup } = fakeLookup({ '/L1/gone': WHITEOUT, '/L2/gone': DIR, '/L2/gone/f': FILE });
    const d = await classifyUpper(
      [
        { type: 'd', path: 'gone' },
        { type: 'f', path: 'gone/f' },
      ],
      ['/L1', '/L2'],
      '/U',
      lookup,
    );
    expect(d).toEqual([
      { kind: 'A', path: '/gone' },
      { kind: 'A', path: '/gone/f' },
    ]);
  });

  it('a device node the app made is not a whiteout', async () => {
    const { lookup } = fakeLookup({ '/U/dev/mine': { mode: 0o020600, major: 1, minor: 3 } });
    const d = await classifyUpper([{ type: 'c', path: 'dev/mine' }], ['/L1'], '/U', lookup);
    expect(d).toEqual([{ kind: 'A', path: '/dev/mine' }]);
  });

  it('looks up only the frontier: nothing beneath a directory the image lacks', async () => {
    const { asked, lookup } = fakeLookup({ '/L1/data': DIR });
    const listing = [
      { type: 'd', path: 'data' },
      { type: 'd', path: 'data/new' },
      ...Array.from({ length: 50 }, (_, i) => ({ type: 'f', path: `data/new/f${i}` })),
    ];
    const d = await classifyUpper(listing, ['/L1', '/L2'], '/U', lookup);
    expect(d.filter((e) => e.kind === 'A')).toHaveLength(51);
    expect(asked).toEqual([
      ['/L1/data', '/L2/data'],
      ['/L1/data/new', '/L2/data/new'],
    ]);
  });
});

describe("the host tools' listings", () => {
  it("find's records, names with spaces and newlines kept", () => {
    expect(parseUpperListing(Buffer.from('d etc\0f etc/a b\0f x\ny\0'))).toEqual([
      { type: 'd', path: 'etc' },
      { type: 'f', path: 'etc/a b' },
      { type: 'f', path: 'x\ny' },
    ]);
    expect(parseUpperListing(Buffer.from(''))).toEqual([]);
  });

  it('a cut or foreign record is an error, never a partial listing', () => {
    expect(() => parseUpperListing(Buffer.from('d etc\0f etc/a'))).toThrow(/mid-record/);
    expect(() => parseUpperListing(Buffer.from('etc\0'))).toThrow(/unexpected find output/);
  });

  it("stat's records: raw mode and device numbers in hex", () => {
    const m = parseStatListing(Buffer.from('2000 0 0 /U/etc/gone\x00081a4 0 0 /L/a b\x00'));
    expect(m.get('/U/etc/gone')).toEqual(WHITEOUT);
    expect(m.get('/L/a b')).toEqual(FILE);
  });
});
