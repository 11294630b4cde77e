/**
 * The JSON-lines adapter protocol, end to end: the example Python connector (examples/stdio-adapter-python,
 * standard library only) passes the suite; a program that breaks the protocol is
 * one error up front (adapter-failures.test.ts).
 */
import { join } from 'node:path';
import { StdioAdapterProvider } from '../../conformance/adapters/stdio';
import { requiredFailures, runWith } from './run-suite';

/** A run of many cases through a Python process: this bound only catches a hang; speed is measured in bench/. */
const RUN_TIMEOUT_MS = 180_000;
const PYTHON_ADAPTER = `python3 ${join(__dirname, '../../examples/stdio-adapter-python/adapter.py')}`;

it('the Python stdio adapter passes the lifecycle, errors and personalUrl groups', async () => {
  const report = await runWith(new StdioAdapterProvider(PYTHON_ADAPTER), { groups: ['lifecycle', 'errors', 'personalUrl'] });
  expect(report.results.length).toBeGreaterThan(40);
  expect(requiredFailures(report)).toEqual([]);
}, RUN_TIMEOUT_MS);

it('the Python stdio adapter maps attributes right (a sample of the attribute and feature groups)', async () => {
  const report = await runWith(new StdioAdapterProvider(PYTHON_ADAPTER), { groups: ['attributes', 'features'], ids: ['privilege*', 'tspAccount*', 'boolean-*', 'personalUrl.*', 'webExId.*', 'schema.only-o*'] });
  expect(report.results.length).toBeGreaterThan(60);
  expect(requiredFailures(report)).toEqual([]);
}, RUN_TIMEOUT_MS);
