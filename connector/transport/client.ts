import { ConnectorError } from '../errors/connector-error';
import { classifyFailure, isTokenExpired, transportError, type AttributeResolver } from '../errors/classify';
import { buildRequest, redactRequest, type ConfiguredCredentials, type NamespaceStyle, type RequestSpec } from '../xml/request';
import { decodeBody } from '../xml/decode';
import { parseResponse, UnreadableResponseError, type WebexResponse } from '../xml/response';
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, realSleep, type RetryPolicy, type Sleep } from './retry';

/** What the client reports to a debug listener. Request bodies are redacted before they get here. */
export type ClientEvent =
  | { type: 'request'; operation: string; attempt: number; body: string }
  | { type: 'response'; operation: string; attempt: number; status: number; result?: string; exceptionId?: string; gsbStatus?: string }
  | { type: 'retry'; operation: string; attempt: number; delayMs: number; error: string };

export interface XmlClientOptions {
  /** Full endpoint URL, e.g. https://acme.webex.com/WBXService/XMLService. */
  url: string;
  security: { siteName: string; credentials: ConfiguredCredentials };
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  namespaceStyle?: NamespaceStyle;
  fetch?: typeof fetch;
  sleep?: Sleep;
  now?: () => number;
  random?: () => number;
  onEvent?: (event: ClientEvent) => void;
  resolveAttribute?: AttributeResolver;
}

export interface CallOptions {
  /**
   * Called before each retry once the outcome of the previous attempt is unknown (no Webex answer).
   * Returns a response to use instead of retrying — CreateUser uses it to look the user up first,
   * so a user is never created twice.
   */
  beforeRetry?: (error: ConnectorError) => Promise<WebexResponse | undefined>;
  /** Do not retry at all (e.g. the connection test wants the first answer). */
  noRetry?: boolean;
}

/** Operation name from the Java binding class, for messages. */
const operationOf = (spec: RequestSpec) => spec.javaType.split('.').pop() ?? spec.javaType;

export class XmlClient {
  private readonly policy: RetryPolicy;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: Sleep;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly timeoutMs: number;

  constructor(private readonly options: XmlClientOptions) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.fetchImpl = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  get url(): string {
    return this.options.url;
  }

  /** Send one operation; SUCCESS returns the response, FAILURE and transport errors throw a ConnectorError. */
  async call(spec: RequestSpec, callOptions: CallOptions = {}): Promise<WebexResponse> {
    const operation = operationOf(spec);
    const maxAttempts = callOptions.noRetry ? 1 : Math.max(1, this.policy.maxAttempts);
    const oauth = 'oauth' in this.options.security.credentials ? this.options.security.credentials.oauth : undefined;
    let refreshedOnExpiry = false;
    for (let attempt = 1; ; attempt++) {
      let error: ConnectorError;
      try {
        // Built per attempt: an OAuth token may have been refreshed since the last one.
        return await this.attempt(operation, await this.requestBody(spec), attempt);
      } catch (caught) {
        if (!(caught instanceof ConnectorError)) throw caught;
        error = caught;
      }
      // Webex says the token expired (clock skew, revoked early, no expires_in): refresh once and send again.
      if (oauth && !refreshedOnExpiry && isTokenExpired(error)) {
        refreshedOnExpiry = true;
        await oauth.refresh();
        attempt--;
        continue;
      }
      if (!error.retryable || attempt >= maxAttempts) throw error;
      const delayMs = this.retryDelay(error, attempt);
      this.options.onEvent?.({ type: 'retry', operation, attempt, delayMs, error: error.message });
      await this.sleep(delayMs);
      if (callOptions.beforeRetry && error.errorClass === 'transient') {
        const settled = await callOptions.beforeRetry(error);
        if (settled) return settled;
      }
    }
  }

