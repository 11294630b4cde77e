/**
 * `webex-mock serve` sets the V8 flags of a server process (mock-server/cli/server-process.ts); the library never
 * does (createWebexMock may run in a user's Jest worker). Both in child processes that report each flag set.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { exited, startServer } from '../control/support/spawn-server';
import { SERVER_V8_FLAGS } from '../../mock-server/cli/server-process';

const ROOT = join(__dirname, '../..');
const RECORD = join(__dirname, 'support/record-v8-flags.js');
const flagsIn = (output: string) => [...output.matchAll(/^v8-flag (.*)$/gm)].map((m) => m[1]);

it('serve runs with the server V8 flags, set before it listens', async () => {
  expect(SERVER_V8_FLAGS).toContain('--no-allocation-site-pretenuring');
  const server = await startServer([], { NODE_OPTIONS: `--require ${RECORD}` });
  try {
    expect(flagsIn(server.output())).toEqual([...SERVER_V8_FLAGS]);
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
});

it('the library (createWebexMock, listen, requests) sets no V8 flag', () => {
  const script = `
    const { createWebexMock } = require('./mock-server/mock');
    const mock = createWebexMock();
    mock.listen({ port: 0 }).then(async (running) => {
      await fetch(running.xmlUrl, { method: 'POST', body: '<x/>' });
      await running.close();
      process.stderr.write('done\\n');
    });`;
  const run = spawnSync(process.execPath, ['-r', RECORD, '-r', join(ROOT, 'test/control/support/swc-register.js'), '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stderr).toContain('done');
  expect(flagsIn(run.stderr)).toEqual([]);
});
