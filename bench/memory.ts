/**
 * Child process (node --expose-gc): memory per fully populated user, created through the wire path
 * (engine.handle with a CreateUser body) so stored strings are the ones the XML parser produced.
 * Prints one JSON line: heap and RSS deltas per user after a full GC.
 */
import { createWebexMock, responseText } from '../mock-server';
import { addBenchSite, createUserXml, fullUserValues } from './fixtures';

const gc = (globalThis as { gc?: () => void }).gc;

function settle(): NodeJS.MemoryUsage {
  for (let i = 0; i < 3; i++) gc!();
  return process.memoryUsage();
}

async function main(): Promise<void> {
  if (!gc) throw new Error('run with --expose-gc');
  const n = Number(process.argv[2] ?? 20_000);
  const mock = createWebexMock({ setup: (r) => { addBenchSite(r, 0); }, control: { journal: false } });
  let next = 1;
  const create = async () => {
    const r = await mock.engine.handle({ body: createUserXml(fullUserValues(next++)) });
    if (!r.body.includes('SUCCESS')) throw new Error(responseText(r));
  };
  // Warm-up: code, caches and indexes exist, and V8 has sized its heap, before the baseline. After only 500
  // users the RSS baseline still fell before or after a step of V8's heap growth depending on how much garbage
  // the code made: 3.87–4.39 KB per user over six runs of two builds whose final RSS was equal (176–179 MB);
  // after 5,000 the same runs gave 3.63–3.71 KB (2026-12-02).
  for (let i = 0; i < 5_000; i++) await create();
  const before = settle();
  for (let i = 0; i < n; i++) await create();
  const after = settle();
  process.stdout.write(`${JSON.stringify({
    users: n,
    heapPerUser: (after.heapUsed - before.heapUsed) / n,
    rssPerUser: (after.rss - before.rss) / n,
    rssTotal: after.rss,
  })}\n`);
}

void main();
