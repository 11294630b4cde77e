/** An install where better-sqlite3 (optional, native) could not be built still serves, in memory, saying why. */
jest.mock('better-sqlite3', () => function Database() { throw new Error('Could not locate the bindings file. Tried:\n → build/better_sqlite3.node'); });

import { usableDataDir } from '../../mock-server/cli/serve';
import { sqliteUnavailable } from '../../mock-server/control/persistence/sqlite-store';
import { createWebexMock } from '../../mock-server/mock';

it('without the driver, --data-dir is dropped with the reason and the mock still works', async () => {
  expect(sqliteUnavailable()).toMatch(/Could not locate the bindings file/);
  const warnings: string[] = [];
  expect(usableDataDir('/tmp/never-created', (l) => warnings.push(l))).toBeUndefined();
  expect(warnings.join('\n')).toMatch(/--data-dir \/tmp\/never-created not used — better-sqlite3 .* cannot be loaded: Could not locate the bindings file.*Serving without persistence/);
  const mock = createWebexMock();
  const r = await mock.engine.handle({ body: '<bogus/>' });
  expect(r.status).toBe(200);
});

it('without a data dir nothing is said', () => {
  const warnings: string[] = [];
  expect(usableDataDir(undefined, (l) => warnings.push(l))).toBeUndefined();
  expect(warnings).toEqual([]);
});
