/**
 * This tree against a baseline commit, measured side by side in one run: how a bench/FIXES.md row is measured.
 *   npm run bench:ab -- <commit> [--http] [--rounds N] [--creates N] [--seconds S]
 *   node dist/bench/ab.js --baseline-dist <dir> [...]     a baseline already built (its dist/ folder)
 * The baseline commit is exported with `git archive` into a scratch folder beside the system's temp files (reused
 * by later runs), its node_modules linked to this tree's, and built with this tree's TypeScript. Then:
 *  - in-process: both builds' engines in one child process (journal off), CreateUser batches in alternation;
 *  - with --http: one bench server per build (bench/server.js mock, journal on, as `serve` runs), interleaved
 *    load rounds, the server's CPU time per request from /proc.
 * Each row gives both sides' medians and the median of the per-round ratios (this tree / baseline) with their
 * range: on a shared machine a ratio within a round holds up where absolute figures drift between runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DIST, runJson, startServer } from './children';
import { createRounds } from './create-rounds';
import { median, pairedRatio } from './timing';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'baseline-dist': { type: 'string' },
    http: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '20' },
    creates: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '2' },
  },
});

const REPO = path.resolve(DIST, '..');

/** The dist/ of `ref` built in a scratch folder (kept: a second run against the same commit builds nothing). */
function buildBaseline(ref: string): string {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: REPO, encoding: 'utf8' }).trim();
  const dir = path.join(os.tmpdir(), `webex-mock-ab-${sha.slice(0, 12)}`);
  const dist = path.join(dir, 'dist');
  if (existsSync(path.join(dist, 'bench', 'server.js')) && existsSync(path.join(dist, 'mock-server', 'index.js'))) return dist;
  process.stderr.write(`bench:ab: building ${sha.slice(0, 12)} in ${dir}\n`);
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', 'git archive --format=tar "$1" | tar -x -C "$2"', 'sh', sha, dir], { cwd: REPO, stdio: 'inherit' });
  if (!existsSync(path.join(dir, 'node_modules'))) symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const tsc = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const project of ['tsconfig.build.json', 'bench/tsconfig.json']) execFileSync(process.execPath, [tsc, '-p', project], { cwd: dir, stdio: 'inherit' });
  return dist;
}

interface Row { name: string; a: number[]; b: number[]; unit: string }

function table(rows: Row[], baseline: string): string {
  const lines = [`| Measure | this tree | baseline (${baseline}) | this / baseline: median (range) |`, '|---|---:|---:|---:|'];
  for (const r of rows) {
    const q = pairedRatio(r.a, r.b);
    lines.push(`| ${r.name} | ${median(r.a).toFixed(1)} ${r.unit} | ${median(r.b).toFixed(1)} ${r.unit} | ${q.median.toFixed(3)} (${q.min.toFixed(2)}–${q.max.toFixed(2)}) |`);
  }
  return lines.join('\n');
}

async function overHttp(thisDist: string, baseDist: string, rounds: number, seconds: number): Promise<Row[]> {
  const args = ['mock', '--users', '1000'];
  const servers = [await startServer(args, [], thisDist), await startServer(args, [], baseDist)];
  let m: { cpu: number[][]; rps: number[][] };
  try {
    m = await createRounds(servers, { rounds, seconds, tag: 'ab', alternate: true });
  } finally {
    for (const server of servers) await server.stop();
  }
  return [
    { name: 'HTTP CreateUser, server CPU per request (journal on)', a: m.cpu[0], b: m.cpu[1], unit: 'µs' },
    { name: 'HTTP CreateUser, requests per second', a: m.rps[0], b: m.rps[1], unit: '' },
  ];
}

async function main(): Promise<void> {
  const ref = positionals[0];
  if (!ref && !values['baseline-dist']) throw new Error('usage: npm run bench:ab -- <baseline commit> [--http] [--rounds N] [--creates N] [--seconds S]');
  const baseDist = values['baseline-dist'] ? path.resolve(values['baseline-dist']) : buildBaseline(ref!);
  const label = ref ?? path.relative(REPO, baseDist);
  const rounds = Number(values.rounds);
  const m = await runJson<{ wall: number[][]; cpu: number[][] }>('ab-engines.js', [DIST, baseDist, values.creates!, String(rounds)], ['--expose-gc']);
  const rows: Row[] = [
    { name: 'in-process CreateUser, wall clock per create', a: m.wall[0], b: m.wall[1], unit: 'µs' },
    { name: 'in-process CreateUser, process CPU per create', a: m.cpu[0], b: m.cpu[1], unit: 'µs' },
  ];
  if (values.http) rows.push(...await overHttp(DIST, baseDist, Math.max(2, Math.round(rounds / 3)), Number(values.seconds)));
  process.stdout.write(`${table(rows, label)}\n\n${rounds} alternating in-process batches of ${values.creates} creates`
    + `${values.http ? `; ${Math.max(2, Math.round(rounds / 3))} interleaved HTTP rounds of ${values.seconds} s, 10 connections` : ''}. Below 1 in the µs rows, above 1 in req/s: this tree is faster.\n`);
}

main().catch((e: Error) => { process.stderr.write(`${e.stack}\n`); process.exit(1); });
