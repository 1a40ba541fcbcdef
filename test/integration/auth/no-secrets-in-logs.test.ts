import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../main/app/logger';
import type { LogFields, LogLevel, Logger } from '../../../main/app/ports';
import { createRedactor } from '../../../main/app/redact';
import { acceptAniListToken, signInAniListImplicit, signInAniListWithCode } from '../../../main/auth/flows/anilist-flow';
import { refreshMalToken, signInMal } from '../../../main/auth/flows/mal-flow';
import { signInPlex } from '../../../main/auth/flows/plex-flow';
import { connectPlexManually } from '../../../main/auth/flows/plex-servers';
import { refreshTraktToken, revokeTraktToken, signInTrakt } from '../../../main/auth/flows/trakt-flow';
import { ANILIST, fakeBrowser, MAL, startAuthWorld, TRAKT, type AuthWorld } from './support';

/**
 * Issue 4 item 5: run every flow, then search the logs for every secret that passed by. Two loggers: the
 * app's (redacting) one, and a raw one that records fields as given, which proves the flows never hand a
 * secret to the logger at all rather than relying on the redactor to catch it.
 */

let world: AuthWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const sensitiveKeys = new Set(['access_token', 'refresh_token', 'code', 'code_verifier', 'code_challenge', 'client_secret', 'device_code', 'user_code', 'authToken', 'accessToken', 'token', 'X-Plex-Token']);

function collect(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) collect(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (sensitiveKeys.has(key) && typeof inner === 'string' && inner.length >= 6) into.add(inner);
      else collect(inner, into);
    }
  }
}

function collectText(text: string, into: Set<string>): void {
  try {
    collect(JSON.parse(text), into);
  } catch {
    collect(Object.fromEntries(new URLSearchParams(text)), into);
  }
}

describe('no secret reaches a log line', () => {
  it('after every flow, success and failure, the logs hold no token, code, verifier or secret', async () => {
    world = await startAuthWorld({ autoApprove: true });
    const secrets = new Set<string>([ANILIST.clientSecret, TRAKT.clientSecret]);
    const spy: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      collect(Object.fromEntries(url.searchParams), secrets);
      collect(init?.headers ?? {}, secrets);
      if (typeof init?.body === 'string' || init?.body instanceof URLSearchParams) collectText(String(init.body), secrets);
      const response = await fetch(input, init);
      collectText(await response.clone().text(), secrets);
      return response;
    };
    const lines: string[] = [];
    const raw: string[] = [];
    const app = createLogger({ redactor: createRedactor(), level: 'debug', sink: (line) => lines.push(line) });
    const rawLog = (level: LogLevel, message: string, fields?: LogFields) => void raw.push(JSON.stringify({ level, message, fields }));
    const logger: Logger = {
      log: (level, message, fields) => (rawLog(level, message, fields), app.log(level, message, fields)),
      debug: (message, fields) => (rawLog('debug', message, fields), app.debug(message, fields)),
      info: (message, fields) => (rawLog('info', message, fields), app.info(message, fields)),
      warn: (message, fields) => (rawLog('warn', message, fields), app.warn(message, fields)),
      error: (message, fields) => (rawLog('error', message, fields), app.error(message, fields)),
    };
    // The browser sees codes and fragments; record them as secrets too.
    const browser = fakeBrowser({ beforeReturn: (url) => collect(Object.fromEntries(url.searchParams), secrets) });
    const services = world.emulators.servicesConfig;
    const common = { services, browser, logger, fetch: spy, sleep: world.sleep, now: world.now, onPrompt: () => undefined };
    const failures: unknown[] = [];
    const expectFailure = (promise: Promise<unknown>) => promise.then(() => expect.fail('should have failed'), (error: unknown) => void failures.push(error));

    const anilist = await signInAniListWithCode({ ...common, ...ANILIST, port: world.port });
    const implicit = await signInAniListImplicit({ ...common, clientId: ANILIST.clientId, port: world.port });
    secrets.add(anilist.accessToken).add(implicit.accessToken);
    acceptAniListToken(implicit.accessToken, world.now);
    const mal = await signInMal({ ...common, clientId: MAL.clientId, port: world.port });
    await refreshMalToken({ ...common, clientId: MAL.clientId, refreshToken: mal.refreshToken ?? '' });
    await expectFailure(refreshMalToken({ ...common, clientId: MAL.clientId, refreshToken: mal.refreshToken ?? '' }));
    const trakt = await signInTrakt({ ...common, ...TRAKT });
    const traktPkce = await signInTrakt({ ...common, clientId: TRAKT.clientId });
    const refreshed = await refreshTraktToken({ ...common, ...TRAKT, refreshToken: trakt.refreshToken ?? '' });
    await expectFailure(refreshTraktToken({ ...common, ...TRAKT, refreshToken: trakt.refreshToken ?? '' }));
    await revokeTraktToken({ ...common, ...TRAKT, token: refreshed.accessToken });
    await revokeTraktToken({ ...common, clientId: TRAKT.clientId, token: traktPkce.accessToken });
    const plex = await signInPlex({ ...common, clientIdentifier: 'kizuna-log-test' });
    await connectPlexManually({ ...common, serverUrl: world.emulators.urls.plex, token: plex.servers[0]?.accessToken ?? '', clientIdentifier: 'kizuna-log-test' });
    await expectFailure(connectPlexManually({ ...common, serverUrl: world.emulators.urls.plex, token: 'not-the-token', clientIdentifier: 'kizuna-log-test' }));
    // Callers log failures; their messages must be as clean as the flows' own lines.
    for (const error of failures) logger.error('sign-in failed', { error });

    expect(failures).toHaveLength(3);
    expect(lines.length).toBeGreaterThan(10);
    expect(secrets.size).toBeGreaterThan(20);
    for (const secret of secrets) {
      for (const line of [...lines, ...raw]) expect(line.includes(secret), `a secret (${secret.slice(0, 4)}…) in: ${line.slice(0, 80)}`).toBe(false);
    }
  });
});
