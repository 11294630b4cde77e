/** The OAuth endpoints (endpoints.ts) on the mock's Express app, mounted at /v1 as Webex serves them. */
import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import type { SiteRegistry } from '../site/registry';
import { accessToken, authorizeGet, authorizePost, tokenError, type OAuthAnswer } from './endpoints';

const FORM_LIMIT = '64kb';

function send(res: Response, a: OAuthAnswer): void {
  res.status(a.status).set(a.headers).send(a.body);
}

export function createOAuthRouter(registry: SiteRegistry): Router {
  const r = Router();
  const form = express.urlencoded({ extended: false, limit: FORM_LIMIT });
  const body = (req: Request) => (req.body ?? {}) as Record<string, unknown>;
  r.get('/authorize', (req, res) => send(res, authorizeGet(registry, req.query as Record<string, unknown>)));
  r.post('/authorize', form, (req, res) => send(res, authorizePost(registry, body(req))));
  r.post('/access_token', form, (req, res) => send(res, accessToken(registry, body(req))));
  r.all(['/authorize', '/access_token'], (req, res) => {
    res.status(405).set('Allow', req.path === '/authorize' ? 'GET, POST' : 'POST').type('text/plain').send('Method not allowed.\n');
  });
  // A body the form parser refuses (too large, bad charset): the token endpoint still answers in its JSON shape.
  const onError: ErrorRequestHandler = (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const status = typeof err?.status === 'number' ? err.status : 500;
    if (status >= 500) return next(err);
    if (req.path === '/access_token') return send(res, tokenError('invalid_request', status === 413 ? 'request body too large' : 'the body must be application/x-www-form-urlencoded'));
    res.status(status).type('text/plain').set('Cache-Control', 'no-store').send(status === 413 ? 'Request body too large.\n' : 'Bad request.\n');
  };
  r.use(onError);
  return r;
}
