import type { EmulatorRequest, EmulatorResponse } from '../common/http-types';

/**
 * A small route table for the two Plex hosts. Templates use the spec's own names (`/library/metadata/{ids}`), so
 * the request log's per-endpoint counters read like the spec.
 */

export type RouteHandler = (request: EmulatorRequest, params: Record<string, string>) => EmulatorResponse;

export interface Route {
  methods: readonly string[];
  template: string;
  pattern: RegExp;
  handle: RouteHandler;
}

export function route(methods: string | readonly string[], template: string, handle: RouteHandler): Route {
  const source = template
    .split('/')
    .map((part) => (/^\{\w+\}$/.test(part) ? `(?<${part.slice(1, -1)}>[^/]+)` : part.replace(/[.*+?^${}()|[\]\\:]/g, '\\$&')))
    .join('/');
  return { methods: typeof methods === 'string' ? [methods] : methods, template, pattern: new RegExp(`^${source}/?$`), handle };
}

export type Dispatch = { kind: 'found'; route: Route; params: Record<string, string> } | { kind: 'wrong-method'; template: string } | { kind: 'none' };

export function dispatch(routes: readonly Route[], request: EmulatorRequest): Dispatch {
  let wrongMethod: string | undefined;
  for (const candidate of routes) {
    const match = candidate.pattern.exec(request.url.pathname);
    if (!match) continue;
    if (!candidate.methods.includes(request.method)) {
      wrongMethod ??= candidate.template;
      continue;
    }
    const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)]));
    return { kind: 'found', route: candidate, params };
  }
  return wrongMethod ? { kind: 'wrong-method', template: wrongMethod } : { kind: 'none' };
}

/** Names the request for the log and the per-endpoint counters, e.g. "GET /library/metadata/{ids}/children". */
export function labelled(response: EmulatorResponse, request: EmulatorRequest, template: string): EmulatorResponse {
  const label = `${request.method} ${template}`;
  return { ...response, label: response.label ?? label, endpoint: response.endpoint ?? label };
}
