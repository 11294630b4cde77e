/** Broken: maps trackingTrackingCode2 to tracking/trackingCode3 (an off-by-one in its mapping table). */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';
import { rewritingFetch } from './rewriting-fetch';

const misplace = (body: string) => body.replace(/<(\/?)((?:com:)?)trackingCode2>/g, '<$1$2trackingCode3>');

export const createAdapter: AdapterFactory = (config) => adapterFor(new WebexConnector(connectorConfig(config, { fetch: rewritingFetch(misplace) })));
