import { XMLParser } from 'fast-xml-parser';

/** One request as the fake server saw it: operation name and bodyContent as plain objects (local names). */
export interface SeenRequest {
  operation: string;
  xml: string;
  body: Record<string, unknown>;
  security: Record<string, string>;
}

export type Reply = string | { status?: number; body?: string; headers?: Record<string, string> } | Error;

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false });

export function readRequest(xml: string): SeenRequest {
  const doc = parser.parse(xml);
  const bodyContent = doc.message.body.bodyContent;
  const type = String(bodyContent['@type'] ?? '');
  const { ['@type']: _type, ...body } = typeof bodyContent === 'object' ? bodyContent : {};
  return { operation: type.split('.').pop()!, xml, body, security: doc.message.header.securityContext };
}

/**
 * A fetch that answers with a handler; records every request. Errors thrown by the handler reach the
 * connector as network failures (like a dropped connection).
 */
export function fakeFetch(handler: (req: SeenRequest, index: number) => Reply) {
  const seen: SeenRequest[] = [];
  const fetchImpl = (async (_url: string | URL | Request, init?: RequestInit) => {
    const req = readRequest(String(init?.body));
    seen.push(req);
    const reply = handler(req, seen.length - 1);
    if (reply instanceof Error) throw reply;
    const r = typeof reply === 'string' ? { body: reply } : reply;
    return new Response(r.body ?? '', { status: r.status ?? 200, headers: { 'content-type': 'text/xml;charset=UTF-8', ...r.headers } });
  }) as typeof fetch;
  return { fetch: fetchImpl, seen, operations: () => seen.map((s) => s.operation) };
}

/** Sleep that records the delays instead of waiting. */
export function fakeSleep() {
  const delays: number[] = [];
  return { sleep: async (ms: number) => { delays.push(ms); }, delays };
}
