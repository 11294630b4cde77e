/**
 * A loopback proxy between the connector under test and a remote site: it forwards every request and records
 * the exchange for the case it belongs to (the case number is in the path: /c/<n>/WBXService/XMLService), so
 * failures against a remote site still show their request/response pairs (secrets masked).
 *
 * On a remote webex-mock it also applies the case's faults, with the in-process engine's semantics: a `before`
 * fault answers instead of forwarding (nothing happens on the site), an `after` fault forwards (the operation
 * commits) and then breaks the answer. The same Fault objects work both ways (a rewrite is a function, which
 * no admin API could carry), and nothing is left on the remote emulator afterwards. Safe mode never adds faults.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { failureEnvelope } from '../../mock-server/wire/build-response';
import { redactXml, type CapturedExchange } from '../emulator/capture';
import { rewritten, takeFault, type Fault } from '../emulator/faults';

interface CaseLog {
  exchanges: CapturedExchange[];
  faults: Fault[];
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The bytes sent when they are not the UTF-8 of `body` (an ISO-8859-1 rewrite). */
  bytes?: Buffer;
  drop?: boolean;
}

/** What a load balancer answers when the service behind it fails (as the in-process emulator does). */
const gatewayError = (status: number, headers: Record<string, string> = {}): Answer => ({ status, headers: { 'Content-Type': 'text/html', ...headers }, body: `<html><body><h1>${status}</h1>The service is temporarily unavailable.</body></html>` });

function beforeAnswer(hit: Fault): Answer | undefined {
  const e = hit.effect;
  if (e.kind === 'http') return gatewayError(e.status, e.headers);
  if (e.kind === 'drop') return { status: 0, headers: {}, body: '', drop: true };
  if (e.kind === 'failure') {
    return { status: 200, headers: { 'Content-Type': 'text/xml;charset=UTF-8', ...e.headers }, body: failureEnvelope(e.exceptionID, e.reason, { gsbStatus: e.gsbStatus }) };
  }
  return undefined;
}

function afterAnswer(hit: Fault | undefined, answer: Answer): Answer {
  const e = hit?.effect;
  if (e?.kind === 'drop') return { ...answer, drop: true };
  if (e?.kind === 'http') return gatewayError(e.status, e.headers);
  if (e?.kind === 'rewrite') {
    const out = rewritten(e, answer.body, answer.headers);
    return { status: answer.status, headers: out.headers, body: out.text, ...(typeof out.body === 'string' ? {} : { bytes: out.body }) };
  }
  return answer;
}

function resultOf(answer: Answer): CapturedExchange['result'] {
  if (answer.drop) return 'DROPPED';
  if (answer.status !== 200) return 'HTTP_ERROR';
  return /<(?:\w+:)?result>FAILURE</.test(answer.body) ? 'FAILURE' : 'SUCCESS';
}

export class CaptureProxy {
  private readonly logs = new Map<number, CaseLog>();
  private constructor(private readonly server: Server, readonly port: number, private readonly targetUrl: string) {}

  static start(targetUrl: string): Promise<CaptureProxy> {
    let proxy: CaptureProxy;
    const server = createServer((req, res) => { void proxy.handle(req, res); });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
      proxy = new CaptureProxy(server, (server.address() as AddressInfo).port, targetUrl);
      resolve(proxy);
    }));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const m = /^\/c\/(\d+)\//.exec(req.url ?? '');
    const log = m ? this.logs.get(Number(m[1])) : undefined;
    const startedAt = Date.now();
    const operation = /binding\.\w+\.(\w+)"/.exec(body)?.[1];
    const record = (answer: Answer, fault?: string) => log?.exchanges.push({
      operation, startedAt, request: redactXml(body), status: answer.drop ? 0 : answer.status, response: answer.drop ? '' : redactXml(answer.body),
      result: resultOf(answer), ...(resultOf(answer) === 'FAILURE' ? { exceptionID: /<(?:\w+:)?exceptionID>([^<]*)</.exec(answer.body)?.[1] } : {}),
      ...(fault ? { fault } : {}),
    });
    const send = (answer: Answer) => {
      if (answer.drop) req.socket.destroy();
      else res.writeHead(answer.status, answer.headers).end(answer.bytes ?? answer.body);
    };
    const before = takeFault(log?.faults, operation, 'before');
    const instead = before && beforeAnswer(before);
    if (before && instead) {
      record(instead, before.label);
      send(instead);
      return;
    }
    let upstream: Answer;
    try {
      const r = await fetch(this.targetUrl, { method: 'POST', headers: { 'Content-Type': req.headers['content-type'] ?? 'text/xml; charset=UTF-8' }, body, signal: AbortSignal.timeout(60_000) });
      const headers: Record<string, string> = { 'Content-Type': r.headers.get('content-type') ?? 'text/xml' };
      const retryAfter = r.headers.get('retry-after');
      if (retryAfter) headers['Retry-After'] = retryAfter;
      upstream = { status: r.status, headers, body: await r.text() };
    } catch (error) {
      log?.exchanges.push({ operation, startedAt, request: redactXml(body), status: 0, response: '', result: 'DROPPED', fault: `upstream unreachable: ${(error as Error).message}` });
      req.socket.destroy();
      return;
    }
    const after = takeFault(log?.faults, operation, 'after');
    const answer = afterAnswer(after, upstream);
    record(answer, after?.label);
    send(answer);
  }

  /** The endpoint URL a case's connector uses, the log its exchanges land in and the faults its traffic gets. */
  open(caseNumber: number): { url: string; exchanges: CapturedExchange[]; faults: Fault[] } {
    const log: CaseLog = { exchanges: [], faults: [] };
    this.logs.set(caseNumber, log);
    return { url: `http://127.0.0.1:${this.port}/c/${caseNumber}/WBXService/XMLService`, ...log };
  }

  release(caseNumber: number): void {
    this.logs.delete(caseNumber);
  }

  close(): Promise<void> {
    return new Promise((resolve) => { this.server.closeAllConnections(); this.server.close(() => resolve()); });
  }
}
