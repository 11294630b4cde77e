/**
 * Build a scenario's sites in a registry: config from the settings, then admins, explicit users and generated
 * users through the site's own CreateUser rules — a scenario can never hold a state the real service could not.
 * Problems name the scenario path (sites.0.users.3) so the caller can point at the line.
 */
import { WebexError } from '../../site/webex-error';
import { checkWebExId } from '../../site/check-value';
import type { SiteRegistry } from '../../site/registry';
import type { Site } from '../../site/site';
import type { UserRecord } from '../../site/user-record';
import { siteConfig, type SiteConfig } from '../../site/site-config';
import { inputFromPaths } from '../../site/user-input';
import { applySettings, SettingsError } from '../site-settings';
import { generateUsersStepwise } from './generate-users';
import { SiteRegistry as ScratchRegistry } from '../../site/registry';
import { MAX_SCENARIO_USERS } from '../limits';
import type { ParsedScenario, PathKey } from './parse-scenario';
import type { Scenario, ScenarioSite } from './scenario-schema';
import { ScenarioError } from './scenario-error';
import { inputFromAttributes, UnknownAttributeError } from './user-attributes';

/** Users of scenario sites register from here (fixed, so exports and GetUser answers repeat run after run). */
export const SCENARIO_EPOCH = Date.UTC(2024, 0, 2, 9, 0, 0);

/** A problem at a path of the scenario document (sites.0.users.3...). */
export class SitePathError extends Error {
  constructor(message: string, readonly path: PathKey[]) { super(message); }
}

export function scenarioSiteConfig(s: ScenarioSite): SiteConfig {
  const base = siteConfig({ name: s.name, ...(s.id !== undefined ? { id: s.id } : {}), ...(s.partnerId ? { partnerId: s.partnerId } : {}) });
  // Known session types given by id only are completed from the catalog (applySettings merges by id).
  const withTypes = s.sessionTypes ? { ...base, sessionTypes: [] } : base;
  const cfg = applySettings(withTypes, {
    flags: s.flags, features: s.features, sessionTypes: s.sessionTypes, hostLimit: s.hostLimit, passwordPolicy: s.passwordPolicy,
    timeZoneId: s.timeZoneId, sessionTicketTtlSeconds: s.sessionTicketTtlSeconds, samlSSO: s.samlSSO, oauth: s.oauth,
    suspended: s.suspended, apiVersion: s.apiVersion,
    defaultSessionTypes: s.defaultSessionTypes ?? (s.sessionTypes ? [s.sessionTypes[0].id] : undefined),
  });
  cfg.accessTokens = [
    ...s.accessTokens.map((t) => ({ ...t })),
    ...s.admins.filter((a) => a.accessToken).map((a) => ({ token: a.accessToken as string, webExId: a.webExId })),
  ];
  return cfg;
}

/**
 * Generating 100k users through the site rules takes seconds; the users of the large sites built last are kept
 * (bounded by MAX_SCENARIO_USERS in all) so a reset or a reload of the same scenario site copies them instead of
 * generating them again — and so the admin API can build them first in steps (prebuildLargeSites) and then
 * commit the scenario at once.
 */
const LARGE_SITE = 1000;
const largeSites = new Map<string, readonly UserRecord[]>();

function copyRecord(r: UserRecord): UserRecord {
  return { ...r }; // values are immutable (every write replaces them), so the copies can share them
}

function largeSiteKey(s: ScenarioSite): string | undefined {
  return s.generate && s.generate.count >= LARGE_SITE ? JSON.stringify(s) : undefined;
}

function keepLargeSite(key: string, users: readonly UserRecord[]): void {
  largeSites.delete(key);
  largeSites.set(key, users);
  let total = 0;
  for (const u of largeSites.values()) total += u.length;
  for (const [k, u] of largeSites) {
    if (total <= MAX_SCENARIO_USERS || k === key) break;
    largeSites.delete(k); // oldest first
    total -= u.length;
  }
}

/** Add one scenario site (index `i` in `sites`) to the registry, with its users. */
export function addScenarioSite(registry: SiteRegistry, s: ScenarioSite, i: number): Site {
  const key = largeSiteKey(s);
  const cached = key !== undefined ? largeSites.get(key) : undefined;
  if (!cached) {
    const site = drain(buildScenarioSite(registry, s, i));
    if (key !== undefined) keepLargeSite(key, site.users().map(copyRecord));
    return site;
  }
  const cfg = scenarioSiteConfig(s);
  const copy = registry.add(cfg, cfg.id);
  copy.replaceUsers(cached.map(copyRecord));
  return copy;
}

/**
 * Build the scenario's large generated sites aside, giving the event loop a turn every GENERATE_CHUNK users,
 * so the XML service keeps answering meanwhile; applyScenario then copies them (the atomic commit).
 */
