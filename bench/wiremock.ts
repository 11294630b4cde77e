/**
 * WireMock's standalone jar (the `wiremock` npm package ships it) answering one static stub with the same
 * GetUser bytes and headers the emulator sends: the peer users compare us with. Needs Java; without it the
 * bench skips the row and says why.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A running WireMock; pid is the java process (its CPU time per request goes in the table). */
export interface WireMockServer { url: string; pid: number | undefined; stop(): Promise<void> }

export function wiremockJar(): string | undefined {
  try {
    const dir = path.join(path.dirname(require.resolve('wiremock/package.json')), 'build');
    const jar = readdirSync(dir).find((f) => /^wiremock-standalone-.*\.jar$/.test(f));
    return jar && path.join(dir, jar);
  } catch {
    return undefined;
  }
}

/** Why the WireMock row cannot run here, or undefined when it can. */
export function wiremockMissing(): string | undefined {
  if (!wiremockJar()) return 'the wiremock npm package (devDependency) is not installed';
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) return 'Java is not installed (java -version failed)';
  return undefined;
}

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

export async function startWireMock(answer: { headers: Record<string, string>; body: string }): Promise<WireMockServer> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'webex-mock-bench-wiremock-'));
  mkdirSync(path.join(root, 'mappings'));
  mkdirSync(path.join(root, '__files'));
  writeFileSync(path.join(root, '__files', 'getuser.xml'), answer.body);
  writeFileSync(path.join(root, 'mappings', 'getuser.json'), JSON.stringify({
    request: { method: 'POST', url: '/WBXService/XMLService' },
    response: { status: 200, headers: answer.headers, bodyFileName: 'getuser.xml' },
  }));
  const port = await freePort();
  // A request journal of 1,000 entries, as the emulator's default journal (WireMock's own default is unbounded).
  const proc: ChildProcess = spawn('java', ['-jar', wiremockJar()!, '--port', String(port), '--bind-address', '127.0.0.1',
    '--root-dir', root, '--max-request-journal-entries', '1000', '--disable-banner'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}/WBXService/XMLService`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`WireMock exited with ${proc.exitCode} before it answered`);
    try {
      const r = await fetch(url, { method: 'POST', body: '<x/>' });
      if (r.status === 200) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { proc.kill('SIGKILL'); throw new Error('WireMock did not answer within 60 s'); }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    pid: proc.pid,
    stop: () => new Promise((resolve) => {
      proc.once('exit', () => { rmSync(root, { recursive: true, force: true }); resolve(); });
      proc.kill('SIGTERM');
    }),
  };
}
