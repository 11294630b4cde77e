/**
 * The in-process emulator for a run: one webex-mock on an ephemeral loopback port, one fresh site per case
 * (so cases are independent and can run concurrently), per-site capture of every exchange and per-site faults.
 */
import {
  allFeatures, createWebexMock, inputFromPaths, knownSessionType, responseText, seedUsers, siteConfig,
  type EngineResponse, type Exchange, type RunningServer, type Site, type WebexMock,
} from './core';
import type { FeatureKey } from '../../mock-server/catalog';
import type { CapturedExchange } from './capture';
import { redactXml } from './capture';
import { rewritten, takeFault, type Fault } from './faults';

/** The integration every case site accepts tokens of; `oauth` cases authorize it for the site's admin. */
export const CONFORMANCE_INTEGRATION = {
  clientId: 'C-webex-conformance-suite',
  clientSecret: 'conformance-suite-client-secret',
  redirectUri: 'http://127.0.0.1:9/conformance-callback',
} as const;

export const ADMIN = { webExId: 'confadmin', password: 'Adm1n!Conformance', email: 'confadmin@conformance.example.com' };
export const HOST = { webExId: 'confhost', password: 'H0st!Conformance', email: 'confhost@conformance.example.com' };
/** Session types of every case site: 214 (Meeting Center PRO, the default) and 216 (ONS, Online Event: an Event Center type). */
export const DEFAULT_SESSION_TYPE = 214;
export const SECOND_SESSION_TYPE = 216;

export interface SiteSpec {
  /** Features switched off (everything else is on). */
  featuresOff?: FeatureKey[];
  sparkMeet?: boolean;
  controlHubManaged?: boolean;
  /** API 42.6.0 suspended site (admins' CreateUser / SetUser → 010107). */
  suspended?: boolean;
  /** User limit of session type 214 (null = unlimited). */
  sessionTypeLimit?: number | null;
  hostLimit?: number | null;
  /** SAML SSO site: passwords refused, OAuth tokens only. */
  samlSSO?: boolean;
  /** Extra generated users (faker, fixed seed). */
  seedUsers?: number;
  /** The site's name before its sequence number (default `wmconf`): names as admins type them (case, hyphens). */
  namePrefix?: string;
}

export interface CaseSite {
  name: string;
  site: Site;
  url: string;
  faults: Fault[];
  exchanges: CapturedExchange[];
}

export class InProcessEmulator {
  private seq = 0;
  private readonly sites = new Map<string, CaseSite>();
  private readonly exchangeOf = new WeakMap<object, Exchange>();

  private constructor(readonly mock: WebexMock, readonly server: RunningServer) {
    const engine = mock.engine;
    engine.observers.push((exchange) => this.exchangeOf.set(exchange.request, exchange));
    engine.interceptors.push((ctx) => {
      const hit = takeFault(this.sites.get(ctx.site.name)?.faults, ctx.op.name, 'before');
      if (!hit) return undefined;
      ctx.meta.fault = hit.label;
      const e = hit.effect;
      if (e.kind === 'http') return gatewayError(e.status, e.headers);
      if (e.kind === 'drop') return { status: 200, headers: {}, body: '', dropConnection: true };
      if (e.kind === 'failure') {
        const r = ctx.failure(e.exceptionID, e.reason, { gsbStatus: e.gsbStatus });
        return { ...r, headers: { ...r.headers, ...e.headers } };
      }
      return undefined;
    });
    // Faults after the operation committed need the answer itself: wrap `respond`, which both doors reach (the HTTP
    // door calls it directly, msw through `handle`), keeping its answer synchronous when it was.
    const inner = engine.respond.bind(engine);
    engine.respond = (request) => {
      const out = inner(request);
      return out instanceof Promise ? out.then((r) => this.afterOperation(request, r)) : this.afterOperation(request, out);
    };
  }

  /** The case site's `after` fault applied to the answer, and the exchange captured for the case. */
  private afterOperation(request: object, answer: EngineResponse): EngineResponse {
    let response = answer;
    const exchange = this.exchangeOf.get(request);
    const caseSite = exchange?.meta.site ? this.sites.get(exchange.meta.site) : undefined;
    if (!exchange || !caseSite) return response;
    const hit = takeFault(caseSite.faults, exchange.meta.operation, 'after');
    let shown: string | undefined;
    if (hit?.effect.kind === 'drop') response = { ...response, dropConnection: true };
    else if (hit?.effect.kind === 'http') response = gatewayError(hit.effect.status, hit.effect.headers);
    else if (hit?.effect.kind === 'rewrite') {
      const out = rewritten(hit.effect, responseText(response), response.headers);
      shown = out.text;
      response = { status: response.status, headers: out.headers, body: out.body };
    }
    caseSite.exchanges.push(capture(exchange, response, hit?.label ?? exchange.meta.fault, shown));
    return response;
  }

