/**
 * Cache keys as canonical JSON: object keys sorted and undefined parts dropped, so `{ page: 1, query: 'x' }`
 * and `{ query: 'x', page: 1, type: undefined }` are one key (the request they describe is the same), while
 * every part that changes the answer (query, type, page, ids) stays in it. Callers put the service in the
 * namespace, not here, so two services can never share an entry.
 */

export type KeyPart = string | number | boolean | null | undefined | readonly KeyPart[] | { readonly [name: string]: KeyPart };

export function cacheKey(part: KeyPart): string {
  return JSON.stringify(canonical(part)) ?? 'null';
}

function canonical(part: KeyPart): unknown {
  if (part === undefined) return null;
  if (part === null || typeof part !== 'object') {
    // NaN and Infinity would all print as null and collide; a key must tell them apart.
    if (typeof part === 'number' && !Number.isFinite(part)) return `number:${String(part)}`;
    return part;
  }
  if (Array.isArray(part)) return part.map((item: KeyPart) => canonical(item));
  const record = part as { readonly [name: string]: KeyPart };
  const sorted: Record<string, unknown> = {};
  for (const name of Object.keys(record).sort()) {
    const value = record[name];
    if (value !== undefined) sorted[name] = canonical(value);
  }
  return sorted;
}

/** Ids whose order and repeats do not change the answer (the clients sort lookups by id), as a sorted set. */
export function idSet(ids: readonly number[]): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}
