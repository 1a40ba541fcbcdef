import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openDatabase } from '../../../main/db/open-database';
import { startEmulators, type RunningEmulators } from '../../emulators/start-emulators';
import { installSeedMappings } from '../../emulators/seed/mapping-links';
import type { SeedName } from '../../emulators/seed/world';
import { launchBrowser } from './browser';
import { ensureRendererBuilt, startHeadlessHost, type RunningHost } from './headless-host';

export type ServiceLabel = 'AniList' | 'MyAnimeList' | 'Trakt' | 'Plex';
export const allServiceLabels: readonly ServiceLabel[] = ['AniList', 'MyAnimeList', 'Trakt', 'Plex'];

export interface ConnectedHost {
  emulators: RunningEmulators;
  host: RunningHost;
  browser: Browser;
  context: BrowserContext;
  /** Signed in to the headless host, left on the Accounts screen. */
  page: Page;
  dataDir: string;
  /** Calls a contract method over the host's HTTP API with the page's session; throws on an error answer. */
  rpc<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** Opens a screen by its sidebar link ("Library", "Matches", …). */
  open(screen: string): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectedHostOptions {
  /** An empty folder for this test's data (useTempDirs()). */
  dir: string;
  seed?: SeedName;
  /** Which accounts to connect through the Accounts screen; all four by default. */
  connect?: readonly ServiceLabel[];
}

/**
 * The emulators (auto-approving sign-ins, as `npm run demo` does), the seed's ID tables installed, the
 * headless host, Chromium signed in, and the chosen accounts connected through the real Accounts screen.
 * Each end-to-end test of a screen that needs data starts from here.
 */
export async function startConnectedHost(options: ConnectedHostOptions): Promise<ConnectedHost> {
  ensureRendererBuilt();
  const emulators = await startEmulators({ seed: options.seed ?? 'small', autoApprove: true });
  const dataDir = join(options.dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const servicesFile = join(options.dir, 'services.json');
  writeFileSync(servicesFile, JSON.stringify(emulators.servicesConfig));
  const db = openDatabase(join(dataDir, 'kizuna.db'));
  try {
    installSeedMappings(db, emulators.world);
  } finally {
    db.close();
  }
  const host = await startHeadlessHost(dataDir, { KIZUNA_SERVICES: servicesFile, KIZUNA_SECRET_STORE: 'encrypted-file', KIZUNA_SECRET_KEY: 'e2e-secret-key-0123456789' });
  const browser = await launchBrowser();
  const context = await browser.newContext();
  const page = await context.newPage();
  const open = async (screen: string) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen, exact: true }).click();
  };
  const rpc = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const response = await page.request.post(`${host.baseUrl}/rpc/${method}`, { data: input ?? {} });
    const body = (await response.json()) as { value?: T; error?: { message?: string } };
    if (!response.ok() || body.error) throw new Error(`${method} failed (${response.status()}): ${body.error?.message ?? JSON.stringify(body)}`);
    return body.value as T;
  };
  const close = async () => {
    await browser.close().catch(() => undefined);
    await host.stop();
    await emulators.close();
  };
  try {
    await page.goto(host.loginUrl);
    await open('Accounts');
    for (const label of options.connect ?? allServiceLabels) await connectAccount(context, page, label);
  } catch (error) {
    await close();
    throw error;
  }
  return { emulators, host, browser, context, page, dataDir, rpc, open, close };
}

/** Clicks Connect and, for services with a sign-in page, opens it; the emulators approve on their own. */
async function connectAccount(context: BrowserContext, page: Page, label: ServiceLabel): Promise<void> {
  await page.getByRole('button', { name: `Connect ${label}` }).click();
  if (label !== 'Trakt') {
    const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: `Open the ${label} sign-in page` }).click()]);
    await page.getByRole('list', { name: `${label} accounts` }).getByRole('listitem').first().waitFor({ timeout: 30_000 });
    await tab.close();
  } else {
    await page.getByRole('list', { name: `${label} accounts` }).getByRole('listitem').first().waitFor({ timeout: 30_000 });
  }
}
