/**
 * Feature cases, generated from the catalog: every feature-gated attribute is accepted while its feature is on;
 * with the feature off the connector reports featureNotEnabled and the user is left exactly as it was.
 */
import { catalog } from '../emulator/core';
import { expectError, expectFlatName, expectOk, expectStored, expectUnchanged, requestsFor, snapshot, userOf, type Stored } from './expect';
import { fail, type CaseDef } from './types';
import { SUBJECT_PATHS, attributeSpecs, type AttributeSpec } from './values';

/** A value only an enabled feature accepts: never the feature-off value (false, 0, ''). */
function gatedValue(spec: AttributeSpec): AttributeSpec['value'] {
  const off = catalog.featureOffValue(spec.leaf.def);
  if (spec.value !== off) return spec.value;
  return typeof off === 'boolean' ? true : typeof off === 'number' ? off + 1 : 'on';
}

function featureOn(spec: AttributeSpec): CaseDef {
  return {
    id: `${spec.name}.feature-on`, group: 'features', required: true,
    title: `${spec.name} accepted while ${spec.feature} is on`,
    matrix: { attribute: spec.name, operation: 'feature on' },
    async run(ctx) {
      const users = ctx.users;
      const id = ctx.unique('f');
      await ctx.requireFeature(spec.feature, spec.name);
      await users.create(ctx.base(id), SUBJECT_PATHS);
      const adapter = await ctx.adapter();
      const o = await ctx.call('update', () => adapter.update(id, { ...spec.companions, [spec.name]: gatedValue(spec) }));
      expectOk(o, `update of ${spec.name} with ${spec.feature} on`);
      expectStored(await userOf(users, id), spec.path, gatedValue(spec) as Stored, spec.key, spec.name);
    },
  };
}

function featureOff(spec: AttributeSpec): CaseDef {
  return {
    id: `${spec.name}.feature-off`, group: 'features', required: true,
    title: `${spec.name} refused as featureNotEnabled while ${spec.feature} is off; user unchanged`,
    matrix: { attribute: spec.name, operation: 'feature off' },
    site: { featuresOff: [spec.feature!] },
    async run(ctx) {
      const users = ctx.users;
      const id = ctx.unique('f');
      await users.create(ctx.base(id), SUBJECT_PATHS);
      const before = snapshot(await userOf(users, id));
      const adapter = await ctx.adapter();
      const o = await ctx.call('update', () => adapter.update(id, { ...spec.companions, [spec.name]: gatedValue(spec) }));
      const error = expectError(o, ['featureNotEnabled'], `update of ${spec.name} with ${spec.feature} off`);
      // Webex names the field ("Attribute X needs to be Y"): the IdP must be told which attribute to unmap. Kills mutants
      // that lose it: conformance/adapters/reference.ts L26, classify.ts L110, connector-error.ts toJSON, attributes.ts
      // attributeForField (by leaf).
      expectFlatName(error, spec.name, spec.leaf.def.feature ? spec.leaf.def.element : spec.leaf.list?.def.element);
      // A session type belongs to licence errors only (classify.ts L112 `errorClass === 'sessionTypeLimit'` → true).
      if (error.sessionType !== undefined) fail('no sessionType on a feature error (it names a licence\'s session type)', `sessionType=${error.sessionType}`);
      await expectUnchanged(before, users, id);
      const sent = requestsFor(ctx, 'SetUser');
      if (sent > 1) fail('at most one SetUser (a feature error is not transient)', `${sent} SetUser requests`);
    },
  };
}

export function featureCases(): CaseDef[] {
  const gated = attributeSpecs().filter((s) => s.feature !== undefined && s.update);
  return [...gated.map(featureOn), ...gated.map(featureOff)];
}
