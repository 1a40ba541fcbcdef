import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { screenTitles, screens } from '../../renderer/state/router';
import { itWhen } from '../support/environment';
import { useTempDirs } from '../support/temp-dir';
import { browserRequirement } from './support/browser';
import { startConnectedHost, type ConnectedHost } from './support/connected-host';
import { screenshotDir } from './support/headless-host';

const itWithBrowser = itWhen(browserRequirement.available, browserRequirement.skipNote);
const tempDir = useTempDirs();
const themes = ['light', 'dark'] as const;
let world: ConnectedHost | undefined;

afterAll(async () => {
  await world?.close();
});

interface Finding {
  screen: string;
  theme: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

async function seriousViolations(page: Page, screen: string, theme: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      screen,
      theme,
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
}

/** Tabs through the first controls of the screen and names those that show no focus ring at all. */
async function controlsWithoutVisibleFocus(page: Page, presses: number): Promise<string[]> {
  const unmarked: string[] = [];
  await page.locator('main').first().focus().catch(() => undefined);
  for (let index = 0; index < presses; index += 1) {
    await page.keyboard.press('Tab');
    const verdict = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (style.boxShadow !== 'none' && style.boxShadow !== '');
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? element.tagName;
      return ring ? null : `${element.tagName.toLowerCase()} "${name}"`;
    });
    if (verdict) unmarked.push(verdict);
  }
  return unmarked;
}

describe('accessibility of every screen (axe-core in Chromium, light and dark)', () => {
  itWithBrowser(
    'finds no serious or critical violation and shows a focus ring on every control reached by Tab',
    async () => {
      world = await startConnectedHost({ dir: tempDir() });
      // Screens with data: a synced library, a review queue and a run in the history.
      await world.rpc('sync.run', { confirm: true });
      mkdirSync(screenshotDir, { recursive: true });
      const findings: Finding[] = [];
      const unfocused: string[] = [];
      for (const theme of themes) {
        await world.rpc('settings.update', { appearance: { theme } });
        for (const screen of screens) {
          const title = screenTitles[screen];
          await world.open(title);
          await world.page.getByRole('heading', { level: 1, name: title }).first().waitFor();
          // Data screens load after the heading shows; give them their first answer.
          await world.page.waitForLoadState('networkidle').catch(() => undefined);
          findings.push(...(await seriousViolations(world.page, screen, theme)));
          await world.page.screenshot({ path: join(screenshotDir, `a11y-${screen}-${theme}.png`), fullPage: true });
          if (theme === 'light') unfocused.push(...(await controlsWithoutVisibleFocus(world.page, 12)).map((control) => `${screen}: ${control}`));
        }
      }
      expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
      expect(unfocused).toEqual([]);
    },
    300_000,
  );
});
