/** The default target: a fresh site of the shared in-process emulator for every case. */
import { SLOT, valueAt, type UserRecord } from './core';
import { passwordMatches } from '../../mock-server/site/rules';
import type { Profile } from '../adapter';
import type { CaseDef, UserStore } from '../cases/types';
import { inputOf } from '../cases/values';
import type { CaseEnvironment, Target } from '../target';
import { ADMIN, CONFORMANCE_INTEGRATION, InProcessEmulator, type CaseSite } from './in-process';
import { applySettings, siteSettingsSchema } from '../../mock-server/control/site-settings';

export const IN_PROCESS_EMAIL_DOMAIN = 'conformance.example.com';

function storeOf(caseSite: CaseSite): UserStore {
  const site = caseSite.site;
  return {
    host: site.config.host,
    async create(profile: Profile, paths?: Record<string, string[]>) { site.createUser(inputOf(profile, paths)); },
    async update(webExId: string, profile: Profile) { site.updateUser(webExId, inputOf(profile)); },
    async deactivate(webExId: string) { site.deactivate(webExId); },
    async find(webExId: string): Promise<UserRecord | undefined> { return site.findUser(webExId); },
    async count() { return site.userCount; },
    async list() { return site.users().map((u) => String(valueAt(u.values, SLOT.webExId))); },
    async passwordIs(webExId: string, password: string) {
      const rec = site.findUser(webExId);
      return rec !== undefined && passwordMatches(password, rec.passwordHash, rec.passwordSalt);
    },
  };
}

export class InProcessTarget implements Target {
  readonly remote = false;
  readonly controlled = true;

  private constructor(private readonly emulator: InProcessEmulator) {}

  static async start(): Promise<InProcessTarget> {
    return new InProcessTarget(await InProcessEmulator.start());
  }

  get name(): string {
    return `in-process webex-mock (${this.emulator.server.url})`;
  }

  async open(def: CaseDef): Promise<CaseEnvironment> {
    const caseSite = this.emulator.createSite(def.site);
    return {
      adapterConfig: { url: caseSite.url, siteName: caseSite.name, admin: ADMIN.webExId, password: ADMIN.password, fastRetries: true },
      users: storeOf(caseSite),
      control: {
        siteName: caseSite.name, faults: caseSite.faults, baseUrl: this.emulator.server.url,
        usage: async () => caseSite.site.usage(),
        configure: async (settings) => { caseSite.site.config = applySettings(caseSite.site.config, siteSettingsSchema.parse(settings)); },
        integration: async () => CONFORMANCE_INTEGRATION,
        // Through the admin API, as against a webex-mock started elsewhere (the in-process one has no token).
        oauthTokens: async (action, webExId) => {
          const res = await fetch(`${this.emulator.server.url}/_mock/oauth/${action}`, {
            method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ site: caseSite.name, webExId }),
          });
          if (res.status !== 200) throw new Error(`POST /_mock/oauth/${action} answered HTTP ${res.status}`);
        },
      },
      exchanges: () => caseSite.exchanges,
      emailDomain: IN_PROCESS_EMAIL_DOMAIN,
      userPrefix: 'wmconf-',
      featureOn: async (key) => caseSite.site.config.features[key],
      track: () => undefined,
      release: async () => this.emulator.removeSite(caseSite.name),
    };
  }

  close(): Promise<void> {
    return this.emulator.close();
  }
}
