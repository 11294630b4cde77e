/**
 * Who may use the admin API: loopback clients only (unless allowRemote), and, when a token is configured
 * (option or WEBEX_MOCK_ADMIN_TOKEN), only requests with `Authorization: Bearer <token>`.
 * The socket address decides; X-Forwarded-For is ignored so a remote client cannot claim to be local.
 */
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

export interface AdminAccessOptions {
  /** Accept non-loopback clients (e.g. the mock runs in a container). Default false. */
  allowRemote?: boolean;
  /** Bearer token required on every admin request; default $WEBEX_MOCK_ADMIN_TOKEN, none when unset. */
  token?: string;
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^127\./.test(address) || /^::ffff:127\./i.test(address);
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function adminAccess(opts: AdminAccessOptions = {}): RequestHandler {
  const token = opts.token ?? (process.env.WEBEX_MOCK_ADMIN_TOKEN || undefined);
  return (req, res, next) => {
    if (!opts.allowRemote && !isLoopback(req.socket.remoteAddress)) {
      res.status(403).json({ error: 'the admin API answers loopback clients only (start with --admin-remote to allow others)' });
      return;
    }
    if (token !== undefined) {
      const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
      if (!m || !sameSecret(m[1].trim(), token)) {
        res.status(401).set('WWW-Authenticate', 'Bearer realm="webex-mock admin"').json({ error: 'a bearer token is required (Authorization: Bearer <token>)' });
        return;
      }
    }
    next();
  };
}
