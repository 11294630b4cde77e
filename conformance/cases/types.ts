/** What a conformance case is, and what it gets to work with. */
import type { Adapter, AdapterConfig, ErrorClass, Outcome } from '../adapter';
import type { CapturedExchange } from '../emulator/capture';
import type { CaseSite, SiteSpec } from '../emulator/in-process';

export const GROUPS = ['lifecycle', 'attributes', 'features', 'personalUrl', 'errors'] as const;
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
  run(ctx: CaseContext): Promise<void>;
}

export interface CaseContext {
  site: CaseSite;
  /** An adapter for this case's site (as the admin unless overridden); closed when the case ends. */
  adapter(override?: Partial<AdapterConfig>): Promise<Adapter>;
  /** Call an adapter operation; a throw or a malformed answer becomes an `unknown` error outcome. */
  call<T>(operation: string, work: () => Promise<Outcome<T>>): Promise<Outcome<T>>;
  /** Exchanges captured on this site so far. */
  exchanges(): CapturedExchange[];
  /** Unique names for users this case creates. */
  unique(prefix: string): string;
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
