import { json, type EmulatorResponse } from '../common/http-types';

/**
 * MAL's error bodies. The spec's "Common formats" gives `{"error": "invalid_token", "message": "token is
 * invalid"}` (API-NOTES.md §4). Parameter errors come as `{"message": …, "error": "bad_request"}`, the shape
 * clients report for a bad search query ("invalid q", github.com/iankiller77/MyAnimeSync/pull/5,
 * aniyomiorg/aniyomi#1761) and for an unknown update field ("This form should not contain extra fields.",
 * github.com/SuperMarcus/myanimelist-api-specification/issues/1). The 403 body is the one reported in
 * SuperMarcus/myanimelist-api-specification#5.
 */
export function invalidToken(): EmulatorResponse {
  return json(401, { error: 'invalid_token', message: 'token is invalid' });
}

export function badRequest(message: string): EmulatorResponse {
  return json(400, { message, error: 'bad_request' });
}

export function notFound(): EmulatorResponse {
  return json(404, { message: '', error: 'not_found' });
}

/** MAL's throttle answer: the spec lists only "403 Forbidden – DoS detected"; no Retry-After is documented. */
export function forbidden(): EmulatorResponse {
  return json(403, { message: '', error: 'forbidden' });
}

/**
 * OAuth errors. MAL's authorization server answers with thephpleague/oauth2-server's texts, as the errors
 * clients quote show (`invalid_grant` … "Failed to verify `code_verifier`." in Chris-Kode/myanimelist-api-v2#3;
 * "Check the `code_verifier` parameter" in pilcrowonpaper/arctic#195; "The refresh token is invalid." /
 * "Token is not linked to client" in kodjodevf/mangayomi#534). Messages below are that library's
 * OAuthServerException texts (src/Exception/OAuthServerException.php).
 */
export type OAuthErrorKind = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'invalid_refresh_token' | 'unsupported_grant_type';

const oauthErrors: Record<OAuthErrorKind, { status: number; error: string; message: string }> = {
  invalid_request: {
    status: 400,
    error: 'invalid_request',
    message: 'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
  },
  invalid_client: { status: 401, error: 'invalid_client', message: 'Client authentication failed' },
  invalid_grant: {
    status: 400,
    error: 'invalid_grant',
    message:
      'The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  },
  // league's invalidRefreshToken(): error type invalid_request, HTTP 401.
  invalid_refresh_token: { status: 401, error: 'invalid_request', message: 'The refresh token is invalid.' },
  unsupported_grant_type: { status: 400, error: 'unsupported_grant_type', message: 'The authorization grant type is not supported by the authorization server.' },
};

export class OAuthError extends Error {
  constructor(
    readonly kind: OAuthErrorKind,
    readonly hint?: string,
  ) {
    super(hint ?? kind);
  }

  /** league's invalidRequest($parameter): the default hint names the parameter. */
  static missing(parameter: string): OAuthError {
    return new OAuthError('invalid_request', `Check the \`${parameter}\` parameter`);
  }

  toResponse(): EmulatorResponse {
    const { status, error, message } = oauthErrors[this.kind];
    const body: Record<string, string> = { error, message };
    if (this.hint !== undefined) body.hint = this.hint;
    const headers: Record<string, string> = this.kind === 'invalid_client' ? { 'www-authenticate': 'Basic realm="OAuth"' } : {};
    return json(status, body, headers);
  }
}
