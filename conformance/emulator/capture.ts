/** Request/response pairs captured during a case, with every secret masked before anyone can see them. */

export interface CapturedExchange {
  operation?: string;
  startedAt: number;
  /** Request body with passwords, session tickets and access tokens replaced by ******. */
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

const SECRET_ELEMENTS = /<((?:[\w-]+:)?(?:password|sessionTicket|webExAccessToken|accessToken|passwordHintAnswer))>[\s\S]*?<\/\1>/g;

export function redactXml(xml: string): string {
  return xml.replace(SECRET_ELEMENTS, (_m, tag: string) => `<${tag}>******</${tag}>`);
}

/** Also mask secrets that travel as JSON (stdio protocol lines, adapter arguments). */
export function redactJson(text: string): string {
  return text.replace(/("(?:password|newPassword|accessToken|passwordHintAnswer|clientSecret|refreshToken|client_secret|refresh_token|access_token)"\s*:\s*)"(?:[^"\\]|\\.)*"/g, '$1"******"');
}

/** Text an adapter wrote (messages, stderr), which may quote what it sent as XML or JSON. */
export function redactText(text: string): string {
  return redactJson(redactXml(text));
}
