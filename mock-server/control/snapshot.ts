/**
 * Export and import one site's state (GET|POST /_mock/sites/:site/snapshot).
 * Exported: the site config without its access tokens, and every user with the salted password hash
 * (never a clear password). Importing a snapshot without tokens keeps the site's current tokens.
 */
import { z } from 'zod';
import type { SiteRegistry } from '../site/registry';
import type { Site } from '../site/site';
import { siteConfig, type SiteConfig } from '../site/site-config';
import { sessionTypeSchema, siteSettingsSchema } from './site-settings';
import { SITE_NAME, SITE_NAME_RULE } from './scenarios/scenario-schema';
import { LicenceError, RecordError, checkRecords } from '../site/check-records';
import { checkWebExId } from '../site/check-value';
import { cloneConfig, fromStoredUser, toStoredUser, type StoredUser } from './records';

export const SNAPSHOT_FORMAT = 'webex-mock-site-snapshot/1';

export interface SiteSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  exportedAt: string;
  config: Omit<SiteConfig, 'accessTokens'> & { accessTokens?: SiteConfig['accessTokens'] };
  users: StoredUser[];
}

export function exportSite(site: Site, now = Date.now()): SiteSnapshot {
  const config = cloneConfig(site.config) as SiteSnapshot['config'];
  delete config.accessTokens;
  return { format: SNAPSHOT_FORMAT, exportedAt: new Date(now).toISOString(), config, users: site.users().map(toStoredUser) };
}

const value = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number(), z.boolean(), z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))]))]);

const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  exportedAt: z.string().optional(),
  config: siteSettingsSchema.extend({
    name: z.string().min(1),
    id: z.number().int().positive(),
    partnerId: z.string().optional(),
    host: z.string().min(1).optional(),
    firstUserId: z.number().int().positive().optional(),
    sessionTypes: z.array(sessionTypeSchema.required()).min(1).optional(),
    accessTokens: z.array(z.object({ token: z.string().min(1), webExId: z.string().min(1) }).strict()).optional(),
  }),
  users: z.array(z.object({
    userId: z.number().int().positive(),
    registeredAt: z.number(),
    passwordHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    passwordSalt: z.string().min(1).optional(),
    modifiedAt: z.number().optional(),
    lastLoginAt: z.number().optional(),
    pendingEmail: z.string().email().max(64).optional(),
    unverified: z.boolean().optional(),
    values: z.record(z.string(), value),
  }).strict()),
});

/** Replace (or create) site `name` from a snapshot; returns the site. Throws with a readable message. */
export function importSite(registry: SiteRegistry, name: string, doc: unknown): Site {
  const parsed = snapshotSchema.safeParse(doc);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new Error(`invalid snapshot at ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  const records = parsed.data.users.map((u) => fromStoredUser(u as StoredUser));
  const existing = registry.get(name);
  if (!existing && !SITE_NAME.test(name)) throw new Error(`invalid snapshot target "${name}": ${SITE_NAME_RULE}`);
  const incoming = parsed.data.config as unknown as Partial<SiteConfig>;
  const config = siteConfig({
    ...incoming,
    name: existing?.name ?? name,
    id: existing?.config.id ?? incoming.id,
    accessTokens: incoming.accessTokens ?? existing?.config.accessTokens ?? [],
  } as SiteConfig);
  const sessionTypeIds = new Set(config.sessionTypes.map((t) => t.id));
  const badDefault = config.defaultSessionTypes.find((id) => !sessionTypeIds.has(id));
  if (badDefault !== undefined) throw new Error(`invalid snapshot at config.defaultSessionTypes: ${badDefault} is not one of the site's session types`);
  config.accessTokens.forEach((t, j) => {
    try {
      checkWebExId(t.webExId);
    } catch (e) {
      throw new Error(`invalid snapshot for site "${config.name}" at config.accessTokens.${j}.webExId: ${(e as Error).message}`);
    }
  });
  try {
    checkRecords(config, records);
  } catch (e) {
    if (e instanceof RecordError) throw new Error(`invalid snapshot for site "${config.name}" at ${e.message}`);
    if (e instanceof LicenceError) throw new Error(`invalid snapshot for site "${config.name}" at users: ${e.message}`);
    throw e;
  }
  const site = existing ?? registry.add(config);
  site.config = config;
  site.tickets.clear();
  site.replaceUsers(records);
  return site;
}
