/** Sites as the admin API shows them: a summary for lists, the full config (tokens masked) with usage for one. */
import type { Site, UsageReport } from '../site/site';
import type { SiteConfig } from '../site/site-config';
import { MASK } from './user-view';

export interface SiteSummary {
  name: string;
  id: number;
  partnerId?: string;
  host: string;
  userCount: number;
  activeUsers: number;
  hostLimit: number | null;
  flags: SiteConfig['flags'];
}

export interface SiteDetail extends SiteSummary {
  config: Omit<SiteConfig, 'accessTokens'> & { accessTokens: { webExId: string; token: string }[] };
  usage: UsageReport;
}

export function siteSummary(site: Site): SiteSummary {
  const c = site.config;
  return {
    name: c.name, id: c.id, partnerId: c.partnerId, host: c.host, userCount: site.userCount,
    activeUsers: site.usage().hosts.used, hostLimit: c.hostLimit, flags: { ...c.flags },
  };
}

export function siteDetail(site: Site): SiteDetail {
  const config = JSON.parse(JSON.stringify(site.config)) as SiteConfig;
  return {
    ...siteSummary(site),
    config: { ...config, accessTokens: config.accessTokens.map((t) => ({ webExId: t.webExId, token: MASK })) },
    usage: site.usage(),
  };
}
