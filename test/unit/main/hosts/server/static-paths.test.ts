import { describe, expect, it } from 'vitest';
import { looksLikeFile, resolveStaticPath } from '../../../../../main/hosts/server/static-paths';

// Every way we know of to ask for a file outside the UI folder; none may resolve to a file path.
const attacks: Array<[target: string, status: number]> = [
  ['/../secret.txt', 403],
  ['/assets/../../secret.txt', 403],
  ['/%2e%2e/secret.txt', 403],
  ['/%2E%2E/secret.txt', 403],
  ['/..%2fsecret.txt', 403],
  ['/%2e%2e%2f%2e%2e%2fetc%2fpasswd', 403],
  ['/..%5csecret.txt', 400],
  ['/assets\\..\\secret.txt', 400],
  ['/index.html%00.js', 400],
  ['/index.html\0.js', 400],
  ['/%ZZ', 400],
  ['/C:/Windows/win.ini', 400],
  ['http://evil.com/index.html', 400],
  ['*', 400],
  ['/.env', 404],
  ['/.git/config', 404],
  ['/assets/%2egit/config', 404],
];

describe('static path resolution', () => {
  it.each(attacks)('refuses %s', (target, status) => {
    expect(resolveStaticPath(target)).toMatchObject({ kind: 'refused', status });
  });

  it('maps ordinary paths into the folder, ignoring the query and repeated slashes', () => {
    expect(resolveStaticPath('/')).toEqual({ kind: 'file', relative: '' });
    expect(resolveStaticPath('/assets/app.js?v=1')).toEqual({ kind: 'file', relative: 'assets/app.js' });
    expect(resolveStaticPath('//assets///app.js')).toEqual({ kind: 'file', relative: 'assets/app.js' });
    expect(resolveStaticPath('/library/My%20List')).toEqual({ kind: 'file', relative: 'library/My List' });
  });

  it('tells files from app routes', () => {
    expect(looksLikeFile('assets/app.js')).toBe(true);
    expect(looksLikeFile('library/anime')).toBe(false);
    expect(looksLikeFile('')).toBe(false);
  });
});
