/**
 * The admin API (JSON) mounted at /_mock. Every route is a thin call into the ControlPlane; errors answer
 * `{ "error": message, "issues"?: [...] }` with 400 (bad input), 404 (unknown site/user/fault) or 413.
 * Reference: docs/control-plane.md.
 */
import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { ZodError } from 'zod';
import { adminAccess, browserGuard, hostPolicyOf, type AdminAccessOptions } from './admin-access';
import { catalogView } from './catalog-view';
import { ControlError, type ControlPlane } from './control-plane';
import { bundledNames, bundledPath, loadBundled } from './scenarios/bundled';
import { parseScenarioText, validateScenario } from './scenarios/parse-scenario';
import { ScenarioError } from './scenarios/scenario-error';
import { scenarioUserCount } from './scenarios/scenario-schema';
import { MAX_ADMIN_CALL_USERS } from './limits';
import { siteDetail, siteSummary } from './site-view';
import { searchUsers, userDetail } from './user-view';
import { uiRouter } from './ui/router';

export interface AdminRouterOptions extends AdminAccessOptions {
  /** Largest JSON/YAML body (scenarios and snapshots of big sites). Default 50mb. */
  bodyLimit?: string;
}

const MAX_PAGE = 1000;

export function createAdminRouter(control: ControlPlane, opts: AdminRouterOptions = {}): Router {
  const r = Router();
  const limit = opts.bodyLimit ?? '50mb';
  const access = { ...opts, hostPolicy: hostPolicyOf(opts) };
  // The Inspector's page and assets hold no data (it reads everything through the routes below, with their
  // access checks), so a browser can load it before it is asked for a token — but only under this server's name.
  r.use('/ui', browserGuard({ ...access, api: false }), uiRouter());
  r.use(browserGuard({ ...access, api: true }));
  r.use(adminAccess(access));
  r.use(express.json({ limit }));
  r.use(express.text({ limit, type: ['text/*', 'application/yaml', 'application/x-yaml'] }));
  r.use((_req, res, next) => { res.set('Cache-Control', 'no-store'); next(); });

  r.get('/health', (_req, res) => {
    // Readiness probes need no token; what the mock holds is for authorized callers only.
    if (res.locals.adminAuthorized !== true) {
      res.json({ status: 'ok' });
      return;
    }
    const sites = control.registry.all();
    res.json({
      status: 'ok',
      uptimeSeconds: Math.round((control.engine.now() - control.startedAt) / 1000),
      sites: sites.length,
      users: sites.reduce((n, s) => n + s.userCount, 0),
      scenario: control.scenarioInfo ?? null,
      journal: control.journal ? control.journal.health() : null,
      faults: control.faults.list().length,
      answerCache: control.engine.answers.stats(),
      listItemCache: control.engine.listItems.stats(),
      listPageCache: control.engine.listPages.stats(),
      persistent: control.store !== undefined,
    });
  });

  r.post('/reset', (req, res) => {
    const site = typeof req.body === 'object' && req.body !== null ? (req.body as { site?: unknown }).site : undefined;
    if (site !== undefined && typeof site !== 'string') throw new ControlError(400, '"site" must be a site name');
    control.reset(site);
    res.json({ reset: site ?? 'all', sites: control.registry.all().map(siteSummary) });
  });

  r.get('/scenarios', (_req, res) => {
    res.json(bundledNames().map((name) => {
      const s = loadBundled(name).scenario;
      return { name, description: s.description ?? '' };
    }));
  });

  r.post('/scenario', async (req, res) => {
    const body: unknown = req.body;
    let parsed;
    if (typeof body === 'string') parsed = parseScenarioText(body, 'request body');
    else if (isObject(body) && typeof body.bundled === 'string' && Object.keys(body).length === 1) {
      if (!bundledPath(body.bundled)) throw new ControlError(404, `no bundled scenario "${body.bundled}" (known: ${bundledNames().join(', ')})`);
      parsed = loadBundled(body.bundled);
    }
    else if (isObject(body)) parsed = { ...validateScenario(body, 'request body'), source: 'request body', locate: () => undefined };
    else throw new ControlError(400, 'send a scenario as JSON, as YAML text (Content-Type: application/yaml), or {"bundled": "NAME"}');
    const users = scenarioUserCount(parsed.scenario);
    if (users > MAX_ADMIN_CALL_USERS) {
      throw new ControlError(400, `this scenario builds ${users.toLocaleString('en-US')} users; one admin call builds at most ${MAX_ADMIN_CALL_USERS.toLocaleString('en-US')} (start the server with --scenario FILE for a larger one)`);
    }
    await control.loadScenarioAsync(parsed);
    res.json({ loaded: parsed.scenario.name ?? parsed.source, sites: control.registry.all().map(siteSummary), faults: control.faults.list() });
  });

  r.get('/sites', (_req, res) => { res.json(control.registry.all().map(siteSummary)); });
  r.post('/sites', (req, res) => {
    const users = isObject(req.body) ? scenarioUserCount({ sites: [{ admins: arrayOf(req.body.admins), users: arrayOf(req.body.users), generate: req.body.generate as { count: number } | undefined }] }) : 0;
    if (users > MAX_ADMIN_CALL_USERS) throw new ControlError(400, `this site builds ${users.toLocaleString('en-US')} users; one admin call builds at most ${MAX_ADMIN_CALL_USERS.toLocaleString('en-US')}`);
    res.status(201).json(siteDetail(control.addSite(req.body)));
  });
  r.delete('/sites/:site', (req, res) => { res.json({ deleted: control.deleteSite(param(req, 'site')) }); });
  r.get('/sites/:site', (req, res) => { res.json(siteDetail(control.site(param(req, 'site')))); });
  r.patch('/sites/:site', (req, res) => { res.json(siteDetail(control.patchSite(param(req, 'site'), req.body))); });

  r.get('/sites/:site/users', (req, res) => {
    const site = control.site(param(req, 'site'));
    const offset = intQuery(req, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const pageSize = intQuery(req, 'limit', 50, 1, MAX_PAGE);
    res.json(searchUsers(site, typeof req.query.q === 'string' ? req.query.q : '', offset, pageSize));
  });

  r.get('/sites/:site/users/:webExId', (req, res) => {
    const site = control.site(param(req, 'site'));
    const rec = site.findUser(param(req, 'webExId'));
    if (!rec) throw new ControlError(404, `no user ${param(req, 'webExId')} on site ${site.name}`);
    res.json(userDetail(rec));
  });

  /** The user confirms a pending email change (API 40.4.0) or the Control Hub activation email (API 41.11.0). */
  r.post('/sites/:site/users/:webExId/verify', (req, res) => {
    res.json(userDetail(control.verifyUser(param(req, 'site'), param(req, 'webExId'))));
  });

  r.get('/sites/:site/snapshot', (req, res) => {
    const snap = control.exportSnapshot(param(req, 'site'));
    res.set('Content-Disposition', `attachment; filename="${snap.config.name}-snapshot.json"`).json(snap);
  });
  r.post('/sites/:site/snapshot', (req, res) => {
    const users = isObject(req.body) && Array.isArray(req.body.users) ? req.body.users.length : 0;
    if (users > MAX_ADMIN_CALL_USERS) throw new ControlError(400, `this snapshot holds ${users.toLocaleString('en-US')} users; one admin call imports at most ${MAX_ADMIN_CALL_USERS.toLocaleString('en-US')}`);
    res.json(siteSummary(control.importSnapshot(param(req, 'site'), req.body)));
  });

  r.get('/catalog', (_req, res) => { res.json(catalogView()); });

  r.get('/journal', (req, res) => {
    if (!control.journal) throw new ControlError(404, 'the journal is off');
    const str = (k: string) => (typeof req.query[k] === 'string' ? (req.query[k] as string) : undefined);
    res.json(control.journal.query({
      site: str('site'), operation: str('operation'), result: str('result'), since: str('since'),
      limit: intQuery(req, 'limit', 100, 0, control.journal.size),
    }));
  });
  r.delete('/journal', (_req, res) => {
    control.journal?.clear();
    res.json({ cleared: true });
  });

  // OAuth: integrations (without secrets) and live grants (without tokens); revoke as a user or admin would.
  r.get('/oauth', (_req, res) => { res.json(control.registry.oauth.list()); });
  const grantFilter = (req: Request) => {
    const body: unknown = req.body ?? {};
    if (!isObject(body)) throw new ControlError(400, 'send {"site"?, "webExId"?, "clientId"?} (an empty object matches every token)');
    const unknown = Object.keys(body).filter((k) => !['site', 'webExId', 'clientId'].includes(k));
    if (unknown.length) throw new ControlError(400, `unknown field(s) ${unknown.join(', ')}`);
    for (const k of ['site', 'webExId', 'clientId'] as const) {
      if (body[k] !== undefined && (typeof body[k] !== 'string' || body[k] === '')) throw new ControlError(400, `"${k}" must be a non-empty string`);
    }
    const filter = body as { site?: string; webExId?: string; clientId?: string };
    if (filter.site !== undefined) control.site(filter.site); // 404 for an unknown site
    return filter;
  };
  r.post('/oauth/integrations', (req, res) => {
    const { integrationSchema } = require('../oauth/integration-schema') as typeof import('../oauth/integration-schema');
    const spec = integrationSchema.parse(req.body); // a ZodError: 400 with the issues
    if (!control.registry.oauth.addIntegration(spec)) throw new ControlError(409, `an integration with client id ${spec.clientId} exists already`);
    const { clientSecret: _secret, ...shown } = spec;
    res.status(201).json(shown);
  });
  r.delete('/oauth/integrations/:clientId', (req, res) => {
    if (!control.registry.oauth.removeIntegration(param(req, 'clientId'))) throw new ControlError(404, `no integration ${param(req, 'clientId')}`);
    res.json({ removed: param(req, 'clientId') });
  });
  r.post('/oauth/revoke', (req, res) => { res.json({ revoked: control.registry.oauth.revoke(grantFilter(req)) }); });
  r.post('/oauth/expire', (req, res) => { res.json({ expired: control.registry.oauth.expireAccessTokens(grantFilter(req)) }); });

  r.get('/faults', (_req, res) => { res.json(control.faults.list()); });
  r.post('/faults', (req, res) => { res.status(201).json(control.faults.add(req.body)); });
  r.delete('/faults', (_req, res) => {
    const removed = control.faults.list().length;
    control.faults.clear();
    res.json({ removed });
  });
  r.delete('/faults/:id', (req, res) => {
    if (!control.faults.remove(param(req, 'id'))) throw new ControlError(404, `no fault ${param(req, 'id')}`);
    res.json({ removed: 1 });
  });

  r.use((req, res) => { res.status(404).json({ error: `no admin route ${req.method} ${req.baseUrl}${req.path}` }); });
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    if (err instanceof ControlError) { res.status(err.status).json({ error: err.message, issues: err.issues }); return; }
    if (err instanceof ScenarioError) { res.status(400).json({ error: err.message, issues: err.issues }); return; }
    if (err instanceof ZodError) {
      const issues = err.issues.map((i) => ({ path: i.path.join('.'), message: i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}` : i.message }));
      res.status(400).json({ error: issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; '), issues });
      return;
    }
    const status = typeof err?.status === 'number' ? err.status : 500;
    if (status >= 500) process.stderr.write(`webex-mock admin: ${(err as Error).stack}\n`);
    res.status(status).json({ error: status === 413 ? 'body too large' : status < 500 ? (err as Error).message : 'internal error' });
  };
  r.use(onError);
  return r;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arrayOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function param(req: Request, name: string): string {
  return String(req.params[name]);
}

function intQuery(req: Request, name: string, dflt: number, min: number, max: number): number {
  const raw = req.query[name];
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(n) || n < min || n > max) throw new ControlError(400, `"${name}" must be an integer from ${min} to ${max}`);
  return n;
}

export type { Response };
