import { bearerToken, type EmulatorRequest, type EmulatorResponse } from '../common/http-types';
import type { ServiceOptions } from '../common/options';
import type { ServiceDefinition } from '../common/service';
import type { SeedWorld } from '../seed/world';
import { createApiHandler } from './api';
import { handleDevice } from './device';
import { statusOnly } from './http';
import { handleOAuth } from './oauth';
import { parseTraktLimits } from './options';
import { TraktState } from './state';

export type { TraktClient, TraktLimits } from './options';
export { defaultTraktClient } from './options';
export type { TraktState } from './state';

export type TraktService = ServiceDefinition & { state: TraktState };

/**
 * The Trakt emulator: one server answers both the auth host's paths (/oauth/*, /activate; auth.trakt.tv
 * for "all OAuth requests", API-NOTES §3) and the API host's (api.trakt.tv). `options.limits` takes the keys
 * in options.ts; the clock drives token expiry, device codes and rate windows.
 */
export function createTraktService(world: SeedWorld, options: ServiceOptions): TraktService {
  const state = new TraktState(world, options.clock, parseTraktLimits(options.limits), options.autoApprove);
  let baseUrl = 'http://127.0.0.1';
  const api = createApiHandler(state);
  const authDeps = {
    store: state.auth,
    username: state.user.username,
    autoApprove: () => state.autoApprove,
    baseUrl: () => baseUrl,
    now: () => state.clock.now(),
  };

  const handle = (request: EmulatorRequest): EmulatorResponse => {
    const path = request.url.pathname.replace(/\/+$/, '') || '/';
    if (path.startsWith('/oauth/') || path === '/activate' || path.startsWith('/activate/')) {
      return handleDevice(authDeps, request, path) ?? handleOAuth(authDeps, request, path) ?? statusOnly(404, undefined);
    }
    return api.handle(request);
  };

  return {
    name: 'trakt',
    state,
    handle,
    tooManyRequests: (request) => {
      const bucket = api.bucketFor(request);
      return state.rateLimiter.tooMany(bucket.name, state.rateLimiter.nextSlot(bucket), undefined, false);
    },
    expireToken: (request) => {
      const token = bearerToken(request);
      if (token) state.auth.expire(token);
    },
    setBaseUrl: (url) => {
      baseUrl = url;
    },
  };
}
