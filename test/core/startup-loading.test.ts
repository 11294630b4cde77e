/**
 * Start-up loads what the demo site needs: the operation handlers (and their codecs) load with the first request
 * that runs one (engine.ts `handlerFor`; ~9 modules, ~7% of `serve`'s CPU to "listening").
 * commander is resolved once, through cli-kit.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getUser } from '../control/support/xml';

it('a mock with the demo site loads no operation handler until the first request, which answers as always', () => {
  const root = path.resolve(__dirname, '../..');
  const script = `
    const { createWebexMock } = require('./mock-server/mock');
    const handlers = () => Object.keys(require.cache).filter((f) => /mock-server[\\\\/]operations[\\\\/](index|user-reads|user-writes|list-users)\\./.test(f)).length;
    const mock = createWebexMock();
    const atStart = handlers();
    mock.engine.handle({ body: ${JSON.stringify(getUser('host'))} }).then((r) => {
      console.log(JSON.stringify({ atStart, afterFirst: handlers(), ok: /<serv:result>SUCCESS<\\/serv:result>/.test(String(r.body)) }));
    });`;
  const out = execFileSync(process.execPath, ['-r', path.join(root, 'test/control/support/swc-register.js'), '-e', script], { cwd: root, encoding: 'utf8' });
  expect(JSON.parse(out)).toEqual({ atStart: 0, afterFirst: 4, ok: true });
});

it('every CLI takes commander through cli-kit, so start-up resolves it once (one node_modules walk, not one per folder)', () => {
  const root = path.resolve(__dirname, '../..');
  const direct: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (rel.endsWith('.ts') && /from 'commander'/.test(readFileSync(path.join(root, rel), 'utf8'))) direct.push(rel);
    }
  };
  for (const dir of ['mock-server', 'connector', 'conformance', 'cli-kit']) walk(dir);
  expect(direct).toEqual([path.join('cli-kit', 'program.ts')]);
});
