import { catalog, createWebexMock, draftValues, packValues, slotValues, valueAt } from '../../mock-server';
import { fromStoredUser, toStoredUser } from '../../mock-server/control/records';
import { envelope } from './support/xml';

describe('stored user records (snapshots and the SQLite store)', () => {
  it('round-trip every demo user exactly, leaving catalog defaults out', async () => {
    const mock = createWebexMock();
    // A value set back to nothing where the catalog has a default must not come back as the default.
    await mock.request(envelope('user.SetUser', '<webExId>host</webExId><title>Lead</title><tracking><trackingCode1>X</trackingCode1></tracking>'));
    for (const rec of mock.registry.get('demo')!.users()) {
      const stored = JSON.parse(JSON.stringify(toStoredUser(rec)));
      const back = fromStoredUser(stored);
      expect(slotValues(back.values)).toStrictEqual(slotValues(rec.values));
      expect(back.passwordHash).toBe(rec.passwordHash);
      expect(back.userId).toBe(rec.userId);
    }
    const size = JSON.stringify(toStoredUser(mock.registry.get('demo')!.users()[10])).length;
    expect(size).toBeLessThan(2500);
  });

  it('keeps "no value" where the catalog has a default', () => {
    const rec = createWebexMock().registry.get('demo')!.users()[3];
    const slot = catalog.leafByPath.get('categoryId')!.slot;
    expect(catalog.leafByPath.get('categoryId')!.def.default).toBe(0);
    const draft = draftValues(rec.values);
    draft[slot] = undefined;
    const back = fromStoredUser(JSON.parse(JSON.stringify(toStoredUser({ ...rec, values: packValues(draft) }))));
    expect(valueAt(back.values, slot)).toBeUndefined();
  });

  it('refuses unknown attribute paths', () => {
    expect(() => fromStoredUser({ userId: 1, registeredAt: 0, values: { 'no/such': 'x' } })).toThrow(/unknown attribute path no\/such/);
  });
});
