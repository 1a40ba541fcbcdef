import { isIP } from 'node:net';
import type { Binding } from './binding';

interface Authority {
  hostname: string;
  /** As written; undefined when absent. */
  port: string | undefined;
}

// Deliberately narrower than URL parsing: `new URL('http://' + host)` would read "evil.com@127.0.0.1"
// as a user name and a loopback host. A Host or Origin authority here is a name or IP and a port, nothing else.
const AUTHORITY = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;
const ORIGIN = /^(https?):\/\/([^/?#]+)$/;

function parseAuthority(value: string): Authority | null {
  const match = AUTHORITY.exec(value.toLowerCase());
  if (!match?.[1]) return null;
  return { hostname: match[1], port: match[2] };
}

function isIpLiteral(hostname: string): boolean {
  return isIP(hostname.replace(/^\[(.*)\]$/, '$1')) !== 0;
}

/**
 * DNS rebinding defence: a page on evil.com can make its own name resolve to 127.0.0.1, but its requests
 * still say `Host: evil.com`. So only the address we are bound to passes (plus names the user listed
 * for remote use). `localhost` is refused on a 127.0.0.1 binding: the printed link never uses it, the
 * session cookie would not be sent to it anyway, and one spelling keeps the Origin check exact.
 * Returns why the request is refused, or null when it may go on.
 */
export function checkHost(header: string | undefined, binding: Binding, port: number): string | null {
  if (!header) return 'the request has no Host header';
  const authority = parseAuthority(header);
  if (!authority) return `the Host header "${header}" is not a host and port`;
  if (binding.allowedHosts.includes(authority.hostname)) return null;
  const portMatches = authority.port === undefined ? port === 80 : Number(authority.port) === port;
  if (!portMatches) return `the Host header "${header}" names another port`;
  if (authority.hostname === binding.urlHost) return null;
  if (binding.wildcard && isIpLiteral(authority.hostname)) return null;
  return `the Host header "${header}" does not name this server`;
}

function withoutDefaultPort(authority: Authority, defaults: readonly string[]): string {
  const port = authority.port === undefined || defaults.includes(authority.port) ? '' : `:${authority.port}`;
  return `${authority.hostname}${port}`;
}

/**
 * CSRF and cross-port defence: browsers send Origin on every POST and on EventSource requests, so a page
 * from anywhere else (another site, another port on 127.0.0.1, a sandboxed frame with Origin "null")
 * is refused. No Origin at all means a same-origin navigation or a non-browser client; those still need a
 * session cookie. https is accepted only when remote, where a TLS reverse proxy sits in front.
 * Call after checkHost has accepted `host`.
 */
export function checkOrigin(origin: string | undefined, host: string, binding: Binding): string | null {
  if (origin === undefined) return null;
  const match = ORIGIN.exec(origin.toLowerCase());
  const originAuthority = match?.[2] ? parseAuthority(match[2]) : null;
  if (!match || !originAuthority) return `the Origin "${origin}" is not this server`;
  if (match[1] === 'https' && binding.loopback) return `the Origin "${origin}" is not this server`;
  const hostAuthority = parseAuthority(host);
  if (!hostAuthority) return `the Origin "${origin}" is not this server`;
  const defaults = match[1] === 'https' ? ['443'] : ['80'];
  // Behind a proxy the Host may have lost the port the browser used, so both defaults count there.
  const hostDefaults = binding.loopback ? ['80'] : ['80', '443'];
  const same = withoutDefaultPort(originAuthority, defaults) === withoutDefaultPort(hostAuthority, hostDefaults);
  return same ? null : `the Origin "${origin}" is not this server`;
}
