/**
 * createWebexMock: the engine, its sites and the Express app, as one object (the typed programmatic API).
 * `setup` fills the registry (default: the demo site); `reset()` runs it again on an empty registry.
 */
import type { AddressInfo } from 'node:net';
import { createServer, type RequestListener, type Server } from 'node:http';
import { XML_SERVICE_PATH, isXmlServiceRequest, parseByteLimit, xmlServiceHandler, type XmlServiceHandler } from './http/xml-service';
import type { Express } from 'express';
import { Engine, responseText } from './engine';
import type { AppOptions } from './http/app';
import { SiteRegistry } from './site/registry';
import type { AdminRouterOptions } from './control/admin-router';
import { ControlPlane, type ControlOptions } from './control/control-plane';
import { HostPolicy } from './http/host-policy';
import { gracefulClose } from './http/graceful-shutdown';
import type { ParsedScenario } from './control/scenarios/parse-scenario';

/*
 * Express (with the admin API, the OAuth endpoints, zod and the Inspector), YAML scenario files, SQLite and TLS are
 * loaded when first needed, not at start: the XML door is plain node:http, and most runs never use a data dir
 * (issue 14 §4: start-up was ~600 ms of module loading).
 */
const lazy = {
  app: () => require('./http/app') as typeof import('./http/app'),
  adminRouter: () => require('./control/admin-router') as typeof import('./control/admin-router'),
  oauth: () => require('./oauth') as typeof import('./oauth'),
  bundled: () => require('./control/scenarios/bundled') as typeof import('./control/scenarios/bundled'),
  sqlite: () => require('./control/persistence/sqlite-store') as typeof import('./control/persistence/sqlite-store'),
  https: () => require('node:https') as typeof import('node:https'),
};

export interface WebexMockOptions {
  /** Populate the registry; default adds the demo site. Called again by reset(). */
  setup?: (registry: SiteRegistry) => void;
  /** Clock for tickets, registration dates and generated personal URLs. */
  now?: () => number;
  app?: AppOptions;
  /** A scenario to load instead of `setup`: a bundled name, a file path, or a parsed document. */
  scenario?: string | ParsedScenario;
  /** Keep all site state in SQLite under this directory (survives restarts). */
  dataDir?: string;
  /** Control plane: journal, faults, admin API access (`adminApi: false` leaves /_mock unmounted). */
  control?: ControlOptions & AdminRouterOptions & { adminApi?: boolean };
}

export interface ListenOptions {
  port?: number;
  host?: string;
  /** Serve https with this certificate and key (PEM), for connectors that refuse plain http. */
  tls?: { cert: string; key: string };
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  /** The XML API endpoint URL. */
  xmlUrl: string;
  port: number;
  server: Server;
  /** Close at once (connections in flight are cut). */
  close(): Promise<void>;
  /** Stop accepting, let requests in flight finish for up to `graceMs` (default 10 s), then close. */
  shutdown(graceMs?: number): Promise<void>;
}

export interface WebexMock {
  app: Express;
  engine: Engine;
  registry: SiteRegistry;
  /** Send one raw XML request through the engine (no HTTP). */
  request(xml: string, host?: string): Promise<{ status: number; headers: Record<string, string>; body: string }>;
  /** Back to the loaded state (`setup`, the scenario, or the demo site); one site only when named. */
  reset(site?: string): void;
  listen(opts?: ListenOptions): Promise<RunningServer>;
  /** Admin operations as functions (the /_mock API calls these), the journal and the faults. */
  control: ControlPlane;
  /** Release the persistent store, if any (the HTTP server is closed by RunningServer.close). */
  close(): void;
}

export function createWebexMock(options: WebexMockOptions = {}): WebexMock {
  const now = options.now ?? Date.now;
  const registry = new SiteRegistry(now);
  const engine = new Engine(registry, now);
  const scenario = typeof options.scenario === 'string' ? lazy.bundled().loadScenarioRef(options.scenario) : options.scenario;
  const { adminApi = true, allowRemote, token, bodyLimit, allowedHosts, hostPolicy: givenPolicy, ...controlOpts } = options.control ?? {};
  const hostPolicy = givenPolicy ?? new HostPolicy(allowedHosts);
  const store = options.dataDir !== undefined ? new (lazy.sqlite().SqliteStore)(options.dataDir) : controlOpts.store;
  const control = new ControlPlane(registry, engine, { ...controlOpts, store, setup: options.setup, scenario });
  // One XML handler for both doors: node:http calls it directly, the Express app (built on first use) mounts it.
  const xml = xmlServiceHandler(engine, parseByteLimit(options.app?.bodyLimit), hostPolicy);
  let app: Express | undefined;
  const appOf = (): Express => {
    if (app) return app;
    const { OAUTH_PATH, createOAuthRouter } = lazy.oauth();
    const routers = [
      ...(adminApi ? [{ path: '/_mock', router: lazy.adminRouter().createAdminRouter(control, { allowRemote, token, bodyLimit, hostPolicy }) }] : []),
      { path: OAUTH_PATH, router: createOAuthRouter(registry) },
      ...(options.app?.routers ?? []),
    ];
    return app = lazy.app().createApp(engine, { hostPolicy, ...options.app, routers, xmlService: xml });
  };
  return {
    get app() { return appOf(); },
    engine,
    registry,
    control,
    request: async (xmlText, host) => {
      const r = await engine.handle({ body: xmlText, host });
      return { status: r.status, headers: r.headers, body: responseText(r) };
    },
    reset: (site) => control.reset(site),
    listen: (opts = {}) => serveHttp(appOf, xml, hostPolicy, opts),
    close: () => store?.close(),
  };
}

/** Serve an Express app built by createApp (its XML route from node:http directly). */
export function listen(app: Express, opts: ListenOptions): Promise<RunningServer> {
  return serveHttp(() => app, app.locals.xmlService as XmlServiceHandler | undefined, app.locals.hostPolicy as HostPolicy | undefined, opts);
}

function serveHttp(appOf: () => Express, xml: XmlServiceHandler | undefined, hostPolicy: HostPolicy | undefined, opts: ListenOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    hostPolicy?.allow(host); // the name given to --host is this server too
    const handler: RequestListener = (req, res) => (xml && isXmlServiceRequest(req) ? xml(req, res) : appOf()(req, res));
    const server: Server = opts.tls ? lazy.https().createServer({ cert: opts.tls.cert, key: opts.tls.key }, handler) : createServer(handler);
    server.listen(opts.port ?? 0, host);
    server.once('error', reject);
    server.once('listening', () => {
      const port = (server.address() as AddressInfo).port;
      const url = `${opts.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
      resolve({
        url, port, server, xmlUrl: `${url}${XML_SERVICE_PATH}`,
        close: () => new Promise<void>((res) => { server.closeAllConnections(); server.close(() => res()); }),
        shutdown: (graceMs) => gracefulClose(server, graceMs),
      });
    });
  });
}
