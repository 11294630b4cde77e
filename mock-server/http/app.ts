/** The Express app: the admin routers, then the XML service (one handler shared with the plain node:http door). */
import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import type { Engine } from '../engine';
import type { HostPolicy } from './host-policy';
import { XML_SERVICE_PATH, parseByteLimit, xmlServiceHandler, type XmlServiceHandler } from './xml-service';

export { XML_SERVICE_PATH } from './xml-service';
export const DEFAULT_BODY_LIMIT = '5mb';

export interface AppOptions {
  bodyLimit?: string;
  /** Extra routers mounted before the XML service (the admin API under /_mock). */
  routers?: { path: string; router: Router }[];
  /** Which Origin values are this server (the XML service refuses other browser origins); none: no check. */
  hostPolicy?: HostPolicy;
  /** The XML handler to mount (createWebexMock shares its node:http door's); default: one built here. */
  xmlService?: XmlServiceHandler;
}

export function createApp(engine: Engine, opts: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  for (const r of opts.routers ?? []) app.use(r.path, r.router);
  // A browser opened at the server's address lands in the Inspector (when the admin API is mounted).
  if (opts.routers?.some((r) => r.path === '/_mock')) app.get('/', (_req, res) => { res.redirect(302, '/_mock/ui/'); });
  // Any Content-Type or none: real sites do not look at it (SPEC §1.1).
  const xml = opts.xmlService ?? xmlServiceHandler(engine, parseByteLimit(opts.bodyLimit ?? DEFAULT_BODY_LIMIT), opts.hostPolicy);
  // listen() adds the name it binds to.
  app.locals.hostPolicy = opts.hostPolicy;
  app.post(XML_SERVICE_PATH, (req, res) => xml(req, res));
  // listen() serves the XML route from node:http directly with this very handler.
  app.locals.xmlService = xml satisfies XmlServiceHandler;
  app.all(XML_SERVICE_PATH, (_req, res) => {
    res.status(405).set('Allow', 'POST').type('text/plain').send('The XML API accepts POST only.\n');
  });
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const status = typeof err?.status === 'number' ? err.status : 500;
    const message = status === 413 ? 'Request body too large.' : status < 500 ? 'Bad request.' : 'Internal error.';
    if (status >= 500) process.stderr.write(`webex-mock: ${(err as Error).stack}\n`);
    res.status(status).type('text/plain').send(`${message}\n`);
  };
  app.use(onError);
  return app;
}
