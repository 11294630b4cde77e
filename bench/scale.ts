/**
 * Child process: LstsummaryUser (the same page of 500) and CreateUser on a 1k-user site and a 100k-user site,
 * both in this process and measured in alternating batches through engine.handle, so the only difference is
 * the size of the site (a neighbour's load on a shared machine falls on both alike). Prints one JSON line.
 */
import { createWebexMock, type Engine } from '../mock-server';
import { inputFromPaths } from '../mock-server/site/user-input';
import { addBenchSite, connectorUserValues, createUserXml, credentialsFor, fullUserValues, lstsummaryXml, numberedBodies } from './fixtures';
import { median, pairedRatio } from './timing';

/** Rounds of one batch per site; the first warms the JIT. Each round's two batches are adjacent in time. */
const ROUNDS = 31;

async function batch(engine: Engine, bodies: () => string, n: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const r = await engine.handle({ body: bodies() });
    if (!r.body.includes('<serv:result>SUCCESS</serv:result>')) throw new Error(`bench request failed: ${r.body.slice(0, 400)}`);
  }
  return Number(process.hrtime.bigint() - t0) / 1000 / n;
}

async function main(): Promise<void> {
  const small = Number(process.argv[2] ?? 1000);
  const large = Number(process.argv[3] ?? 100_000);
  const t0 = Date.now();
  const mock = createWebexMock({
    control: { journal: false },
    setup: (r) => {
      addBenchSite(r, small, { name: 'small', id: 500001 });
      const big = addBenchSite(r, 0, { name: 'large', id: 500002 });
      for (let i = 1; i <= large; i++) big.createUser(inputFromPaths(fullUserValues(i)), { skipLicenceChecks: true, at: Date.UTC(2024, 0, 2) + i * 1000 });
    },
  });
  const seedMs = Date.now() - t0;
  (globalThis as { gc?: () => void }).gc?.();
  const rssAtLarge = process.memoryUsage().rss;
  const sites = ['small', 'large'] as const;
  const page = Object.fromEntries(sites.map((s) => [s, lstsummaryXml(1, 500, credentialsFor(s))]));
  const create = Object.fromEntries(sites.map((s) => [s, numberedBodies((n) => createUserXml(connectorUserValues(n, 'scale'), credentialsFor(s)), 1)]));
  const list: Record<string, number[]> = { small: [], large: [] };
  const creates: Record<string, number[]> = { small: [], large: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const s of round % 2 ? [...sites].reverse() : sites) {
      list[s].push(await batch(mock.engine, () => page[s], 30));
      creates[s].push(await batch(mock.engine, create[s], 300));
    }
  }
  const drop = (xs: number[]) => xs.slice(1); // the first round warms the JIT
  process.stdout.write(`${JSON.stringify({
    small, large, seedMs, rssAtLarge,
    rounds: ROUNDS - 1,
    atSmall: { listUs: median(drop(list.small)), createUs: median(drop(creates.small)) },
    atLarge: { listUs: median(drop(list.large)), createUs: median(drop(creates.large)) },
    // Large over small round by round: drift over the run (a neighbour's load, the heap growing) falls on both.
    listRatio: pairedRatio(drop(list.large), drop(list.small)),
    createRatio: pairedRatio(drop(creates.large), drop(creates.small)),
    users: mock.registry.get('large')!.userCount,
  })}\n`);
}

void main();
