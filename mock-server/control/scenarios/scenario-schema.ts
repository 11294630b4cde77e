/**
 * The scenario document (JSON or YAML): sites with their settings, admins, tokens and users, optional faults,
 * and for bundled scenarios a `reproduce` block (the request that shows the behaviour and what a real site answers).
 */
import { z } from 'zod';
import { MAX_SCENARIO_USERS } from '../limits';
import { faultSchema } from '../faults/fault-schema';
import { siteSettingsSchema } from '../site-settings';
import { integrationsSchema } from '../../oauth/integration-schema';

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** Site names: the {name}.webex.com host. */
export const SITE_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/i;
export const SITE_NAME_RULE = 'a site name is letters, digits and dashes (it is the {name}.webex.com host)';

/** A user by flat attribute names (SPEC §4: firstName, privilegeHost, phonesMobilePhone...), or catalog paths. */
export const userSchema = z.record(z.string(), z.union([scalar, z.array(z.union([z.string(), z.number()]))]));

export const adminSchema = z.object({
  webExId: z.string().min(1).max(64),
  password: z.string().min(1).max(60),
  email: z.string().email().optional(),
  firstName: z.string().max(64).optional(),
  lastName: z.string().max(64).optional(),
  /** A webExAccessToken for this admin. */
  accessToken: z.string().min(8).optional(),
  /** roSiteAdmin instead of siteAdmin. */
  readOnly: z.boolean().optional(),
}).strict();

export const generateSchema = z.object({
  count: z.number().int().min(1).max(1_000_000),
  /** Faker seed: the same seed gives the same users on every machine. */
  seed: z.number().int().default(1),
  /** Email domain (default `{site}.example.com`). */
  domain: z.string().min(3).optional(),
  /** A password every generated user gets (hashed per user; costs ~15 µs a user). Omit for large sites. */
  password: z.string().min(1).max(60).optional(),
  /** Session types the generated users hold (default: the site's defaultSessionTypes). */
  meetingTypes: z.array(z.number().int().min(1)).optional(),
}).strict();

export const siteSchema = siteSettingsSchema.extend({
  name: z.string().regex(SITE_NAME, SITE_NAME_RULE),
  id: z.number().int().min(1).max(2_147_483_647).optional(),
  partnerId: z.string().min(1).optional(),
  admins: z.array(adminSchema).default([]),
  accessTokens: z.array(z.object({ token: z.string().min(8), webExId: z.string().min(1) }).strict()).default([]),
  users: z.array(userSchema).default([]),
  generate: generateSchema.optional(),
}).strict();

export const expectSchema = z.object({
  result: z.enum(['SUCCESS', 'FAILURE', 'HTTP_ERROR', 'DROPPED']),
  exceptionID: z.string().optional(),
  /** A fragment of serv:reason. */
  reason: z.string().optional(),
  /** serv:value (110055 carries the session type id). */
  value: z.string().optional(),
  httpStatus: z.number().int().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  /** Fragments the response must contain / must not contain. */
  contains: z.array(z.string()).optional(),
  absent: z.array(z.string()).optional(),
}).strict();

export const reproduceSchema = z.object({
  /** Requests sent first (their answers are printed, not checked). */
  before: z.array(z.string().min(1)).optional(),
  request: z.string().min(1),
  /** Send `request` this many times and check the last answer (rate limits). */
  repeat: z.number().int().min(1).max(1000).optional(),
  expect: expectSchema,
}).strict();

export const scenarioSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/i).optional(),
  description: z.string().min(1).optional(),
  sites: z.array(siteSchema).min(1),
  /** Webex integrations (OAuth clients) whose tokens the sites accept (docs/oauth.md). */
  integrations: integrationsSchema,
  faults: z.array(faultSchema).default([]),
  reproduce: reproduceSchema.optional(),
}).strict().superRefine((doc, ctx) => {
  // The per-site generate cap alone lets 10 sites × 1,000,000 users through in a 587-byte document.
  const total = scenarioUserCount(doc);
  if (total > MAX_SCENARIO_USERS) {
    ctx.addIssue({ code: 'custom', path: ['sites'], message: `the scenario builds ${total.toLocaleString('en-US')} users across its sites; at most ${MAX_SCENARIO_USERS.toLocaleString('en-US')}` });
  }
});

/** Users a scenario builds: admins, listed users and generated users of every site. */
export function scenarioUserCount(doc: { sites: readonly { admins: readonly unknown[]; users: readonly unknown[]; generate?: { count: number } }[] }): number {
  return doc.sites.reduce((n, s) => n + s.admins.length + s.users.length + (s.generate?.count ?? 0), 0);
}

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioSite = z.infer<typeof siteSchema>;
export type ReproduceSpec = z.infer<typeof reproduceSchema>;
export type ExpectSpec = z.infer<typeof expectSchema>;
