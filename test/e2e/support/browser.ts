import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { requirement } from '../../support/environment';

/** CHROME_PATH first, then Debian's chromium, then the usual Chrome locations. */
export const browserCandidates = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
].filter((path): path is string => Boolean(path));

export function findBrowser(): string | undefined {
  return browserCandidates.find((path) => existsSync(path));
}

const found = findBrowser();
export const browserRequirement = requirement(
  'A Chromium-family browser',
  found ? null : `none at ${browserCandidates.join(', ')}`,
  'Install Debian\'s chromium (apt install chromium) or set CHROME_PATH to Chrome or Chromium.',
);

/**
 * The flags keep Chromium from reaching for Google's services: tests must never leave loopback, and on
 * machines with a closed network those attempts only add noise and delay.
 */
export function launchBrowser(): Promise<Browser> {
  if (!found) throw new Error('no browser found');
  return chromium.launch({
    executablePath: found,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps'],
  });
}
