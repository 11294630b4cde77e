/**
 * Child process (node --expose-gc): memory with the journal on (its defaults, as `serve` runs) under a stream of
 * large bodies the reader refuses — issue 10 §2 measured 150 × 4.9 MB taking RSS from 89 MB to 800 MB. Sends
 * them over HTTP through the real door, then reads the whole journal once (read-time redaction of all of it).
 * Prints one JSON line: RSS before, peak and after (after a full GC), the journal's bytes and evictions.
 */
import http from 'node:http';
import { createWebexMock } from '../mock-server';
import { getUserXml } from './fixtures';

const gc = (globalThis as { gc?: () => void }).gc;

function settle(): number {
  for (let i = 0; i < 3; i++) gc!();
  return process.memoryUsage().rss;
}

function post(url: URL, body: Buffer | string, method = 'POST'): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: method === 'POST' ? { 'Content-Length': Buffer.byteLength(body) } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { text += c; });
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? body : undefined);
  });
}

async function main(): Promise<void> {
  if (!gc) throw new Error('run with --expose-gc');
  const n = Number(process.argv[2] ?? 160);
  const size = Math.floor(4.9 * 1024 * 1024);
  const mock = createWebexMock();
  const running = await mock.listen({ host: '127.0.0.1', port: 0 });
  const xml = new URL(running.xmlUrl);
  // Unreadable (a start tag that never ends) and the shape that made redaction quadratic.
  const body = Buffer.from('<password '.repeat(Math.floor(size / 10)));
  for (let i = 0; i < 20; i++) await post(xml, getUserXml('admin'));
  const before = settle();
  let peak = before;
  for (let i = 0; i < n; i++) {
    const answer = await post(xml, body);
    if (!answer.includes('000000')) throw new Error(`expected 000000, got ${answer.slice(0, 200)}`);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  // The whole journal read once (read-time redaction of all of it), or with --no-read only the health counts
  // (a journal that redacts in quadratic time could not be read at all: used to measure the code before).
  const t0 = performance.now();
  const read = process.argv.includes('--no-read') ? 0
    : (JSON.parse(await post(new URL(`${running.url}/_mock/journal?limit=1000`), '', 'GET')) as { entries: unknown[] }).entries.length;
  const readMs = performance.now() - t0;
  const journal = (JSON.parse(await post(new URL(`${running.url}/_mock/health`), '', 'GET')) as { journal: Record<string, number> }).journal;
  const after = settle();
  await running.close();
  process.stdout.write(`${JSON.stringify({
    bodies: n, bodyBytes: body.length, rssBefore: before, rssPeak: peak, rssAfter: after, readMs, read,
    journal: { total: journal.entries, evicted: journal.evicted, evictedBytes: journal.evictedBytes, bytes: journal.bytes, maxBytes: journal.maxBytes },
  })}\n`);
}

void main();
