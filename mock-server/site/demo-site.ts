/**
 * The default demo site served by `npm start` (documented in README): siteName `demo`, siteID 100001,
 * admin `admin` / `P@ssword123` (access token `demo-access-token`), a non-admin host `host` / `P@ssword123`,
 * and 50 users generated with a fixed faker seed — the same users on every machine, every run. Those 50 are
 * written out in demo-profiles.ts (a test regenerates them with faker), so a start loads no faker; faker is
 * loaded when other users are generated (seedUsers, fakeProfile).
 */
import type { Faker } from '@faker-js/faker';
import { TIME_ZONES } from '../catalog';
import { DEMO_PROFILE_FIELDS, DEMO_PROFILE_ROWS } from './demo-profiles';
import type { SiteRegistry } from './registry';
import type { Site } from './site';
import { allFeatures, knownSessionType, siteConfig, type SiteConfig } from './site-config';
import { inputFromPaths, type InputValue, type ListInputItem } from './user-input';

export const DEMO = {
  siteName: 'demo',
  siteId: 100001,
  admin: { webExId: 'admin', password: 'P@ssword123', email: 'admin@demo.example.com' },
  host: { webExId: 'host', password: 'P@ssword123', email: 'host@demo.example.com' },
  accessToken: 'demo-access-token',
  seededUsers: 50,
  seed: 20161208,
  /** Seeded users register at fixed times from here (epoch ms, 2024-01-02T09:00:00Z). */
  seedEpoch: Date.UTC(2024, 0, 2, 9, 0, 0),
} as const;

export function demoSiteConfig(): SiteConfig {
  return siteConfig({
    name: DEMO.siteName,
    id: DEMO.siteId,
    partnerId: 'demo-partner',
    features: { ...allFeatures(true), webACD: false },
    sessionTypes: [knownSessionType(214, 100), knownSessionType(4, 50), knownSessionType(216, 25), knownSessionType(11, 20), knownSessionType(13, 10)],
    defaultSessionTypes: [214],
    hostLimit: 250,
    accessTokens: [{ token: DEMO.accessToken, webExId: DEMO.admin.webExId }],
  });
}

type Profile = Record<string, InputValue | ListInputItem[]>;

// One locale, not faker's index of ~70 (1.1 s of start-up there, 0.2 s here); the same generator and data, so
// the same seed gives the same users. Loaded on first use.
let loaded: Faker | undefined;
export function enFaker(): Faker {
  loaded ??= (require('@faker-js/faker/locale/en') as typeof import('@faker-js/faker/locale/en')).faker;
  return loaded;
}

/** A realistic user profile from faker (caller seeds `enFaker()`). */
export function fakeProfile(i: number, domain: string): Profile {
  const faker = enFaker();
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const webExId = `${firstName}.${lastName}${i}`.toLowerCase().replace(/[^a-z0-9._-]/g, '');
  const phone = () => `1,${faker.string.numeric(3)},${faker.string.numeric(7)}`;
  return {
    webExId,
    firstName,
    lastName,
    email: `${webExId}@${domain}`,
    password: `Pw${faker.string.alphanumeric(8)}1!`,
    title: faker.person.jobTitle().slice(0, 128),
    company: faker.company.name().slice(0, 128),
    'address/address1': faker.location.streetAddress().slice(0, 128),
    'address/city': faker.location.city().slice(0, 64),
    'address/state': faker.location.state().slice(0, 64),
    'address/zipCode': faker.location.zipCode('#####'),
    'address/country': 'United States',
    'phones/phone': phone(),
    'phones/mobilePhone': phone(),
    timeZoneID: String(faker.number.int({ min: 0, max: TIME_ZONES.length - 1 })),
    language: faker.helpers.arrayElement(['ENGLISH', 'ENGLISH', 'ENGLISH', 'GERMAN', 'FRENCH', 'JAPANESE']),
    'privilege/teleConfCallIn': String(faker.datatype.boolean()),
    'privilege/voiceOverIp': 'true',
    'privilege/HQvideo': 'true',
    'options/emailVisible': String(faker.datatype.boolean()),
    'myWebEx/myMeetings': 'true',
    'tracking/trackingCode1': faker.commerce.department(),
  };
}

/** Seed `count` generated users (licence checks on: a seed that does not fit the site's licences fails loudly). */
export function seedUsers(site: Site, count: number, seed: number, epoch: number): void {
  enFaker().seed(seed);
  const domain = `${site.name}.example.com`;
  for (let i = 1; i <= count; i++) {
    site.createUser(inputFromPaths(fakeProfile(i, domain)), { at: epoch + i * 60_000 });
  }
}

export function addDemoSite(registry: SiteRegistry): Site {
  const site = registry.add(demoSiteConfig(), DEMO.seed);
  const at = DEMO.seedEpoch;
  site.createUser(inputFromPaths({
    webExId: DEMO.admin.webExId, email: DEMO.admin.email, firstName: 'Site', lastName: 'Admin', password: DEMO.admin.password,
    'privilege/siteAdmin': 'true',
  }), { at });
  site.createUser(inputFromPaths({
    webExId: DEMO.host.webExId, email: DEMO.host.email, firstName: 'Demo', lastName: 'Host', password: DEMO.host.password,
  }), { at: at + 1000 });
  // The users seedUsers(site, DEMO.seededUsers, DEMO.seed, at + 60_000) would create, from their written-out profiles.
  DEMO_PROFILE_ROWS.forEach((row, k) => {
    const profile: Profile = {};
    DEMO_PROFILE_FIELDS.forEach((field, f) => { profile[field] = row[f]; });
    site.createUser(inputFromPaths(profile), { at: at + 60_000 + (k + 1) * 60_000 });
  });
  return site;
}
