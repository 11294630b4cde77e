/**
 * Lenient, safe reading of an XML API request, as real sites read it (SPEC §1.2, §6):
 * any prefixes or none, undeclared `serv:`, plain <message>, any element order; `xmlns:xsi` must be declared
 * or the operation cannot be read. Hostile input (DOCTYPE/entities, deep nesting, invalid UTF-8) is refused
 * before the parser builds anything.
 */
import { isAscii } from 'node:buffer';
import { NS } from './namespaces';
import { child, type XmlNode } from './xml-node';
import { XmlReadError, readXml } from './xml-reader';

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
  /** Shared by the requests of one client (frozen): read it, never write it. */
  security: Readonly<SecurityContext>;
  /** xsi:type of bodyContent, verbatim. */
  bodyType: string;
  body: XmlNode;
}

/** Why the envelope could not be read; every case answers 000000 "Fail to forward request:null". */
export interface EnvelopeError {
  error: 'envelope';
  detail: string;
}

/** bodyContent: what comes before it (declaration, envelope, credentials) a client sends alike every time. */
export const PARSE_LIMITS = { maxDepth: 64, maxElements: 200_000, resumeAfter: 'bodyContent' };

const utf8 = new TextDecoder('utf-8', { fatal: true });

const LATIN1_DECLARED = /encoding\s*=\s*["'](iso-8859-1|latin1|windows-1252)["']/i;

/**
 * Up to this size an all-ASCII body is copied as it is (the UTF-8 decoder costs ~2× that). Beyond ~1 MB node makes
 * a latin1 string an external one, in memory malloc'd outside V8's heap that stays in RSS after it is freed
 * (bench: 160 bodies of 4.9 MB grew RSS by 101–129 MB this way, 84 MB through the decoder).
 */
const ASCII_COPY_MAX_BYTES = 256 * 1024;

/**
 * Decode bytes by the XML declaration: UTF-8 (strict) or ISO-8859-1, both seen in real clients. A short body of
 * ASCII bytes reads the same either way.
 */
export function decodeBody(raw: Buffer | string): string | EnvelopeError {
  if (typeof raw === 'string') return raw;
  const head = raw.toString('latin1', 0, 100);
  if (LATIN1_DECLARED.test(head) || (raw.length <= ASCII_COPY_MAX_BYTES && isAscii(raw))) return raw.toString('latin1');
  try {
    return utf8.decode(raw);
  } catch {
    return { error: 'envelope', detail: 'body is not valid UTF-8' };
  }
}

type Attrs = Record<string, string>;

/** Prefixes bound to the XSI namespace on the root or bodyContent path (where real clients declare it). */
function xsiPrefixes(path: Attrs[]): Set<string> {
  const out = new Set<string>();
  for (const attrs of path) {
    // null prototype: for-in visits own keys only, in Object.entries order
    for (const k in attrs) if (k.startsWith('xmlns:') && attrs[k] === NS.xsi) out.add(k.slice(6));
  }
  return out;
}

const SECURITY_FIELDS: readonly (keyof SecurityContext)[] = ['webExID', 'email', 'password', 'sessionTicket', 'webExAccessToken', 'siteName', 'siteID', 'partnerID'];

export function parseEnvelope(raw: Buffer | string): Envelope | EnvelopeError {
  const xml = decodeBody(raw);
  if (typeof xml !== 'string') return xml;
  if (xml.trim() === '') return { error: 'envelope', detail: 'empty body' };
  // DTDs are refused before reading anything (billion laughs, external entities).
  if (xml.includes('<!') && /<!DOCTYPE|<!ENTITY/i.test(xml)) return { error: 'envelope', detail: 'DOCTYPE and entity declarations are not accepted' };
  let root: XmlNode;
  try {
    root = readXml(xml, PARSE_LIMITS);
  } catch (e) {
    if (!(e instanceof XmlReadError)) throw e;
    const limit = /^(nesting deeper|more than \d+ elements)/.test(e.message);
    return { error: 'envelope', detail: limit ? e.message : `malformed XML: ${e.message}` };
  }
  if (root.name !== 'message') return { error: 'envelope', detail: 'root element is not message' };

  const security = securityOf(child(child(root, 'header'), 'securityContext'));
  const bodyNode = child(root, 'body');
  const content = child(bodyNode, 'bodyContent');
  if (!content) return { error: 'envelope', detail: 'no body/bodyContent' };
  const typeAttr = bodyTypeOf(root.attrs, bodyNode!.attrs, content.attrs);
  if (typeof typeAttr !== 'string') return typeAttr;
  return { security, bodyType: typeAttr, body: content };
}

/*
 * A document the reader resumed from a checkpoint shares the checkpoint's closed elements (the securityContext
 * node) and the attributes of its open ones (message, body, bodyContent): what is read from those is kept with
 * them, in weak maps, and a client's next request reads it once. Frozen: every request shares it.
 */
const securityByNode = new WeakMap<XmlNode, Readonly<SecurityContext>>();
const NO_SECURITY: Readonly<SecurityContext> = Object.freeze({});

function securityOf(sc: XmlNode | undefined): Readonly<SecurityContext> {
  if (sc === undefined) return NO_SECURITY;
  let security = securityByNode.get(sc);
  if (security === undefined) {
    const read: SecurityContext = {};
    for (const field of SECURITY_FIELDS) {
      const node = child(sc, field);
      if (node) read[field] = node.text;
    }
    securityByNode.set(sc, security = Object.freeze(read));
  }
  return security;
}

/**
 * By bodyContent's attributes alone: that object is shared only by documents resumed from one checkpoint, and
 * those share the attributes of message and body too.
 */
const bodyTypeByAttrs = new WeakMap<Attrs, string>();

/** bodyContent's xsi:type, by the prefixes bound to the XSI namespace on message, body or bodyContent. */
function bodyTypeOf(root: Attrs, body: Attrs, content: Attrs): string | EnvelopeError {
  const known = bodyTypeByAttrs.get(content);
  if (known !== undefined) return known;
  const prefixes = xsiPrefixes([root, body, content]);
  let type: string | undefined;
  for (const p of prefixes) if ((type = content[`${p}:type`]) !== undefined) break;
  if (type === undefined) {
    return { error: 'envelope', detail: prefixes.size === 0 ? 'xmlns:xsi is not declared, xsi:type cannot be read' : 'bodyContent has no xsi:type' };
  }
  bodyTypeByAttrs.set(content, type);
  return type;
}

export function isEnvelopeError(v: Envelope | EnvelopeError): v is EnvelopeError {
  return (v as EnvelopeError).error === 'envelope';
}
