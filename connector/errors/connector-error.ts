/**
 * The connector's error model: every failure — whether Webex answered FAILURE, the transport broke, or the
 * connector refused a profile before sending it — becomes one ConnectorError with a class and a remedy.
 */

/** The classes an admin can act on. `unknown` is the honest fallback for an exception the connector does not know. */
export type ErrorClass =
  | 'sessionTypeLimit'
  | 'hostLimit'
  | 'featureNotEnabled'
  | 'invalidValue'
  | 'invalidPersonalUrl'
  | 'duplicateUser'
  | 'userNotFound'
  | 'authentication'
  | 'accessDenied'
  | 'rateLimited'
  | 'siteUnsupported'
  | 'transient'
  | 'unknown';

/** Where the failure was detected. */
export type ErrorOrigin = 'server' | 'transport' | 'local';

export interface ConnectorErrorDetails {
  errorClass: ErrorClass;
  origin: ErrorOrigin;
  /** What went wrong, in one sentence an admin understands. */
  message: string;
  /** What to do about it (texts follow Okta's guide where it has one). */
  remedy: string;
  /** Webex serv:exceptionID, when Webex answered. */
  exceptionId?: string;
  /** Webex serv:reason, verbatim. */
  reason?: string;
  /** Flat attribute name (or XML element name when no attribute matches) the failure is about. */
  attribute?: string;
  /** Session-type id for licence errors (110055 carries it in serv:value). */
  sessionType?: string;
  /** HTTP status when the transport failed with one. */
  httpStatus?: number;
  /** The Webex operation that failed, e.g. CreateUser. */
  operation?: string;
  /** Retry-After the server asked for, in milliseconds. */
  retryAfterMs?: number;
  /** For a create whose follow-up SetUser failed: the user exists (with this userId). */
  userCreated?: { webExId: string; userId?: string };
}

export class ConnectorError extends Error implements ConnectorErrorDetails {
  readonly errorClass: ErrorClass;
  readonly origin: ErrorOrigin;
  readonly remedy: string;
  readonly exceptionId?: string;
  readonly reason?: string;
  readonly attribute?: string;
  readonly sessionType?: string;
  readonly httpStatus?: number;
  readonly operation?: string;
  readonly retryAfterMs?: number;
  userCreated?: { webExId: string; userId?: string };

  constructor(details: ConnectorErrorDetails) {
    super(details.message);
    this.name = 'ConnectorError';
    this.errorClass = details.errorClass;
    this.origin = details.origin;
    this.remedy = details.remedy;
    this.exceptionId = details.exceptionId;
    this.reason = details.reason;
    this.attribute = details.attribute;
    this.sessionType = details.sessionType;
    this.httpStatus = details.httpStatus;
    this.operation = details.operation;
    this.retryAfterMs = details.retryAfterMs;
    this.userCreated = details.userCreated;
  }

  /** Transient failures may be retried; everything else needs a person. */
  get retryable(): boolean {
    return this.errorClass === 'transient' || this.errorClass === 'rateLimited';
  }

  toJSON(): ConnectorErrorDetails {
    const json: ConnectorErrorDetails = {
      errorClass: this.errorClass, origin: this.origin, message: this.message, remedy: this.remedy,
    };
    for (const key of ['exceptionId', 'reason', 'attribute', 'sessionType', 'httpStatus', 'operation', 'retryAfterMs', 'userCreated'] as const) {
      if (this[key] !== undefined) (json as unknown as Record<string, unknown>)[key] = this[key];
    }
    return json;
  }
}

/** Human labels for the classes, used by the CLI and the docs. */
export const ERROR_CLASS_LABELS: Readonly<Record<ErrorClass, string>> = {
  sessionTypeLimit: 'licence / session-type limit',
  hostLimit: 'host limit',
  featureNotEnabled: 'feature not enabled',
  invalidValue: 'invalid value',
  invalidPersonalUrl: 'invalid personalUrl',
  duplicateUser: 'duplicate user',
  userNotFound: 'user not found',
  authentication: 'authentication',
  accessDenied: 'access denied',
  rateLimited: 'rate limited',
  siteUnsupported: 'site unsupported',
  transient: 'transient',
  unknown: 'unknown',
};

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}
