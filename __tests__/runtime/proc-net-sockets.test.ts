import { describe, expect, it } from 'vitest';
import { decodeAddress, listeningSockets } from '../../src/runtime/proc-net.js';

describe('decodeAddress (the kernel hex of /proc/net/tcp and tcp6)', () => {
  it.each([
    ['0100007F', '127.0.0.1'],
    ['0200007F', '127.0.0.2'],
    ['00000000', '0.0.0.0'],
    ['00000000000000000000000001000000', '::1'],
    ['00000000000000000000000000000000', '::'],
    ['0000000000000000FFFF00000100007F', '127.0.0.1'],
    ['B80D0120000000000000000001000000', '2001:db8::1'],
  ])('%s -> %s', (hex, text) => {
    expect(decodeAddress(hex)).toBe(text);
  });
});

describe('listeningSockets', () => {
  it('keeps LISTEN sockets with their address, from tcp and tcp6', () => {
    const tcp = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0200007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1 1 0000000000000000 100 0 0 10 0
   1: 0100007F:1F90 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000  1000        0 2 1 0000000000000000 100 0 0 10 0`;
    const tcp6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:1F91 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 3 1 0000000000000000 100 0 0 10 0`;
    expect(listeningSockets(tcp, tcp6)).toEqual([
      { address: '127.0.0.2', port: 8080 },
      { address: '::1', port: 8081 },
    ]);
  });
});
