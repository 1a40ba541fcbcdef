import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { challengeFor, createPkce, createVerifier, verifierPattern } from '../../../../main/auth/pkce';

describe('PKCE (RFC 7636)', () => {
  it('makes 43-128 character verifiers from the unreserved set, different every time', () => {
    for (const length of [43, 64, 128]) expect(createVerifier(length)).toMatch(verifierPattern);
    expect(createVerifier()).toHaveLength(64);
    expect(createVerifier()).not.toBe(createVerifier());
    expect(() => createVerifier(42)).toThrow(RangeError);
    expect(() => createVerifier(129)).toThrow(RangeError);
  });

  it('plain is the verifier (MAL); S256 is base64url(sha256) without padding (Trakt)', () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(challengeFor(verifier, 'plain')).toBe(verifier);
    // RFC 7636 Appendix B's example.
    expect(challengeFor(verifier, 'S256')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const pkce = createPkce('S256');
    expect(pkce.challenge).toBe(createHash('sha256').update(pkce.verifier).digest('base64url'));
    expect(() => challengeFor('short', 'plain')).toThrow(RangeError);
  });
});
