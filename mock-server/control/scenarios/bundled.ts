/**
 * Bundled scenarios are plain YAML files in mock-server/control/scenarios/ (so users can copy and edit them).
 * tsc does not copy them to dist/, so the compiled code reads them from the source tree, which every clone and
 * every npm package of this repository contains: dist/mock-server/control/scenarios → ../../../../mock-server/...
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseScenarioText, type ParsedScenario } from './parse-scenario';
import { readScenarioFile } from './read-scenario-file';

const CANDIDATES = [__dirname, resolve(__dirname, '../../../../mock-server/control/scenarios')];

export function bundledDir(): string {
  const dir = CANDIDATES.find((d) => existsSync(d) && readdirSync(d).some((f) => f.endsWith('.yaml')));
  if (!dir) throw new Error(`bundled scenarios not found (looked in ${CANDIDATES.join(', ')})`);
  return dir;
}

export function bundledNames(): string[] {
  return readdirSync(bundledDir()).filter((f) => f.endsWith('.yaml')).map((f) => basename(f, '.yaml')).sort();
}

export function bundledPath(name: string): string | undefined {
  if (!/^[a-z0-9-]+$/i.test(name)) return undefined;
  const file = join(bundledDir(), `${name}.yaml`);
  return existsSync(file) ? file : undefined;
}

export function loadBundled(name: string): ParsedScenario {
  const file = bundledPath(name);
  if (!file) throw new Error(`no bundled scenario "${name}" (known: ${bundledNames().join(', ')})`);
  return parseScenarioText(readFileSync(file, 'utf8'), `${name}.yaml`);
}

/** A bundled name, or a path to a .yaml/.yml/.json file. */
export function loadScenarioRef(ref: string): ParsedScenario {
  if (bundledPath(ref)) return loadBundled(ref);
  if (existsSync(ref)) return parseScenarioText(readScenarioFile(ref), ref);
  throw new Error(`"${ref}" is neither a bundled scenario (${bundledNames().join(', ')}) nor a file`);
}
