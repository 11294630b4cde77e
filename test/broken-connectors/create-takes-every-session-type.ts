/** Broken: gives every new user all of the site's Meeting Center and Event Center session types (214 and 216), taking a licence of each. */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';
import { operationOf, rewritingFetch } from './rewriting-fetch';

const everyType = (body: string) => (operationOf(body) !== 'CreateUser' || body.includes('<meetingTypes>') ? body
  : body.replace('</bodyContent>', '<meetingTypes><meetingType>214</meetingType><meetingType>216</meetingType></meetingTypes></bodyContent>'));

export const createAdapter: AdapterFactory = (config) => adapterFor(new WebexConnector(connectorConfig(config, { fetch: rewritingFetch(everyType) })));
