/**
 * The site-kinds cases (conformance/cases/site-kinds.ts): the reference connector passes them, and a connector
 * that does not address Control Hub users by email fails the identity cases.
 */
import { createAdapter } from '../../conformance/adapters/reference';
import type { AdapterFactory } from '../../conformance/adapter';
import { CONTROL_HUB_FIELDS } from '../../mock-server/catalog';
import { failedIds, requiredFailures, runWith } from './run-suite';

const SITE_KIND_IDS = ['control-hub-*', 'suspended-site-*'];

it('generates one case per Control Hub field of the catalog, the identity cases, and one per suspended write', async () => {
  const report = await runWith(createAdapter, { ids: SITE_KIND_IDS });
  expect(report.results.map((r) => r.id)).toEqual(expect.arrayContaining([
    'control-hub-create-email-identity', 'control-hub-email-change', 'control-hub-managed-firstName', 'control-hub-managed-phonesPager',
    'control-hub-ignored-password', 'suspended-site-CreateUser', 'suspended-site-SetUser',
  ]));
  expect(report.results.filter((r) => r.id.startsWith('control-hub-managed-') || r.id.startsWith('control-hub-ignored-'))).toHaveLength(Object.keys(CONTROL_HUB_FIELDS).length);
  expect(requiredFailures(report)).toEqual([]);
});

it('a connector that ignores the Control Hub setting (addresses users by the webExId it was given) fails the identity cases', async () => {
  const unaware: AdapterFactory = (config) => createAdapter({ ...config, controlHubManaged: false });
  const report = await runWith(unaware, { ids: ['control-hub-create-email-identity', 'control-hub-email-change'] });
  expect(failedIds(report)).toEqual(['errors/control-hub-create-email-identity', 'errors/control-hub-email-change']);
});
