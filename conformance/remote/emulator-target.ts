/**
 * --url pointing at a running webex-mock (its admin API at /_mock answers): the suite controls the emulator as
 * it does in-process. Every case gets a fresh site created through the admin API (POST /_mock/sites, a unique
 * wmconf-<run>-<n> name, the features, licences and flags the case asks for) and deleted when the case ends;
 * faults are applied by the suite's capture proxy; licence usage and stored users are read through the admin API.
 * The run leaves the emulator as it found it: `close` compares the admin API's view of every site and its
 * users, the faults and the OAuth integrations with what it saw at the start.
 */
import { randomBytes } from 'node:crypto';
import { FEATURE_KEYS, type FeatureKey } from '../../mock-server/catalog';
import type { UsageReport } from '../../mock-server/site/site';
import type { Profile } from '../adapter';
import { CaseSkip, type CaseDef, type SiteControl, type SuiteIntegration, type UserStore } from '../cases/types';
import { inputOf } from '../cases/values';
import { catalog, packValues, type UserRecord } from '../emulator/core';
import type { SlotValue } from '../../mock-server/site/user-record';
import type { CapturedExchange } from '../emulator/capture';
import { ADMIN, CONFORMANCE_INTEGRATION, DEFAULT_SESSION_TYPE, HOST, SECOND_SESSION_TYPE, type SiteSpec } from '../emulator/in-process';
import { IN_PROCESS_EMAIL_DOMAIN } from '../emulator/in-process-target';
import type { CaseEnvironment, Target } from '../target';
import { AdminApiError, AdminClient, type SiteSummary } from './admin-client';
import { CaptureProxy } from './capture-proxy';
import { encodeInput } from './user-xml';
import { call, escapeXml, expectSuccess, type Credentials } from './xml-client';

const USER = 'user.';
/** Users listed per admin API page (its maximum). */
const PAGE = 1000;
/** Above this many users in all, the before/after comparison looks at counts per site, not at every user. */
const MAX_COMPARED_USERS = 50_000;

interface SiteDetail extends SiteSummary { usage: UsageReport }
interface UserDetail { userId: number; groups: Record<string, Record<string, unknown>> }
interface UserPage { total: number; users: { userId: number; webExId: string; email: string; active: string }[] }

/** The stored user as the admin API shows it (catalog path → stored value) back in the catalog's slots. */
export function recordOf(detail: UserDetail): UserRecord {
  const values: SlotValue[] = [];
  for (const group of Object.values(detail.groups)) {
    for (const [path, value] of Object.entries(group)) {
      if (path === 'password') continue; // shown masked; the suite checks passwords by signing in
      // A list's item leaf has no slot of its own (-1): the list holds the values.
      const leaf = catalog.leafByPath.get(path)?.slot ?? -1;
      const slot = leaf >= 0 ? leaf : catalog.listByPath.get(path)?.slot ?? -1;
      if (slot >= 0) values[slot] = value as SlotValue;
    }
  }
  return { userId: detail.userId, values: packValues(values), registeredAt: 0 };
}

export interface EmulatorOptions {
  /** The XML API endpoint (…/WBXService/XMLService). */
  endpoint: string;
  adminToken?: string;
}

export class RemoteEmulatorTarget implements Target {
  readonly remote = true;
  readonly controlled = true;
  private seq = 0;
  private readonly live = new Set<string>();
  private created = 0;
  private integration?: Promise<SuiteIntegration | undefined>;
  cleanupSummary = '';
  /** Sites or users that differ after the run from before it (empty when the emulator was left as found). */
  leftovers: string[] = [];

  private constructor(
    private readonly admin: AdminClient,
    private readonly endpoint: string,
    private readonly proxy: CaptureProxy,
    readonly runTag: string,
    private readonly before: string[],
    /** Entries the emulator's journal keeps (0: the journal is off). */
    private readonly journalSize: number,
  ) {}

