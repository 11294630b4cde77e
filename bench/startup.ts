/**
 * Start-up, as a ratio to a bare node process on the same machine in the same minute: time from spawn to a
 * "listening" line for (a) `node -e` opening a bare node:http server, (b) `webex-mock serve --port 0` (demo site
 * included) and (c) `npm start` with dist/ up to date (the second start). Runs are interleaved.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DIST } from './children';

const REPO = path.resolve(DIST, '..');
const BARE = "require('node:http').createServer().listen(0, '127.0.0.1', () => console.log('listening'))";

function startOnce(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const t0 = process.hrtime.bigint();
  const proc = spawn(cmd, args, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let ms: number | undefined;
    proc.stdout!.on('data', (d) => {
      out += d;
      if (ms !== undefined || !out.includes('listening')) return;
      ms = Number(process.hrtime.bigint() - t0) / 1e6;
      proc.kill('SIGTERM');
    });
    proc.stderr!.on('data', (d) => { out += d; });
    proc.once('exit', (code) => (ms !== undefined ? resolve(ms) : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code} before listening:\n${out}`))));
  });
}

export interface StartupResult { bare: number[]; serve: number[]; npmStart: number[] }

export async function startupRuns(runs = 7): Promise<StartupResult> {
  const out: StartupResult = { bare: [], serve: [], npmStart: [] };
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0' };
  for (const k of Object.keys(env)) if (k.startsWith('WEBEX_MOCK_')) delete env[k];
  for (let i = 0; i < runs; i++) {
    out.bare.push(await startOnce(process.execPath, ['-e', BARE]));
    out.serve.push(await startOnce(process.execPath, [path.join(DIST, 'mock-server', 'cli', 'main.js'), 'serve', '--port', '0']));
    out.npmStart.push(await startOnce('npm', ['start', '--silent'], env));
  }
  return out;
}
