/** Cases are generated from the emulator's catalog: every supported attribute brings its cases. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '../../conformance/emulator/core';
import { allCases, selectCases } from '../../conformance/cases';
import { attributeSpecs, supportedAttributes } from '../../conformance/cases/values';

const cases = allCases();
const ids = (group: string) => new Set(cases.filter((c) => c.group === group).map((c) => c.id));

it('case ids are unique', () => {
  expect(new Set(cases.map((c) => `${c.group}/${c.id}`)).size).toBe(cases.length);
});

it('every supported attribute is read back; writable ones are set on update, and on create unless Webex refuses it there', () => {
  const attributes = ids('attributes');
  const supported = supportedAttributes();
  expect(supported.length).toBe(catalog.ATTRIBUTES.length - catalog.NON_OKTA_ATTRIBUTES.size);
  for (const leaf of supported) {
    const name = leaf.def.attribute!;
    const a = leaf.def.access;
    expect(attributes.has(`${name}.read`)).toBe(a.get);
    expect(attributes.has(`${name}.update`)).toBe(a.set && !leaf.def.derived);
    expect(attributes.has(`${name}.create`)).toBe(a.create !== 'no' && (a.set || a.create === 'yes'));
  }
  expect(attributes.has('personalUrl.create')).toBe(true); // through the update after create
  expect(attributes.has('personalMeetingRoomHostPIN.create')).toBe(false);
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