  static async start(options: EmulatorOptions): Promise<RemoteEmulatorTarget> {
    const admin = new AdminClient(new URL(options.endpoint).origin, options.adminToken);
    const before = await fingerprint(admin); // also the first authorized call: a missing token fails here
    const health = await admin.request<{ journal?: { size: number } | null }>('GET', '/health');
    const proxy = await CaptureProxy.start(options.endpoint);
    return new RemoteEmulatorTarget(admin, options.endpoint, proxy, randomBytes(3).toString('hex'), before, health.journal?.size ?? 0);
  }

  get name(): string {
    return `webex-mock at ${this.admin.origin} (admin API: a fresh site wmconf-${this.runTag}-<n> per case, deleted after it)`;
  }

  async open(def: CaseDef): Promise<CaseEnvironment> {
    const n = ++this.seq;
    const spec: SiteSpec = def.site ?? {};
    // Unique on a shared emulator (the run's tag); a case's own prefix (names as admins type them) is kept in front.
    const name = `${spec.namePrefix ?? 'wmconf-'}${this.runTag}-${n}`;
    // The suite's own writes on a SAML SSO site (passwords refused) sign in with a static token of the site's admin.
    const suiteToken = spec.samlSSO ? `wmconf-suite-${randomBytes(12).toString('hex')}` : undefined;
    const detail = await this.createSite(name, spec, n, suiteToken);
    const { url, exchanges, faults } = this.proxy.open(n);
    const features = Object.fromEntries(FEATURE_KEYS.map((k) => [k, !(spec.featuresOff ?? []).includes(k)])) as Record<FeatureKey, boolean>;
    const control: SiteControl = {
      siteName: name, faults, baseUrl: this.admin.origin, integration: () => this.oauthIntegration(),
      usage: async () => (await this.admin.request<SiteDetail>('GET', `/sites/${name}`)).usage,
      configure: async (settings) => { await this.admin.request('PATCH', `/sites/${name}`, settings); },
      oauthTokens: async (action, webExId) => { await this.admin.request('POST', `/oauth/${action}`, { site: name, webExId }); },
    };
    return {
      adapterConfig: { url, siteName: name, admin: ADMIN.webExId, password: ADMIN.password, fastRetries: true },
      users: this.store({ siteName: name, webExId: ADMIN.webExId, password: ADMIN.password, accessToken: suiteToken }, detail.host),
      control,
      exchanges: () => exchanges,
      emailDomain: IN_PROCESS_EMAIL_DOMAIN,
      userPrefix: 'wmconf-',
      featureOn: async (key) => features[key],
      settle: () => this.noteIgnoredElements(name, exchanges),
      track: () => undefined,
      release: async () => {
        this.proxy.release(n);
        await this.deleteSite(name);
      },
    };
  }

  /**
   * The request elements the emulator ignored (unknown to its catalog: Webex drops them silently), from its journal,
   * onto the captured exchanges of the same operation. The suite's own writes are built from the catalog and never
   * carry one, so every such element came from the connector.
   */
  private async noteIgnoredElements(site: string, exchanges: CapturedExchange[]): Promise<void> {
    if (!this.journalSize) return;
    const { entries } = await this.admin.request<{ entries: { operation?: string; ignoredElements?: string[] }[] }>(
      'GET', `/journal?site=${encodeURIComponent(site)}&limit=${Math.min(this.journalSize, 500)}`);
    for (const entry of entries) {
      if (!entry.ignoredElements?.length) continue;
      const exchange = exchanges.find((e) => e.operation === entry.operation && !e.ignoredElements) ?? exchanges.find((e) => e.operation === entry.operation);
      if (exchange) exchange.ignoredElements = [...new Set([...(exchange.ignoredElements ?? []), ...entry.ignoredElements])];
    }
  }

