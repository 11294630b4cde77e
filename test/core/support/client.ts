/**
 * Send requests to a mock (over HTTP with supertest, or straight through the engine) and read the answer
 * with fast-xml-parser, keeping the response prefixes so assertions also check namespaces (`use:`, `com:`, `serv:`).
 */
import request from 'supertest';
import { XMLParser } from 'fast-xml-parser';
import type { WebexMock } from '../../../mock-server';
import { XML_SERVICE_PATH } from '../../../mock-server';
import { ADMIN, xmlRequest, type Security } from './xml';

/** Repeated elements always parse as arrays, so a one-item list reads the same as a long one. */
const ALWAYS_ARRAY = new Set(['use:user', 'use:meetingType', 'use:tspAccount', 'use:account', 'use:videoCallback', 'ns1:meetingTypes', 'ns1:serviceType']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ALWAYS_ARRAY.has(name),
});

const orderedParser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, parseTagValue: false });

export type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  result: 'SUCCESS' | 'FAILURE' | undefined;
  reason?: string;
  exceptionID?: string;
  value?: string;
  gsbStatus?: string;
  /** serv:bodyContent's xsi:type */
  type?: string;
  /** serv:bodyContent ('' when self-closed); undefined when serv:body has no bodyContent. */
  body: Node | undefined;
  /** The serv:body element as parsed (to see an empty `<serv:body></serv:body>`). */
  rawBody: unknown;
}

export function parseAnswer(status: number, headers: Record<string, string>, text: string): Answer {
  const doc = parser.parse(text) as Node;
  const msg = doc['serv:message'] ?? {};
  const resp = msg['serv:header']?.['serv:response'] ?? {};
  const rawBody = msg['serv:body'];
  const content = typeof rawBody === 'object' && rawBody !== null ? rawBody['serv:bodyContent'] : undefined;
  return {
    status, headers, text,
    result: resp['serv:result'],
    reason: resp['serv:reason'],
    exceptionID: resp['serv:exceptionID'],
    value: resp['serv:value'],
    gsbStatus: resp['serv:gsbStatus'],
    type: typeof content === 'object' ? content['@_xsi:type'] : undefined,
    body: content === undefined ? undefined : (content === '' ? {} : content),
    rawBody,
  };
}

/** POST raw XML over HTTP (supertest, the Express door). */
export async function post(mock: WebexMock, xml: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  let req = request(mock.app).post(XML_SERVICE_PATH);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  const res = await req.send(typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml);
  return parseAnswer(res.status, res.headers as Record<string, string>, res.text);
}

/** One operation over HTTP. */
export function call(mock: WebexMock, op: string, bodyXml = '', security: Security = ADMIN): Promise<Answer> {
  return post(mock, xmlRequest(op, bodyXml, security));
}

/** One operation through the engine only (no HTTP): for loops with many requests. */
export async function direct(mock: WebexMock, op: string, bodyXml = '', security: Security = ADMIN): Promise<Answer> {
  const r = await mock.request(xmlRequest(op, bodyXml, security));
  return parseAnswer(r.status, r.headers, r.body);
}

/** Element names directly under serv:bodyContent, in document order (prefix included). */
export function bodyChildNames(text: string): string[] {
  const find = (nodes: Node[], name: string): Node[] | undefined => {
    for (const n of nodes) {
      const key = Object.keys(n).find((k) => k !== ':@');
      if (key === name) return n[key];
      if (key && Array.isArray(n[key])) {
        const hit = find(n[key], name);
        if (hit) return hit;
      }
    }
    return undefined;
  };
  const content = find(orderedParser.parse(text) as Node[], 'serv:bodyContent') ?? [];
  return content.map((n) => Object.keys(n).find((k) => k !== ':@')!).filter((k) => k !== '#text');
}

/** Dig into a parsed node by a slash path of prefixed names: `pick(body, 'use:privilege/use:host')`. */
export function pick(node: Node | undefined, path: string): any { // eslint-disable-line @typescript-eslint/no-explicit-any
  let cur: any = node; // eslint-disable-line @typescript-eslint/no-explicit-any
  for (const seg of path.split('/')) {
    if (cur === undefined || cur === null) return undefined;
    cur = cur[seg];
  }
  return cur;
}

/** Assert helpers that print the whole answer when they fail. */
export function expectSuccess(a: Answer): void {
  if (a.result !== 'SUCCESS') throw new Error(`expected SUCCESS, got ${a.result} ${a.exceptionID} "${a.reason}" (HTTP ${a.status})\n${a.text.slice(0, 600)}`);
}

export function expectFailure(a: Answer, exceptionID: string, reason?: string | RegExp): void {
  if (a.result !== 'FAILURE' || a.exceptionID !== exceptionID) {
    throw new Error(`expected FAILURE ${exceptionID}, got ${a.result} ${a.exceptionID ?? ''} "${a.reason ?? ''}" (HTTP ${a.status})\n${a.text.slice(0, 600)}`);
  }
  if (reason !== undefined) {
    const ok = typeof reason === 'string' ? a.reason === reason : reason.test(a.reason ?? '');
    if (!ok) throw new Error(`FAILURE ${exceptionID} reason "${a.reason}" does not match ${String(reason)}`);
  }
  // Every FAILURE keeps the real shape: gsbStatus, and an empty serv:bodyContent.
  if (a.gsbStatus !== 'PRIMARY') throw new Error(`FAILURE without gsbStatus PRIMARY: ${a.text.slice(0, 400)}`);
}
