/** Broken: never retries; HTTP 503, dropped connections, BACKUP answers and 000045 reach the admin as failures. */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = (config) => adapterFor(new WebexConnector(connectorConfig(config, { retry: { maxAttempts: 1 } })));
