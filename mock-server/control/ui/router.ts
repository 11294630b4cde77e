/**
 * The Inspector UI: GET /_mock/ui serves one HTML page, its ES modules and one stylesheet; the page talks to the
 * admin API (same origin, under /_mock). No framework, no build step, nothing fetched from outside:
 * the Content-Security-Policy forbids any origin but this server (module scripts load under script-src 'self').
 */
import { Router, type Request, type Response } from 'express';
import { loadAssets, type Asset } from './assets';

const CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self' data:",
  "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

function send(res: Response, asset: Asset): void {
  res.status(200).set({
    'Content-Type': asset.contentType,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
    'Referrer-Policy': 'no-referrer',
  }).send(asset.body);
}

let cachedAssets: ReadonlyMap<string, Asset> | undefined;

/** Mount at `/_mock/ui`. */
export function uiRouter(): Router {
  const assets = (cachedAssets ??= loadAssets());
  const router = Router();
  const page = assets.get('index.html')!;
  router.get('/', (req: Request, res: Response) => {
    // Relative asset URLs in the page need the trailing slash: /_mock/ui → /_mock/ui/.
    if (!req.originalUrl.split('?')[0].endsWith('/')) {
      res.redirect(301, `${req.baseUrl}/`);
      return;
    }
    send(res, page);
  });
  router.get('/:file', (req: Request, res: Response) => {
    const asset = assets.get(String(req.params.file));
    if (!asset) {
      res.status(404).type('text/plain').send('Not found.\n');
      return;
    }
    send(res, asset);
  });
  return router;
}
