import { ConnectorError } from '../errors/connector-error';
import { localError } from '../errors/classify';
import type { Profile } from '../mapping/profile';
import { asArray, at, textOf, type XmlNode } from '../xml/response';
import type { ConnectorContext } from './context';
import { getUser } from './get-user';
import * as requests from './requests';

export interface UserSummary {
  webExId: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  active?: string;
  registrationDate?: string;
  /** XML API 39.11.0. */
  lastModifiedTime?: string;
  lastLoginTime?: string;
  /** Control Hub managed sites: the Control Hub person id. */
  objectGUID?: string;
}

export interface ImportedUser extends UserSummary {
  userId?: string;
  /** Full profile from GetUser (absent with detail: false). */
  profile?: Profile;
}

export type ImportProgress =
  | { phase: 'list'; done: number; total: number }
  | { phase: 'detail'; done: number; total: number };

export interface ImportOptions {
  /** LstsummaryUser page size (maximumNum). */
  pageSize?: number;
  /** Read every user's full profile with GetUser (default true). */
  detail?: boolean;
  /** GetUser calls in flight at once. */
  concurrency?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Only users modified in this window (at most 90 days; see listModifiedUsers for longer spans). */
  modified?: { from: number; to: number };
}

export interface ImportResult {
  total: number;
  users: ImportedUser[];
  /** Users listed but gone before GetUser could read them (deleted or renamed meanwhile). */
  vanished: string[];
}

function summaryOf(node: XmlNode): UserSummary {
  const field = (name: string) => textOf(at(node, [name]));
  return {
    webExId: field('webExId') ?? '',
    firstName: field('firstName'),
    lastName: field('lastName'),
    email: field('email'),
    active: field('active'),
    registrationDate: field('registrationDate'),
    lastModifiedTime: field('lastModifiedTime') || undefined,
    lastLoginTime: field('lastLoginTime') || undefined,
    objectGUID: field('objectGUID'),
  };
}

/** Webex refuses modified-date windows over 90 days (999999 "Maximum date range is 90 days for modified date query"). */
export const MODIFIED_WINDOW_MS = 90 * 86_400_000;

/**
 * Users modified since `since`: LstsummaryUser with modifiedDateStart/modifiedDateEnd, one window of at most 90 days
 * after another up to now, every page of each; a user modified in two windows is listed once (its latest summary).
 */
export async function listModifiedUsers(ctx: ConnectorContext, since: Date | number, options: ImportOptions = {}): Promise<UserSummary[]> {
  const from = typeof since === 'number' ? since : since.getTime();
  if (!Number.isFinite(from)) throw localError('invalidValue', 'since must be a date');
  const now = ctx.now();
  const byId = new Map<string, UserSummary>();
  // Whole seconds: Webex dates have no milliseconds, so each window starts a second after the previous one ends.
  for (let start = Math.floor(from / 1000) * 1000; start <= now; start += MODIFIED_WINDOW_MS + 1000) {
    const end = Math.min(start + MODIFIED_WINDOW_MS, Math.ceil(now / 1000) * 1000);
    for (const u of await listUsers(ctx, { ...options, modified: { from: start, to: end } })) byId.set(u.webExId.toLowerCase(), u);
  }
  return [...byId.values()];
}

/** LstsummaryUser, every page: listControl startFrom (1-based) / maximumNum until matchingRecords.total is reached. */
export async function listUsers(ctx: ConnectorContext, options: ImportOptions = {}): Promise<UserSummary[]> {
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw localError('invalidValue', 'pageSize must be a positive integer');
  const users: UserSummary[] = [];
  let startFrom = 1;
  let total = Infinity;
  while (startFrom <= total) {
    let body;
    try {
      ({ body } = await ctx.client.call(requests.lstsummaryUser(startFrom, pageSize, options.modified)));
    } catch (error) {
      // 000015 "no record found" is how Webex says the list is empty.
      if (error instanceof ConnectorError && error.exceptionId === '000015') break;
      throw error;
    }
    const page = asArray(body.user).map(summaryOf);
    const reportedTotal = Number(textOf(at(body, ['matchingRecords', 'total'])));
    const returned = Number(textOf(at(body, ['matchingRecords', 'returned'])) ?? page.length);
    total = Number.isFinite(reportedTotal) ? reportedTotal : startFrom + page.length - 1;
    users.push(...page);
    options.onProgress?.({ phase: 'list', done: users.length, total });
    const advanced = Number.isFinite(returned) && returned > 0 ? returned : page.length;
    if (advanced === 0) break; // a short page means the list shrank while paging
    startFrom += advanced;
  }
  return users;
}

// Stryker disable all: the adapter contract's import() is the list above (conformance/adapters/reference.ts); the
// detail phase is the connector's own (`webex-connector import`), tested by test/connector, out of the suite's reach.
/** Import: list every user, then read each one's detail with GetUser (bounded concurrency). */
export async function importUsers(ctx: ConnectorContext, options: ImportOptions = {}): Promise<ImportResult> {
  const summaries = await listUsers(ctx, options);
  if (options.detail === false) return { total: summaries.length, users: summaries, vanished: [] };

  const users: (ImportedUser | undefined)[] = new Array(summaries.length);
  const vanished: string[] = [];
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async () => {
    while (next < summaries.length && !failed) {
      const index = next++;
      const summary = summaries[index];
      try {
        const user = await getUser(ctx, summary.webExId);
        users[index] = { ...summary, userId: user.userId, profile: user.profile };
      } catch (error) {
        if (!(error instanceof ConnectorError && error.errorClass === 'userNotFound')) {
          failed = true; // stop the other workers from starting more calls
          throw error;
        }
        vanished.push(summary.webExId);
      }
      options.onProgress?.({ phase: 'detail', done: ++done, total: summaries.length });
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 4, summaries.length || 1));
  await Promise.all(Array.from({ length: concurrency }, worker));
  const imported = users.filter((u): u is ImportedUser => u !== undefined);
  return { total: imported.length, users: imported, vanished };
}
// Stryker restore all
