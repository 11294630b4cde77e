/**
 * Responses exactly as real sites write them (SPEC §1.4): one line, literal serv/com/use prefixes declared on
 * the root, xsi declared on bodyContent, gsbStatus always, reason/exceptionID/value on FAILURE.
 */
import { escapeXml } from './escape';
import { NS } from './namespaces';

export type GsbStatus = 'PRIMARY' | 'BACKUP';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const ROOT_OPEN = `<serv:message xmlns:serv="${NS.serv}" xmlns:com="${NS.com}" xmlns:use="${NS.use}">`;
const ROOT_CLOSE = '</serv:message>';

export interface SuccessOptions {
  gsbStatus?: GsbStatus;
  /** Extra namespace declarations for bodyContent (site and ep services use their own prefixes). */
  bodyNamespaces?: Record<string, string>;
  /** The root's declarations instead of serv/com/use (GetSite: serv, com, ns1, event; ep: serv, com, ep, meet). */
  rootNamespaces?: Record<string, string>;
}

const declarations = (ns: Record<string, string>): string => Object.entries(ns).map(([p, uri]) => ` xmlns:${p}="${uri}"`).join('');

export function successEnvelope(responseType: string, inner: string, opts: SuccessOptions = {}): string {
  if (inner === '') return successEnvelopeAround(responseType, opts, true)[0];
  const [before, after] = successEnvelopeAround(responseType, opts);
  return `${before}${inner}${after}`;
}

/**
 * The SUCCESS envelope as the text before and after a non-empty inner content (a page joined as bytes);
 * `empty`: the whole envelope with an empty bodyContent as `before`, `after` empty.
 */
export function successEnvelopeAround(responseType: string, opts: SuccessOptions = {}, empty = false): readonly [string, string] {
  // Most answers declare nothing extra: their envelope text is the same every time for a type and gsbStatus.
  if (opts.bodyNamespaces !== undefined || opts.rootNamespaces !== undefined) return buildAround(responseType, opts, empty);
  const key = `${responseType}|${opts.gsbStatus ?? 'PRIMARY'}|${empty ? 1 : 0}`;
  let around = plainEnvelopes.get(key);
  if (around === undefined) {
    // Bounded: a type is a catalog response type, but the key holds whatever xsi:type the caller passed.
    if (plainEnvelopes.size >= 256) plainEnvelopes.clear();
    plainEnvelopes.set(key, around = buildAround(responseType, opts, empty));
  }
  return around;
}

const plainEnvelopes = new Map<string, readonly [string, string]>();

function buildAround(responseType: string, opts: SuccessOptions, empty: boolean): readonly [string, string] {
  const ns = opts.bodyNamespaces ? declarations(opts.bodyNamespaces) : '';
  const open = `<serv:bodyContent xsi:type="${responseType}" xmlns:xsi="${NS.xsi}"${ns}`;
  const root = opts.rootNamespaces ? `<serv:message${declarations(opts.rootNamespaces)}>` : ROOT_OPEN;
  const head = `${DECL}${root}<serv:header><serv:response><serv:result>SUCCESS</serv:result><serv:gsbStatus>${opts.gsbStatus ?? 'PRIMARY'}</serv:gsbStatus></serv:response></serv:header><serv:body>`;
  const tail = `</serv:body>${ROOT_CLOSE}`;
  return empty ? [`${head}${open}/>${tail}`, ''] : [`${head}${open}>`, `</serv:bodyContent>${tail}`];
}

export interface FailureOptions {
  gsbStatus?: GsbStatus;
  /** serv:value: extra datum (110055 carries the session-type id). */
  value?: string;
  /** serv:subErrors/serv:subError entries (030048 carries AS0001). */
  subErrors?: readonly { id: string; reason: string; value?: string }[];
  /** "Fail to forward request" failures have <serv:body></serv:body> with no bodyContent. */
  withoutBodyContent?: boolean;
}

export function failureEnvelope(exceptionId: string, reason: string, opts: FailureOptions = {}): string {
  const subs = opts.subErrors?.length
    ? `<serv:subErrors>${opts.subErrors.map((e) => `<serv:subError><serv:exceptionID>${escapeXml(e.id)}</serv:exceptionID><serv:reason>${escapeXml(e.reason)}</serv:reason>${e.value ? `<serv:value>${escapeXml(e.value)}</serv:value>` : '<serv:value/>'}</serv:subError>`).join('')}</serv:subErrors>`
    : '';
  const value = opts.value !== undefined ? `<serv:value>${escapeXml(opts.value)}</serv:value>` : '';
  const body = opts.withoutBodyContent ? '<serv:body></serv:body>' : '<serv:body><serv:bodyContent/></serv:body>';
  return `${DECL}${ROOT_OPEN}<serv:header><serv:response><serv:result>FAILURE</serv:result><serv:reason>${escapeXml(reason)}</serv:reason><serv:gsbStatus>${opts.gsbStatus ?? 'PRIMARY'}</serv:gsbStatus><serv:exceptionID>${escapeXml(exceptionId)}</serv:exceptionID>${subs}${value}</serv:response></serv:header>${body}${ROOT_CLOSE}`;
}

export const RESPONSE_CONTENT_TYPE = 'text/xml;charset=UTF-8';
