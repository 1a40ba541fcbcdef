import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServicesConfig, realServices } from '../../../../main/app/services-config';
import { useTempDirs } from '../../../support/temp-dir';

const tempDir = useTempDirs();

describe('services config', () => {
  it('uses the real hosts unless KIZUNA_SERVICES is set', () => {
    expect(loadServicesConfig({})).toBe(realServices);
    expect(realServices.trakt.auth).toBe('https://auth.trakt.tv');
  });

  it('reads a services file', () => {
    const file = join(tempDir(), 'services.json');
    const local = {
      anilist: { api: 'http://127.0.0.1:1/graphql', auth: 'http://127.0.0.1:1/api/v2/oauth' },
      mal: { api: 'http://127.0.0.1:2/v2', auth: 'http://127.0.0.1:2/v1/oauth2' },
      trakt: { api: 'http://127.0.0.1:3', auth: 'http://127.0.0.1:3' },
      plextv: { api: 'http://127.0.0.1:4/api/v2', auth: 'http://127.0.0.1:4/auth' },
    };
    writeFileSync(file, JSON.stringify(local));
    expect(loadServicesConfig({ KIZUNA_SERVICES: file })).toEqual(local);
  });

  it('says what is wrong with a bad file and how to fix it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.json'), '{"anilist":');
    expect(() => loadServicesConfig({ KIZUNA_SERVICES: join(dir, 'broken.json') })).toThrow(/could not be read as JSON.*unset KIZUNA_SERVICES/);
    writeFileSync(join(dir, 'partial.json'), JSON.stringify({ anilist: { api: 'not a url', auth: 'http://x' } }));
    expect(() => loadServicesConfig({ KIZUNA_SERVICES: join(dir, 'partial.json') })).toThrow(/anilist\.api.*--write-services/);
    expect(() => loadServicesConfig({ KIZUNA_SERVICES: join(dir, 'missing.json') })).toThrow(/could not be read/);
  });
});
