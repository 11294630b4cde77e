/** All sites in the process, found by siteName or siteID (+partnerID), as securityContext names them. */
import type { SecurityContext } from '../wire';
import { Site, type SiteChange } from './site';
import type { SiteConfig } from './site-config';
import { WebexError } from './webex-error';
import { OAuthStore } from '../oauth/token-store';

export class SiteRegistry {
  private readonly byName = new Map<string, Site>();
  /** Listeners for every committed change on any site (persistence, UI). */
  private readonly listeners = new Set<(site: Site, change: SiteChange) => void>();

  /** Integrations and the tokens issued to them (mock-server/oauth/); sites check webExAccessToken here. */
  readonly oauth: OAuthStore;

  constructor(readonly now: () => number = Date.now) {
    this.oauth = new OAuthStore(now);
  }

  add(config: SiteConfig, seed?: number): Site {
    const key = config.name.toLowerCase();
    if (this.byName.has(key)) throw new Error(`site ${config.name} already exists`);
    if (this.byId(config.id)) throw new Error(`site id ${config.id} already used`);
    const site = new Site(config, this.now, seed);
    site.onChange = (s, c) => { for (const l of this.listeners) l(s, c); };
    site.oauthTokens = this.oauth;
    this.byName.set(key, site);
    return site;
  }

  remove(name: string): boolean {
    this.oauth.forgetSite(name);
    return this.byName.delete(name.toLowerCase());
  }

  /** Every site, and the integrations and tokens with them (the loaded state sets them again). */
  clear(): void {
    this.byName.clear();
    this.oauth.clear();
  }

  get(name: string): Site | undefined {
    return this.byName.get(name.toLowerCase());
  }

  byId(id: number): Site | undefined {
    for (const s of this.byName.values()) if (s.config.id === id) return s;
    return undefined;
  }

  all(): Site[] {
    return [...this.byName.values()];
  }

  onChange(listener: (site: Site, change: SiteChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The site a request addresses; siteName wins, then siteID (+partnerID when both sides have one). */
  resolve(sc: SecurityContext, hostSite?: string): Site {
    if (sc.siteName) {
      const s = this.get(sc.siteName.trim());
      if (s) return s;
      throw new WebexError('siteNotFound');
    }
    if (sc.siteID) {
      const s = /^\d+$/.test(sc.siteID.trim()) ? this.byId(Number(sc.siteID.trim())) : undefined;
      if (s && (!sc.partnerID || !s.config.partnerId || s.config.partnerId === sc.partnerID)) return s;
      throw new WebexError('siteNotFound');
    }
    // https://{site}.webex.com/WBXService/XMLService: the host names the site when the context does not.
    if (hostSite) {
      const s = this.get(hostSite);
      if (s) return s;
    }
    throw new WebexError('siteNotFound');
  }
}
