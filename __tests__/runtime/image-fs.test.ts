// Owner names for an export whose tar headers carry numeric ids only (Docker 26 writes no
// uname/gname): taken from the image's own /etc/passwd and /etc/group.
import { describe, expect, it } from 'vitest';
import { nameOf } from '../../src/runtime/image-fs.js';

const group = 'root:x:0:\nshadow:x:42:\n\nbroken\napp:x:10001:\n';

describe('nameOf', () => {
  it.each([
    [0, 'root'],
    [42, 'shadow'],
    [10001, 'app'],
    [4, ''],
  ])('gid %d → %j', (id, name) => {
    expect(nameOf(group, id)).toBe(name);
  });
  it('no file: no name', () => {
    expect(nameOf(null, 0)).toBe('');
  });
});
