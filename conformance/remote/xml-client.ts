/** The suite's own minimal XML API client (for its probes against a remote site; never the connector's). */
import { XMLParser } from 'fast-xml-parser';
import { catalog } from '../emulator/core';

/** A password, or (an SSO site refuses passwords) a webExAccessToken. */
export interface Credentials { siteName: string; webExId: string; password: string; accessToken?: string }

export interface XmlAnswer {
  result: 'SUCCESS' | 'FAILURE';
  exceptionID?: string;
  reason?: string;
  /** Parsed bodyContent (local names). */
  body: Record<string, unknown>;
}

const LIST_JPATHS = new Set(catalog.LISTS.map((l) => `message.body.bodyContent.${l.path.replace(/\//g, '.')}`));
const parser = new XMLParser({
  removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, trimValues: true, processEntities: true, htmlEntities: false,
  isArray: (_name, jpath) => LIST_JPATHS.has(String(jpath)) || String(jpath) === 'message.body.bodyContent.user',
});

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function envelope(who: Credentials, binding: string, body: string): string {
  return '<?xml version="1.0" encoding="UTF-8"?>'
    + '<serv:message xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:serv="http://www.webex.com/schemas/2002/06/service">'
    + `<header><securityContext><webExID>${escapeXml(who.webExId)}</webExID>${who.accessToken ? `<webExAccessToken>${escapeXml(who.accessToken)}</webExAccessToken>` : `<password>${escapeXml(who.password)}</password>`}<siteName>${escapeXml(who.siteName)}</siteName></securityContext></header>`
    + `<body><bodyContent xsi:type="java:com.webex.service.binding.${binding}">${body}</bodyContent></body></serv:message>`;
}

export async function call(url: string, who: Credentials, binding: string, body: string): Promise<XmlAnswer> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=UTF-8' }, body: envelope(who, binding, body), signal: AbortSignal.timeout(30_000) })
    .catch((error: unknown) => { throw new Error(`cannot reach ${url}: ${networkCause(error)}`); });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`${binding}: HTTP ${res.status} from ${url}`);
  const doc = parser.parse(text) as { message?: { header?: { response?: Record<string, unknown> }; body?: { bodyContent?: unknown } } };
  const response = doc.message?.header?.response ?? {};
  const content = doc.message?.body?.bodyContent;
  return {
    result: response.result === 'SUCCESS' ? 'SUCCESS' : 'FAILURE',
    exceptionID: typeof response.exceptionID === 'string' ? response.exceptionID : undefined,
    reason: typeof response.reason === 'string' ? response.reason : undefined,
    body: content && typeof content === 'object' ? content as Record<string, unknown> : {},
  };
}

export async function expectSuccess(url: string, who: Credentials, binding: string, body: string): Promise<XmlAnswer> {
  const answer = await call(url, who, binding, body);
  if (answer.result !== 'SUCCESS') throw new Error(`${binding.split('.').pop()} failed: ${answer.exceptionID ?? ''} ${answer.reason ?? ''}`.trim());
  return answer;
}

/** Why a request got no answer, in words: fetch's own message is only "fetch failed". */
export function networkCause(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string; hostname?: string } };
  if (e?.name === 'TimeoutError') return 'no answer within 30 s';
  const c = e?.cause;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused (nothing listens there)', ENOTFOUND: `host not found${c?.hostname ? ` (${c.hostname})` : ''}`,
    ECONNRESET: 'connection reset', ETIMEDOUT: 'connection timed out', EHOSTUNREACH: 'host unreachable',
    CERT_HAS_EXPIRED: 'its TLS certificate has expired', DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  };
  if (c?.code && known[c.code]) return `${known[c.code]} [${c.code}]`;
  return c?.message ?? c?.code ?? e?.message ?? String(error);
}
