/**
 * Child process of `npm run bench:ab`: two builds' engines in this one process (journal off), CreateUser
 * batches in alternation, so a neighbour's load and the JIT's warm-up fall on both alike. Prints one JSON line.
 *   node dist/bench/ab-engines.js <this dist> <baseline dist> <creates per batch> <rounds>
 */
import path from 'node:path';
import type * as Fixtures from './fixtures';
import type * as MockServer from '../mock-server';

interface Side { respond(body: Buffer): void; next(): string }

function load(dist: string, tag: string): Side {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { createWebexMock } = require(path.join(dist, 'mock-server')) as typeof MockServer;
  const f = require(path.join(dist, 'bench', 'fixtures.js')) as typeof Fixtures;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const mock = createWebexMock({ setup: (r) => { f.addBenchSite(r, 1000); }, control: { journal: false } });
  const next = f.numberedBodies((n) => f.createUserXml(f.connectorUserValues(n, `ab${tag}`)), 1);
  return {
    next,
    respond(body) {
      const out = mock.engine.respond({ body, host: '127.0.0.1' }) as { body: string | Buffer };
      if (!String(out.body).includes('<serv:result>SUCCESS</serv:result>')) throw new Error(`bench request failed: ${String(out.body).slice(0, 400)}`);
    },
  };
}

/** µs per create of one batch: wall clock, and the process's CPU time (every thread: GC helpers count). */
function batch(side: Side, n: number): { wall: number; cpu: number } {
  const bodies = Array.from({ length: n }, () => Buffer.from(side.next()));
  const c = process.cpuUsage();
  const t = process.hrtime.bigint();
  for (const body of bodies) side.respond(body);
  const wall = Number(process.hrtime.bigint() - t) / 1000 / n;
  const d = process.cpuUsage(c);
  return { wall, cpu: (d.user + d.system) / n };
}

const [thisDist, baseDist, perBatch, roundsArg] = process.argv.slice(2);
const n = Number(perBatch);
const rounds = Number(roundsArg);
const sides = [load(thisDist, 'a'), load(baseDist, 'b')];
for (let w = 0; w < 3; w++) for (const s of sides) batch(s, n); // the JIT warms up on both
const out = { wall: [[], []] as number[][], cpu: [[], []] as number[][] };
for (let r = 0; r < rounds; r++) {
  for (const i of r % 2 ? [1, 0] : [0, 1]) {
    const m = batch(sides[i], n);
    out.wall[i].push(m.wall);
    out.cpu[i].push(m.cpu);
  }
}
process.stdout.write(`${JSON.stringify(out)}\n`);
