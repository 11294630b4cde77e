/** Child processes of the bench: servers that print READY, and one-shot measurements that print one JSON line. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export const DIST = path.resolve(__dirname, '..');

export interface ServerChild {
  port: number;
  url: string;
  info: string;
  proc: ChildProcess;
  /** Lines the server printed after READY (MEM samples). */
  lines: string[];
  stop(): Promise<void>;
}

/** `dist`: the built tree whose bench server runs (another build's, for `npm run bench:ab`). */
export function startServer(args: string[], nodeArgs: string[] = [], dist = DIST): Promise<ServerChild> {
  const proc = spawn(process.execPath, [...nodeArgs, path.join(dist, 'bench', 'server.js'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    readline.createInterface({ input: proc.stdout! }).on('line', (line) => {
      const m = /^READY (\d+) ?(.*)$/.exec(line);
      if (!m) { lines.push(line); return; }
      const port = Number(m[1]);
      resolve({
        port, url: `http://127.0.0.1:${port}/WBXService/XMLService`, info: m[2], proc, lines,
        stop: () => new Promise((r) => { proc.removeAllListeners('exit'); proc.once('exit', () => r()); proc.kill('SIGTERM'); }),
      });
    });
  });
}

export function runJson<T>(script: string, args: string[], nodeArgs: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...nodeArgs, path.join(DIST, 'bench', script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout!.on('data', (d) => { out += d; });
    proc.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
      try { resolve(JSON.parse(out.trim().split('\n').pop()!) as T); } catch (e) { reject(e); }
    });
  });
}
