import { describe, expect, it } from 'vitest';
import { loadBuiltInClients, parseBuiltInClients } from '../../../../../main/auth/clients/built-in-clients';

describe('built-in API clients', () => {
  it('prefers the services file, then KIZUNA_BUILT_IN_CLIENTS, and is empty otherwise', () => {
    const fromFile = { mal: { clientId: 'file-mal' } };
    expect(loadBuiltInClients({ KIZUNA_BUILT_IN_CLIENTS: '{"mal":{"clientId":"env-mal"}}' }, fromFile)).toBe(fromFile);
    expect(loadBuiltInClients({ KIZUNA_BUILT_IN_CLIENTS: '{"mal":{"clientId":"env-mal"}}' }, undefined)).toEqual({ mal: { clientId: 'env-mal' } });
    expect(loadBuiltInClients({}, undefined)).toEqual({});
  });

  it('names what is wrong with a bad value', () => {
    expect(() => parseBuiltInClients('{', 'KIZUNA_BUILT_IN_CLIENTS')).toThrow(/KIZUNA_BUILT_IN_CLIENTS is not JSON/);
    expect(() => parseBuiltInClients('{"trakt":{"clientId":""}}', 'X')).toThrow(/trakt\.clientId/);
    expect(() => parseBuiltInClients('{"netflix":{"clientId":"a"}}', 'X')).toThrow(/does not describe API clients/);
  });
});
