/**
 * Contract 1.1 (conformance/adapter.ts): the schema report form and the optional testConnection are judged when an
 * adapter offers them and skipped when it answers as a 1.0 adapter (bare attribute list, no testConnection).
 */
import { WebexConnector } from '../../connector';
import { schemaAttributes, type AdapterFactory } from '../../conformance/adapter';
import { adapterFor, connectorConfig, createAdapter } from '../../conformance/adapters/reference';
import { failedIds, runWith } from './run-suite';

const IDS = ['schema.site.*', 'schema.only-o*.webACD', 'test-connection.*'];

/** The reference connector behind a 1.0 adapter: the bare attribute list, no testConnection. */
const contract10: AdapterFactory = (config) => {
  const { testConnection: _dropped, ...base } = adapterFor(new WebexConnector(connectorConfig(config)));
  return { ...base, schema: async () => { const o = await base.schema(); return o.ok ? { ok: true, result: schemaAttributes(o.result) } : o; } };
};

/** Broken: reports the host licences without the active count and every switch as on. */
const wrongFacts: AdapterFactory = (config) => {
  const base = adapterFor(new WebexConnector(connectorConfig(config)));
  return {
    ...base,
    async schema() {
      const o = await base.schema();
      if (!o.ok || Array.isArray(o.result)) return o;
      const site = { ...o.result.site, hosts: o.result.site.hosts && { limit: o.result.site.hosts.limit }, features: Object.fromEntries(Object.keys(o.result.site.features ?? {}).map((k) => [k, true])) };
      return { ok: true, result: { ...o.result, site } };
    },
  };
};

it('the reference adapter passes the report-form and testConnection cases', async () => {
  const report = await runWith(createAdapter, { ids: IDS });
  expect(report.results.length).toBeGreaterThan(20);
  expect(report.results.filter((r) => r.status !== 'pass').map((r) => r.id)).toEqual([]);
}, 120_000);

it('a 1.0 adapter skips them instead of failing', async () => {
  const report = await runWith(contract10, { ids: IDS });
  // GetSite failing is an error in either form: judged, and passed.
  expect(report.results.filter((r) => r.status !== 'skip').map((r) => `${r.id}:${r.status}`)).toEqual(['schema.site.get-site-fails:pass']);
}, 120_000);

it('wrong site facts fail', async () => {
  const report = await runWith(wrongFacts, { ids: IDS });
  expect(failedIds(report)).toEqual(['features/schema.only-off.webACD', 'features/schema.only-on.webACD', 'lifecycle/schema.site.host-licences', 'lifecycle/schema.site.host-licences-unlimited']);
}, 120_000);
