/**
 * Who may use the admin API and the Inspector — what trusted local dev servers do, because loopback is no
 * boundary for a browser: every web page the developer opens can send requests to 127.0.0.1.
 *
 * `browserGuard` (admin API and Inspector):
 * - loopback clients only, unless allowRemote (the socket address decides; X-Forwarded-For is ignored);
 * - the Host header must name this server (HostPolicy: IP literals, localhost, the bound name, allowed names),
 *   which defeats DNS rebinding (Vite, webpack-dev-server);
 * - a request with an `Origin` that is not this very server is refused (Jupyter, the Docker API): a page on
 *   another origin — another port on 127.0.0.1 included — can neither drive nor read the admin API;
 * - `Sec-Fetch-Site: cross-site|same-site` on an API route is refused too (browsers that omit Origin on GETs).
 * `adminAccess` (the API routes, after the guard):
 * - when a token is configured (option or WEBEX_MOCK_ADMIN_TOKEN), `Authorization: Bearer <token>` is needed,
 *   except for `GET /health`, which then answers `{status}` only;
 * - without a token, a state-changing request (any method but GET/HEAD) needs a JSON content type (YAML for a
 *   scenario): the three types a browser may send cross-origin without asking first (text/plain, form,
 *   multipart) are refused, so a browser must preflight — and no CORS grant is ever given.
 * Reference: docs/control-plane.md, "Security model".
 */
import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { HostPolicy, ALLOWED_HOSTS_ENV } from '../http/host-policy';

export interface AdminAccessOptions {
  /** Accept non-loopback clients (e.g. the mock runs in a container). Default false. */
  allowRemote?: boolean;
  /** Bearer token required on every admin request; default $WEBEX_MOCK_ADMIN_TOKEN, none when unset. */
  token?: string;
  /** Host names allowed besides loopback names and IP literals; default $WEBEX_MOCK_ALLOWED_HOSTS. */
  allowedHosts?: string[];
  /** The policy shared with the XML service and listen() (which adds the bound name); built from allowedHosts when absent. */
  hostPolicy?: HostPolicy;
}

/** Content types a browser must preflight, which the admin API accepts on state-changing requests. */
const NON_SIMPLE_TYPES = /^(application\/(?:[\w.+-]+\+)?json|application\/(?:x-)?yaml|text\/(?:x-)?yaml)\s*(?:;|$)/i;
const READ_METHODS = new Set(['GET', 'HEAD']);

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^127\./.test(address) || /^::ffff:127\./i.test(address);
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function hostPolicyOf(opts: AdminAccessOptions): HostPolicy {
  return opts.hostPolicy ?? new HostPolicy(opts.allowedHosts);
}

function refuse(res: Response, status: number, error: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error });
}

function serverUrl(req: Request): string {
  return `http://${req.headers.host ?? '127.0.0.1:8080'}`;
}

/** Loopback, Host and Origin checks for everything under /_mock, the Inspector's page included. */
export function browserGuard(opts: AdminAccessOptions & { api: boolean }): RequestHandler {
  const policy = hostPolicyOf(opts);
  return (req, res, next) => {
    if (!opts.allowRemote && !isLoopback(req.socket.remoteAddress)) {
      refuse(res, 403, 'the admin API answers loopback clients only (start with --admin-remote to allow others)');
      return;
    }
    const host = req.headers.host;
    if (!policy.allowsHost(host)) {
      const name = host ? JSON.stringify(host) : '(none)';
      refuse(res, 403, `Host ${name} does not name this server: the admin API and the Inspector answer only loopback names, `
        + `IP addresses and allowed names (protection against DNS rebinding). To reach it under this name, start the server with `
        + `--allowed-hosts ${host ? host.replace(/:\d+$/, '') : 'NAME'} (or ${ALLOWED_HOSTS_ENV}).`);
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !policy.isSameOrigin(origin, host)) {
      refuse(res, 403, `a request from the web page at ${origin} is refused: the admin API answers its own Inspector `
        + `(${serverUrl(req)}/_mock/ui/) and non-browser clients (curl, scripts, tests), never other web pages. `
        + `Call it from a script, or open the Inspector on this server.`);
      return;
    }
    const site = req.headers['sec-fetch-site'];
    if (opts.api && (site === 'cross-site' || site === 'same-site')) {
      refuse(res, 403, `a ${site} browser request is refused: the admin API answers its own Inspector (${serverUrl(req)}/_mock/ui/) and non-browser clients only.`);
      return;
    }
    next();
  };
}

/** Token and content-type checks for the API routes (mounted after browserGuard). */
export function adminAccess(opts: AdminAccessOptions = {}): RequestHandler {
  const token = opts.token ?? (process.env.WEBEX_MOCK_ADMIN_TOKEN || undefined);
  return (req, res, next) => {
    if (token !== undefined) {
      const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
      const authorized = m !== null && sameSecret(m[1].trim(), token);
      res.locals.adminAuthorized = authorized;
      if (authorized || (req.method === 'GET' && req.path === '/health')) {
        next();
        return;
      }
      res.status(401).set('WWW-Authenticate', 'Bearer realm="webex-mock admin"').json({ error: 'a bearer token is required (Authorization: Bearer <token>)' });
      return;
    }
    res.locals.adminAuthorized = true;
    if (!READ_METHODS.has(req.method) && !NON_SIMPLE_TYPES.test(req.headers['content-type'] ?? '')) {
      const given = req.headers['content-type'] ? `Content-Type ${req.headers['content-type']}` : 'no Content-Type';
      refuse(res, 415, `${req.method} ${req.originalUrl.split('?')[0]} with ${given} is refused: a request that changes state needs `
        + `Content-Type: application/json (a YAML scenario: application/yaml), which no web page can send here without the `
        + `browser asking first. Example: curl -X ${req.method} -H 'Content-Type: application/json' ${serverUrl(req)}${req.originalUrl}`);
      return;
    }
    next();
  };
}
