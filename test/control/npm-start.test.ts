/**
 * `npm start` as a user runs it: it builds only when sources are newer than dist/ (so a second start is fast),
 * and a SIGTERM to npm stops the server and frees the port (npm signals its script's shell; the scripts
 * `exec` node, so the server is the process that gets it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

function npmStart(port: number): { child: ChildProcess; output: () => string; listening: Promise<void> } {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port) };
  for (const k of Object.keys(env)) if (k.startsWith('WEBEX_MOCK_')) delete env[k];
  const child = spawn('npm', ['start'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
  let out = '';
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(`listening on http://127.0.0.1:${port}`)) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
    child.once('exit', (code, signal) => reject(new Error(`npm start exited (${code ?? signal}) before listening:\n${out}`)));
  });
  return { child, output: () => out, listening };
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) resolve();
  else child.once('exit', () => resolve());
});

async function startThenTerm(): Promise<string> {
  const port = await freePort();
  const run = npmStart(port);
  try {
    await run.listening;
    const health = await fetch(`http://127.0.0.1:${port}/_mock/health`);
    expect(health.status).toBe(200);
  } finally {
    run.child.kill('SIGTERM');
    await exited(run.child);
  }
  // The server itself must be gone: nothing may keep holding the port after npm exits.
  let free = false;
  for (let i = 0; i < 50 && !free; i++) {
    free = await portIsFree(port);
    if (!free) await new Promise((r) => setTimeout(r, 100));
  }
  expect(free).toBe(true);
  return run.output();
}

describe('npm start', () => {
  it('stops the server on SIGTERM (the port is free again), and the second start does not build', async () => {
    await startThenTerm(); // builds if this tree's sources are newer than dist/
    const second = await startThenTerm();
    expect(second).toContain('dist/ is up to date (no build)');
    expect(second).not.toContain('tsc -p');
  }, 600_000);
});
