import { XMLParser } from 'fast-xml-parser';

/** Parsed XML as plain objects keyed by local names; leaves are strings ('' for empty elements). */
export type XmlNode = string | XmlObject | XmlNode[];
export interface XmlObject { [name: string]: XmlNode }

export interface SubError { exceptionId?: string; reason?: string; value?: string }

export interface WebexResponse {
  result: 'SUCCESS' | 'FAILURE';
  gsbStatus?: string;
  reason?: string;
  exceptionId?: string;
  value?: string;
  subErrors: SubError[];
  /** bodyContent children (empty object when bodyContent is empty or absent). */
  body: XmlObject;
}

/** Elements that repeat; listed so one occurrence still parses as an array. Paths are local names. */
const ARRAY_PATHS = new Set([
  'message.header.response',
  'message.header.response.subErrors.subError',
  'message.body.bodyContent.user',
  'message.body.bodyContent.meetingTypes.meetingType',
  'message.body.bodyContent.tspAccount.tspAccount',
  'message.body.bodyContent.serviceSessionTypes',
  'message.body.bodyContent.scheduleFor.webExID',
  'message.body.bodyContent.siteInstance.metaData.meetingTypes',
]);

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (_name, jpath) => ARRAY_PATHS.has(String(jpath)),
});

export class UnreadableResponseError extends Error {}

export function isObject(node: XmlNode | undefined): node is XmlObject {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

export function textOf(node: XmlNode | undefined): string | undefined {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return textOf(node[0]);
  return undefined;
}

/** Walk local-name path segments; arrays are entered at their first item. */
export function at(node: XmlNode | undefined, path: readonly string[]): XmlNode | undefined {
  let current: XmlNode | undefined = node;
  for (const segment of path) {
    if (Array.isArray(current)) current = current[0];
    if (!isObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

export function asArray(node: XmlNode | undefined): XmlNode[] {
  if (node === undefined || node === '') return [];
  return Array.isArray(node) ? node : [node];
}

/** Read a Webex response document. Throws UnreadableResponseError when it is not a serv:message with a result. */
export function parseResponse(xml: string): WebexResponse {
  // Webex never sends a DTD; refusing one rules out entity-expansion tricks from a hostile endpoint.
  if (/<!DOCTYPE/i.test(xml)) throw new UnreadableResponseError('response carries a DOCTYPE');
  let doc: XmlObject;
  try {
    doc = parser.parse(xml) as XmlObject;
  } catch (error) {
    throw new UnreadableResponseError(`response is not XML: ${(error as Error).message}`);
  }
  const response = at(doc, ['message', 'header', 'response']);
  const result = textOf(at(response, ['result']));
  if (result !== 'SUCCESS' && result !== 'FAILURE') {
    throw new UnreadableResponseError('response has no serv:result');
  }
  const subErrors = asArray(at(response, ['subErrors', 'subError'])).map((s) => ({
    exceptionId: textOf(at(s, ['exceptionID'])),
    reason: textOf(at(s, ['reason'])),
    value: textOf(at(s, ['value'])),
  }));
  const bodyContent = at(doc, ['message', 'body', 'bodyContent']);
  return {
    result,
    gsbStatus: textOf(at(response, ['gsbStatus'])),
    reason: textOf(at(response, ['reason'])),
    exceptionId: textOf(at(response, ['exceptionID'])),
    value: textOf(at(response, ['value'])) ?? subErrors.find((s) => s.value)?.value,
    subErrors,
    body: isObject(bodyContent) ? bodyContent : {},
  };
}
