/**
 * Safe mode against a remote site (a running webex-mock, or a real Webex site): every user the suite creates is
 * named wmconf-<run>-…, the suite only touches those, and deactivates them all at the end (Webex never deletes
 * users). Cases that need control of the site (features, licences, flags, faults) are skipped with the reason.
 */
import { randomBytes } from 'node:crypto';
import { catalog, type UserRecord } from '../emulator/core';
import type { FeatureKey } from '../../mock-server/catalog';
import type { Profile } from '../adapter';
import type { CaseDef, UserStore } from '../cases/types';
import { inputOf } from '../cases/values';
import type { CaseEnvironment, Target } from '../target';
import { CaptureProxy } from './capture-proxy';
import { decodeUser, encodeInput } from './user-xml';
import { call, escapeXml, expectSuccess, type Credentials } from './xml-client';

export interface RemoteOptions {
  /** XML API endpoint (…/WBXService/XMLService) or the site origin. */
  url: string;
  siteName: string;
  admin: string;
  password: string;
  emailDomain: string;
}

const USER = 'user.';

/** The XML API endpoint of a --url given as the endpoint itself or as the site's origin. */
export function xmlEndpoint(url: string): string {
  return /\/WBXService\/XMLService$/i.test(url) ? url : `${url.replace(/\/+$/, '')}/WBXService/XMLService`;
}

export class RemoteTarget implements Target {
  readonly remote = true;
  readonly controlled = false;
  private seq = 0;
  private readonly created = new Set<string>();
  cleanupSummary = '';

  private constructor(
    private readonly options: RemoteOptions & { endpoint: string },
    private readonly proxy: CaptureProxy,
    private readonly features: Partial<Record<FeatureKey, boolean>>,
    readonly runTag: string,
    private readonly kind: string,
  ) {}

  static async start(options: RemoteOptions): Promise<RemoteTarget> {
    const endpoint = xmlEndpoint(options.url);
    const who: Credentials = { siteName: options.siteName, webExId: options.admin, password: options.password };
    const me = await call(endpoint, who, `${USER}GetUser`, `<webExId>${escapeXml(options.admin)}</webExId>`);
    if (me.result !== 'SUCCESS') throw new Error(`cannot sign in to ${options.siteName} at ${endpoint} as ${options.admin}: ${me.exceptionID ?? ''} ${me.reason ?? ''}`);
    const site = await call(endpoint, who, 'site.GetSite', '');
    const features: Partial<Record<FeatureKey, boolean>> = {};
    const instance = site.body.siteInstance as Record<string, unknown> | undefined;
    for (const f of catalog.FEATURES) {
      let node: unknown = instance;
      for (const part of f.getSitePath) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
      if (typeof node === 'string' && /^(true|false)$/i.test(node)) features[f.key] = node.toLowerCase() === 'true';
    }
    const proxy = await CaptureProxy.start(endpoint);
    const tag = randomBytes(3).toString('hex');
    return new RemoteTarget({ ...options, endpoint }, proxy, features, tag, 'remote site');
  }

  get name(): string {
    return `${this.kind} ${this.options.siteName} at ${this.options.endpoint} (safe mode: users wmconf-${this.runTag}-*)`;
  }

  private get who(): Credentials {
    return { siteName: this.options.siteName, webExId: this.options.admin, password: this.options.password };
  }

