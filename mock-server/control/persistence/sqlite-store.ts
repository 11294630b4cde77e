/**
 * Site state in SQLite (better-sqlite3): WAL journal, synchronous=FULL, and every committed user change
 * written inside the registry's change listener — synchronously, before the engine builds the response — so an
 * acknowledged write is on disk, and a crash (kill -9) leaves the last committed transaction, never a torn file.
 */
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { SiteRegistry } from '../../site/registry';
import type { Site, SiteChange } from '../../site/site';
import { siteConfig, type SiteConfig } from '../../site/site-config';
import { fromStoredUser, toStoredUser, type StoredUser } from '../records';
import type { StateStore } from '../state-store';
import { DataDirError, prepareDataDir } from './data-dir';
import { DataDirLock } from './data-dir-lock';

export const DB_FILE = 'webex-mock.sqlite';

/**
 * better-sqlite3 is an optional dependency with a native build: load it only when a data dir is used, so an
 * install where it could not be built still serves (in memory). Undefined when it loads, else why not.
 */
export function sqliteUnavailable(): string | undefined {
  try {
    // better-sqlite3 finds its native addon only when a database is opened: open one in memory.
    new (loadDriver())(':memory:').close();
    return undefined;
  } catch (error) {
    return (error as Error).message.split('\n')[0].replace(/\s*Tried:$/, '');
  }
}

let driver: typeof Database | undefined;
function loadDriver(): typeof Database {
  driver ??= require('better-sqlite3') as typeof Database;
  return driver;
}
const SCHEMA_VERSION = 1;

export class SqliteStore implements StateStore {
  readonly file: string;
  private readonly lock: DataDirLock;
  private readonly db: Database.Database;
  private readonly stmt: {
    upsertSite: Database.Statement; upsertUser: Database.Statement; deleteUsers: Database.Statement;
    deleteAllUsers: Database.Statement; deleteAllSites: Database.Statement; deleteSite: Database.Statement;
    countSites: Database.Statement; sites: Database.Statement; users: Database.Statement;
  };

  constructor(dataDir: string) {
    prepareDataDir(dataDir);
    const Driver = loadDriver();
    this.lock = new DataDirLock(dataDir);
    this.file = join(dataDir, DB_FILE);
    try {
      this.db = new Driver(this.file);
    } catch (e) {
      this.lock.release();
      throw new DataDirError(dataDir, `cannot open ${this.file} (${(e as Error).message})`);
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS sites (name TEXT PRIMARY KEY COLLATE NOCASE, config TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS users (
        site TEXT NOT NULL COLLATE NOCASE REFERENCES sites(name) ON DELETE CASCADE,
        user_id INTEGER NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (site, user_id)
      );
    `);
    const version = this.db.prepare('SELECT value FROM meta WHERE key = ?').get('schema') as { value: string } | undefined;
    if (version && Number(version.value) !== SCHEMA_VERSION) throw new Error(`${this.file}: schema version ${version.value}, this webex-mock reads ${SCHEMA_VERSION}`);
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('schema', String(SCHEMA_VERSION));
    this.stmt = {
      upsertSite: this.db.prepare('INSERT INTO sites (name, config) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET config = excluded.config'),
      upsertUser: this.db.prepare('INSERT INTO users (site, user_id, record) VALUES (?, ?, ?) ON CONFLICT(site, user_id) DO UPDATE SET record = excluded.record'),
      deleteUsers: this.db.prepare('DELETE FROM users WHERE site = ?'),
      deleteAllUsers: this.db.prepare('DELETE FROM users'),
      deleteSite: this.db.prepare('DELETE FROM sites WHERE name = ?'),
      deleteAllSites: this.db.prepare('DELETE FROM sites'),
      countSites: this.db.prepare('SELECT COUNT(*) AS n FROM sites'),
      sites: this.db.prepare('SELECT name, config FROM sites ORDER BY rowid'),
      users: this.db.prepare('SELECT record FROM users WHERE site = ? ORDER BY user_id'),
    };
  }

  hasState(): boolean {
    return (this.stmt.countSites.get() as { n: number }).n > 0;
  }

  loadInto(registry: SiteRegistry): void {
    for (const row of this.stmt.sites.all() as { name: string; config: string }[]) {
      // Through siteConfig: a store written before a setting existed gets its default.
      const config = siteConfig(JSON.parse(row.config) as SiteConfig);
      const site = registry.add(config, config.id);
      const records = (this.stmt.users.all(row.name) as { record: string }[]).map((r) => fromStoredUser(JSON.parse(r.record) as StoredUser));
      site.replaceUsers(records);
    }
  }

  saveAll(registry: SiteRegistry): void {
    this.db.transaction(() => {
      this.stmt.deleteAllUsers.run();
      this.stmt.deleteAllSites.run();
      for (const site of registry.all()) this.writeSite(site);
    })();
  }

  saveSite(site: Site): void {
    this.db.transaction(() => this.writeSite(site))();
  }

  saveConfig(site: Site): void {
    this.stmt.upsertSite.run(site.name, JSON.stringify(site.config));
  }

  deleteSite(name: string): void {
    this.db.transaction(() => {
      this.stmt.deleteUsers.run(name);
      this.stmt.deleteSite.run(name);
    })();
  }

  recordChange(site: Site, change: SiteChange): void {
    if (change.kind === 'reset' || !change.user) {
      this.saveSite(site);
      return;
    }
    this.stmt.upsertUser.run(site.name, change.user.userId, JSON.stringify(toStoredUser(change.user)));
  }

  close(): void {
    if (this.db.open) this.db.close();
    this.lock.release();
  }

  private writeSite(site: Site): void {
    this.stmt.upsertSite.run(site.name, JSON.stringify(site.config));
    this.stmt.deleteUsers.run(site.name);
    for (const rec of site.users()) this.stmt.upsertUser.run(site.name, rec.userId, JSON.stringify(toStoredUser(rec)));
  }
}
