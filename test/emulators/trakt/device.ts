import { html, json, type EmulatorRequest, type EmulatorResponse } from '../common/http-types';
import { parseChallenge, tokenBody, verifierMatches, type AuthStore, type DeviceCode } from './auth-store';
import { statusOnly } from './http';
import { activatedPage, activatePage, errorPage } from './pages';
import { oauthError, readParams } from './oauth';

export interface DeviceDeps {
  store: AuthStore;
  autoApprove: () => boolean;
  baseUrl: () => string;
  now: () => number;
}

const CODE = 'POST /oauth/device/code';
const POLL = 'POST /oauth/device/token';

/**
 * The device flow (spec: POST /oauth/device/code and /oauth/device/token; API-NOTES §3 "Device flow") and
 * the /activate page where the person approves or denies the user code.
 */
export function handleDevice(deps: DeviceDeps, request: EmulatorRequest, path: string): EmulatorResponse | undefined {
  if (path === '/oauth/device/code' && request.method === 'POST') return deviceCode(deps, request);
  if (path === '/oauth/device/token' && request.method === 'POST') return poll(deps, request);
  if (path === '/activate' && request.method === 'GET') return { ...html(200, activatePage(request.url.searchParams.get('code') ?? '')), endpoint: 'GET /activate' };
  const match = /^\/activate\/([^/]+)$/.exec(path);
  if (match && request.method === 'GET') return activateLink(deps, decodeURIComponent(match[1] as string));
  if (path === '/activate' && request.method === 'POST') return activateForm(deps, request);
  return undefined;
}

function deviceCode(deps: DeviceDeps, request: EmulatorRequest): EmulatorResponse {
  const params = readParams(request);
  if (!params) return oauthError('invalid_request', CODE);
  const client = deps.store.client(params.client_id);
  if (!client) return oauthError('invalid_client', CODE);
  const device = deps.store.createDevice(client.id, parseChallenge(params));
  return {
    ...json(200, {
      device_code: device.deviceCode,
      user_code: device.userCode,
      // The hosted activation page on the auth host (spec: "The QR code should use https://auth.trakt.tv/activate").
      verification_url: `${deps.baseUrl()}/activate`,
      expires_in: Math.round((device.expiresAt - deps.now()) / 1000),
      interval: device.interval,
    }),
    endpoint: CODE,
  };
}

/**
 * The documented status table: 200 tokens, 400 pending, 404 invalid code, 409 already used, 410 expired,
 * 418 denied, 429 polled faster than `interval`. Only 200 has a body; the spec declares none for the others.
 */
function poll(deps: DeviceDeps, request: EmulatorRequest): EmulatorResponse {
  const params = readParams(request);
  if (!params) return oauthError('invalid_request', POLL);
  const device = typeof params.code === 'string' ? deps.store.devices.get(params.code) : undefined;
  if (!device) return statusOnly(404, POLL);
  const auth = deps.store.authenticate(params);
  const pkce = device.challenge !== undefined && verifierMatches(device.challenge, params.code_verifier);
  if (!auth || auth.client.id !== device.clientId || (!auth.withSecret && !pkce)) return oauthError('invalid_client', POLL);
  if (device.status === 'used') return statusOnly(409, POLL);
  if (deps.store.isExpired(device)) return statusOnly(410, POLL);
  if (device.status === 'denied') return statusOnly(418, POLL);
  const now = deps.now();
  const tooSoon = device.lastPollAt !== undefined && now - device.lastPollAt < device.interval * 1000;
  device.lastPollAt = now;
  if (tooSoon) return statusOnly(429, POLL);
  if (device.status === 'pending') {
    // --auto-approve: "device codes approve after the first poll" (issue 3), so the next poll gets tokens.
    if (deps.autoApprove()) device.status = 'approved';
    return statusOnly(400, POLL);
  }
  device.status = 'used';
  return { ...json(200, tokenBody(deps.store.issue(device.clientId, !auth.withSecret))), endpoint: POLL };
}

function activateLink(deps: DeviceDeps, userCode: string): EmulatorResponse {
  const device = usable(deps, userCode);
  if (!device) return { ...html(404, errorPage('Invalid code', 'That code is invalid or has expired. Start again on your device.')), endpoint: 'GET /activate/{user_code}' };
  if (deps.autoApprove()) return { ...html(200, activatedPage(settle(device, true))), endpoint: 'GET /activate/{user_code}' };
  return { ...html(200, activatePage(device.userCode)), endpoint: 'GET /activate/{user_code}' };
}

function activateForm(deps: DeviceDeps, request: EmulatorRequest): EmulatorResponse {
  const params = readParams(request) ?? {};
  const device = usable(deps, String(params.user_code ?? ''));
  if (!device) return { ...html(404, activatePage(String(params.user_code ?? ''), 'That code is invalid or has expired.')), endpoint: 'POST /activate' };
  return { ...html(200, activatedPage(settle(device, params.decision !== 'deny'))), endpoint: 'POST /activate' };
}

function usable(deps: DeviceDeps, userCode: string): DeviceCode | undefined {
  const device = deps.store.deviceByUserCode(userCode);
  return device && device.status === 'pending' && !deps.store.isExpired(device) ? device : undefined;
}

function settle(device: DeviceCode, approve: boolean): boolean {
  device.status = approve ? 'approved' : 'denied';
  return approve;
}
