/** Which connector a run checks: the reference connector, an adapter module, or a stdio program. */
import { resolve } from 'node:path';
import type { AdapterFactory } from '../adapter';
import type { AdapterProvider } from '../runner';
import { createAdapter as referenceAdapter } from './reference';
import { StdioAdapterProvider } from './stdio';

export function factoryProvider(name: string, factory: AdapterFactory): AdapterProvider {
  return { name, open: async (config) => factory(config) };
}

export const referenceProvider = (): AdapterProvider => factoryProvider('reference connector (connector/)', referenceAdapter);

/** A CommonJS module (compiled JavaScript, or TypeScript under a require hook) exporting createAdapter or default. */
export function moduleProvider(path: string): AdapterProvider {
  const full = resolve(path);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(full) as { createAdapter?: unknown; default?: unknown };
  const factory = [mod.createAdapter, mod.default, mod].find((f) => typeof f === 'function') as AdapterFactory | undefined;
  if (!factory) throw new Error(`${path} exports no adapter factory (export createAdapter(config) or a default function)`);
  return factoryProvider(`adapter module ${path}`, factory);
}

export function stdioProvider(command: string): AdapterProvider {
  return new StdioAdapterProvider(command);
}
