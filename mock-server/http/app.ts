/** The Express door onto the engine: POST /WBXService/XMLService, raw bytes in, the engine's answer out. */
import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import type { Engine } from '../engine';

export const XML_SERVICE_PATH = '/WBXService/XMLService';
export const DEFAULT_BODY_LIMIT = '5mb';

export interface AppOptions {
  bodyLimit?: string;
  /** Extra routers mounted before the XML service (the admin API under /_mock). */
  routers?: { path: string; router: Router }[];
}

export function createApp(engine: Engine, opts: AppOptions = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  for (const r of opts.routers ?? []) app.use(r.path, r.router);
  // Any Content-Type or none: real sites do not look at it (SPEC §1.1).
  const raw = express.raw({ type: () => true, limit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT });
  app.post(XML_SERVICE_PATH, raw, async (req, res, next) => {
    try {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const out = await engine.handle({ body, host: req.headers.host });
      if (out.dropConnection) {
        req.socket.destroy();
        return;
      }
      // writeHead keeps the header bytes exactly as real sites send them (express would respace Content-Type).
      res.writeHead(out.status, out.headers).end(out.body);
    } catch (e) {
      next(e);
    }
  });
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