  /** The case's site: settings and users first, then the flags and limits (as the in-process target builds it). */
  private async createSite(name: string, spec: SiteSpec, n: number, suiteToken?: string): Promise<SiteDetail> {
    const features = Object.fromEntries(FEATURE_KEYS.map((k) => [k, !(spec.featuresOff ?? []).includes(k)]));
    this.live.add(name);
    const detail = await this.admin.request<SiteDetail>('POST', '/sites', {
      name, features,
      sessionTypes: [{ id: DEFAULT_SESSION_TYPE }, { id: SECOND_SESSION_TYPE }], defaultSessionTypes: [DEFAULT_SESSION_TYPE],
      admins: [{ webExId: ADMIN.webExId, password: ADMIN.password, email: ADMIN.email, firstName: 'Conformance', lastName: 'Admin' }],
      users: [{ webExId: HOST.webExId, email: HOST.email, firstName: 'Conformance', lastName: 'Host', password: HOST.password }],
      ...(suiteToken ? { accessTokens: [{ token: suiteToken, webExId: ADMIN.webExId }] } : {}),
      ...(spec.seedUsers ? { generate: { count: spec.seedUsers, seed: 20161208 + n } } : {}),
    }).catch((e: unknown) => { this.live.delete(name); throw e; });
    this.created++;
    // Flags and limits last: the admin and host above could not be created on a Spark Meet site or within a limit of 0.
    const later = {
      ...(spec.sparkMeet || spec.controlHubManaged ? { flags: { sparkMeet: spec.sparkMeet ?? false, controlHubManaged: spec.controlHubManaged ?? false } } : {}),
      ...(spec.samlSSO ? { samlSSO: true } : {}),
      ...(spec.suspended ? { suspended: true } : {}),
      ...(spec.hostLimit !== undefined ? { hostLimit: spec.hostLimit } : {}),
      ...(spec.sessionTypeLimit !== undefined ? { sessionTypes: [{ id: DEFAULT_SESSION_TYPE, limit: spec.sessionTypeLimit }] } : {}),
    };
    return Object.keys(later).length ? this.admin.request<SiteDetail>('PATCH', `/sites/${name}`, later) : detail;
  }

  private async deleteSite(name: string): Promise<void> {
    await this.admin.request('DELETE', `/sites/${name}`);
    this.live.delete(name);
  }

  /**
   * The suite's OAuth integration, registered once per run (POST /_mock/oauth/integrations) under a name and a
   * secret of this run; undefined when the emulator cannot register one (its oauth cases are then skipped).
   */
  private async oauthIntegration(): Promise<SuiteIntegration> {
    this.integration ??= (async () => {
      const it = { clientId: `C-webex-conformance-${this.runTag}`, clientSecret: randomBytes(18).toString('base64url'), redirectUri: CONFORMANCE_INTEGRATION.redirectUri };
      try {
        await this.admin.request('POST', '/oauth/integrations', {
          clientId: it.clientId, clientSecret: it.clientSecret, redirectUris: [it.redirectUri],
          scopes: ['all_read', 'user_modify', 'meeting_modify', 'spark:all'], autoApprove: { site: `wmconf-${this.runTag}-1`, webExId: ADMIN.webExId },
        });
        return it;
      } catch (e) {
        if (e instanceof AdminApiError && /HTTP 404/.test(e.message)) return undefined;
        throw e;
      }
    })();
    const it = await this.integration;
    if (!it) throw new CaseSkip(`needs the suite's OAuth integration: this webex-mock cannot register one (no POST /_mock/oauth/integrations)`);
    return it;
  }

