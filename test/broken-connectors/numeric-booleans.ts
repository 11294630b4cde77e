/** Broken: sends booleans as 1/0 (valid xsd:boolean, but Webex documents only TRUE and FALSE). */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';
import { rewritingFetch } from './rewriting-fetch';

const numeric = (body: string) => body.replace(/>true</g, '>1<').replace(/>false</g, '>0<');

export const createAdapter: AdapterFactory = (config) => adapterFor(new WebexConnector(connectorConfig(config, { fetch: rewritingFetch(numeric) })));
