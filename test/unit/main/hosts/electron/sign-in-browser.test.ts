import { describe, expect, it } from 'vitest';
import { createSignInBrowser } from '../../../../../main/hosts/electron/sign-in-browser';

describe('Electron sign-in browser', () => {
  it('opens http(s) sign-in pages in the system browser and refuses other schemes', async () => {
    const opened: string[] = [];
    const browser = createSignInBrowser(async (url) => void opened.push(url));
    expect(await browser.open('https://anilist.co/api/v2/oauth/authorize?client_id=1')).toBe(true);
    expect(await browser.open('http://127.0.0.1:4000/auth#?code=x')).toBe(true);
    expect(await browser.open('file:///etc/passwd')).toBe(false);
    expect(await browser.open('javascript:alert(1)')).toBe(false);
    expect(await browser.open('not a url')).toBe(false);
    expect(opened).toEqual(['https://anilist.co/api/v2/oauth/authorize?client_id=1', 'http://127.0.0.1:4000/auth#?code=x']);
  });

  it('answers false when the OS cannot open it, so the address is shown instead', async () => {
    const browser = createSignInBrowser(() => Promise.reject(new Error('no handler')));
    expect(await browser.open('https://trakt.tv/activate')).toBe(false);
  });
});
