import type { OperationDef } from '../catalog';
import type { Caller } from '../site/auth';
import type { Site } from '../site/site';
import type { UserRecord } from '../site/user-record';
import type { SecurityContext, XmlNode } from '../wire';

export interface OperationContext {
  op: OperationDef;
  site: Site;
  /** Authenticated caller; undefined for AuthenticateUser (checks itself) and GetAPIVersion (no credentials). */
  caller: Caller | undefined;
  security: SecurityContext;
  body: XmlNode;
  now: () => number;
}

export interface OperationResult {
  /** Inner XML of serv:bodyContent (unless `reusable`). */
  body?: string;
  /**
   * Instead of `body`: the answer is a function of this user's values and the site's config alone, so the
   * engine may send the bytes it built last time (operations/answer-cache.ts); `render` builds the inner XML.
   */
  reusable?: { user: UserRecord; render: (user: UserRecord) => string };
  /**
   * Instead of `body`: one item per user, then `after` (LstsummaryUser's page). Each item is a function of the
   * user's values, login and modification times and the site's config alone, so the engine joins the bytes it
   * built last time for that user (operations/answer-cache.ts). One rendering only: LstsummaryUser's summary.
   */
  userItems?: { users: readonly UserRecord[]; render: (user: UserRecord) => string; after: string };
  /** Extra namespace declarations on bodyContent (site/ep services). */
  bodyNamespaces?: Record<string, string>;
  /** The root's namespace declarations, when a service's real answers declare others than serv/com/use. */
  rootNamespaces?: Record<string, string>;
  /** The webExId the operation acted on, for the journal. */
  target?: string;
  /** Request elements the catalog does not know (the service ignores them); journaled so connector bugs show. */
  ignored?: string[];
}

/** Handlers throw WebexError for FAILUREs. */
export type OperationHandler = (ctx: OperationContext) => OperationResult;

/** The webExId an operation targets, for the privilege check before the handler runs. */
export type TargetOf = (body: XmlNode) => string | undefined;
