/** Request/response pairs captured during a case, with every secret masked before anyone can see them. */
import { redactXml } from '../../mock-server/control/journal/redact';

/**
 * The emulator journal's redaction, re-exported for the suite's captures: one forward scan (linear on hostile
 * text), secret elements by local name with any prefix (wire/secret-names.ts, the one list), unterminated ones
 * hidden to the end, tickets in URLs. Used on requests and responses alike: a real site's AuthenticateUser answer
 * carries a live session ticket.
 */
export { redactXml };

export interface CapturedExchange {
  operation?: string;
  startedAt: number;
  /** Request body with passwords, session tickets and access tokens masked (as the response is). */
  request: string;
  status: number;
  response: string;
  result: 'SUCCESS' | 'FAILURE' | 'HTTP_ERROR' | 'DROPPED';
  exceptionID?: string;
  /** Fault the suite injected into this exchange, if any. */
  fault?: string;
  /** Request elements the emulator's catalog does not know (silently ignored by Webex). */
  ignoredElements?: string[];
}

/** Also mask secrets that travel as JSON (stdio protocol lines, adapter arguments). */
export function redactJson(text: string): string {
  return text.replace(/("(?:password|newPassword|accessToken|passwordHintAnswer|clientSecret|refreshToken|client_secret|refresh_token|access_token)"\s*:\s*)"(?:[^"\\]|\\.)*"/g, '$1"******"');
}

/** Text an adapter wrote (messages, stderr), which may quote what it sent as XML or JSON. */
export function redactText(text: string): string {
  return redactJson(redactXml(text));
}
