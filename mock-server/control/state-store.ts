/** What the control plane needs from a persistent store (implemented by persistence/sqlite-store). */
import type { SiteRegistry } from '../site/registry';
import type { Site, SiteChange } from '../site/site';

export interface StateStore {
  /** True when the store holds sites from an earlier run. */
  hasState(): boolean;
  /** Add every stored site, with its users, to the (empty) registry. */
  loadInto(registry: SiteRegistry): void;
  /** Replace everything stored with the registry's sites (after a reset or a scenario load). */
  saveAll(registry: SiteRegistry): void;
  /** Write one site's config and users (after a per-site reset or a snapshot import). */
  saveSite(site: Site): void;
  saveConfig(site: Site): void;
  /** Forget one site and its users (admin API DELETE /_mock/sites/:site). */
  deleteSite(name: string): void;
  /** One committed user change, written before the response is sent. */
  recordChange(site: Site, change: SiteChange): void;
  close(): void;
}
