/**
 * A new user's defaults against the live 2016 GetUser capture (reference/webex-xml-api/examples/getuser-response-1.xml,
 * FINDINGS-2026-12 §5): every element the capture holds is compared; the differences the emulator keeps are listed
 * here with the reason (docs/real-api.md says the same).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createWebexMock } from '../../mock-server';
import { call, expectSuccess, parseAnswer, type Node } from './support/client';
import { elements } from './support/xml';

const capture = parseAnswer(200, {}, readFileSync(resolve(__dirname, '../../reference/webex-xml-api/examples/getuser-response-1.xml'), 'utf8')).body!;

/** Leaves of a parsed user as path → text (lists joined). */
function leaves(node: Node, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(node)) {
    if (k.startsWith('@_')) continue;
    const path = prefix ? `${prefix}/${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) for (const [p, t] of leaves(v as Node, path)) out.set(p, t);
    else out.set(path, Array.isArray(v) ? v.join(',') : String(v));
  }
  return out;
}

/**
 * Capture values a new emulator user does not get, and why. Identity and per-user values differ by nature;
 * the rest are site- or account-specific in the capture (a German user on a Personal Office site).
 */
const KEPT_DIFFERENT: Record<string, string> = {
  'use:firstName': 'identity', 'use:lastName': 'identity', 'use:webExId': 'identity', 'use:email': 'identity',
  'use:company': 'sent by the client in the capture', 'use:userId': 'per user', 'use:registrationDate': 'per user (the capture is sanitised: 01/01/1970)',
  'use:mpProfileNumber': 'per user', 'use:schedulingPermission': 'set on that account',
  'use:title': '"New office": the Personal Office the capture\'s site creates; title is a job title for connectors (Okta maps it)',
  'use:categoryId': 'Personal Office category (36) of that site', 'use:description': 'the Personal Office\'s text',
  'use:address/com:country': 'the calling code of the user\'s country (49, Germany); the emulator leaves country empty unless sent (no site country setting)',
  'use:phones/com:phone': '"49,,,,,," is the empty comma form with the country code; the emulator shows no phone until one is set',
  'use:phones/com:mobilePhone': 'as phone', 'use:phones/com:fax': 'as phone', 'use:phones/use:pager': 'as phone',
  'use:timeZoneID': 'the user\'s zone (Berlin); new users get the site zone', 'use:timeZone': 'follows timeZoneID', 'use:timeZoneWithDST': 'follows timeZoneID',
  'use:language': 'GERMAN user', 'use:locale': 'GERMANY user', 'use:languageID': 'GERMAN user',
  'use:meetingTypes/use:meetingType': 'that site\'s session type 1; new users get the site default',
  'use:sessionOptions/use:defaultSessionType': 'follows meetingTypes',
  'use:privilege/use:isEnablePMR': 'the emulator\'s demo site has Personal Rooms on',
  'use:privilege/use:otherTelephony': 'the XSD default is true (SPEC §3, [XSD]; [ATLAS]); the capture\'s user had it off',
};

it('a new user has the capture\'s defaults for every element the capture holds, except the listed ones', async () => {
  const mock = createWebexMock();
  expectSuccess(await call(mock, 'CreateUser', elements({ webExId: 'fresh', email: 'fresh@example.com', firstName: 'F', lastName: 'U', password: 'Secr3t!pass' })));
  const a = await call(mock, 'GetUser', '<webExId>fresh</webExId>');
  const mine = leaves(a.body!);
  const real = leaves(capture);
  const differences: string[] = [];
  for (const [path, value] of real) {
    if (KEPT_DIFFERENT[path]) continue;
    if (mine.get(path) !== value) differences.push(`${path}: capture ${value}, emulator ${mine.get(path)}`);
  }
  expect(differences).toEqual([]);
  // The ones this pass changed (FINDINGS §5 names expirationDate): all from the capture.
  expect([mine.get('use:expirationDate'), mine.get('use:options/use:firstNameVisible'), mine.get('use:privilege/use:recordingEditor'),
    mine.get('use:security/use:forceChangePassword'), mine.get('use:myWebEx/use:myMeetings')]).toEqual(['none', 'true', 'true', 'true', 'true']);
});
