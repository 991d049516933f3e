import { describe, expect, it } from 'vitest';
import { baseImageAccounts, describeBaseImage } from '../../../src/dockerfile/base-images.js';

const of = (ref: string) => baseImageAccounts(describeBaseImage(ref), ref);

describe('baseImageAccounts (one table for USER and --chown names)', () => {
  it('gives users with ids and the groups of the distribution', () => {
    const debian = of('debian:12')!;
    expect(debian.users.get('www-data')).toEqual({ uid: '33', gid: '33' });
    expect(debian.groups.has('nogroup')).toBe(true);
    expect(debian.groups.has('nobody')).toBe(false);
    expect(of('fedora:40')!.groups.has('nobody')).toBe(true);
  });
  it('follows the variant: alpine tags, busybox, service users', () => {
    expect(of('amazoncorretto:21-alpine')!.users.get('cron')?.uid).toBe('16');
    expect(of('amazoncorretto:21')!.users.has('cron')).toBe(false);
    expect(of('busybox:1.36')!.users.has('cron')).toBe(false);
    expect(of('postgres:16')!.users.get('postgres')?.uid).toBe('999');
    expect(of('postgres:16-alpine')!.users.get('postgres')?.uid).toBe('70');
    expect(of('nginxinc/nginx-unprivileged:1.27')!.users.get('nginx')?.uid).toBe('101');
    expect(of('registry.access.redhat.com/ubi9/ubi')!.users.get('default')).toEqual({
      uid: '1001',
      gid: '0',
    });
  });
  it('is null when the base is unknown', () => {
    expect(of('bitnami/python:3.12')).toBeNull();
    expect(of('myorg/base:1')).toBeNull();
    expect(of('scratch')).toEqual({ users: new Map(), groups: new Set() });
  });
});
