/** What a conformance case is, and what it gets to work with. */
import type { UserRecord } from '../emulator/core';
import type { UsageReport } from '../../mock-server/site/site';
import type { SiteSettings } from '../../mock-server/control/site-settings';
import type { FeatureKey } from '../../mock-server/catalog';
import type { Adapter, AdapterConfig, ErrorClass, Outcome, Profile } from '../adapter';
import type { CapturedExchange } from '../emulator/capture';
import type { Fault } from '../emulator/faults';
import type { SiteSpec } from '../emulator/in-process';

export const GROUPS = ['lifecycle', 'attributes', 'features', 'personalUrl', 'errors', 'oauth'] as const;
export type Group = (typeof GROUPS)[number];

export type MatrixOperation = 'create' | 'update' | 'read' | 'feature on' | 'feature off';
export const MATRIX_OPERATIONS: readonly MatrixOperation[] = ['create', 'update', 'read', 'feature on', 'feature off'];

export interface CaseDef {
  /** Unique across the suite, stable between runs (used by --case). */
  id: string;
  group: Group;
  title: string;
  required: boolean;
  /** The attribute × operation cell this case fills in the report matrix. */
  matrix?: { attribute: string; operation: MatrixOperation };
  site?: SiteSpec;
  /** The case draws values from the run's seed (property.ts): its rerun command carries `--seed N`. */
  seeded?: boolean;
  /** Why the case needs control of the site (features, licences, flags, faults): skipped against a real Webex site. */
  needsControl?: string;
  run(ctx: CaseContext): Promise<void>;
}

/**
 * The suite's own access to the site's users, independent of the connector under test: direct writes on the
 * in-process emulator, or its own XML requests against a remote site. `find` returns the STORED state.
 */
export interface UserStore {
  /** Host used in Personal Room URLs (https://{host}/meet/{personalUrl}). */
  readonly host: string;
  /** Create a user (flat attributes, plus extra catalog paths such as meetingTypes). */
  create(profile: Profile, paths?: Record<string, string[]>): Promise<void>;
  update(webExId: string, profile: Profile): Promise<void>;
  deactivate(webExId: string): Promise<void>;
  find(webExId: string): Promise<UserRecord | undefined>;
  count(): Promise<number>;
  /** Every webExId on the site. */
  list(): Promise<string[]>;
  passwordIs(webExId: string, password: string): Promise<boolean>;
}

/**
 * Control of the case's own site: the in-process emulator, or a remote webex-mock through its admin API
 * (never a real Webex site).
 */
export interface SiteControl {
  /** The case site's name (the siteName of its requests). */
  siteName: string;
  /** Faults for this site's traffic: applied by the in-process engine, or remotely by the suite's capture proxy. */
  faults: Fault[];
  /** The emulator's origin (http://127.0.0.1:port): its /v1 OAuth endpoints and /_mock admin API. */
  baseUrl: string;
  /** Licence usage as the site counts it (hosts, users per session type). */
  usage(): Promise<UsageReport>;
  /** Change the site's settings (the body of PATCH /_mock/sites/:site); the next request sees them. */
  configure(settings: SiteSettings): Promise<void>;
  /** The admin API's token controls for one user of the site: its access tokens expire now, or all its tokens are revoked. */
  oauthTokens(action: 'expire' | 'revoke', webExId: string): Promise<void>;
  /** The suite's OAuth integration (auto-approving, for whichever site and user /v1/authorize names). */
  integration(): Promise<SuiteIntegration>;
}

export interface SuiteIntegration { clientId: string; clientSecret: string; redirectUri: string }

export interface CaseContext {
  users: UserStore;
  /** The site's controls; throws CaseSkip against a real Webex site. */
  control(): SiteControl;
  /** True when the suite controls the site: in-process, or a remote webex-mock through its admin API. */
  controlled: boolean;
  /** True against the in-process emulator only. */
  inProcess: boolean;
  /** An adapter for this case's site (as the admin unless overridden); closed when the case ends. */
  adapter(override?: Partial<AdapterConfig>): Promise<Adapter>;
  /** Call an adapter operation; a throw or a malformed answer becomes an `unknown` error outcome. */
  call<T>(operation: string, work: () => Promise<Outcome<T>>): Promise<Outcome<T>>;
  /** Exchanges captured on this site so far. */
  exchanges(): CapturedExchange[];
  /** Unique names for users this case creates (prefixed wmconf-, the only users a remote run touches). */
  unique(prefix: string): string;
  /** Email domain for users this case creates. */
  emailDomain: string;
  /** Skip the case (CaseSkip) when the site has this feature off: only a controlled site can switch it on. */
  requireFeature(key: FeatureKey | undefined, why: string): Promise<void>;
  /** The smallest valid profile for a new user: webExId, email, first and last name. */
  base(webExId: string): Profile;
  /** The run's seed for generated values (`--seed N` repeats a run); see property.ts. */
  seed: number;
}

/** A case failed: what it expected and what the connector did. */
export class CaseFailure extends Error {
  constructor(readonly expected: string, readonly actual: string) {
    super(`expected ${expected}; got ${actual}`);
  }
}

export class CaseSkip extends Error {}

export function fail(expected: string, actual: string): never {
  throw new CaseFailure(expected, actual);
}

export function describeOutcome(o: Outcome<unknown>): string {
  if (o.ok) return `success (${short(JSON.stringify(o.result))})`;
  const e = o.error;
  return `error class=${e.class}${e.attribute ? ` attribute=${e.attribute}` : ''}${e.sessionType ? ` sessionType=${e.sessionType}` : ''}: ${short(e.message)}`;
}

export function short(text: string | undefined, max = 300): string {
  if (text === undefined) return 'undefined';
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export type { ErrorClass };
