/**
 * A server for one bench run, in its own process so the load generator never shares its CPU time:
 *   node dist/bench/server.js mock --users N [--no-journal]   the emulator with the bench site (journal on, as `serve` runs)
 *   node dist/bench/server.js bare                         node:http answering a fixed GetUser response
 *   node dist/bench/server.js express                      Express with the emulator's raw-body route, fixed GetUser answer
 *   node dist/bench/server.js engine --users N [--no-journal]  the same engine behind plain node:http, no Express
 *     (what the XML door would cost without the framework; measured to show where the time goes)
 * Prints `READY <port>` once listening; with --rss, prints `MEM <rss> <heapUsedAfterGc>` every second.
 */
import http from 'node:http';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createWebexMock, type WebexMock } from '../mock-server';
import { addBenchSite, getUserXml } from './fixtures';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { users: { type: 'string', default: '1000' }, 'no-journal': { type: 'boolean', default: false }, rss: { type: 'boolean', default: false } },
});

function benchMock(users: number, journal = true): WebexMock {
  return createWebexMock({ setup: (r) => { addBenchSite(r, users); }, control: journal ? {} : { journal: false } });
}

async function main(): Promise<void> {
  const users = Number(values.users);
  let server: http.Server;
  let journalKind = 'none';
  if (positionals[0] === 'bare') {
    // The reference: the same GetUser bytes the emulator sends, with no parsing, no rules, no framework.
    // Bytes and headers made once, Content-Length included (the emulator's door sends it too).
    const answer = await benchMock(10).request(getUserXml('user5'));
    const bytes = Buffer.from(answer.body, 'utf8');
    const headers = { ...answer.headers, 'Content-Length': String(bytes.length) };
    server = http.createServer((req, res) => {
      req.on('data', () => undefined);
      req.on('end', () => { res.writeHead(200, headers).end(bytes); });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  } else if (positionals[0] === 'express') {
    // The framework's own ceiling: Express with the same raw-body route the emulator uses, answering fixed bytes.
    const answer = await benchMock(10).request(getUserXml('user5'));
    const app = express();
    app.disable('x-powered-by');
    app.set('etag', false);
    app.post('/WBXService/XMLService', express.raw({ type: () => true, limit: '5mb' }), (_req, res) => { res.writeHead(200, answer.headers).end(answer.body); });
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((r) => server.once('listening', () => r()));
  } else if (positionals[0] === 'engine') {
    const mock = benchMock(users, !values['no-journal']);
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void mock.engine.handle({ body: Buffer.concat(chunks), host: req.headers.host }).then((out) => res.writeHead(out.status, out.headers).end(out.body));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    journalKind = mock.control.journal ? 'journal on' : 'journal off';
  } else {
    const mock = benchMock(users, !values['no-journal']);
    const journal = mock.control.journal;
    if (journal) journalKind = `control-plane journal, ring of ${journal.size} exchanges`;
    server = (await mock.listen({ port: 0 })).server;
  }
  // Exit cleanly on a signal so `node --cpu-prof` writes its profile.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => process.exit(0));
  process.stdout.write(`READY ${(server.address() as AddressInfo).port} ${journalKind}\n`);
  if (values.rss) {
    setInterval(() => {
      (globalThis as { gc?: () => void }).gc?.();
      process.stdout.write(`MEM ${process.memoryUsage().rss} ${process.memoryUsage().heapUsed}\n`);
    }, 1000).unref();
  }
}

void main();
