/**
 * `npm run bench`: every figure of issue 7 measured side by side in one run, on loopback, and written to
 * bench/RESULTS.md with the machine it ran on. Servers run in child processes so autocannon (this process)
 * never shares their event loop. BENCH_SECONDS scales each load run (default 5 s); BENCH_DRIFT_SECONDS the
 * memory-drift run (default 60 s).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { DIST, runJson, startServer } from './children';
import { connectorUserValues, createUserXml, getUserXml, lstsummaryXml, numberedBodies, setUserXml } from './fixtures';
import { load, type LoadResult } from './load';
import { startupMs } from './startup';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const DRIFT_SECONDS = Number(process.env.BENCH_DRIFT_SECONDS ?? 60);
const REPO = path.resolve(DIST, '..');

interface Row { metric: string; target: string; measured: string; ok: boolean | undefined }
const rows: Row[] = [];
const notes: string[] = [];
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function throughput(): Promise<string[]> {
  log('throughput: bare node:http and the emulator (1k fully populated users)');
  const bare = await startServer(['bare']);
  const mock = await startServer(['mock', '--users', '1000']);
  const runs: [string, string, string | (() => string)][] = [
    ['bare node:http (fixed GetUser answer)', bare.url, getUserXml('user5')],
    ['GetUser', mock.url, getUserXml('user500')],
    ['CreateUser (connector profile, unique ids)', mock.url, numberedBodies((n) => createUserXml(connectorUserValues(n)), 1)],
    ['SetUser (4 fields)', mock.url, setUserXml('user600', '<firstName>Renamed</firstName><title>Bench title</title><privilege><host>true</host></privilege><timeZoneID>7</timeZoneID>')],
    ['LstsummaryUser (page of 100)', mock.url, lstsummaryXml(201, 100)],
  ];
  const results: [string, LoadResult][] = [];
  for (const [name, url, body] of runs) {
    await load({ url, body: typeof body === 'function' ? numberedBodies((n) => createUserXml(connectorUserValues(n, 'warm')), 1) : body, seconds: 1 });
    const r = await load({ url, body, seconds: SECONDS });
    log(`  ${name}: ${fmt(r.rps)} req/s p50 ${r.p50} ms p99 ${r.p99} ms failures ${r.failures}`);
    results.push([name, r]);
  }
  await bare.stop();
  await mock.stop();
  const base = results[0][1].rps;
  const table = ['| Request | req/s | × bare | p50 ms | p99 ms | requests | not SUCCESS |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const [name, r] of results) {
    table.push(`| ${name} | ${fmt(r.rps)} | ${(r.rps / base).toFixed(2)} | ${r.p50} | ${r.p99} | ${fmt(r.requests)} | ${r.failures + r.errors} |`);
  }
  const ratio = (name: string) => results.find(([n]) => n.startsWith(name))![1].rps / base;
  rows.push({ metric: 'GetUser throughput vs bare node:http', target: '≥ 0.60×', measured: `${ratio('GetUser').toFixed(2)}×`, ok: ratio('GetUser') >= 0.6 });
  rows.push({ metric: 'CreateUser throughput vs bare node:http', target: '≥ 0.40×', measured: `${ratio('CreateUser').toFixed(2)}×`, ok: ratio('CreateUser') >= 0.4 });
  if (results.some(([, r]) => r.failures + r.errors > 0)) notes.push('Some load requests did not answer SUCCESS: see the table; those figures measure an error path.');
  return table;
}

interface ScaleResult { small: number; large: number; atSmall: { listUs: number; createUs: number }; atLarge: { listUs: number; createUs: number }; seedMs: number; rssAtLarge: number; users: number }

async function scale(): Promise<string[]> {
  log('scale: LstsummaryUser page of 500 and CreateUser at 1k and 100k users (in-process, engine.handle)');
  const s = await runJson<ScaleResult>('scale.js', ['1000', '100000'], ['--expose-gc']);
  const list = s.atLarge.listUs / s.atSmall.listUs;
  const create = s.atLarge.createUs / s.atSmall.createUs;
  rows.push({ metric: 'LstsummaryUser, same page of 500: 100k vs 1k users', target: '≤ 1.50×', measured: `${list.toFixed(2)}×`, ok: list <= 1.5 });
  rows.push({ metric: 'CreateUser cost: 100k vs 1k users', target: '≤ 1.20×', measured: `${create.toFixed(2)}×`, ok: create <= 1.2 });
  return [
    '| Users | LstsummaryUser 500 (µs/call) | CreateUser (µs/call) |', '|---:|---:|---:|',
    `| ${fmt(s.small)} | ${fmt(s.atSmall.listUs)} | ${fmt(s.atSmall.createUs, 1)} |`,
    `| ${fmt(s.large)} | ${fmt(s.atLarge.listUs)} | ${fmt(s.atLarge.createUs, 1)} |`,
    '',
    `Seeding ${fmt(s.large - s.small)} fully populated users took ${fmt(s.seedMs)} ms; RSS with ${fmt(s.users)} users: ${fmt(s.rssAtLarge / 2 ** 20)} MB.`,
  ];
}

async function memory(): Promise<string[]> {
  log('memory: per fully populated user (20k users through CreateUser, --expose-gc)');
  const m = await runJson<{ users: number; heapPerUser: number; rssPerUser: number; rssTotal: number }>('memory.js', ['20000'], ['--expose-gc']);
  rows.push({ metric: 'Memory per fully populated user (RSS)', target: '≤ 4 KB', measured: `${(m.rssPerUser / 1024).toFixed(2)} KB (heap ${(m.heapPerUser / 1024).toFixed(2)} KB)`, ok: m.rssPerUser <= 4096 });
  return [`${fmt(m.users)} users created through CreateUser: ${fmt(m.rssPerUser)} B RSS and ${fmt(m.heapPerUser)} B heap per user after a full GC (process RSS ${fmt(m.rssTotal / 2 ** 20)} MB).`];
}

async function startup(): Promise<string[]> {
  log('start-up: webex-mock serve --port 0 until "listening"');
  const ms = await startupMs(5);
  rows.push({ metric: 'Start-up to listening (demo site)', target: '≤ 1 s', measured: `${fmt(ms)} ms`, ok: ms <= 1000 });
  return [`Median of 5 starts of \`node dist/mock-server/cli.js serve --port 0\`: ${fmt(ms)} ms.`];
}

function conformance(): string[] {
  const cli = path.join(DIST, 'conformance', 'cli.js');
  if (!existsSync(cli)) {
    rows.push({ metric: 'Full conformance run', target: '≤ 30 s', measured: 'not yet measurable (no conformance CLI)', ok: undefined });
    return ['`dist/conformance/cli.js` does not exist yet: not measured.'];
  }
  log('conformance: node dist/conformance/cli.js run');
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [cli, 'run'], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  const s = (Date.now() - t0) / 1000;
  const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-3).join(' / ');
  rows.push({ metric: 'Full conformance run', target: '≤ 30 s', measured: `${s.toFixed(1)} s (exit ${r.status})`, ok: s <= 30 && r.status === 0 });
  return [`\`node dist/conformance/cli.js run\`: ${s.toFixed(1)} s, exit code ${r.status}. Last lines: ${tail.replace(/\|/g, '\\|')}`];
}

async function drift(): Promise<string[]> {
  log(`memory drift: ${DRIFT_SECONDS} s of GetUser with the journal on`);
  const server = await startServer(['mock', '--users', '1000', '--journal', '--rss'], ['--expose-gc']);
  const samples = () => server.lines.filter((l) => l.startsWith('MEM ')).map((l) => l.split(' ').map(Number).slice(1) as [number, number]);
  const r = await load({ url: server.url, body: getUserXml('user500'), seconds: DRIFT_SECONDS });
  await new Promise((res) => setTimeout(res, 1500));
  await server.stop();
  const mem = samples();
  const warm = mem[Math.min(10, mem.length - 1)];
  const end = mem[mem.length - 1];
  const heapGrowth = (end[1] - warm[1]) / 2 ** 20;
  const rssGrowth = (end[0] - warm[0]) / 2 ** 20;
  const flat = heapGrowth <= 5;
  rows.push({ metric: `Memory over ${DRIFT_SECONDS} s of load, journal on`, target: 'flat (heap after GC grows ≤ 5 MB after warm-up)', measured: `heap ${heapGrowth >= 0 ? '+' : ''}${heapGrowth.toFixed(1)} MB, RSS ${rssGrowth >= 0 ? '+' : ''}${rssGrowth.toFixed(1)} MB`, ok: flat });
  const every = Math.max(1, Math.floor(mem.length / 8));
  return [
    `Journal: ${server.info}. ${fmt(r.requests)} GetUser requests (${fmt(r.rps)} req/s). Samples (after a forced GC, every ${every} s):`,
    '',
    '| s | RSS MB | heap MB |', '|---:|---:|---:|',
    ...mem.filter((_, i) => i % every === 0 || i === mem.length - 1).map((m) => `| ${mem.indexOf(m) + 1} | ${fmt(m[0] / 2 ** 20, 1)} | ${fmt(m[1] / 2 ** 20, 1)} |`),
  ];
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${fmt(os.totalmem() / 2 ** 30, 1)} GB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

async function main(): Promise<void> {
  const started = new Date();
  const t0 = Date.now();
  const sections: [string, string[]][] = [];
  sections.push(['Throughput and latency (autocannon, 10 connections, loopback)', await throughput()]);
  sections.push(['Scale', await scale()]);
  sections.push(['Memory per user', await memory()]);
  sections.push(['Start-up', await startup()]);
  sections.push(['Conformance run', conformance()]);
  sections.push(['Memory under sustained load', await drift()]);
  const summary = ['| Target | Goal | Measured | Met |', '|---|---|---|:---:|',
    ...rows.map((r) => `| ${r.metric} | ${r.target} | ${r.measured} | ${r.ok === undefined ? '–' : r.ok ? 'yes' : '**no**'} |`)];
  const fixesPath = path.join(REPO, 'bench', 'FIXES.md');
  const out = [
    '# Benchmark results',
    '',
    `Generated by \`npm run bench\` on ${started.toISOString()} in ${fmt((Date.now() - t0) / 1000)} s.`,
    `Machine: ${machine()}. Load runs: ${SECONDS} s each after a 1 s warm-up; every server in its own process.`,
    '',
    '## Summary', '', ...summary, '',
    ...notes.map((n) => `> ${n}`),
    ...sections.flatMap(([title, body]) => [`## ${title}`, '', ...body, '']),
    ...(existsSync(fixesPath) ? [readFileSync(fixesPath, 'utf8')] : []),
  ].join('\n');
  writeFileSync(path.join(REPO, 'bench', 'RESULTS.md'), `${out.trimEnd()}\n`);
  log(`wrote bench/RESULTS.md in ${fmt((Date.now() - t0) / 1000)} s`);
}

main().catch((e: Error) => { process.stderr.write(`bench: ${e.stack}\n`); process.exitCode = 1; });
