/**
 * The control plane: the admin operations as plain functions over one mock (the admin API router and the CLI
 * call these). It owns the "loaded state" — the demo site, a setup function or a scenario — that resets return
 * to, the journal, the faults and, when configured, the persistent store.
 */
import type { Engine } from '../engine';
import { SiteRegistry } from '../site/registry';
import type { Site } from '../site/site';
import type { UserRecord } from '../site/user-record';
import { WebexError } from '../site/webex-error';
import { addDemoSite } from '../site/demo-site';
import { Journal, type JournalOptions } from './journal/journal';
import { FaultStore } from './faults/fault-store';
import type { SiteSnapshot } from './snapshot';

// zod-backed modules (settings, snapshots, scenarios) load on first use: serving the demo site needs none (issue 14 §4).
const settings = () => require('./site-settings') as typeof import('./site-settings');
const snapshots = () => require('./snapshot') as typeof import('./snapshot');
const scenarios = () => require('./scenarios/apply-scenario') as typeof import('./scenarios/apply-scenario');
import type { ParsedScenario } from './scenarios/parse-scenario';
import type { StateStore } from './state-store';

export interface ControlOptions {
  journal?: JournalOptions | false;
  /** Seed of the fault RNG (probability draws). */
  faultSeed?: number;
  store?: StateStore;
}

/** A request the admin API should answer with 400/404 and this message. */
export class ControlError extends Error {
  constructor(readonly status: 400 | 404 | 409, message: string, readonly issues?: unknown[]) {
    super(message);
  }
}

export class ControlPlane {
  readonly journal: Journal | undefined;
  readonly faults: FaultStore;
  private scenario: ParsedScenario | undefined;
  private setup: (registry: SiteRegistry) => void;
  readonly startedAt: number;
  private suspendStore = false;
  private loading: Promise<void> = Promise.resolve();

  constructor(readonly registry: SiteRegistry, readonly engine: Engine, private readonly opts: ControlOptions & {
    setup?: (registry: SiteRegistry) => void;
    scenario?: ParsedScenario;
  } = {}) {
    this.startedAt = engine.now();
    this.journal = opts.journal === false ? undefined : new Journal(opts.journal ?? {});
    this.faults = new FaultStore(opts.faultSeed ?? 1);
    this.scenario = opts.scenario;
    const scenario = opts.scenario;
    this.setup = scenario ? (r) => { scenarios().applyScenario(r, scenario); } : opts.setup ?? addDemoSite;
    if (this.journal) engine.observers.push(this.journal.observer);
    engine.interceptors.push(this.faults.interceptor);
    const store = opts.store;
    if (store) registry.onChange((site, change) => { if (!this.suspendStore) store.recordChange(site, change); });
    if (store?.hasState()) {
      this.withoutStore(() => store.loadInto(registry));
      this.installScenarioFaults();
      registry.oauth.setIntegrations(this.scenario?.scenario.integrations ?? []);
    } else {
      this.rebuild();
    }
  }

  get store(): StateStore | undefined {
    return this.opts.store;
  }

  /** Name and description of the loaded scenario (undefined: the demo site or a setup function). */
  get scenarioInfo(): { name?: string; description?: string; source: string } | undefined {
    return this.scenario && { name: this.scenario.scenario.name, description: this.scenario.scenario.description, source: this.scenario.source };
  }

  // ---- state ----------------------------------------------------------------------------------

  /** All sites (or one) back to the loaded state; a full reset also restores the scenario's faults. */
  reset(siteName?: string): void {
    if (siteName === undefined) {
      this.rebuild();
      return;
    }
    const site = this.site(siteName);
    if (this.scenario) {
      const i = this.scenario.scenario.sites.findIndex((s) => s.name.toLowerCase() === site.name.toLowerCase());
      if (i < 0) throw new ControlError(404, `site ${site.name} is not part of the loaded scenario`);
      this.replaceSite(site.name, (r) => scenarios().addScenarioSite(r, this.scenario!.scenario.sites[i], i));
      return; // the integrations stay; the site's tokens went with it
    }
    // Build the loaded state on a scratch registry, then copy this site's config and users over.
    const scratch = new SiteRegistry(this.registry.now);
    this.setup(scratch);
    const fresh = scratch.get(site.name);
    if (!fresh) throw new ControlError(404, `site ${site.name} is not part of the loaded state`);
    this.replaceSite(site.name, (r) => {
      const copy = r.add(fresh.config);
      copy.replaceUsers([...fresh.users()]);
      return copy;
    });
  }

  /** Load a scenario: it replaces every site and fault, and becomes what resets return to. */
  loadScenario(parsed: ParsedScenario): void {
    // Built aside first: a scenario the site rules refuse throws here and leaves the running state untouched —
    // users, settings, session tickets, and the faults with their ids, counters and RNG.
    scenarios().applyScenario(new SiteRegistry(this.registry.now), parsed);
    this.scenario = parsed;
    this.setup = (r) => { scenarios().applyScenario(r, parsed); };
    this.rebuild();
  }

