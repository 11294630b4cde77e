/**
 * The adapter's own failures are one clear error up front (command, exit code, last stderr lines; exit code 2),
 * not a failed case each; an unreachable --url names the URL and the cause.
 */
import { createServer } from 'node:net';
import { AdapterFailure } from '../../conformance/adapters/failure';
import { StdioAdapterProvider } from '../../conformance/adapters/stdio';
import { main } from '../../conformance/cli/main';
import { runWith } from './run-suite';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
}

const node = (script: string) => `node -e ${JSON.stringify(script)}`;
/** Answers like a well-behaved adapter (configure ok; any operation an "unknown" error). */
const ANSWER = `const answer = (m) => console.log(JSON.stringify({ id: m.id, ok: m.op === 'configure', result: {}, error: { class: 'unknown', message: 'x' } }));`;

it('a command that cannot start: one error with the command, exit code 127 and the shell\'s stderr; no case runs', async () => {
  const r = await cli('run', '--adapter-cmd', 'nonexistent-binary-wmconf', '--only', 'lifecycle');
  expect(r.code).toBe(2);
  expect(r.err).toContain('command:   nonexistent-binary-wmconf');
  expect(r.err).toContain('exit code: 127');
  expect(r.err).toMatch(/not found/);
  expect(r.err.split('\n').length).toBeLessThan(12);
  expect(r.out).not.toMatch(/✗|cases in/);
});

it('a process that exits at once: its exit code and only its last 10 stderr lines', async () => {
  const script = `for (let i = 1; i <= 14; i++) console.error('boot line ' + i); process.exit(3)`;
  const r = await cli('run', '--adapter-cmd', node(script), '--case', 'get');
  expect(r.code).toBe(2);
  expect(r.err).toContain('exit code: 3');
  expect(r.err).toContain('stderr (last 10 of 14 lines)');
  expect(r.err).toContain('boot line 14');
  expect(r.err).not.toContain('boot line 4\n');
});

it('broken JSON lines on stdout: named with the offending line', async () => {
  const r = await cli('run', '--adapter-cmd', node(`require('readline').createInterface({ input: process.stdin }).on('line', () => console.log('{"id": 1, ok'))`), '--case', 'get');
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/a line that is not JSON on stdout: .*\{\\"id\\": 1, ok/);
  expect(r.err).toContain('exit code: none (still running)');
});

it('an answer of the wrong shape is a protocol break too', async () => {
  const garbage = new StdioAdapterProvider(node(`require('readline').createInterface({ input: process.stdin }).on('line', (l) => console.log(JSON.stringify({ id: JSON.parse(l).id, ok: 'maybe' })))`));
  await expect(runWith(garbage, { groups: ['lifecycle'], ids: ['get'] })).rejects.toThrow(/not an answer: \{"id":1,"ok":"maybe"\}/);
});

it('a process that dies in the middle of the run stops the run with one AdapterFailure', async () => {
  const script = `${ANSWER} require('readline').createInterface({ input: process.stdin }).on('line', (l) => { const m = JSON.parse(l); if (m.op !== 'get') return answer(m); console.error('segfault in get'); process.exit(4); })`;
  const failure = await runWith(new StdioAdapterProvider(node(script)), { groups: ['lifecycle'], ids: ['update', 'get', 'password'] }).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(AdapterFailure);
  expect((failure as Error).message).toMatch(/it exited \(exit code 4\)[\s\S]*segfault in get/);
});

it('an unreachable --url: the URL and the cause', async () => {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); });
  });
  const r = await cli('run', '--url', `http://127.0.0.1:${port}`, '--site', 's', '--admin', 'a', '--password', 'p');
  expect(r.code).toBe(2);
  expect(r.err).toContain(`cannot reach http://127.0.0.1:${port}: connection refused (nothing listens there) [ECONNREFUSED]`);
});

it('a process left mid-request (its case timed out) is stopped, never lent to the next case; an idle one is reused', async () => {
  // get answers with the process id; create is never answered (a connector stuck on a slow call).
  const script = `require('readline').createInterface({ input: process.stdin }).on('line', (l) => { const m = JSON.parse(l); if (m.op === 'create') return; console.log(JSON.stringify({ id: m.id, ok: true, result: { pid: process.pid } })); })`;
  const provider = new StdioAdapterProvider(node(script));
  const config = { url: 'http://127.0.0.1:9/WBXService/XMLService', siteName: 's', admin: 'a', password: 'p', fastRetries: true };
  const pidOf = async (a: Awaited<ReturnType<StdioAdapterProvider['open']>>) => {
    const got = await a.get('x');
    if (!got.ok) throw new Error(got.error.message);
    return (got.result as unknown as { pid: number }).pid;
  };
  try {
    const first = await provider.open(config);
    const stuckPid = await pidOf(first);
    void first.create({ webExId: 'late' });
    await new Promise((r) => setTimeout(r, 100)); // the create is on the wire, as when a case's time runs out
    await first.close!();
    const second = await provider.open(config);
    const freshPid = await pidOf(second);
    expect(freshPid).not.toBe(stuckPid);
    await second.close!();
    const third = await provider.open(config);
    expect(await pidOf(third)).toBe(freshPid);
    await third.close!();
  } finally {
    await provider.shutdown();
  }
});
