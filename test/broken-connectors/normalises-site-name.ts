/** Broken: "cleans up" the configured site name to letters and digits, so acme-eu becomes acmeeu (another site, or none). */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = (config) => adapterFor(new WebexConnector(connectorConfig({ ...config, siteName: config.siteName.replace(/[^A-Za-z0-9]/g, '') })));
