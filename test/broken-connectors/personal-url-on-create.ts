/** Broken: sends personalUrl inside CreateUser (where Webex ignores it) and never follows up with SetUser. */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';
import { operationOf, rewritingFetch } from './rewriting-fetch';

export const createAdapter: AdapterFactory = (config) => {
  let pending: string | undefined;
  const addToCreate = (body: string) => {
    if (pending === undefined || operationOf(body) !== 'CreateUser') return body;
    const url = pending.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    pending = undefined;
    return body.replace(/<\/email>/, `</email><personalUrl>${url}</personalUrl>`);
  };
  const inner = adapterFor(new WebexConnector(connectorConfig(config, { fetch: rewritingFetch(addToCreate) })));
  return {
    ...inner,
    create: ({ personalUrl, ...rest }) => {
      pending = personalUrl === undefined ? undefined : String(personalUrl);
      return inner.create(rest);
    },
  };
};
