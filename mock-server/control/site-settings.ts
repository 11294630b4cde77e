/**
 * Site settings shared by scenarios (`sites[]`) and the admin API (`PATCH /_mock/sites/:site`): one zod schema,
 * one function that applies a validated patch to a SiteConfig. Changes take effect on the next request.
 */
import { z } from 'zod';
import { FEATURE_KEYS, KNOWN_SESSION_TYPES, SERVICE_TYPES, type FeatureKey } from '../catalog';
import type { SessionTypeConfig, SiteConfig } from '../site/site-config';

const limit = z.number().int().min(0).nullable();

export const sessionTypeSchema = z.object({
  id: z.number().int().min(1),
  /** Users (ACTIVATED) that may hold it; null = unlimited. */
  limit: limit.optional(),
  shortName: z.string().min(1).max(16).optional(),
  name: z.string().min(1).max(128).optional(),
  serviceType: z.enum(SERVICE_TYPES as [string, ...string[]]).optional(),
}).strict();

export const passwordPolicySchema = z.object({
  minLength: z.number().int().min(0).max(60).optional(),
  minDigits: z.number().int().min(0).max(60).optional(),
  minLetters: z.number().int().min(0).max(60).optional(),
  minSpecial: z.number().int().min(0).max(60).optional(),
  mixedCase: z.boolean().optional(),
  noWebExId: z.boolean().optional(),
}).strict();

export const siteSettingsSchema = z.object({
  flags: z.object({ sparkMeet: z.boolean().optional(), controlHubManaged: z.boolean().optional() }).strict().optional(),
  features: z.partialRecord(z.enum(FEATURE_KEYS as [FeatureKey, ...FeatureKey[]]), z.boolean()).optional(),
  /** Merged by id: an existing id gets the given fields, a new id is added (known ids need only `id`). */
  sessionTypes: z.array(sessionTypeSchema).optional(),
  defaultSessionTypes: z.array(z.number().int().min(1)).min(1).optional(),
  hostLimit: limit.optional(),
  passwordPolicy: passwordPolicySchema.optional(),
  timeZoneId: z.number().int().min(0).max(61).optional(),
  sessionTicketTtlSeconds: z.number().int().min(1).max(86_400 * 30).optional(),
  /** SAML SSO site: password authentication refused, OAuth tokens only (docs/oauth.md). */
  samlSSO: z.boolean().optional(),
  /** OAuth token lifetimes (a test can make a token expire in seconds). */
  oauth: z.object({
    accessTokenTtlSeconds: z.number().int().min(1).max(86_400 * 365).optional(),
    refreshTokenTtlSeconds: z.number().int().min(1).max(86_400 * 365).optional(),
  }).strict().optional(),
  /** API 42.6.0 suspended site: admins' CreateUser / SetUser of others → 010107. */
  suspended: z.boolean().optional(),
  /** GetAPIVersion's answer for this site (fields given replace the followed release's). */
  apiVersion: z.object({
    apiVersion: z.string().min(1).max(128).optional(),
    release: z.string().min(1).max(64).optional(),
    apiVer: z.string().regex(/^\d+(\.\d+){1,3}$/, 'a release number such as 42.11.1').optional(),
  }).strict().optional(),
}).strict();

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/** Thrown for settings that parse but do not make sense together (unknown session type, bad default). */
export class SettingsError extends Error {
  constructor(message: string, readonly path: (string | number)[]) {
    super(message);
  }
}

function mergeSessionTypes(current: SessionTypeConfig[], patch: z.infer<typeof sessionTypeSchema>[]): SessionTypeConfig[] {
  const out = current.map((t) => ({ ...t }));
  patch.forEach((p, i) => {
    const existing = out.find((t) => t.id === p.id);
    if (existing) {
      Object.assign(existing, Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)));
      return;
    }
    const known = KNOWN_SESSION_TYPES.find((t) => t.id === p.id);
    const shortName = p.shortName ?? known?.shortName;
    const name = p.name ?? known?.name;
    const serviceType = p.serviceType ?? known?.serviceType;
    if (!shortName || !name || !serviceType) {
      throw new SettingsError(`session type ${p.id} is not a known id: give shortName, name and serviceType`, ['sessionTypes', i]);
    }
    out.push({ id: p.id, shortName, name, serviceType: serviceType as SessionTypeConfig['serviceType'], limit: p.limit ?? null });
  });
  return out;
}

/** A new config with the settings applied; the input config is not changed (apply by assigning site.config). */
export function applySettings(config: SiteConfig, s: SiteSettings): SiteConfig {
  const next: SiteConfig = {
    ...config,
    flags: { ...config.flags, ...definedOnly(s.flags ?? {}) },
    features: { ...config.features, ...definedOnly(s.features ?? {}) },
    passwordPolicy: { ...config.passwordPolicy, ...definedOnly(s.passwordPolicy ?? {}) },
    oauth: { ...config.oauth, ...definedOnly(s.oauth ?? {}) },
    sessionTypes: s.sessionTypes ? mergeSessionTypes(config.sessionTypes, s.sessionTypes) : config.sessionTypes.map((t) => ({ ...t })),
    defaultSessionTypes: s.defaultSessionTypes ?? [...config.defaultSessionTypes],
  };
  if (s.hostLimit !== undefined) next.hostLimit = s.hostLimit;
  if (s.timeZoneId !== undefined) next.timeZoneId = s.timeZoneId;
  if (s.sessionTicketTtlSeconds !== undefined) next.sessionTicketTtlSeconds = s.sessionTicketTtlSeconds;
  if (s.samlSSO !== undefined) next.samlSSO = s.samlSSO;
  if (s.suspended !== undefined) next.suspended = s.suspended;
  next.apiVersion = { ...config.apiVersion, ...definedOnly(s.apiVersion ?? {}) };
  const ids = new Set(next.sessionTypes.map((t) => t.id));
  next.defaultSessionTypes.forEach((id, i) => {
    if (!ids.has(id)) throw new SettingsError(`default session type ${id} is not one of the site's session types`, ['defaultSessionTypes', i]);
  });
  return next;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
