/**
 * POST /WBXService/XMLService as one plain node:http handler: raw bytes in (any Content-Type, bounded size),
 * the engine's answer out, header bytes exactly as real sites send them. Express mounts it for supertest and
 * in-process use; `listen()` calls it straight from node:http, because Express's own request plumbing costs
 * more than the whole engine (bench/FIXES.md: Express answering fixed bytes reaches ~0.23× bare node:http).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine, EngineResponse } from '../engine';
import type { HostPolicy } from './host-policy';

export const XML_SERVICE_PATH = '/WBXService/XMLService';
export const DEFAULT_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

export type XmlServiceHandler = (req: IncomingMessage, res: ServerResponse) => void;

export function isXmlServiceRequest(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || !req.url) return false;
  const q = req.url.indexOf('?');
  return (q === -1 ? req.url : req.url.slice(0, q)) === XML_SERVICE_PATH;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end(text);
}

/** One write with Content-Length (bytes made once; a reused answer is sent as it is), never chunked. */
export function send(res: ServerResponse, status: number, headers: Readonly<Record<string, string>>, body: string | Buffer): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...headers, 'Content-Length': String(bytes.length) }).end(bytes);
}

/**
 * The XML service stays as lenient as a real site: any Content-Type, and any Host (a Host such as
 * `acme.webex.com` even picks the site, so a connector can keep its real site URL through /etc/hosts).
 * One thing is refused: a browser request from a page that is not this server — an `Origin` header other than
 * this very host:port. Real clients (connectors, SDKs, curl) send no Origin, and the real service grants no CORS,
 * so no real client loses anything; but the demo credentials are public, so without this a page the developer
 * opens could write through a blind cross-origin POST (DelUser), and a DNS-rebinding page (its Origin names the
 * attacker's domain) could read users through GetUser. Same-origin pages (the Inspector) keep working.
 */
function foreignOrigin(req: IncomingMessage, policy: HostPolicy | undefined): string | undefined {
  const origin = req.headers.origin;
  if (origin === undefined || !policy || policy.isSameOrigin(origin, req.headers.host)) return undefined;
  return origin;
}

/**
 * The three headers the door reads, from `rawHeaders`: `req.headers` builds an object of every header on first
 * read, a cost bare node:http never pays. Host and Content-Length as node keeps them (the first); any Origin
 * sends the request through `req.headers` (duplicates joined), which only browsers pay.
 */
interface DoorHeaders { host: string | undefined; contentLength: string | undefined; hasOrigin: boolean }

function doorHeaders(req: IncomingMessage): DoorHeaders {
  const raw = req.rawHeaders;
  let host: string | undefined;
  let contentLength: string | undefined;
  let hasOrigin = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    // Lengths first: most headers are skipped without a lower-casing copy.
    if (name.length === 4) { if (host === undefined && name.toLowerCase() === 'host') host = raw[i + 1]; }
    else if (name.length === 14) { if (contentLength === undefined && name.toLowerCase() === 'content-length') contentLength = raw[i + 1]; }
    else if (name.length === 6 && name.toLowerCase() === 'origin') hasOrigin = true;
  }
  return { host, contentLength, hasOrigin };
}

export function xmlServiceHandler(engine: Engine, limitBytes = DEFAULT_BODY_LIMIT_BYTES, policy?: HostPolicy): XmlServiceHandler {
  return (req, res) => {
    const headers = doorHeaders(req);
    const origin = headers.hasOrigin ? foreignOrigin(req, policy) : undefined;
    if (origin !== undefined) {
      plain(res, 403, `webex-mock refuses XML API requests from the web page at ${origin}: real Webex clients send no Origin header, `
        + 'and a page on another origin (or under a rebound DNS name) must not use the demo credentials. Call the XML API from your '
        + 'code, curl or a test instead.\n');
      req.resume();
      return;
    }
    const declared = Number(headers.contentLength);
    if (declared > limitBytes) {
      refuseTooLarge(req, res, 0);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        chunks.length = 0;
        req.removeListener('data', onData);
        req.removeListener('end', onEnd);
        refuseTooLarge(req, res, size);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('error', () => res.destroy());
    const onEnd = () => {
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
      let out: EngineResponse | Promise<EngineResponse>;
      try {
        out = engine.respond({ body, host: headers.host });
      } catch (e) {
        failed(res, e as Error);
        return;
      }
      // No promise unless an interceptor answers later (a latency fault).
      if (out instanceof Promise) out.then((r) => answer(req, res, r)).catch((e: Error) => failed(res, e));
      else answer(req, res, out);
    };
    req.on('end', onEnd);
  };
}

function answer(req: IncomingMessage, res: ServerResponse, out: EngineResponse): void {
  if (out.dropConnection) {
    req.socket.destroy();
    return;
  }
  try {
    send(res, out.status, out.headers, out.body);
  } catch (e) {
    failed(res, e as Error);
  }
}

/** Also a response the socket refuses (an interceptor's bad header): never an unhandled rejection. */
function failed(res: ServerResponse, e: Error): void {
  process.stderr.write(`webex-mock: ${e.stack}\n`);
  if (res.headersSent) res.destroy();
  else plain(res, 500, 'Internal error.\n');
}

/** Bytes of a too-large body read and dropped before the 413 (beyond this the answer goes out and the socket closes). */
export const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * 413 for a body over the limit. A client that writes its whole body before reading (most do) would get a broken
 * pipe if the server closed while the body still arrives, so the rest is read and dropped (memory stays flat), up
 * to MAX_DRAIN_BYTES; then the answer is sent and the connection closed.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, alreadyRead: number): void {
  let drained = alreadyRead;
  let answered = false;
  const answer = () => {
    if (answered) return;
    answered = true;
    plain(res, 413, 'Request body too large.\n');
  };
  if (req.complete) {
    answer();
    return;
  }
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAIN_BYTES && !answered) {
      answer();
      res.once('finish', () => req.socket.destroy());
    }
  });
  req.on('end', answer);
}

/** Body limits as Express writes them ('5mb', '512kb', or a number of bytes). */
export function parseByteLimit(limit: string | number | undefined): number {
  if (limit === undefined) return DEFAULT_BODY_LIMIT_BYTES;
  if (typeof limit === 'number') return limit;
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(limit.trim());
  if (!m) throw new Error(`invalid body limit ${limit}`);
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.floor(Number(m[1]) * unit);
}
