/**
 * Broken: signs in once with AuthenticateUser and sends that session ticket instead of the password from then on,
 * never signing in again — fine until the ticket's timeToLive runs out, then every request fails (030047).
 */
import { WebexConnector } from '../../connector';
import { buildRequest } from '../../connector/xml/request';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = (config) => {
  if (config.oauth) return adapterFor(new WebexConnector(connectorConfig(config)));
  let ticket: Promise<string> | undefined;
  const signIn = async (url: string): Promise<string> => {
    const body = buildRequest({ siteName: config.siteName, credentials: { webExId: config.admin, password: config.password } },
      { javaType: 'com.webex.service.binding.user.AuthenticateUser', body: [] });
    const text = await (await globalThis.fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/xml; charset=UTF-8' }, body })).text();
    return /<(?:use:)?sessionTicket>([^<]+)</.exec(text)?.[1] ?? 'no-ticket';
  };
  const withTicket: typeof fetch = async (input, init) => {
    if (!init || typeof init.body !== 'string') return globalThis.fetch(input, init);
    ticket ??= signIn(String(input));
    const t = await ticket;
    return globalThis.fetch(input, { ...init, body: init.body.replace(/<password>[^<]*<\/password>/, `<sessionTicket>${t}</sessionTicket>`) });
  };
  return adapterFor(new WebexConnector(connectorConfig(config, { fetch: withTicket })));
};
