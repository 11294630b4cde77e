/** Broken: sends each request body as ISO-8859-1 bytes while declaring UTF-8 (anything beyond ASCII arrives garbled). */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

const latin1: typeof fetch = (input, init) => globalThis.fetch(input, init && typeof init.body === 'string' ? { ...init, body: Buffer.from(init.body, 'latin1') } : init);

export const createAdapter: AdapterFactory = (config) => adapterFor(new WebexConnector(connectorConfig(config, { fetch: latin1 })));
