/**
 * Scrubs secrets from anything headed for a log. Two layers: values the secret store has seen (exact
 * matches, whatever their shape), and patterns for credentials that arrive before we know them
 * (Authorization headers, OAuth parameters, JSON token fields).
 */
const MASK = '[redacted]';
const MIN_KNOWN_SECRET_LENGTH = 6;

const patterns: Array<[RegExp, string]> = [
  [/\b(Bearer|Basic|token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${MASK}`],
  [/([?&#](?:access_token|refresh_token|id_token|code|code_verifier|client_secret|token|password|X-Plex-Token)=)[^&#\s"']+/gi, `$1${MASK}`],
  [/("(?:access_token|refresh_token|id_token|client_secret|password|token|secret|authToken|code_verifier)"\s*:\s*")[^"]*(")/gi, `$1${MASK}$2`],
  [/(X-Plex-Token["']?\s*[:=]\s*["']?)[A-Za-z0-9_-]+/gi, `$1${MASK}`],
];

export interface Redactor {
  /** Remember a secret so that any later occurrence in a log line is masked. */
  register(secret: string): void;
  redact(text: string): string;
}

export function createRedactor(): Redactor {
  const known = new Set<string>();
  return {
    register(secret) {
      if (secret.length >= MIN_KNOWN_SECRET_LENGTH) known.add(secret);
    },
    redact(text) {
      let out = text;
      for (const secret of known) out = out.split(secret).join(MASK);
      for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
      return out;
    },
  };
}