  private store(who: Credentials, host: string): UserStore {
    const url = this.endpoint;
    const siteName = who.siteName;
    const users = `/sites/${siteName}/users`;
    return {
      host,
      create: async (profile: Profile, paths?: Record<string, string[]>) => { await expectSuccess(url, who, `${USER}CreateUser`, encodeInput(inputOf(profile, paths))); },
      update: async (webExId: string, profile: Profile) => { await expectSuccess(url, who, `${USER}SetUser`, encodeInput(inputOf({ ...profile, webExId }))); },
      deactivate: async (webExId: string) => { await expectSuccess(url, who, `${USER}SetUser`, `<webExId>${escapeXml(webExId)}</webExId><active>DEACTIVATED</active>`); },
      find: async (webExId: string) => {
        const detail = await this.admin.request<UserDetail>('GET', `${users}/${encodeURIComponent(webExId)}`).catch((e: unknown) => {
          if (e instanceof AdminApiError && /HTTP 404/.test(e.message)) return undefined;
          throw e;
        });
        return detail && recordOf(detail);
      },
      count: async () => (await this.admin.request<UserPage>('GET', `${users}?limit=1`)).total,
      list: async () => (await listUsers(this.admin, siteName)).map((u) => u.webExId),
      passwordIs: async (webExId: string, password: string) => {
        const answer = await call(url, { siteName, webExId, password }, `${USER}GetUser`, `<webExId>${escapeXml(webExId)}</webExId>`);
        return answer.result === 'SUCCESS';
      },
    };
  }

  async close(): Promise<void> {
    try {
      // A case whose clean-up failed (or a run cut short) must not leave its site behind.
      for (const name of [...this.live]) await this.deleteSite(name).catch(() => undefined);
      if (this.integration && await this.integration.catch(() => undefined)) {
        await this.admin.request('DELETE', `/oauth/integrations/C-webex-conformance-${this.runTag}`);
      }
      const after = await fingerprint(this.admin);
      const before = new Set(this.before);
      const now = new Set(after);
      this.leftovers = [...after.filter((l) => !before.has(l)).map((l) => `+ ${l}`), ...this.before.filter((l) => !now.has(l)).map((l) => `- ${l}`)];
      const sites = this.before.filter((l) => l.startsWith('site ')).length;
      this.cleanupSummary = this.leftovers.length === 0
        ? `webex-mock clean-up: ${this.created} case site(s) created and deleted; the emulator is as the run found it (${sites} site(s), their users, faults and OAuth integrations compared before and after)`
        : `webex-mock clean-up: ${this.created} case site(s) created and deleted, but the emulator differs from before the run:\n${this.leftovers.slice(0, 20).map((l) => `  ${l}`).join('\n')}${this.leftovers.length > 20 ? `\n  … ${this.leftovers.length - 20} more` : ''}`;
    } finally {
      await this.proxy.close();
    }
  }
}

async function listUsers(admin: AdminClient, site: string): Promise<UserPage['users']> {
  const out: UserPage['users'] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await admin.request<UserPage>('GET', `/sites/${encodeURIComponent(site)}/users?offset=${offset}&limit=${PAGE}`);
    out.push(...page.users);
    if (page.users.length < PAGE || out.length >= page.total) return out;
  }
}

/**
 * What the run must leave as it found it, one line per item: every site (summary), every user of every site
 * (id, webExId, email, state; counts only on very large emulators), the faults and the OAuth integrations.
 */
async function fingerprint(admin: AdminClient): Promise<string[]> {
  const sites = await admin.sites();
  const lines = sites.map((s) => `site ${JSON.stringify(s)}`);
  for (const s of sites) lines.push(`config ${s.name} ${JSON.stringify((await admin.request<{ config: unknown }>('GET', `/sites/${encodeURIComponent(s.name)}`)).config)}`);
  if (sites.reduce((n, s) => n + s.userCount, 0) <= MAX_COMPARED_USERS) {
    for (const s of sites) for (const u of await listUsers(admin, s.name)) lines.push(`user ${s.name} ${JSON.stringify(u)}`);
  }
  const faults = await admin.request<{ id: string; match: unknown; effect: unknown }[]>('GET', '/faults');
  lines.push(...faults.map((f) => `fault ${JSON.stringify({ id: f.id, match: f.match, effect: f.effect })}`));
  const oauth = await admin.request<{ integrations: { clientId: string }[]; grants: { site: string; webExId: string; clientId: string }[] }>('GET', '/oauth');
  lines.push(...oauth.integrations.map((i) => `integration ${JSON.stringify(i)}`));
  lines.push(...oauth.grants.map((g) => `grant ${g.site} ${g.webExId} ${g.clientId}`));
  return lines;
}
