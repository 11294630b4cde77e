/** Small purpose-built sites for rule tests: one admin, optional extra config, nothing seeded unless asked. */
import { createWebexMock, inputFromPaths, siteConfig, type SiteConfig, type SiteRegistry, type WebexMock } from '../../../mock-server';
import type { Security } from './xml';

export const SITE_ADMIN_PASSWORD = 'Adm1n!Pass2x';

export function adminOf(siteName: string): Security {
  return { siteName, webExID: 'admin', password: SITE_ADMIN_PASSWORD };
}

/** Add a site with an active `admin` site admin (created past licence checks, so any limit can be configured). */
export function addSite(registry: SiteRegistry, partial: Partial<SiteConfig> & { name: string }) {
  // Flags apply after the admin exists: a Spark Meet site refuses to create any siteAdmin (E030103), even when seeding.
  const { flags, ...rest } = partial;
  const site = registry.add(siteConfig(rest));
  site.createUser(inputFromPaths({
    webExId: 'admin', email: `admin@${partial.name}.example.com`, firstName: 'Site', lastName: 'Admin',
    password: SITE_ADMIN_PASSWORD, 'privilege/siteAdmin': 'true',
  }), { skipLicenceChecks: true });
  if (flags) site.config.flags = { ...site.config.flags, ...flags };
  // The admin is ACTIVATED and holds a host licence and the site's default session type: tests read usage() for room.
  return site;
}

/** A mock with one site named `name`; `now` is injectable. */
export function mockWithSite(partial: Partial<SiteConfig> & { name: string }, now?: () => number): WebexMock {
  return createWebexMock({ now, setup: (r) => { addSite(r, partial); } });
}