  private store(mineInCase: Set<string>): UserStore {
    const url = this.options.endpoint;
    const who = this.who;
    const mine = (webExId: string) => {
      if (!webExId.startsWith(`wmconf-${this.runTag}-`)) throw new Error(`safe mode: the suite does not touch ${webExId}`);
      return webExId;
    };
    return {
      host: new URL(url).host,
      create: async (profile: Profile, paths?: Record<string, string[]>) => {
        const id = mine(String(profile.webExId));
        this.created.add(id);
        mineInCase.add(id);
        await expectSuccess(url, who, `${USER}CreateUser`, encodeInput(inputOf(profile, paths)));
      },
      update: async (webExId: string, profile: Profile) => {
        const input = inputOf({ ...profile, webExId: mine(webExId) });
        await expectSuccess(url, who, `${USER}SetUser`, encodeInput(input));
      },
      deactivate: async (webExId: string) => {
        await expectSuccess(url, who, `${USER}SetUser`, `<webExId>${escapeXml(mine(webExId))}</webExId><active>DEACTIVATED</active>`);
      },
      find: async (webExId: string): Promise<UserRecord | undefined> => {
        const answer = await call(url, who, `${USER}GetUser`, `<webExId>${escapeXml(webExId)}</webExId>`);
        if (answer.result === 'SUCCESS') return decodeUser(answer.body);
        if (answer.exceptionID === '030001') return undefined;
        throw new Error(`GetUser ${webExId} failed: ${answer.exceptionID ?? ''} ${answer.reason ?? ''}`);
      },
      count: async () => (await this.list()).length,
      list: () => this.list(),
      passwordIs: async (webExId: string, password: string) => {
        const answer = await call(url, { siteName: this.options.siteName, webExId, password }, `${USER}GetUser`, `<webExId>${escapeXml(webExId)}</webExId>`);
        return answer.result === 'SUCCESS';
      },
    };
  }

  /** Every webExId on the site, page by page (matchingRecords.total). */
  async list(filter = ''): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 1; ;) {
      const answer = await call(this.options.endpoint, this.who, `${USER}LstsummaryUser`,
        `${filter ? `<webExId>${escapeXml(filter)}</webExId>` : ''}<listControl><startFrom>${start}</startFrom><maximumNum>500</maximumNum><listMethod>AND</listMethod></listControl><order><orderBy>UID</orderBy><orderAD>ASC</orderAD></order>`);
      if (answer.result !== 'SUCCESS') {
        if (answer.exceptionID === '000015') return ids;
        throw new Error(`LstsummaryUser failed: ${answer.exceptionID ?? ''} ${answer.reason ?? ''}`);
      }
      const users = (answer.body.user as Record<string, unknown>[] | undefined) ?? [];
      ids.push(...users.map((u) => String(u.webExId)));
      const records = answer.body.matchingRecords as Record<string, string> | undefined;
      const total = Number(records?.total ?? ids.length);
      if (users.length === 0 || ids.length >= total) return ids;
      start += users.length;
    }
  }

  async open(_def: CaseDef): Promise<CaseEnvironment> {
    const n = ++this.seq;
    const { url, exchanges } = this.proxy.open(n);
    const mineInCase = new Set<string>();
    return {
      adapterConfig: { url, siteName: this.options.siteName, admin: this.options.admin, password: this.options.password, fastRetries: false },
      users: this.store(mineInCase),
      exchanges: () => exchanges,
      emailDomain: this.options.emailDomain,
      userPrefix: `wmconf-${this.runTag}-${n}`,
      featureOn: async (key) => this.features[key] !== false,
      track: (webExId) => { this.created.add(webExId); mineInCase.add(webExId); },
      // Deactivate the case's users right away: they would otherwise hold licences for the rest of the run.
      release: async () => {
        this.proxy.release(n);
        for (const id of mineInCase) for (const variant of [id, `${id}-renamed`]) await this.deactivate(variant);
      },
    };
  }

  private deactivated = new Set<string>();

  /** SetUser active=DEACTIVATED on one of the run's users; false when it does not exist. */
  private async deactivate(webExId: string): Promise<boolean> {
    const answer = await call(this.options.endpoint, this.who, `${USER}SetUser`, `<webExId>${escapeXml(webExId)}</webExId><active>DEACTIVATED</active>`).catch(() => undefined);
    if (answer?.result === 'SUCCESS') this.deactivated.add(webExId.toLowerCase());
    return answer?.result === 'SUCCESS';
  }

  /** Safety net at the end: every user of the run (tracked, or listed by the run's prefix) deactivated. */
  async close(): Promise<void> {
    const prefixed = await this.list(`wmconf-${this.runTag}-%`).catch(() => [] as string[]);
    for (const id of new Set([...this.created, ...prefixed].map((i) => i.toLowerCase()))) {
      if (!this.deactivated.has(id)) await this.deactivate(id);
    }
    this.cleanupSummary = `safe mode cleanup: ${this.deactivated.size} wmconf-${this.runTag}-* user(s) deactivated (Webex keeps deactivated users; the suite touched no other user)`;
    await this.proxy.close();
  }
}
