import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { itWhen } from '../support/environment';
import { projectRoot, waitForLine } from '../support/run-cli';
import { useTempDirs } from '../support/temp-dir';
import { browserRequirement, launchBrowser } from './support/browser';
import { ensureRendererBuilt, screenshotDir } from './support/headless-host';

const itWithBrowser = itWhen(browserRequirement.available, browserRequirement.skipNote);
let browser: Browser | undefined;
const tempDir = useTempDirs();

afterAll(async () => {
  await browser?.close();
});

describe('npm run demo -- --headless', () => {
  itWithBrowser('starts the emulators and the headless host pointed at them, printing the same URL line as npm run serve', async () => {
    ensureRendererBuilt();
    // Its own folder: the test must never wipe a developer's .kizuna-dev/demo.
    const demoDir = join(tempDir(), 'demo');
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--headless', '--fresh', '--dir', demoDir], { cwd: projectRoot, env: { ...process.env } });
    try {
      const [loginUrl] = await waitForLine(child, /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/, 90_000);
      browser = await launchBrowser();
      const page = await browser.newPage();
      await page.goto(loginUrl ?? '');
      await page.getByText('Other hosts, from KIZUNA_SERVICES').waitFor();
      await expect(page.getByText(`${demoDir}/services.json`).first().isVisible()).resolves.toBe(true);
      await page.screenshot({ path: join(screenshotDir, 'demo-dashboard.png'), fullPage: true });
      // Sign-ins approve themselves in the demo: Trakt's code is accepted at the first poll.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
      await page.getByRole('button', { name: 'Connect Trakt' }).click();
      await page.getByRole('list', { name: 'Trakt accounts' }).getByRole('listitem').first().waitFor({ timeout: 30_000 });
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
