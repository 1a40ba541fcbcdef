import { describe, expect, it } from 'vitest';
import { resolveBinding } from '../../../../../main/hosts/server/binding';
import { checkHost, checkOrigin } from '../../../../../main/hosts/server/request-guard';

const PORT = 41234;
const loopback = resolveBinding({});
const loopback6 = resolveBinding({ host: '::1' });
const wildcard = resolveBinding({ host: '0.0.0.0', allowRemote: true, password: 'correct horse battery', allowedHosts: ['NAS.local'] });
const lan = resolveBinding({ host: '192.168.1.5', allowRemote: true, password: 'correct horse battery' });

// Each attack is what a hostile page (or a rebinding DNS name) could make a browser send.
const refusedHosts: Array<[label: string, host: string | undefined]> = [
  ['another site (DNS rebinding)', `evil.com:${PORT}`],
  ['another site without a port', 'evil.com'],
  ['a name that starts like ours', `127.0.0.1.evil.com:${PORT}`],
  ['localhost (not the bound address)', `localhost:${PORT}`],
  ['no Host at all', undefined],
  ['empty Host', ''],
  ['our address on another port', '127.0.0.1:8080'],
  ['our address without a port', '127.0.0.1'],
  ['user info in front of our address', `evil.com@127.0.0.1:${PORT}`],
  ['a path smuggled into Host', `127.0.0.1:${PORT}/x`],
  ['IPv6 loopback when bound to IPv4', `[::1]:${PORT}`],
  ['0.0.0.0', `0.0.0.0:${PORT}`],
  ['a decimal spelling of 127.0.0.1', `2130706433:${PORT}`],
];

describe('Host check on a loopback binding', () => {
  it.each(refusedHosts)('refuses %s', (_label, host) => {
    expect(checkHost(host, loopback, PORT)).toEqual(expect.any(String));
  });

  it('accepts exactly the bound address and port', () => {
    expect(checkHost(`127.0.0.1:${PORT}`, loopback, PORT)).toBeNull();
    expect(checkHost(`[::1]:${PORT}`, loopback6, PORT)).toBeNull();
  });

  it('accepts a Host without a port only on port 80', () => {
    expect(checkHost('127.0.0.1', loopback, 80)).toBeNull();
  });
});

describe('Host check when listening for other machines', () => {
  it('accepts any IP address of this machine on a wildcard binding, with our port', () => {
    expect(checkHost(`192.168.1.5:${PORT}`, wildcard, PORT)).toBeNull();
    expect(checkHost(`[fe80::1]:${PORT}`, wildcard, PORT)).toBeNull();
    expect(checkHost(`192.168.1.5:1`, wildcard, PORT)).toEqual(expect.any(String));
  });

  it('accepts listed names on any port (a reverse proxy may change it), and no other names', () => {
    expect(checkHost('nas.local', wildcard, PORT)).toBeNull();
    expect(checkHost('nas.local:443', wildcard, PORT)).toBeNull();
    expect(checkHost(`evil.com:${PORT}`, wildcard, PORT)).toEqual(expect.any(String));
  });

  it('accepts only the bound address on a specific one', () => {
    expect(checkHost(`192.168.1.5:${PORT}`, lan, PORT)).toBeNull();
    expect(checkHost(`192.168.1.6:${PORT}`, lan, PORT)).toEqual(expect.any(String));
  });
});

const host = `127.0.0.1:${PORT}`;
const refusedOrigins: Array<[label: string, origin: string]> = [
  ['another site', 'http://evil.com'],
  ['a sandboxed frame or file page', 'null'],
  ['another port on this machine', 'http://127.0.0.1:8080'],
  ['our host over https (loopback never has TLS)', `https://127.0.0.1:${PORT}`],
  ['localhost', `http://localhost:${PORT}`],
  ['user info in front of our host', `http://evil.com@127.0.0.1:${PORT}`],
  ['another scheme', `ftp://127.0.0.1:${PORT}`],
  ['a path after the origin', `http://127.0.0.1:${PORT}/`],
  ['garbage', 'not an origin'],
];

describe('Origin check', () => {
  it.each(refusedOrigins)('refuses %s', (_label, origin) => {
    expect(checkOrigin(origin, host, loopback)).toEqual(expect.any(String));
  });

  it('accepts our own origin, and requests with no Origin (navigations, non-browser clients)', () => {
    expect(checkOrigin(`http://127.0.0.1:${PORT}`, host, loopback)).toBeNull();
    expect(checkOrigin(undefined, host, loopback)).toBeNull();
  });

  it('accepts https behind a TLS proxy when remote', () => {
    expect(checkOrigin('https://nas.local', 'nas.local', wildcard)).toBeNull();
    expect(checkOrigin('https://nas.local:8443', 'nas.local:8443', wildcard)).toBeNull();
    expect(checkOrigin('https://evil.com', 'nas.local', wildcard)).toEqual(expect.any(String));
  });
});
