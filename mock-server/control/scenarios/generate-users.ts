/**
 * Many realistic users, fast. Faker is slow per call (~90 µs a profile), so it fills small pools of names,
 * titles, companies and places once per seed, and a seeded PRNG combines them: 100k users cost the site's own
 * CreateUser rules (~40 µs a user) and little else. Same seed → same users on every machine.
 */
import { TIME_ZONES } from '../../catalog';
import { enFaker } from '../../site/demo-site';
import { SeededRandom } from '../../site/random';
import type { Site } from '../../site/site';
import { inputFromPaths, type InputValue, type ListInputItem } from '../../site/user-input';

interface Pools {
  first: string[]; last: string[]; title: string[]; company: string[]; street: string[]; city: string[]; state: string[]; dept: string[];
}

const poolCache = new Map<number, Pools>();

function pools(seed: number): Pools {
  let p = poolCache.get(seed);
  if (p) return p;
  const faker = enFaker(); // loaded here, on first use: not at start
  faker.seed(seed);
  const many = <T>(n: number, f: () => T) => Array.from({ length: n }, f);
  p = {
    first: many(400, () => faker.person.firstName()),
    last: many(600, () => faker.person.lastName()),
    title: many(150, () => faker.person.jobTitle().slice(0, 128)),
    company: many(120, () => faker.company.name().slice(0, 128)),
    street: many(400, () => faker.location.streetAddress().slice(0, 128)),
    city: many(200, () => faker.location.city().slice(0, 64)),
    state: many(50, () => faker.location.state().slice(0, 64)),
    dept: many(30, () => faker.commerce.department()),
  };
  poolCache.set(seed, p);
  return p;
}

export interface GenerateOptions {
  count: number;
  seed: number;
  domain?: string;
  password?: string;
  meetingTypes?: number[];
  /** Registration time of the first user (epoch ms); one minute apart after that. */
  epoch: number;
}

const LANGUAGE_CHOICES = ['ENGLISH', 'ENGLISH', 'ENGLISH', 'GERMAN', 'FRENCH', 'JAPANESE'];

/** Users generated between two yields of generateUsersStepwise (a few ms of work: the event loop stays responsive). */
export const GENERATE_CHUNK = 1000;

export function generateUsers(site: Site, o: GenerateOptions): void {
  for (const _ of generateUsersStepwise(site, o)); // eslint-disable-line @typescript-eslint/no-unused-vars
}

/** The same users, yielding after every GENERATE_CHUNK, so a caller can give the event loop a turn in between. */
export function* generateUsersStepwise(site: Site, o: GenerateOptions): Generator<void, void, void> {
  const p = pools(o.seed);
  const rnd = new SeededRandom(o.seed ^ 0x5eed);
  const pick = <T>(a: T[]) => a[Math.floor(rnd.next() * a.length)];
  const domain = o.domain ?? `${site.name}.example.com`;
  const phone = () => `1,${rnd.digits(3)},${rnd.digits(7)}`;
  const start = site.userCount;
  for (let i = 1; i <= o.count; i++) {
    const firstName = pick(p.first);
    const lastName = pick(p.last);
    const webExId = `${firstName}.${lastName}${start + i}`.toLowerCase().replace(/[^a-z0-9._-]/g, '');
    const profile: Record<string, InputValue | ListInputItem[]> = {
      webExId, firstName, lastName,
      email: `${webExId}@${domain}`,
      title: pick(p.title),
      company: pick(p.company),
      'address/address1': pick(p.street),
      'address/city': pick(p.city),
      'address/state': pick(p.state),
      'address/zipCode': rnd.digits(5),
      'address/country': 'United States',
      'phones/phone': phone(),
      'phones/mobilePhone': phone(),
      timeZoneID: String(Math.floor(rnd.next() * TIME_ZONES.length)),
      language: pick(LANGUAGE_CHOICES),
      'privilege/teleConfCallIn': String(rnd.next() < 0.5),
      'privilege/voiceOverIp': 'true',
      'options/emailVisible': String(rnd.next() < 0.5),
      'tracking/trackingCode1': pick(p.dept),
    };
    if (o.password !== undefined) profile.password = o.password;
    if (o.meetingTypes) profile['meetingTypes/meetingType'] = o.meetingTypes.map(String);
    site.createUser(inputFromPaths(profile), { at: o.epoch + i * 60_000 });
    if (i % GENERATE_CHUNK === 0) yield;
  }
}
