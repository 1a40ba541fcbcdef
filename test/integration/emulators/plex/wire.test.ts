import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { keys } from './fixture-world';
import { itemFor, plexTvHeaders, sectionId, startPlexHarness, type PlexHarness } from './harness';

let harness: PlexHarness;
afterEach(async () => harness?.close());

const unauthorized = '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>';

describe('Media Server wire format', () => {
  it('answers the same request as XML by default and as JSON with Accept: application/json', async () => {
    harness = await startPlexHarness();
    const path = `/library/sections/${sectionId(harness.state, 'tv')}/all?includeGuids=1`;
    const xmlResponse = await harness.pms(path, { xml: true });
    expect(xmlResponse.headers.get('content-type')).toBe('text/xml;charset=utf-8');
    const xmlText = await xmlResponse.text();
    expect(xmlText.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<MediaContainer size="1"')).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['Directory', 'Guid', 'Genre'].includes(name) }).parse(xmlText) as {
      MediaContainer: { size: string; Directory: Array<Record<string, unknown> & { Guid: Array<{ id: string }> }> };
    };

    const jsonResponse = await harness.pms(path);
    expect(jsonResponse.headers.get('content-type')).toBe('application/json');
    const json = ((await jsonResponse.json()) as { MediaContainer: { size: number; Metadata: Array<Record<string, unknown>> } }).MediaContainer;

    const fromXml = parsed.MediaContainer.Directory[0];
    const fromJson = json.Metadata[0];
    expect(Number(parsed.MediaContainer.size)).toBe(json.size);
    expect(fromXml?.ratingKey).toBe(fromJson?.ratingKey);
    expect(fromXml?.title).toBe(fromJson?.title);
    // XML writes numbers and booleans as text (leafCount="20", allowSync="1").
    expect(fromXml?.leafCount).toBe(String(fromJson?.leafCount));
    expect(fromXml?.Guid.map((guid) => guid.id)).toEqual((fromJson?.Guid as Array<{ id: string }>).map((guid) => guid.id));
    expect(xmlText).toMatch(/<MediaContainer [^>]*allowSync="1"/);
  });

  it('writes episodes as <Video>, tracks as <Track>, shows and seasons as <Directory>', async () => {
    harness = await startPlexHarness();
    const season = harness.state.library.children(itemFor(harness.state, keys.tvShow, 'show'))[0];
    expect(await (await harness.pms(`/library/metadata/${season?.ratingKey}/children`, { xml: true })).text()).toMatch(/<Video ratingKey="\d+" [^>]*type="episode"/);
    expect(await (await harness.pms(`/library/sections/${sectionId(harness.state, 'music')}/all?type=10`, { xml: true })).text()).toMatch(/<Track [^>]*type="track"/);
  });
});

describe('Media Server tokens', () => {
  it('takes X-Plex-Token from the header or the query string', async () => {
    harness = await startPlexHarness();
    expect((await harness.pms('/library/sections')).status).toBe(200);
    expect((await harness.pms(`/library/sections?X-Plex-Token=${harness.serverToken()}`, { token: null })).status).toBe(200);
    expect((await harness.pms('/library/sections', { token: harness.userToken() })).status).toBe(200);
  });

  it('answers 401 with the PMS HTML page, even to JSON clients, when the token is missing or wrong', async () => {
    harness = await startPlexHarness();
    for (const token of [null, 'wrong-token']) {
      const response = await harness.pms('/library/sections', { token });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('text/html');
      expect(await response.text()).toBe(unauthorized);
    }
    expect((await harness.pms('/playlists?type=audio&title=x', { method: 'POST', token: null })).status).toBe(401);
  });

  it('serves /identity without a token, as a real server does', async () => {
    harness = await startPlexHarness();
    const response = await harness.pms('/identity', { token: null });
    expect(((await response.json()) as { MediaContainer: Record<string, unknown> }).MediaContainer).toMatchObject({ machineIdentifier: harness.state.library.machineIdentifier });
  });

  it('rotates the server token when the expire-token fault hits it; /resources then hands out the new one', async () => {
    harness = await startPlexHarness({ faults: { rules: [{ service: 'plex', path: '/library/sections', times: 1, action: { kind: 'expire-token' } }] } });
    const old = harness.serverToken();
    expect((await harness.pms('/library/sections', { token: old })).status).toBe(401);
    expect((await harness.pms('/library/sections', { token: old })).status).toBe(401);
    const resources = await fetch(`${harness.plextvUrl}/api/v2/resources`, { headers: plexTvHeaders({ 'x-plex-token': harness.userToken() }) });
    const [server] = (await resources.json()) as Array<{ accessToken: string }>;
    expect(server?.accessToken).not.toBe(old);
    expect((await harness.pms('/library/sections', { token: server?.accessToken ?? '' })).status).toBe(200);
  });

  it('answers the rate-limited fault with an artificial plain 429 (Plex documents no limits)', async () => {
    harness = await startPlexHarness({ faults: { rules: [{ service: 'plex', times: 1, action: { kind: 'rate-limited' } }] } });
    const limited = await harness.pms('/library/sections');
    expect(limited.status).toBe(429);
    expect(await limited.text()).toBe('Too Many Requests');
    expect((await harness.pms('/library/sections')).status).toBe(200);
  });

  it('logs each request under its spec-style endpoint for the per-endpoint counters', async () => {
    harness = await startPlexHarness();
    const show = itemFor(harness.state, keys.splitShow, 'show');
    await harness.pms(`/library/metadata/${show.ratingKey}/children`);
    await harness.pms(`/library/metadata/${show.ratingKey}/children`, { token: null });
    expect(harness.log.counters('plex')).toEqual({ 'plex GET /library/metadata/{ids}/children': 2 });
    expect(harness.log.forService('plex').map((entry) => entry.status)).toEqual([200, 401]);
  });

  it('applies limits.defaultPageSize to lists requested without a size, and rejects unknown limits', async () => {
    harness = await startPlexHarness({ plexLimits: { defaultPageSize: 2 } });
    const page = await harness.container(`/library/sections/${sectionId(harness.state, 'movies')}/all`);
    expect(page).toMatchObject({ size: 2, offset: 0, totalSize: 3 });
    await expect(startPlexHarness({ plexLimits: { perMinute: 30 } })).rejects.toThrow(/unknown or invalid limit perMinute/);
  });
});
