/** Broken: on a rename, also sets the email to <new webExId>@<the old email's domain> (assumes email = webExId). */
import { WebexConnector } from '../../connector';
import type { AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';

export const createAdapter: AdapterFactory = (config) => {
  const inner = adapterFor(new WebexConnector(connectorConfig(config)));
  return {
    ...inner,
    async update(webExId, profile) {
      if (profile.webExId === undefined || profile.webExId === webExId || profile.email !== undefined) return inner.update(webExId, profile);
      const current = await inner.get(webExId);
      if (!current.ok) return current;
      const domain = String(current.result.email ?? '').split('@')[1] ?? 'example.com';
      return inner.update(webExId, { ...profile, email: `${String(profile.webExId)}@${domain}` });
    },
  };
};
