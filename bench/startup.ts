/** Time from spawning `webex-mock serve --port 0` to its "listening" line (median of several starts). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DIST } from './children';
import { median } from './timing';

function startOnce(): Promise<number> {
  const t0 = process.hrtime.bigint();
  const proc = spawn(process.execPath, [path.join(DIST, 'mock-server', 'cli.js'), 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let ms: number | undefined;
    proc.stdout!.on('data', (d) => {
      out += d;
      if (ms !== undefined || !out.includes('listening')) return;
      ms = Number(process.hrtime.bigint() - t0) / 1e6;
      proc.kill('SIGTERM');
    });
    proc.once('exit', (code) => (ms !== undefined ? resolve(ms) : reject(new Error(`serve exited with ${code} before listening`))));
  });
}

export async function startupMs(runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await startOnce());
  return median(times);
}
