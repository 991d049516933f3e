import { describe, expect, it } from 'vitest';
import { listeningPorts, parseProcNetTcp } from '../../src/runtime/proc-net.js';

// Real /proc/<pid>/net/tcp and tcp6 text (busybox httpd on 8080, a client socket, python on 8000).
const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 123456 1 0000000000000000 100 0 0 10 0
   1: 0100007F:1F40 00000000:0000 0A 00000000:00000000 00:00000000 00000000 65534        0 123457 1 0000000000000000 100 0 0 10 0
   2: 0100007F:C350 0100007F:1F90 06 00000000:00000000 03:00000F9B 00000000     0        0 0 3 0000000000000000
`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 99 1 0000000000000000 100 0 0 10 0
   1: 00000000000000000000000001000000:1F90 00000000000000000000000001000000:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 98 1 0000000000000000 20 4 30 10 -1
`;

describe('parseProcNetTcp', () => {
  it('reads address, port (hex) and state of every socket', () => {
    expect(parseProcNetTcp(TCP)).toEqual([
      { localAddress: '00000000', port: 8080, state: '0A' },
      { localAddress: '0100007F', port: 8000, state: '0A' },
      { localAddress: '0100007F', port: 50000, state: '06' },
    ]);
  });

  it('handles tcp6 addresses', () => {
    expect(parseProcNetTcp(TCP6).map((e) => [e.port, e.state])).toEqual([
      [80, '0A'],
      [8080, '01'],
    ]);
  });

  it('ignores the header, blank and malformed lines', () => {
    expect(parseProcNetTcp('header\n\n  garbage\n   0: nocolon 0 0A\n')).toEqual([]);
    expect(parseProcNetTcp('')).toEqual([]);
  });
});

describe('listeningPorts', () => {
  it('keeps LISTEN (0A) only, merged over tables, sorted and unique', () => {
    expect(listeningPorts(TCP, TCP6)).toEqual([80, 8000, 8080]);
    expect(listeningPorts(TCP, TCP)).toEqual([8000, 8080]);
  });

  it('treats unreadable tables as empty', () => {
    expect(listeningPorts(null, undefined)).toEqual([]);
  });
});