  private async requestBody(spec: RequestSpec): Promise<string> {
    const { siteName, credentials } = this.options.security;
    const plain = 'oauth' in credentials ? { webExId: credentials.webExId, accessToken: await credentials.oauth.current() } : credentials;
    return buildRequest({ siteName, credentials: plain }, spec, this.options.namespaceStyle);
  }

  private retryDelay(error: ConnectorError, attempt: number): number {
    if (error.errorClass === 'rateLimited') {
      return Math.min(this.policy.maxRetryAfterMs, error.retryAfterMs ?? this.policy.rateLimitDelayMs);
    }
    const backoff = backoffDelay(attempt, this.policy, this.random);
    return error.retryAfterMs !== undefined ? Math.min(this.policy.maxRetryAfterMs, Math.max(backoff, error.retryAfterMs)) : backoff;
  }

  private async attempt(operation: string, body: string, attempt: number): Promise<WebexResponse> {
    this.options.onEvent?.({ type: 'request', operation, attempt, body: redactRequest(body) });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let status: number;
    let text: string;
    let retryAfterMs: number | undefined;
    try {
      const res = await this.fetchImpl(this.options.url, {
        method: 'POST',
        headers: { 'Content-Type': 'text/xml; charset=UTF-8', Accept: 'text/xml, application/xml' },
        body,
        signal: controller.signal,
      });
      status = res.status;
      retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), this.now());
      text = decodeBody(new Uint8Array(await res.arrayBuffer()), res.headers.get('content-type'));
    } catch (caught) {
      const timedOut = controller.signal.aborted;
      const cause = (caught as { cause?: { code?: string } }).cause?.code;
      throw transportError(
        timedOut
          ? `${operation}: no answer from ${this.options.url} within ${this.timeoutMs} ms`
          : `${operation}: cannot reach ${this.options.url} (${cause ?? (caught as Error).message})`,
        operation,
      );
    } finally {
      clearTimeout(timer);
    }

    if (status >= 500) {
      this.options.onEvent?.({ type: 'response', operation, attempt, status });
      const error = transportError(`${operation}: Webex answered HTTP ${status}`, operation, status);
      throw withRetryAfter(error, retryAfterMs);
    }
    let response: WebexResponse;
    try {
      response = parseResponse(text);
    } catch (caught) {
      this.options.onEvent?.({ type: 'response', operation, attempt, status });
      if (!(caught instanceof UnreadableResponseError)) throw caught;
      // A 4xx page (proxy, wrong path) or garbage: not a Webex answer. 429 is a throttle, 408 a timeout.
      if (status === 429) {
        throw classifyFailure({ exceptionId: '000045', reason: 'HTTP 429 Too Many Requests', operation, retryAfterMs });
      }
      const wrongUrl = status >= 400 && status !== 408;
      throw new ConnectorError({
        ...transportError(`${operation}: ${this.options.url} did not answer with a Webex XML API document (HTTP ${status}, ${caught.message})`, operation, status).toJSON(),
        // A wrong URL will not fix itself: not retried, reported with the setting to check.
        errorClass: wrongUrl ? 'authentication' : 'transient',
        remedy: wrongUrl
          ? 'Check the Webex URL: it must be the site (https://acme.webex.com) or its XML API endpoint (…/WBXService/XMLService).'
          : 'Webex did not answer with an XML API document: check the URL and retry later.',
      });
    }
    this.options.onEvent?.({
      type: 'response', operation, attempt, status, result: response.result, exceptionId: response.exceptionId, gsbStatus: response.gsbStatus,
    });
    if (response.result === 'FAILURE') {
      throw classifyFailure(
        { exceptionId: response.exceptionId, reason: response.reason, value: response.value, gsbStatus: response.gsbStatus, operation, retryAfterMs },
        this.options.resolveAttribute,
      );
    }
    return response;
  }
}

function withRetryAfter(error: ConnectorError, retryAfterMs: number | undefined): ConnectorError {
  return retryAfterMs === undefined ? error : new ConnectorError({ ...error.toJSON(), retryAfterMs });
}
