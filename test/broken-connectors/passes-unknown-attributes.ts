/** Broken: sends attribute names it does not know as XML elements instead of refusing them (Webex drops them). */
import { WebexConnector, attributeByName } from '../../connector';
import type { AdapterFactory, Profile } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';
import { operationOf, rewritingFetch } from './rewriting-fetch';

export const createAdapter: AdapterFactory = (config) => {
  let extra = '';
  const append = (body: string) => {
    if (!extra || (operationOf(body) !== 'CreateUser' && operationOf(body) !== 'SetUser')) return body;
    const out = body.replace('</bodyContent>', `${extra}</bodyContent>`);
    extra = '';
    return out;
  };
  const split = (p: Profile): Profile => {
    const known: Profile = {};
    extra = '';
    for (const [k, v] of Object.entries(p)) {
      if (attributeByName(k)) known[k] = v;
      else extra += `<${k}>${String(v)}</${k}>`;
    }
    return known;
  };
  const inner = adapterFor(new WebexConnector(connectorConfig(config, { fetch: rewritingFetch(append) })));
  return { ...inner, create: (p) => inner.create(split(p)), update: (id, p) => inner.update(id, split(p)) };
};
