import { seededRandom, type Random } from './random';

/**
 * What can go wrong on the wire. `rate-limited` and `expire-token` are answered by the service itself, in
 * its own real shapes (AniList's 429 body, Trakt's Cloudflare page, MAL's invalid_token), so a client is
 * tested against what the real service sends, not a generic error.
 */
export type FaultAction =
  | { kind: 'status'; status: 500 | 502 | 503 | 504 }
  | { kind: 'rate-limited' }
  | { kind: 'delay'; ms: number }
  | { kind: 'timeout' }
  | { kind: 'reset' }
  | { kind: 'truncate' }
  | { kind: 'malformed' }
  | { kind: 'expire-token' };

export interface FaultRule {
  /** Service name (anilist, mal, trakt, plex, plextv); all when absent. */
  service?: string;
  method?: string;
  /** Matched against the URL path, or against the request's label (e.g. a GraphQL operation name). */
  path?: string | RegExp;
  /** Let this many matching requests through first. */
  after?: number;
  /** Fire this many times, then stop (default: every time). */
  times?: number;
  action: FaultAction;
}

export interface RandomFaults {
  seed: number;
  /** Chance per request, 0..1. */
  probability: number;
  actions: FaultAction[];
  services?: string[];
  /** Paths random faults leave alone (e.g. a token endpoint whose lost answer no client can recover from). */
  sparePaths?: RegExp;
}

export interface FaultPlan {
  rules?: FaultRule[];
  random?: RandomFaults;
}

export interface FaultRequestInfo {
  service: string;
  method: string;
  path: string;
}

interface LiveRule extends FaultRule {
  seen: number;
  fired: number;
}

/** Decides, per request, which fault (if any) applies. Rules first, in order; then the random plan. */
export class FaultInjector {
  private rules: LiveRule[] = [];
  private random: { plan: RandomFaults; next: Random } | undefined;

  constructor(plan: FaultPlan = {}) {
    for (const rule of plan.rules ?? []) this.add(rule);
    if (plan.random) this.setRandom(plan.random);
  }

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, seen: 0, fired: 0 });
  }

  setRandom(plan: RandomFaults | undefined): void {
    this.random = plan ? { plan, next: seededRandom(plan.seed) } : undefined;
  }

  clear(): void {
    this.rules = [];
    this.random = undefined;
  }

  choose(request: FaultRequestInfo): FaultAction | undefined {
    for (const rule of this.rules) {
      if (!matches(rule, request)) continue;
      rule.seen += 1;
      if (rule.seen <= (rule.after ?? 0)) continue;
      if (rule.fired >= (rule.times ?? Number.POSITIVE_INFINITY)) continue;
      rule.fired += 1;
      return rule.action;
    }
    const spared = this.random?.plan.sparePaths?.test(request.path) ?? false;
    if (this.random && !spared && (!this.random.plan.services || this.random.plan.services.includes(request.service))) {
      if (this.random.next() < this.random.plan.probability) {
        const actions = this.random.plan.actions;
        return actions[Math.floor(this.random.next() * actions.length)];
      }
    }
    return undefined;
  }
}

function matches(rule: FaultRule, request: FaultRequestInfo): boolean {
  if (rule.service && rule.service !== request.service) return false;
  if (rule.method && rule.method.toUpperCase() !== request.method) return false;
  if (rule.path instanceof RegExp) return rule.path.test(request.path);
  if (typeof rule.path === 'string') return request.path === rule.path || request.path.startsWith(`${rule.path}?`);
  return true;
}