  static async start(): Promise<InProcessEmulator> {
    const mock = createWebexMock({ setup: () => {} });
    const { clientId, clientSecret, redirectUri } = CONFORMANCE_INTEGRATION;
    // Auto-approved for whichever site and user the authorize request names (site + login_hint).
    mock.registry.oauth.setIntegrations([{
      clientId, clientSecret, redirectUris: [redirectUri], scopes: ['all_read', 'user_modify', 'meeting_modify', 'spark:all'],
      autoApprove: { site: 'wmconf1', webExId: ADMIN.webExId },
    }]);
    const server = await mock.listen({ host: '127.0.0.1', port: 0 });
    return new InProcessEmulator(mock, server);
  }

  get xmlUrl(): string {
    return this.server.xmlUrl;
  }

  /** A fresh site: a site admin, a plain host, the requested features, limits and flags. */
  createSite(spec: SiteSpec = {}): CaseSite {
    const n = ++this.seq;
    const name = `${spec.namePrefix ?? 'wmconf'}${n}`;
    const features = allFeatures(true);
    for (const f of spec.featuresOff ?? []) features[f] = false;
    const site = this.mock.registry.add(siteConfig({
      name, id: 700000 + n, features,
      flags: { sparkMeet: false, controlHubManaged: false },
      sessionTypes: [knownSessionType(DEFAULT_SESSION_TYPE, spec.sessionTypeLimit ?? null), knownSessionType(SECOND_SESSION_TYPE, null)],
      defaultSessionTypes: [DEFAULT_SESSION_TYPE],
      hostLimit: spec.hostLimit ?? null,
    }), n);
    const at = Date.UTC(2025, 0, 6, 9, 0, 0);
    site.createUser(inputFromPaths({ webExId: ADMIN.webExId, email: ADMIN.email, firstName: 'Conformance', lastName: 'Admin', password: ADMIN.password, 'privilege/siteAdmin': 'true' }), { at, skipLicenceChecks: true });
    site.createUser(inputFromPaths({ webExId: HOST.webExId, email: HOST.email, firstName: 'Conformance', lastName: 'Host', password: HOST.password }), { at: at + 1000, skipLicenceChecks: true });
    if (spec.seedUsers) seedUsers(site, spec.seedUsers, 20161208 + n, at + 60_000);
    // Flags last: the admin above could not be created on a Spark Meet site (roles are refused there).
    site.config.flags = { sparkMeet: spec.sparkMeet ?? false, controlHubManaged: spec.controlHubManaged ?? false };
    site.config.samlSSO = spec.samlSSO ?? false;
    site.config.suspended = spec.suspended ?? false;
    const caseSite: CaseSite = { name, site, url: this.xmlUrl, faults: [], exchanges: [] };
    this.sites.set(name, caseSite);
    return caseSite;
  }

  removeSite(name: string): void {
    this.sites.delete(name);
    this.mock.registry.remove(name);
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

/** What a load balancer answers when the service behind it fails: an HTML page, not XML. */
function gatewayError(status: number, headers: Record<string, string> = {}): EngineResponse {
  return { status, headers: { 'Content-Type': 'text/html', ...headers }, body: `<html><body><h1>${status}</h1>The service is temporarily unavailable.</body></html>` };
}

/** `shown`: the answer's text when its bytes are not UTF-8 (an ISO-8859-1 rewrite). */
function capture(exchange: Exchange, response: EngineResponse, fault: string | undefined, shown?: string): CapturedExchange {
  const body = exchange.request.body;
  const result = response.dropConnection ? 'DROPPED' : response.status !== 200 ? 'HTTP_ERROR' : exchange.meta.result;
  return {
    operation: exchange.meta.operation,
    startedAt: exchange.startedAt,
    request: redactXml(typeof body === 'string' ? body : body.toString('utf8')),
    status: response.dropConnection ? 0 : response.status,
    response: response.dropConnection ? '' : redactXml(shown ?? responseText(response)),
    result,
    ...(exchange.meta.exceptionID ? { exceptionID: exchange.meta.exceptionID } : {}),
    ...(fault ? { fault } : {}),
    ...(exchange.meta.ignoredElements?.length ? { ignoredElements: exchange.meta.ignoredElements } : {}),
  };
}
