import { escapeText } from './escape';

export const NS = {
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  serv: 'http://www.webex.com/schemas/2002/06/service',
  com: 'http://www.webex.com/schemas/2002/06/common',
  use: 'http://www.webex.com/schemas/2002/06/service/user',
  site: 'http://www.webex.com/schemas/2002/06/service/site',
} as const;

/** One element of a request body. `ns` is only written in qualified style. */
export interface XmlElement {
  name: string;
  ns?: 'use' | 'com' | 'serv' | 'site';
  text?: string;
  children?: XmlElement[];
}

/**
 * `plain`: unprefixed body elements, as Cisco's own examples and most clients send them.
 * `qualified`: body elements carry the use:/com:/serv: prefixes the schema puts them in (namespaces declared on the root).
 * Webex matches local names, so both work; the mock must accept both.
 */
export type NamespaceStyle = 'plain' | 'qualified';

export type Credentials =
  | { webExId: string; password: string }
  | { webExId: string; accessToken: string };

/** Credentials as configured: a password, a fixed access token, or a source of fresh OAuth tokens. */
export type ConfiguredCredentials = Credentials | { webExId: string; oauth: { current(): Promise<string>; refresh(): Promise<string> } };

export interface SecurityContext {
  siteName: string;
  credentials: Credentials;
}

export interface RequestSpec {
  /** Java binding class, e.g. `com.webex.service.binding.user.CreateUser`. */
  javaType: string;
  body: XmlElement[];
}

function serialize(el: XmlElement, style: NamespaceStyle): string {
  const tag = style === 'qualified' && el.ns ? `${el.ns}:${el.name}` : el.name;
  if (el.children && el.children.length > 0) {
    return `<${tag}>${el.children.map((c) => serialize(c, style)).join('')}</${tag}>`;
  }
  if (el.text === undefined || el.text === '') return `<${tag}/>`;
  return `<${tag}>${escapeText(el.text)}</${tag}>`;
}

function securityContextXml(ctx: SecurityContext): string {
  const parts = [`<webExID>${escapeText(ctx.credentials.webExId)}</webExID>`];
  if ('password' in ctx.credentials) parts.push(`<password>${escapeText(ctx.credentials.password)}</password>`);
  else parts.push(`<webExAccessToken>${escapeText(ctx.credentials.accessToken)}</webExAccessToken>`);
  parts.push(`<siteName>${escapeText(ctx.siteName)}</siteName>`);
  return `<securityContext>${parts.join('')}</securityContext>`;
}

/** The whole request document. xmlns:xsi is always declared: without it Webex cannot read xsi:type (000000). */
export function buildRequest(ctx: SecurityContext, spec: RequestSpec, style: NamespaceStyle = 'plain'): string {
  const nsDecl = style === 'qualified'
    ? ` xmlns:xsi="${NS.xsi}" xmlns:serv="${NS.serv}" xmlns:com="${NS.com}" xmlns:use="${NS.use}"`
    : ` xmlns:xsi="${NS.xsi}" xmlns:serv="${NS.serv}"`;
  const body = spec.body.map((el) => serialize(el, style)).join('');
  const bodyContent = body
    ? `<bodyContent xsi:type="java:${spec.javaType}">${body}</bodyContent>`
    : `<bodyContent xsi:type="java:${spec.javaType}"/>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<serv:message${nsDecl}><header>${securityContextXml(ctx)}</header><body>${bodyContent}</body></serv:message>`;
}

/** Mask secrets before a request is shown to anyone (debug output, error reports). */
export function redactRequest(xml: string): string {
  return xml.replace(
    /<((?:\w+:)?(?:password|passwordHintAnswer|sessionTicket|webExAccessToken|accessToken))>[\s\S]*?<\/\1>/g,
    (_m, tag: string) => `<${tag}>******</${tag}>`,
  );
}
