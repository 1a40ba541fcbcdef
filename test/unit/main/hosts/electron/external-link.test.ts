import { describe, expect, it } from 'vitest';
import { checkExternalLink } from '../../../../../main/hosts/electron/external-link';

/** Links a compromised or tricked page might try to get the OS to open. Every one must be refused. */
const attacks: Array<[string, unknown]> = [
  ['javascript URL', 'javascript:alert(document.cookie)'],
  ['javascript URL, mixed case', 'JaVaScRiPt:alert(1)'],
  ['javascript URL behind leading space', ' javascript:alert(1)'],
  ['javascript URL with embedded tab', 'java\tscript:alert(1)'],
  ['file URL to a system file', 'file:///etc/passwd'],
  ['file URL to a Windows share', 'file://attacker.example/share/payload.exe'],
  ['UNC-style file URL', 'file:////attacker.example/share'],
  ['data URL with HTML', 'data:text/html,<script>alert(1)</script>'],
  ['data URL base64', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['vbscript URL', 'vbscript:msgbox(1)'],
  ['Windows protocol handler (Follina)', 'ms-msdt:/id PCWDiagnostic /skip force'],
  ['search-ms handler', 'search-ms:query=secret&crumb=location:\\\\attacker.example\\share'],
  ['SMB share', 'smb://attacker.example/share'],
  ['custom app scheme', 'steam://run/123'],
  ['our own app scheme', 'app://kizuna/index.html'],
  ['chrome internals', 'chrome://settings'],
  ['about page', 'about:blank'],
  ['blob URL', 'blob:https://example.com/1234'],
  ['ftp', 'ftp://example.com/file'],
  ['mailto', 'mailto:someone@example.com'],
  ['plain http', 'http://anilist.co/anime/1'],
  ['plain http to loopback', 'http://127.0.0.1:8080/'],
  ['plain http to localhost', 'http://localhost:3000/'],
  ['https to localhost', 'https://localhost/'],
  ['https to a .localhost name', 'https://admin.localhost/'],
  ['https to an mDNS name', 'https://printer.local/'],
  ['https to loopback IP', 'https://127.0.0.1/'],
  ['https to loopback as a decimal number', 'https://2130706433/'],
  ['https to loopback in hex', 'https://0x7f.0.0.1/'],
  ['https to the cloud metadata address', 'https://169.254.169.254/latest/meta-data/'],
  ['https to a private network IP', 'https://192.168.1.1/admin'],
  ['https to an IPv6 literal', 'https://[::1]/'],
  ['https to a single-label intranet host', 'https://intranet/'],
  ['user and password hiding the real host', 'https://anilist.co:secure@evil.example/'],
  ['user name only', 'https://anilist.co@evil.example/'],
  ['newline inside the link', 'https://anilist.co/\nhttps://evil.example'],
  ['carriage return in the host', 'https://anil\rist.co/'],
  ['null byte', 'https://anilist.co/\u0000'],
  ['protocol-relative link', '//evil.example/'],
  ['relative path', '/settings'],
  ['empty string', ''],
  ['not a string', { toString: () => 'https://anilist.co/' }],
  ['undefined', undefined],
  ['absurdly long link', `https://example.com/${'a'.repeat(5000)}`],
];

const allowed: Array<[string, string]> = [
  ['AniList title page', 'https://anilist.co/anime/21/ONE-PIECE/'],
  ['MAL with query and fragment', 'https://myanimelist.net/anime/1?tab=stats#top'],
  ['Trakt', 'https://trakt.tv/shows/frieren'],
  ['Plex web app', 'https://app.plex.tv/desktop/#!/'],
  ['https with a port', 'https://example.com:8443/path'],
  ['internationalised host', 'https://bücher.example/'],
];

describe('checkExternalLink', () => {
  it.each(attacks)('refuses %s', (_name, link) => {
    const verdict = checkExternalLink(link);
    expect(verdict.ok).toBe(false);
  });

  it.each(allowed)('opens %s', (_name, link) => {
    expect(checkExternalLink(link)).toEqual({ ok: true, url: new URL(link).href });
  });

  it('hands on the normalised href, not the raw text', () => {
    expect(checkExternalLink('HTTPS://AniList.co/anime/1')).toEqual({ ok: true, url: 'https://anilist.co/anime/1' });
    expect(checkExternalLink('https://bücher.example/')).toEqual({ ok: true, url: 'https://xn--bcher-kva.example/' });
  });

  it('says why a link was refused', () => {
    expect(checkExternalLink('file:///etc/passwd')).toEqual({ ok: false, reason: 'scheme file: is not allowed' });
    expect(checkExternalLink('https://user@example.com/')).toEqual({ ok: false, reason: 'credentials in link' });
  });
});
