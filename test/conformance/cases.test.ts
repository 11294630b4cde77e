/** Cases are generated from the emulator's catalog: every supported attribute brings its cases. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '../../conformance/emulator/core';
import { allCases, selectCases } from '../../conformance/cases';
import { attributeSpecs, supportedAttributes } from '../../conformance/cases/values';
import { parseRunArgs } from '../../conformance/cli/args';

const cases = allCases();
const ids = (group: string) => new Set(cases.filter((c) => c.group === group).map((c) => c.id));

it('case ids are unique', () => {
  expect(new Set(cases.map((c) => `${c.group}/${c.id}`)).size).toBe(cases.length);
});

it('every supported attribute is read back; writable ones are set on update and on create (through an update where CreateUser ignores or refuses them)', () => {
  const attributes = ids('attributes');
  const supported = supportedAttributes();
  expect(supported.length).toBe(catalog.ATTRIBUTES.length - catalog.NON_OKTA_ATTRIBUTES.size);
  for (const leaf of supported) {
    const name = leaf.def.attribute!;
    const a = leaf.def.access;
    expect(attributes.has(`${name}.read`)).toBe(a.get);
    expect(attributes.has(`${name}.update`)).toBe(a.set && !leaf.def.derived);
    expect(attributes.has(`${name}.create`)).toBe(a.create !== 'no' ? a.set || a.create === 'yes' : a.set && !leaf.def.derived);
  }
  expect(attributes.has('personalUrl.create')).toBe(true); // through the update after create
  expect(attributes.has('personalMeetingRoomHostPIN.create')).toBe(true); // refused by CreateUser: created, then set
  expect(attributes.has('timeZoneWithDST.update')).toBe(false);
});

it('every feature-gated attribute has a feature-on and a feature-off case', () => {
  const features = ids('features');
  const gated = attributeSpecs().filter((s) => s.feature && s.update);
  expect(gated.length).toBeGreaterThan(30);
  for (const s of gated) {
    expect(features.has(`${s.name}.feature-on`)).toBe(true);
    expect(features.has(`${s.name}.feature-off`)).toBe(true);
  }
  expect(features.has('tspAccountCustom1.feature-off')).toBe(true); // gated through its list
});

it('sample values differ from the catalog default, so a dropped value shows', () => {
  for (const s of attributeSpecs()) {
    if (s.readOnly) continue;
    expect([s.name, s.value]).not.toEqual([s.name, s.leaf.def.default]);
  }
});

it('--only and --case select by group and id pattern', () => {
  expect(selectCases(cases, { groups: ['errors'] }).every((c) => c.group === 'errors')).toBe(true);
  expect(selectCases(cases, { ids: ['privilegeHost.*'] }).map((c) => c.id).sort()).toEqual(['privilegeHost.create', 'privilegeHost.read', 'privilegeHost.update']);
});

it('docs/conformance.md lists every named case and the right counts', () => {
  const doc = readFileSync(join(__dirname, '../../docs/conformance.md'), 'utf8');
  for (const c of cases.filter((x) => ['lifecycle', 'personalUrl', 'errors', 'oauth'].includes(x.group))) {
    expect(doc).toContain(`| \`${c.id}\` | ${c.required ? 'Required' : 'Optional'} | ${c.title} |`);
  }
  for (const group of ['lifecycle', 'attributes', 'features', 'personalUrl', 'errors', 'oauth']) {
    expect(doc).toContain(`| \`${group}\` | ${cases.filter((c) => c.group === group).length} |`);
  }
  expect(doc).toContain(`each of the ${supportedAttributes().length} supported attributes`);
  expect(doc).toContain(`each of the ${attributeSpecs().filter((s) => s.feature && s.update).length} feature-gated attributes`);
});

it('generated cases: schema discovery with each gated feature off, import on and around the 500-user page, each Retry-After form', () => {
  const features = new Set(attributeSpecs().map((s) => s.feature).filter(Boolean));
  expect(features.size).toBeGreaterThan(5);
  for (const f of features) expect(ids('features').has(`schema-feature-off.${f}`)).toBe(true);
  for (const n of [499, 500, 501, 1000]) expect(ids('lifecycle').has(`import-total-${n}`)).toBe(true);
  expect(ids('errors').has('rate-limited-retry-after') && ids('errors').has('rate-limited-retry-after-http-date')).toBe(true);
  for (const op of ['setPassword', 'deactivate', 'reactivate', 'get', 'import']) expect(ids('lifecycle').has(`whole-user.${op}`)).toBe(true);
});

it('--seed is parsed and a seeded case\'s failure repeats with it', async () => {
  expect(parseRunArgs(['--seed', '1234']).seed).toBe(1234);
  expect(() => parseRunArgs(['--seed', 'x'])).toThrow();
  const { runWith } = await import('./run-suite');
  const { createAdapter } = await import('../broken-connectors/double-escapes');
  const { runSuite } = await import('../../conformance/runner');
  const { factoryProvider } = await import('../../conformance/adapters/load');
  const slice = selectCases(cases, { ids: ['generated-values.create'] });
  const first = await runSuite({ provider: factoryProvider('double-escapes', createAdapter), cases: slice, seed: 77 });
  const again = await runSuite({ provider: factoryProvider('double-escapes', createAdapter), cases: slice, seed: 77 });
  expect(first.seed).toBe(77);
  expect(first.results[0].rerun).toBe('webex-conformance run --only attributes --case generated-values.create --seed 77');
  expect(first.results[0].actual).toContain('drawn values (seed 77)');
  // The same seed draws the same values: the same failure, word for word (users are numbered per site).
  expect(again.results[0].actual).toBe(first.results[0].actual);
  expect(typeof runWith).toBe('function');
});
