/** Broken: keeps only the first 32 characters of the admin password (a settings field too short for Webex's 60). */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = (config) => adapterFor(new WebexConnector(connectorConfig({ ...config, password: config.password.slice(0, 32) })));