export async function prebuildLargeSites(parsed: Pick<ParsedScenario, 'scenario' | 'source' | 'locate'>, now: () => number): Promise<void> {
  const sites = parsed.scenario.sites;
  for (let i = 0; i < sites.length; i++) {
    const key = largeSiteKey(sites[i]);
    if (key === undefined || largeSites.has(key)) continue;
    const steps = buildScenarioSite(new ScratchRegistry(now), sites[i], i);
    try {
      let step = steps.next();
      while (!step.done) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        step = steps.next();
      }
      keepLargeSite(key, step.value.users()); // the scratch site is dropped: its records need no copy
    } catch (e) {
      throw scenarioProblem(parsed, e);
    }
  }
}

function drain<T>(steps: Generator<void, T, void>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

function* buildScenarioSite(registry: SiteRegistry, s: ScenarioSite, i: number): Generator<void, Site, void> {
  let cfg: SiteConfig;
  try {
    cfg = scenarioSiteConfig(s);
  } catch (e) {
    if (e instanceof SettingsError) throw new SitePathError(e.message, ['sites', i, ...e.path]);
    throw e;
  }
  // A token's webExId names a user by the same rule every webExId obeys (checkWebExId).
  s.accessTokens.forEach((t, j) => {
    try {
      checkWebExId(t.webExId);
    } catch (e) {
      if (e instanceof WebexError) throw new SitePathError(`site "${s.name}": ${e.reason}`, ['sites', i, 'accessTokens', j, 'webExId']);
      throw e;
    }
  });
  let site: Site;
  try {
    site = registry.add(cfg, cfg.id);
  } catch (e) {
    throw new SitePathError((e as Error).message, ['sites', i, 'name']);
  }
  try {
    yield* addScenarioUsers(site, s, i);
  } catch (e) {
    registry.remove(site.name); // the caller only knows about the sites that were built completely
    throw e;
  }
  return site;
}

function* addScenarioUsers(site: Site, s: ScenarioSite, i: number): Generator<void, void, void> {
  let at = SCENARIO_EPOCH;
  // Admins exist before the scenario starts (Control Hub made them): Spark Meet's XML API role ban does not apply.
  s.admins.forEach((a, j) => {
    const input = inputFromPaths({
      webExId: a.webExId, password: a.password, email: a.email ?? `${a.webExId}@${s.name}.example.com`,
      firstName: a.firstName ?? 'Site', lastName: a.lastName ?? 'Admin',
      [a.readOnly ? 'privilege/roSiteAdmin' : 'privilege/siteAdmin']: 'true',
    });
    create(site, input, at, ['sites', i, 'admins', j], true);
    at += 1000;
  });
  s.users.forEach((u, j) => {
    let input;
    try {
      input = inputFromAttributes(u);
    } catch (e) {
      if (e instanceof UnknownAttributeError) throw new SitePathError(e.message, ['sites', i, 'users', j, e.attribute]);
      throw e;
    }
    create(site, input, at, ['sites', i, 'users', j]);
    at += 1000;
  });
  if (s.generate) {
    try {
      yield* generateUsersStepwise(site, { ...s.generate, epoch: at + 60_000 });
    } catch (e) {
      if (e instanceof WebexError) throw new SitePathError(`generated user refused: ${e.id} ${e.reason}`, ['sites', i, 'generate']);
      throw e;
    }
  }
}

function create(site: Site, input: ReturnType<typeof inputFromPaths>, at: number, path: PathKey[], asSiteOwner = false): void {
  const who = String(input.scalars.get('webExId') ?? input.scalars.get('email') ?? '').trim();
  try {
    site.createUser(input, { at, asSiteOwner });
  } catch (e) {
    if (e instanceof WebexError) throw new SitePathError(`site "${site.name}" refuses ${asSiteOwner ? 'admin' : 'user'} ${JSON.stringify(who)}: ${e.id} ${e.reason}`, path);
    throw e;
  }
}

/** Add every site of the scenario; on a problem, nothing is left half-added. */
export function applyScenario(registry: SiteRegistry, parsed: Pick<ParsedScenario, 'scenario' | 'source' | 'locate'>): Site[] {
  const added: Site[] = [];
  try {
    parsed.scenario.sites.forEach((s, i) => added.push(addScenarioSite(registry, s, i)));
    const known = new Set(parsed.scenario.sites.map((s) => s.name.toLowerCase()));
    (parsed.scenario.integrations ?? []).forEach((it, i) => {
      if (it.autoApprove && !known.has(it.autoApprove.site.toLowerCase())) {
        throw new SitePathError(`autoApprove names site ${it.autoApprove.site}, which the scenario does not have`, ['integrations', i, 'autoApprove', 'site']);
      }
    });
    registry.oauth.setIntegrations(parsed.scenario.integrations ?? []);
    return added;
  } catch (e) {
    for (const s of added) registry.remove(s.name);
    throw scenarioProblem(parsed, e);
  }
}

function scenarioProblem(parsed: Pick<ParsedScenario, 'source' | 'locate'>, e: unknown): unknown {
  if (!(e instanceof SitePathError)) return e;
  const pos = parsed.locate(e.path);
  return new ScenarioError(parsed.source, [{ path: e.path.join('.'), line: pos?.line, column: pos?.column, message: e.message }]);
}

export type { Scenario };
