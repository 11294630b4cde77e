/** Broken: retries a rate-limited request at once, whatever Retry-After says (hammers a throttled site). */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = (config) => adapterFor(new WebexConnector(connectorConfig(config, { retry: { rateLimitDelayMs: 0, maxRetryAfterMs: 0 } })));
