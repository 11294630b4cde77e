/**
 * A loopback proxy between the connector under test and a remote site: it forwards every request unchanged and
 * records the exchange for the case it belongs to (the case number is in the path: /c/<n>/WBXService/XMLService),
 * so failures against a real site still show their request/response pairs (secrets masked).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { redactXml, type CapturedExchange } from '../emulator/capture';

export class CaptureProxy {
  private readonly logs = new Map<number, CapturedExchange[]>();
  private constructor(private readonly server: Server, readonly port: number) {}

  static start(targetUrl: string): Promise<CaptureProxy> {
    let proxy: CaptureProxy;
    const server = createServer((req, res) => {
      const m = /^\/c\/(\d+)\//.exec(req.url ?? '');
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const log = m ? proxy.logs.get(Number(m[1])) : undefined;
        const startedAt = Date.now();
        const operation = /binding\.\w+\.(\w+)"/.exec(body)?.[1];
        try {
          const upstream = await fetch(targetUrl, { method: 'POST', headers: { 'Content-Type': req.headers['content-type'] ?? 'text/xml; charset=UTF-8' }, body, signal: AbortSignal.timeout(60_000) });
          const text = await upstream.text();
          const headers: Record<string, string> = { 'Content-Type': upstream.headers.get('content-type') ?? 'text/xml' };
          const retryAfter = upstream.headers.get('retry-after');
          if (retryAfter) headers['Retry-After'] = retryAfter;
          log?.push({
            operation, startedAt, request: redactXml(body), status: upstream.status, response: redactXml(text),
            result: upstream.status !== 200 ? 'HTTP_ERROR' : /<(?:\w+:)?result>FAILURE</.test(text) ? 'FAILURE' : 'SUCCESS',
            exceptionID: /<(?:\w+:)?exceptionID>([^<]*)</.exec(text)?.[1],
          });
          res.writeHead(upstream.status, headers).end(text);
        } catch (error) {
          log?.push({ operation, startedAt, request: redactXml(body), status: 0, response: '', result: 'DROPPED', fault: `upstream unreachable: ${(error as Error).message}` });
          req.socket.destroy();
        }
      });
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
      proxy = new CaptureProxy(server, (server.address() as AddressInfo).port);
      resolve(proxy);
    }));
  }

  /** The endpoint URL a case's connector uses, and the log its exchanges land in. */
  open(caseNumber: number): { url: string; exchanges: CapturedExchange[] } {
    const exchanges: CapturedExchange[] = [];
    this.logs.set(caseNumber, exchanges);
    return { url: `http://127.0.0.1:${this.port}/c/${caseNumber}/WBXService/XMLService`, exchanges };
  }

  release(caseNumber: number): void {
    this.logs.delete(caseNumber);
  }

  close(): Promise<void> {
    return new Promise((resolve) => { this.server.closeAllConnections(); this.server.close(() => resolve()); });
  }
}
