/** Shared by the hardening tests: raw HTTP posts on loopback, site state fingerprints, response checks. */
import http from 'node:http';
import { createHash } from 'node:crypto';
import { slotValues, type Site, type SiteRegistry } from '../../../mock-server';
import { readXml } from '../../../mock-server/wire/xml-reader';

/** Property runs (a base; properties scale it): 60 in `npm test`, 1000 under `npm run fuzz`, or FUZZ_RUNS. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.npm_lifecycle_event === 'fuzz' ? 1000 : 60));

export interface RawAnswer { status: number; headers: http.IncomingHttpHeaders; body: string }

export function post(url: string, body: Buffer | string, opts: { agent?: http.Agent; headers?: Record<string, string> } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: opts.agent, headers: { 'Content-Type': 'text/xml', ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Everything a request could change on a site, in a stable byte form (passwords hashes included). */
export function siteFingerprint(site: Site): string {
  const users = site.users().map((u) => JSON.stringify([u.userId, slotValues(u.values), u.passwordHash ?? null, u.passwordSalt ?? null, u.registeredAt]));
  // Generators too: a refused CreateUser must not shift the personal URLs and codes later users get.
  const generators = { random: (site.random as unknown as { state: number }).state, urlStamp: (site as unknown as { lastPersonalUrlStamp: number }).lastPersonalUrlStamp };
  return JSON.stringify({ users, usage: site.usage(), config: site.config, count: site.userCount, generators });
}

export function registryFingerprint(registry: SiteRegistry): string {
  const h = createHash('sha256');
  for (const site of registry.all()) h.update(site.name).update('\0').update(siteFingerprint(site)).update('\0');
  return h.digest('hex');
}

/** The answer is a Webex envelope (well-formed, SUCCESS or FAILURE with an exceptionID), or a clear HTTP error. */
export function expectWebexAnswer(a: { status: number; body: string }): 'SUCCESS' | 'FAILURE' | 'HTTP_ERROR' {
  if (a.status !== 200) {
    expect(a.status).toBeGreaterThanOrEqual(400);
    expect(a.status).toBeLessThan(500);
    return 'HTTP_ERROR';
  }
  const root = readXml(a.body, { maxDepth: 64, maxElements: 1_000_000 });
  expect(root.name).toBe('message');
  const result = /<serv:result>(SUCCESS|FAILURE)<\/serv:result>/.exec(a.body)?.[1];
  expect(result).toBeDefined();
  if (result === 'FAILURE') expect(a.body).toMatch(/<serv:exceptionID>[0-9A-Z]+<\/serv:exceptionID>/);
  return result as 'SUCCESS' | 'FAILURE';
}

export const exceptionOf = (body: string) => /<serv:exceptionID>([^<]*)</.exec(body)?.[1];
