/**
 * A server for one bench run, in its own process so the load generator never shares its CPU time:
 *   node dist/bench/server.js mock --users N [--no-journal]   the emulator with the bench site (journal on, as `serve` runs)
 *   node dist/bench/server.js bare [create]                node:http answering a fixed GetUser (or CreateUser) response
 *   node dist/bench/server.js express                      Express with the emulator's raw-body route, fixed GetUser answer
 *   node dist/bench/server.js engine --users N [--no-journal]  the same engine behind plain node:http, no Express
 *     (what the XML door would cost without the framework; measured to show where the time goes)
 *   node dist/bench/server.js door <fixed|parse|decode|full> --users N [--no-journal]  the emulator's own XML door
 *     (xmlServiceHandler) in front of a stand-in engine that goes only so far: answer fixed CreateUser SUCCESS
 *     bytes; parse the envelope first; parse and decode the user; or the whole engine (bench/door-layers.ts)
 * Prints `READY <port>` once listening; with --rss, prints `MEM <rss> <heapUsedAfterGc>` every second.
 */
import http from 'node:http';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createWebexMock, type WebexMock } from '../mock-server';
import type { Engine } from '../mock-server/engine';
import { xmlServiceHandler } from '../mock-server/http/xml-service';
import { parseEnvelope, isEnvelopeError } from '../mock-server/wire/parse-envelope';
import { decodeUser } from '../mock-server/operations/codec/decode-user';
import { addBenchSite, connectorUserValues, createUserXml, getUserXml } from './fixtures';
import { tuneServerProcess } from '../mock-server/cli/server-process';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { users: { type: 'string', default: '1000' }, 'no-journal': { type: 'boolean', default: false }, rss: { type: 'boolean', default: false } },
});

function benchMock(users: number, journal = true): WebexMock {
  return createWebexMock({ setup: (r) => { addBenchSite(r, users); }, control: journal ? {} : { journal: false } });
}

async function main(): Promise<void> {
  // Every server here runs with the V8 settings `webex-mock serve` sets (bare node:http too: the same process settings on both sides).
  tuneServerProcess();
  const users = Number(values.users);
  let server: http.Server;
  let journalKind = 'none';
  if (positionals[0] === 'bare') {
    // The reference: the same GetUser bytes the emulator sends, with no parsing, no rules, no framework.
    // Bytes and headers made once, Content-Length included (the emulator's door sends it too). `bare create`:
    // a CreateUser SUCCESS instead, for the diagnosis row fed the same unique CreateUser requests.
    const answer = positionals[1] === 'create'
      ? await benchMock(10).request(createUserXml(connectorUserValues(0, 'bare')))
      : await benchMock(10).request(getUserXml('user5'));
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
  } else if (positionals[0] === 'door') {
    const mock = benchMock(users, !values['no-journal']);
    const layer = positionals[1] ?? 'full';
    if (!['fixed', 'parse', 'decode', 'full'].includes(layer)) throw new Error(`door layer ${layer}: fixed, parse, decode or full`);
    // The fixed answer is a real CreateUser SUCCESS, so every layer sends the same bytes.
    const fixed = await mock.engine.handle({ body: createUserXml(connectorUserValues(0, `door${Date.now()}`)) });
    const stand = {
      respond(request: { body: Buffer | string }) {
        if (layer === 'full') return mock.engine.respond(request);
        if (layer !== 'fixed') {
          const envelope = parseEnvelope(request.body);
          if (isEnvelopeError(envelope)) throw new Error(envelope.detail);
          if (layer === 'decode') decodeUser(envelope.body);
        }
        return fixed;
      },
    } as unknown as Engine;
    server = http.createServer(xmlServiceHandler(stand));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    journalKind = `door: ${layer}`;
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
