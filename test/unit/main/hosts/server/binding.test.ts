import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../shared/contract';
import { linkHost, resolveBinding } from '../../../../../main/hosts/server/binding';

const PASSWORD = 'twelve chars';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('bind policy', () => {
  it('listens on 127.0.0.1 by default, with nothing to warn about', () => {
    expect(resolveBinding({})).toMatchObject({ listenHost: '127.0.0.1', urlHost: '127.0.0.1', loopback: true, password: undefined, warnings: [] });
  });

  it('treats localhost as 127.0.0.1, and brackets IPv6', () => {
    expect(resolveBinding({ host: 'localhost' }).listenHost).toBe('127.0.0.1');
    expect(resolveBinding({ host: '::1' })).toMatchObject({ listenHost: '::1', urlHost: '[::1]', loopback: true });
    expect(resolveBinding({ host: '[::1]' }).listenHost).toBe('::1');
  });

  it.each(['0.0.0.0', '::', '192.168.1.5', 'nas.local'])('refuses %s without --allow-remote, saying how', (host) => {
    const error = refusal(() => resolveBinding({ host, password: PASSWORD }));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/--allow-remote/);
    expect(error.message).toMatch(/12 characters/);
  });

  it('refuses a remote address without a password, or with a short one', () => {
    expect(refusal(() => resolveBinding({ host: '0.0.0.0', allowRemote: true })).message).toMatch(/needs a password/);
    expect(refusal(() => resolveBinding({ host: '0.0.0.0', allowRemote: true, password: 'short' })).message).toMatch(/too short/);
  });

  it('allows a remote address with both, and warns that traffic is not encrypted', () => {
    const binding = resolveBinding({ host: '0.0.0.0', allowRemote: true, password: PASSWORD, allowedHosts: [' NAS.local '] });
    expect(binding).toMatchObject({ loopback: false, wildcard: true, password: PASSWORD, allowedHosts: ['nas.local'] });
    expect(binding.warnings.join(' ')).toMatch(/not encrypted.*reverse proxy with TLS/);
  });

  it('links to an external address when listening on all of them', () => {
    const binding = resolveBinding({ host: '0.0.0.0', allowRemote: true, password: PASSWORD });
    const interfaces = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '', mac: '', cidr: null }],
      eth0: [{ address: '192.168.1.5', family: 'IPv4', internal: false, netmask: '', mac: '', cidr: null }],
    } as const;
    expect(linkHost(binding, interfaces as never)).toBe('192.168.1.5');
    expect(linkHost(binding, {})).toBe('127.0.0.1');
    expect(linkHost(resolveBinding({}))).toBe('127.0.0.1');
  });
});