  /**
   * loadScenario for the admin API: large generated sites are built first in steps (the XML service keeps
   * answering meanwhile), then the scenario is committed at once. Calls run one after the other.
   */
  loadScenarioAsync(parsed: ParsedScenario): Promise<void> {
    const run = this.loading.then(async () => {
      await scenarios().prebuildLargeSites(parsed, this.registry.now);
      this.loadScenario(parsed);
    });
    this.loading = run.catch(() => undefined);
    return run;
  }

  site(name: string): Site {
    const site = this.registry.get(name);
    if (!site) throw new ControlError(404, `no site named ${name}`);
    return site;
  }

  /**
   * Add one site, described as a scenario's `sites[]` entry (settings, admins, users), next to the others; it is
   * not part of the loaded state: a full reset removes it, a reset of it alone is refused (404).
   */
  addSite(body: unknown): Site {
    const { siteSchema } = require('./scenarios/scenario-schema') as typeof import('./scenarios/scenario-schema');
    const spec = siteSchema.parse(body); // a ZodError: 400 with the issues
    if (this.registry.get(spec.name)) throw new ControlError(409, `a site named ${spec.name} exists already`);
    const holder = spec.id !== undefined ? this.registry.byId(spec.id) : undefined;
    if (holder) throw new ControlError(409, `site id ${spec.id} is used by site ${holder.name}`);
    let site: Site;
    try {
      site = this.withoutStore(() => scenarios().addScenarioSite(this.registry, { ...spec, id: spec.id ?? this.freeSiteId(spec.name) }, 0));
    } catch (e) {
      const { SitePathError } = scenarios();
      if (!(e instanceof SitePathError)) throw e;
      const path = e.path.slice(2).join('.'); // the body is the site itself, not sites.0
      throw new ControlError(400, `${path ? `${path}: ` : ''}${e.message}`, [{ path, message: e.message }]);
    }
    this.store?.saveSite(site);
    return site;
  }

  /**
   * Remove a site with its users, session tickets and OAuth tokens. Faults naming it stay (as for a reset);
   * cached answers of its users age out of the bounded answer cache.
   */
  deleteSite(name: string): string {
    const site = this.site(name);
    this.registry.remove(site.name);
    this.store?.deleteSite(site.name);
    return site.name;
  }

  /** Validate and apply a settings patch; the next request sees it. */
  patchSite(name: string, body: unknown): Site {
    const site = this.site(name);
    const parsed = settings().siteSettingsSchema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}` : i.message }));
      throw new ControlError(400, `invalid site settings: ${issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('; ')}`, issues);
    }
    try {
      site.config = settings().applySettings(site.config, parsed.data);
    } catch (e) {
      throw new ControlError(400, `invalid site settings: ${(e as Error).message}`);
    }
    this.store?.saveConfig(site);
    return site;
  }

  /** What the user does by clicking the verification link (admin API POST .../users/:webExId/verify). */
  verifyUser(siteName: string, webExId: string): UserRecord {
    const site = this.site(siteName);
    const rec = site.findUser(webExId) ?? site.findByEmail(webExId);
    if (!rec) throw new ControlError(404, `no user ${webExId} on site ${site.name}`);
    try {
      return site.verify(rec);
    } catch (e) {
      if (e instanceof WebexError) throw new ControlError(409, `the site refuses to activate ${webExId}: ${e.id} ${e.reason}`);
      throw e;
    }
  }

  exportSnapshot(name: string): SiteSnapshot {
    return snapshots().exportSite(this.site(name), this.engine.now());
  }

  importSnapshot(name: string, doc: unknown): Site {
    let site: Site;
    try {
      site = this.withoutStore(() => snapshots().importSite(this.registry, name, doc));
    } catch (e) {
      throw new ControlError(400, (e as Error).message);
    }
    this.store?.saveSite(site);
    return site;
  }

  // ---- internals ------------------------------------------------------------------------------

  /** The id siteConfig derives from the name, or the next one no site holds. */
  private freeSiteId(name: string): number {
    const { siteConfig } = require('../site/site-config') as typeof import('../site/site-config');
    let id = siteConfig({ name }).id;
    while (this.registry.byId(id)) id = id >= 2_147_483_647 ? 1 : id + 1;
    return id;
  }

  private rebuild(): void {
    this.engine.answers.clear(); // the old sites' users are gone: their answers would only hold memory
    this.engine.listItems.clear();
    this.engine.listPages.clear();
    this.withoutStore(() => {
      this.registry.clear();
      this.setup(this.registry);
    });
    this.faults.clear();
    this.installScenarioFaults();
    this.store?.saveAll(this.registry);
  }

  private installScenarioFaults(): void {
    for (const f of this.scenario?.scenario.faults ?? []) this.faults.add(f);
  }

  private replaceSite(name: string, build: (r: SiteRegistry) => Site): void {
    const site = this.withoutStore(() => {
      this.registry.remove(name);
      return build(this.registry);
    });
    this.store?.saveSite(site);
  }

  /** Bulk changes (setup, import) are written once at the end, not user by user. */
  private withoutStore<T>(f: () => T): T {
    const before = this.suspendStore;
    this.suspendStore = true;
    try {
      return f();
    } finally {
      this.suspendStore = before;
    }
  }
}
