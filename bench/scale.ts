/**
 * Child process: the cost of LstsummaryUser (the same page of 500) and of CreateUser at 1k and at 100k users,
 * measured through engine.handle in one process so the only difference is the size of the site.
 * Prints one JSON line.
 */
import { createWebexMock } from '../mock-server';
import { inputFromPaths } from '../mock-server/site/user-input';
import { addBenchSite, connectorUserValues, createUserXml, fullUserValues, lstsummaryXml, numberedBodies } from './fixtures';
import { costPerCall } from './timing';

async function measure(engine: Parameters<typeof costPerCall>[0], tag: string) {
  const page = lstsummaryXml(1, 500);
  const list = await costPerCall(engine, () => page, { batches: 7, batch: 40 });
  const next = numberedBodies((n) => createUserXml(connectorUserValues(n, `${tag}x`)), 1);
  const create = await costPerCall(engine, () => next(), { batches: 7, batch: 300 });
  return { listUs: list, createUs: create };
}

async function main(): Promise<void> {
  const small = Number(process.argv[2] ?? 1000);
  const large = Number(process.argv[3] ?? 100_000);
  const mock = createWebexMock({ setup: (r) => { addBenchSite(r, small); } });
  const site = mock.registry.get('bench')!;
  const atSmall = await measure(mock.engine, 's');
  const t0 = Date.now();
  for (let i = small + 1; i <= large; i++) site.createUser(inputFromPaths(fullUserValues(i)), { skipLicenceChecks: true, at: Date.UTC(2024, 0, 2) + i * 1000 });
  const seedMs = Date.now() - t0;
  (globalThis as { gc?: () => void }).gc?.();
  const rssAtLarge = process.memoryUsage().rss;
  const atLarge = await measure(mock.engine, 'l');
  process.stdout.write(`${JSON.stringify({ small, large, atSmall, atLarge, seedMs, rssAtLarge, users: site.userCount })}\n`);
}

void main();
