import { z } from 'zod';

/**
 * Reads a JWT's payload without verifying its signature: the client has no key, and only learns the user id
 * and expiry from it, as AniList's docs suggest ("Decoding the JWT gives the user id and the expiry",
 * API-NOTES §1). The service checks the signature on every call.
 */

const segment = /^[A-Za-z0-9_-]+$/;

const payloadSchema = z.object({ exp: z.number().optional(), sub: z.union([z.string(), z.number()]).optional() }).passthrough();
export type JwtPayload = z.infer<typeof payloadSchema>;

/** The payload, or undefined when `token` is not a well-formed JWT (three base64url parts, JSON header and payload). */
export function readJwt(token: string): JwtPayload | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => segment.test(part))) return undefined;
  try {
    const header: unknown = JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8'));
    if (typeof header !== 'object' || header === null) return undefined;
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
