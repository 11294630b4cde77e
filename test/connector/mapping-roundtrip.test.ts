/**
 * Every writable attribute of the connector's own table, pushed to the emulator and read back: the element
 * path must be one the emulator knows (it journals unknown elements as ignored) and the value must come back
 * unchanged. A wrong path or type in the table fails here.
 */
import { ATTRIBUTES, type AttributeDef } from '../../connector';
import { liveMock } from './helpers/live-mock';

const live = liveMock();

/** A valid value for each attribute (the table's constraints, and the demo site's session types). */
function sample(a: AttributeDef): unknown {
  const special: Record<string, unknown> = {
    email2: 'second@demo.example.com', timeZone: 'GMT+01:00, Europe (Berlin)', language: 'FRENCH', languageID: 7, meetingTypes: [214, 4],
    sessionOptionsDefaultSessionType: 214, expirationDate: '12/31/2030 23:59:59', personalMeetingRoomHostPIN: '4821',
    personalUrl: 'round.trip', timeZoneID: 20, tspAccountAccountIndex: 2, categoryId: 3,
  };
  if (a.name in special) return special[a.name];
  switch (a.type) {
    case 'boolean': return !['privilegeOtherTelephony'].includes(a.name); // flip the defaults where we know them
    case 'integer': return Math.max(a.min ?? 0, 2);
    case 'enum': return a.enumValues![a.enumValues!.length - 1];
    default: return `v-${a.name}`.slice(0, a.maxLength ?? 100);
  }
}

const NOT_SENT_ALONE = new Set(['webExId', 'password', 'email', 'active']);
/** Attributes Webex derives from another one when both are written: checked on their own below. */
const DERIVED_PAIRS = new Set(['timeZone', 'languageID']);

const writable = ATTRIBUTES.filter((a) => a.access !== 'read-only' && !NOT_SENT_ALONE.has(a.name) && !DERIVED_PAIRS.has(a.name));

describe('connector attribute table vs the emulator', () => {
  it('pushes every writable attribute with no ignored element, and reads each value back', async () => {
    live.patchSite({ features: { webACD: true } });
    const c = live.connector();
    const profile = Object.fromEntries(writable.map((a) => [a.name, sample(a)]));
    // The HD video rule needs HQ video on; supportedServices flags make meetingTypes take effect on SetUser.
    await c.pushProfileUpdate('host', profile);
    expect(live.ignoredElements).toEqual([]);
    const back = (await c.getUser('host')).profile;
    const mismatches = writable
      .filter((a) => JSON.stringify(back[a.name]) !== JSON.stringify(sample(a)))
      .map((a) => `${a.name}: sent ${JSON.stringify(sample(a))}, read ${JSON.stringify(back[a.name])}`);
    expect(mismatches).toEqual([]);
  });

  it.each([...DERIVED_PAIRS])('%s alone round-trips too', async (name) => {
    const c = live.connector();
    const def = ATTRIBUTES.find((a) => a.name === name)!;
    await c.pushProfileUpdate('host', { [name]: sample(def) });
    expect((await c.getUser('host')).profile[name]).toEqual(sample(def));
  });

  it('creates a user with every create-time attribute in one CreateUser', async () => {
    live.patchSite({ features: { webACD: true } });
    const c = live.connector();
    const profile = { ...Object.fromEntries(writable.map((a) => [a.name, sample(a)])), webExId: 'all.attrs', email: 'all.attrs@demo.example.com', password: 'Str0ng!Pass' };
    const result = await c.pushNewUser(profile);
    expect(result.operations).toEqual(['CreateUser', 'SetUser']);
    expect(live.ignoredElements).toEqual([]);
    expect((await c.getUser('all.attrs')).profile).toMatchObject({ personalUrl: 'round.trip', privilegeHost: true, meetingTypes: [214, 4] });
  });
});
