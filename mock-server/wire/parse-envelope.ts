/**
 * Lenient, safe reading of an XML API request, as real sites read it (SPEC §1.2, §6):
 * any prefixes or none, undeclared `serv:`, plain <message>, any element order; `xmlns:xsi` must be declared
 * or the operation cannot be read. Hostile input (DOCTYPE/entities, deep nesting, invalid UTF-8) is refused
 * before the parser builds anything.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NS } from './namespaces';
import { child, type XmlNode } from './xml-node';

export interface SecurityContext {
  webExID?: string;
  email?: string;
  password?: string;
  sessionTicket?: string;
  webExAccessToken?: string;
  siteName?: string;
  siteID?: string;
  partnerID?: string;
}

export interface Envelope {
  security: SecurityContext;
  /** xsi:type of bodyContent, verbatim. */
  bodyType: string;
  body: XmlNode;
}

/** Why the envelope could not be read; every case answers 000000 "Fail to forward request:null". */
export interface EnvelopeError {
  error: 'envelope';
  detail: string;
}

export const PARSE_LIMITS = { maxDepth: 64, maxElements: 200_000 };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
});

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode bytes by the XML declaration: UTF-8 (strict) or ISO-8859-1, both seen in real clients. */
export function decodeBody(raw: Buffer | string): string | EnvelopeError {
  if (typeof raw === 'string') return raw;
  const head = raw.subarray(0, 100).toString('latin1');
  if (/encoding\s*=\s*["'](iso-8859-1|latin1|windows-1252)["']/i.test(head)) return raw.toString('latin1');
  try {
    return utf8.decode(raw);
  } catch {
    return { error: 'envelope', detail: 'body is not valid UTF-8' };
  }
}

/** One pass over the markup: refuse DTDs and measure nesting before any tree is built. */
function precheck(xml: string): string | undefined {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return 'DOCTYPE and entity declarations are not accepted';
  let depth = 0;
  let elements = 0;
  for (let i = xml.indexOf('<'); i !== -1; i = xml.indexOf('<', i + 1)) {
    const next = xml.charCodeAt(i + 1);
    if (next === 47 /* / */) { depth--; continue; }
    if (next === 33 /* ! */ || next === 63 /* ? */) continue;
    const close = xml.indexOf('>', i);
    if (close === -1) return 'unterminated tag';
    if (xml.charCodeAt(close - 1) !== 47) depth++;
    if (depth > PARSE_LIMITS.maxDepth) return `nesting deeper than ${PARSE_LIMITS.maxDepth}`;
    if (++elements > PARSE_LIMITS.maxElements) return `more than ${PARSE_LIMITS.maxElements} elements`;
    i = close;
  }
  return undefined;
}

type Ordered = Record<string, unknown>;

function splitName(qname: string): [string, string] {
  const i = qname.indexOf(':');
  return i === -1 ? ['', qname] : [qname.slice(0, i), qname.slice(i + 1)];
}

function toNode(entry: Ordered): XmlNode | undefined {
  const tag = Object.keys(entry).find((k) => k !== ':@');
  if (tag === undefined || tag === '#text') return undefined;
  const [prefix, name] = splitName(tag);
  const attrs = (entry[':@'] as Record<string, string> | undefined) ?? {};
  const node: XmlNode = { name, prefix, attrs, children: [], text: '' };
  for (const c of entry[tag] as Ordered[]) {
    if ('#text' in c) node.text += String(c['#text']);
    else {
      const n = toNode(c);
      if (n) node.children.push(n);
    }
  }
  return node;
}

/** Prefixes bound to the XSI namespace on the root or bodyContent path (where real clients declare it). */
function xsiPrefixes(path: XmlNode[]): Set<string> {
  const out = new Set<string>();
  for (const n of path) {
    for (const [k, v] of Object.entries(n.attrs)) if (k.startsWith('xmlns:') && v === NS.xsi) out.add(k.slice(6));
  }
  return out;
}

const SECURITY_FIELDS: readonly (keyof SecurityContext)[] = ['webExID', 'email', 'password', 'sessionTicket', 'webExAccessToken', 'siteName', 'siteID', 'partnerID'];

export function parseEnvelope(raw: Buffer | string): Envelope | EnvelopeError {
  const xml = decodeBody(raw);
  if (typeof xml !== 'string') return xml;
  if (xml.trim() === '') return { error: 'envelope', detail: 'empty body' };
  const problem = precheck(xml);
  if (problem) return { error: 'envelope', detail: problem };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { error: 'envelope', detail: `malformed XML: ${valid.err.msg} (line ${valid.err.line})` };

  let root: XmlNode | undefined;
  try {
    const doc = parser.parse(xml) as Ordered[];
    root = doc.map(toNode).find((n): n is XmlNode => n !== undefined);
  } catch (e) {
    return { error: 'envelope', detail: `malformed XML: ${(e as Error).message}` };
  }
  if (!root || root.name !== 'message') return { error: 'envelope', detail: 'root element is not message' };

  const header = child(root, 'header');
  const sc = child(header, 'securityContext');
  const security: SecurityContext = {};
  for (const field of SECURITY_FIELDS) {
    const node = child(sc, field);
    if (node) security[field] = node.text;
  }

  const bodyNode = child(root, 'body');
  const content = child(bodyNode, 'bodyContent');
  if (!content) return { error: 'envelope', detail: 'no body/bodyContent' };
  const prefixes = xsiPrefixes([root, bodyNode!, content]);
  const typeAttr = [...prefixes].map((p) => content.attrs[`${p}:type`]).find((v) => v !== undefined);
  if (typeAttr === undefined) {
    return { error: 'envelope', detail: prefixes.size === 0 ? 'xmlns:xsi is not declared, xsi:type cannot be read' : 'bodyContent has no xsi:type' };
  }
  return { security, bodyType: typeAttr, body: content };
}

export function isEnvelopeError(v: Envelope | EnvelopeError): v is EnvelopeError {
  return (v as EnvelopeError).error === 'envelope';
}
