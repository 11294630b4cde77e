/**
 * The Inspector's static files (HTML, JS, CSS) live next to this module in `static/`. tsc does not copy them
 * to dist/, so a compiled build finds them in the source tree at the package root instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Asset {
  contentType: string;
  body: Buffer;
}

const JS = 'text/javascript; charset=utf-8';

/**
 * Every file the page may load (anything else is a 404). The script is native ES modules: app.js routes, one
 * module per view, and the shared api.js (admin API client), dom.js (DOM helpers) and store.js (shared state).
 */
export const ASSET_FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'app.js': JS,
  'api.js': JS,
  'dom.js': JS,
  'store.js': JS,
  'sites.js': JS,
  'users.js': JS,
  'user-detail.js': JS,
  'journal.js': JS,
  'faults.js': JS,
};

/** Source run (jest, ts-node): ./static. Compiled run: dist/mock-server/control/ui → <root>/mock-server/control/ui/static. */
export function staticDir(): string {
  const candidates = [join(__dirname, 'static'), join(__dirname, '..', '..', '..', '..', 'mock-server', 'control', 'ui', 'static')];
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')));
  if (!found) throw new Error(`Inspector UI assets not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Read every asset once: they are small, and a missing file should fail at start-up, not on first view. */
export function loadAssets(dir = staticDir()): ReadonlyMap<string, Asset> {
  return new Map(Object.entries(ASSET_FILES).map(([name, contentType]) => [name, { contentType, body: readFileSync(join(dir, name)) }]));
}
