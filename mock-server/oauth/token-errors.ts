/**
 * Error answers of the token endpoint. The JSON body has the shape of every Webex REST error —
 * `{ message, errors: [{ description }], trackingId }` — with the RFC 6749 §5.2 code in the message, as the
 * Webex token endpoint passes on its identity broker's error. 401 for a bad client, 400 for the rest.
 * Texts are the emulator's (no public capture of these bodies); see docs/oauth.md.
 */
import { randomUUID } from 'node:crypto';

export type TokenErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type';

const STATUS: Record<TokenErrorCode, 400 | 401> = { invalid_request: 400, invalid_client: 401, invalid_grant: 400, unsupported_grant_type: 400 };

export const TOKEN_ERROR_TEXT: Record<TokenErrorCode, string> = {
  invalid_request: 'The request is missing a required parameter',
  invalid_client: 'The client id or client secret is invalid',
  invalid_grant: 'The authorization code or refresh token is invalid, expired, revoked or was issued to another client',
  unsupported_grant_type: 'The grant type is not supported (authorization_code, refresh_token)',
};

export function tokenError(code: TokenErrorCode, detail?: string): { status: number; headers: Record<string, string>; body: string } {
  const message = `(${code}) ${detail ?? TOKEN_ERROR_TEXT[code]}`;
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', Pragma: 'no-cache', 'Content-Type': 'application/json; charset=utf-8' };
  if (code === 'invalid_client') headers['WWW-Authenticate'] = 'Basic realm="webex"';
  return { status: STATUS[code], headers, body: JSON.stringify({ message, errors: [{ description: message }], trackingId: `ROUTER_${randomUUID()}` }) };
}
