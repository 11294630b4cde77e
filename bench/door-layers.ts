/**
 * Where CreateUser's time goes over HTTP: a diagnosis, not a target.
 *   npm run bench:door-layers
 * One server per layer (bench/server.ts `door`), each the emulator's own XML door in front of an engine that goes
 * only so far — fixed answer bytes, + envelope parse, + user decode, the whole engine (journal off, and on) — fed
 * the same unique CreateUser bodies in interleaved rounds. The server CPU per request (from /proc) of each layer,
 * less the one before it, is what that stage costs under load, caches as cold as HTTP leaves them (in-process,
 * `npm run bench:create-stages`, the same stages cost about half).
 */
import { createRounds } from './create-rounds';
import { startServer, type ServerChild } from './children';
import { median } from './timing';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

const LAYERS: { name: string; args: string[] }[] = [
  { name: 'door, fixed answer', args: ['door', 'fixed', '--no-journal'] },
  { name: '+ parseEnvelope', args: ['door', 'parse', '--no-journal'] },
  { name: '+ decodeUser', args: ['door', 'decode', '--no-journal'] },
  { name: 'whole engine, journal off', args: ['door', 'full', '--no-journal'] },
  { name: 'whole engine, journal on', args: ['door', 'full'] },
];

async function main(): Promise<void> {
  const servers: ServerChild[] = [];
  for (const layer of LAYERS) servers.push(await startServer([...layer.args, '--users', '1000']));
  let measured: { cpu: number[][]; rps: number[][] };
  try {
    measured = await createRounds(servers, { rounds: ROUNDS, seconds: SECONDS, tag: 'door' });
  } finally {
    for (const server of servers) await server.stop();
  }
  const { cpu, rps } = measured;
  const lines = ['| Layer | server CPU µs/req: median (range) | step | req/s |', '|---|---:|---:|---:|'];
  LAYERS.forEach((layer, i) => {
    const m = median(cpu[i]);
    // Each layer adds to the one before it (journal on follows the journal-off engine).
    const before = i === 0 ? undefined : median(cpu[i - 1]);
    const step = before === undefined ? '' : `${m >= before ? '+' : ''}${(m - before).toFixed(0)}`;
    lines.push(`| ${layer.name} | ${m.toFixed(0)} (${Math.min(...cpu[i]).toFixed(0)}–${Math.max(...cpu[i]).toFixed(0)}) | ${step} | ${Math.round(median(rps[i])).toLocaleString('en-US')} |`);
  });
  lines.push('', `${ROUNDS} interleaved rounds of ${SECONDS} s per layer, CreateUser (connector profile, unique ids), 10 connections; the journal-on step is against the journal-off engine.`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e: Error) => { process.stderr.write(`${e.stack}\n`); process.exit(1); });
