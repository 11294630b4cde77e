/**
 * Broken: swaps the refresh token for one access token at start and never refreshes again — fine until the
 * token expires mid-run, then every request fails (030081 → authentication).
 */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = async (config) => {
  if (!config.oauth) return adapterFor(new WebexConnector(connectorConfig(config)));
  const { clientId, clientSecret, refreshToken, tokenUrl } = config.oauth;
  const res = await fetch(tokenUrl, {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret, refresh_token: refreshToken }),
  });
  const body = (await res.json()) as { access_token?: string };
  // Without a token it falls back to a made-up one, which the site refuses as authentication (as the real bug would).
  const { oauth: _dropped, ...rest } = config;
  return adapterFor(new WebexConnector(connectorConfig({ ...rest, password: '' }, { accessToken: body.access_token ?? 'no-token-obtained' })));
};
