/**
 * A server for one bench run, in its own process so the load generator never shares its CPU time:
 *   node dist/bench/server.js mock --users N [--journal]   the emulator with the bench site
 *   node dist/bench/server.js bare                         node:http answering a fixed GetUser response
 * Prints `READY <port>` once listening; with --rss, prints `MEM <rss> <heapUsedAfterGc>` every second.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createWebexMock, type WebexMock } from '../mock-server';
import { addBenchSite, getUserXml } from './fixtures';
import { attachJournal } from './journal';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { users: { type: 'string', default: '1000' }, journal: { type: 'boolean', default: false }, rss: { type: 'boolean', default: false } },
});

function benchMock(users: number): WebexMock {
  return createWebexMock({ setup: (r) => { addBenchSite(r, users); } });
}

async function main(): Promise<void> {
  const users = Number(values.users);
  let server: http.Server;
  let journalKind = 'none';
  if (positionals[0] === 'bare') {
    // The reference: the same GetUser bytes the emulator sends, with no parsing, no rules, no framework.
    const answer = await benchMock(10).request(getUserXml('user5'));
    server = http.createServer((req, res) => {
      req.on('data', () => undefined);
      req.on('end', () => { res.writeHead(200, answer.headers).end(answer.body); });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  } else {
    const mock = benchMock(users);
    if (values.journal) journalKind = attachJournal(mock);
    server = (await mock.listen({ port: 0 })).server;
  }
  process.stdout.write(`READY ${(server.address() as AddressInfo).port} ${journalKind}\n`);
  if (values.rss) {
    setInterval(() => {
      (globalThis as { gc?: () => void }).gc?.();
      process.stdout.write(`MEM ${process.memoryUsage().rss} ${process.memoryUsage().heapUsed}\n`);
    }, 1000).unref();
  }
}

void main();
