/** Broken: writes a list as one element holding the joined values (<meetingType>214,216</meetingType>), as a scalar-only mapping does. */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';
import { rewritingFetch } from './rewriting-fetch';

const joined = (body: string) => body.replace(/(?:<meetingType>[^<]*<\/meetingType>){2,}/g, (run) => `<meetingType>${[...run.matchAll(/<meetingType>([^<]*)</g)].map((m) => m[1]).join(',')}</meetingType>`);

export const createAdapter: AdapterFactory = (config) => adapterFor(new WebexConnector(connectorConfig(config, { fetch: rewritingFetch(joined) })));
