/**
 * createWebexMock: the engine, its sites and the Express app, as one object (the typed programmatic API).
 * `setup` fills the registry (default: the demo site); `reset()` runs it again on an empty registry.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { Engine } from './engine';
import { createApp, XML_SERVICE_PATH, type AppOptions } from './http/app';
import { addDemoSite } from './site/demo-site';
import { SiteRegistry } from './site/registry';

export interface WebexMockOptions {
  /** Populate the registry; default adds the demo site. Called again by reset(). */
  setup?: (registry: SiteRegistry) => void;
  /** Clock for tickets, registration dates and generated personal URLs. */
  now?: () => number;
  app?: AppOptions;
}

export interface ListenOptions {
  port?: number;
  host?: string;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  /** The XML API endpoint URL. */
  xmlUrl: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export interface WebexMock {
  app: Express;
  engine: Engine;
  registry: SiteRegistry;
  /** Send one raw XML request through the engine (no HTTP). */
  request(xml: string, host?: string): Promise<{ status: number; headers: Record<string, string>; body: string }>;
  /** Back to the state `setup` builds. */
  reset(): void;
  listen(opts?: ListenOptions): Promise<RunningServer>;
}

export function createWebexMock(options: WebexMockOptions = {}): WebexMock {
  const now = options.now ?? Date.now;
  const registry = new SiteRegistry(now);
  const setup = options.setup ?? ((r: SiteRegistry) => { addDemoSite(r); });
  setup(registry);
  const engine = new Engine(registry, now);
  const app = createApp(engine, options.app);
  return {
    app,
    engine,
    registry,
    request: (xml, host) => engine.handle({ body: xml, host }),
    reset() {
      registry.clear();
      setup(registry);
    },
    listen: (opts = {}) => listen(app, opts),
  };
}

export function listen(app: Express, opts: ListenOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = app.listen(opts.port ?? 0, host);
    server.once('error', reject);
    server.once('listening', () => {
      const port = (server.address() as AddressInfo).port;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
      resolve({
        url, port, server, xmlUrl: `${url}${XML_SERVICE_PATH}`,
        close: () => new Promise<void>((res) => { server.closeAllConnections(); server.close(() => res()); }),
      });
    });
  });
}
