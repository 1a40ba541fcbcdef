import { spawn } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { itWhen } from '../support/environment';
import { projectRoot, waitForLine } from '../support/run-cli';
import { browserRequirement, launchBrowser } from './support/browser';
import { ensureRendererBuilt } from './support/headless-host';

const itWithBrowser = itWhen(browserRequirement.available, browserRequirement.skipNote);
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
});

describe('npm run demo -- --headless', () => {
  itWithBrowser('starts the emulators and the headless host pointed at them, printing the same URL line as npm run serve', async () => {
    ensureRendererBuilt();
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--headless', '--fresh'], { cwd: projectRoot, env: { ...process.env } });
    try {
      const [loginUrl] = await waitForLine(child, /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/, 90_000);
      browser = await launchBrowser();
      const page = await browser.newPage();
      await page.goto(loginUrl ?? '');
      await page.getByText('Other hosts, from KIZUNA_SERVICES').waitFor();
      await expect(page.getByText(/\.kizuna-dev\/demo\/services\.json/).first().isVisible()).resolves.toBe(true);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
