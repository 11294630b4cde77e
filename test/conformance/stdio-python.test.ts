/**
 * The JSON-lines adapter protocol, end to end: the example Python connector (examples/stdio-adapter-python,
 * standard library only) passes the suite; a program that breaks the protocol fails cases instead of hanging.
 */
import { join } from 'node:path';
import { StdioAdapterProvider } from '../../conformance/adapters/stdio';
import { failedIds, requiredFailures, runWith } from './run-suite';

const PYTHON_ADAPTER = `python3 ${join(__dirname, '../../examples/stdio-adapter-python/adapter.py')}`;

it('the Python stdio adapter passes the lifecycle, errors and personalUrl groups', async () => {
  const report = await runWith(new StdioAdapterProvider(PYTHON_ADAPTER), { groups: ['lifecycle', 'errors', 'personalUrl'] });
  expect(report.results.length).toBeGreaterThan(40);
  expect(requiredFailures(report)).toEqual([]);
});

it('the Python stdio adapter maps attributes right (a sample of the attribute and feature groups)', async () => {
  const report = await runWith(new StdioAdapterProvider(PYTHON_ADAPTER), { groups: ['attributes', 'features'], ids: ['privilege*', 'tspAccount*', 'boolean-*', 'personalUrl.*', 'webExId.*'] });
  expect(report.results.length).toBeGreaterThan(60);
  expect(requiredFailures(report)).toEqual([]);
});

it('a program that exits or answers garbage fails the cases with the reason, never hangs', async () => {
  const crashing = new StdioAdapterProvider(`node -e "process.stdin.once('data', () => process.exit(3))"`);
  const report = await runWith(crashing, { groups: ['lifecycle'], ids: ['update', 'get'] });
  expect(failedIds(report)).toEqual(['lifecycle/get', 'lifecycle/update']);
  expect(report.results[0].actual).toMatch(/exited \(code 3\)/);

  const garbage = new StdioAdapterProvider(`node -e "require('readline').createInterface({input: process.stdin}).on('line', (l) => console.log(JSON.stringify({ id: JSON.parse(l).id, ok: 'maybe' })))"`);
  const report2 = await runWith(garbage, { groups: ['lifecycle'], ids: ['get'] });
  expect(report2.results[0].status).toBe('fail');
  expect(report2.results[0].actual).toMatch(/malformed answer|configure failed/);
});
