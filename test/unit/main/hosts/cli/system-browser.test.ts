import { describe, expect, it } from 'vitest';
import { formatPrompt } from '../../../../../main/hosts/cli/commands/auth';
import { systemBrowser } from '../../../../../main/hosts/cli/system-browser';

describe('the CLI browser', () => {
  it('prints instead of opening on a Linux machine without a desktop, or when told to', async () => {
    expect(await systemBrowser({}, 'linux').open('https://trakt.tv/activate')).toBe(false);
    expect(await systemBrowser({ DISPLAY: ':0', KIZUNA_NO_BROWSER: '1' }, 'linux').open('https://trakt.tv/activate')).toBe(false);
    expect(await systemBrowser({ DISPLAY: ':0' }, 'linux').open('file:///etc/passwd')).toBe(false);
  });

  it('formats each prompt for the terminal', () => {
    expect(formatPrompt({ kind: 'open-url', url: 'https://x.example/a', browserOpened: true, message: 'Continue in your browser.' })).toBe('Continue in your browser.\nIf no browser opened, visit: https://x.example/a');
    expect(formatPrompt({ kind: 'device-code', userCode: 'ABCD1234', verificationUrl: 'https://trakt.tv/activate', expiresAt: '2026-11-22T12:10:00.000Z', message: 'Open it.' })).toContain('Code: ABCD1234');
    expect(formatPrompt({ kind: 'notice', message: 'Paste the token.' })).toBe('Paste the token.');
  });
});
