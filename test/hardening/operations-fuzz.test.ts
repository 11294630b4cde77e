/**
 * Every operation through engine.handle with generated valid, invalid and hostile bodies and security contexts.
 * Each request gets a well-formed Webex answer (SUCCESS, or FAILURE with an exceptionID), and a FAILURE leaves
 * every site byte-for-byte as it was.
 */
import fc from 'fast-check';
import { createWebexMock, catalog, DEMO } from '../../mock-server';
import { escapeXml } from '../../mock-server/wire';
import { RUNS, expectWebexAnswer, registryFingerprint } from './support/harness';

const mock = createWebexMock({ control: { journal: { size: 50 } } });
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** Credentials: right, wrong, partial, duplicated or absent. */
const securityContext = fc.oneof(
  { weight: 6, arbitrary: fc.constant(`<siteName>${DEMO.siteName}</siteName><webExID>${DEMO.admin.webExId}</webExID><password>${DEMO.admin.password}</password>`) },
  { weight: 2, arbitrary: fc.constant(`<siteID>${DEMO.siteId}</siteID><webExID>${DEMO.admin.webExId}</webExID><webExAccessToken>${DEMO.accessToken}</webExAccessToken>`) },
  { weight: 1, arbitrary: fc.constant(`<siteName>${DEMO.siteName}</siteName><webExID>${DEMO.host.webExId}</webExID><password>${DEMO.host.password}</password>`) },
  { weight: 1, arbitrary: fc.constant(`<siteName>${DEMO.siteName}</siteName><siteName>elsewhere</siteName><webExID>admin</webExID><webExID>host</webExID><password>nope</password><password>${DEMO.admin.password}</password>`) },
  { weight: 1, arbitrary: fc.subarray(['<siteName>demo</siteName>', '<webExID>admin</webExID>', '<password>P@ssword123</password>', '<sessionTicket>AAAB-forged</sessionTicket>', '<siteID>99</siteID>', '<partnerID>x</partnerID>', '<email>admin@demo.example.com</email>']).map((a) => a.join('')) },
);

const USER_ELEMENTS = catalog.USER_TREE.map((d) => d.element);
const EXTRA_ELEMENTS = ['webExId', 'newWebExId', 'listControl', 'order', 'dataScope', 'startFrom', 'maximumNum', 'backURL', 'webExID', 'imageData', 'imageType', 'sessionTemplateID'];

/** Values that are valid somewhere, invalid elsewhere, or hostile. */
const value = fc.oneof(
  fc.constantFrom('true', 'false', '0', '1', '-1', '214', '4', '99999', 'host', 'admin', 'nobody', 'ACTIVATED', 'DEACTIVATED', 'ENGLISH', '12/31/2030 23:59:59', 'P@ssword123', 'x@y.z', 'pr1234567890123', ''),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('x'.repeat(5000), '9'.repeat(40), '&amp;&lt;script&gt;', '&#x1F600;', ' padded ', 'Ünïcødé ✓', '%', '*', "' OR 1=1 --"),
);

type Child = { name: string; text: string; kids: Child[] };
const child: fc.Arbitrary<Child> = fc.letrec((tie) => ({
  node: fc.record({
    name: fc.oneof(fc.constantFrom(...USER_ELEMENTS, ...EXTRA_ELEMENTS), fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,8}$/)),
    text: value,
    kids: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant([]), fc.array(tie('node') as fc.Arbitrary<Child>, { maxLength: 3 })),
  }),
})).node as fc.Arbitrary<Child>;

const render = (c: Child): string => `<${c.name}>${escapeXml(c.text)}${c.kids.map(render).join('')}</${c.name}>`;

const typeName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...catalog.OPERATIONS.map((o) => `java:com.webex.service.binding.${o.service}.${o.javaName}`)) },
  { weight: 2, arbitrary: fc.constantFrom(...catalog.OPERATIONS.map((o) => `use:${o.qname}`)) },
  { weight: 1, arbitrary: fc.constantFrom('java:com.webex.service.binding.user.Nope', 'GetUser', '', 'java:com.webex.service.binding.meeting.CreateMeeting', 'JAVA:COM.WEBEX.SERVICE.BINDING.USER.GETUSER') },
);

describe('every operation, generated bodies', () => {
  it('answers SUCCESS or a Webex FAILURE; a FAILURE changes nothing', async () => {
    const seen = new Map<string, number>();
    await fc.assert(fc.asyncProperty(securityContext, typeName, fc.array(child, { maxLength: 6 }), async (sc, type, kids) => {
      const xml = `<serv:message ${XSI}><header><securityContext>${sc}</securityContext></header><body><bodyContent xsi:type="${escapeXml(type)}">${kids.map(render).join('')}</bodyContent></body></serv:message>`;
      const before = registryFingerprint(mock.registry);
      const answer = await mock.request(xml);
      const result = expectWebexAnswer(answer);
      seen.set(result, (seen.get(result) ?? 0) + 1);
      if (result !== 'SUCCESS') expect(registryFingerprint(mock.registry)).toBe(before);
    }), { numRuns: RUNS * 10 });
    expect(seen.get('FAILURE')).toBeGreaterThan(0);
  });

  it('well-formed user writes with wrong types, oversized and hostile values: refused ones change nothing', async () => {
    const leaves = catalog.LEAVES.filter((l) => l.slot >= 0 && l.def.access.set);
    const ops = ['CreateUser', 'SetUser'] as const;
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...ops),
      fc.array(fc.tuple(fc.constantFrom(...leaves), value), { minLength: 1, maxLength: 5 }),
      fc.nat({ max: 60 }),
      async (op, writes, n) => {
        const elements = writes.map(([leaf, v]) => leaf.path.split('/').reduceRight((inner, name) => `<${name}>${inner}</${name}>`, escapeXml(v))).join('');
        const who = op === 'CreateUser' ? `<webExId>fuzz${n}</webExId><email>fuzz${n}@demo.example.com</email><password>Fuzz#${n}pass</password>` : `<webExId>${n % 2 ? 'host' : 'admin'}</webExId>`;
        const xml = `<serv:message ${XSI}><header><securityContext><siteName>demo</siteName><webExID>admin</webExID><password>${DEMO.admin.password}</password></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.${op}">${who}${elements}</bodyContent></body></serv:message>`;
        const before = registryFingerprint(mock.registry);
        const answer = await mock.request(xml);
        if (expectWebexAnswer(answer) !== 'SUCCESS') expect(registryFingerprint(mock.registry)).toBe(before);
      },
    ), { numRuns: RUNS * 10 });
  });

  it('the engine still serves normally after the fuzzing (state reset; the fuzz may have changed the admin)', async () => {
    mock.reset();
    const a = await mock.request(`<serv:message ${XSI}><header><securityContext><siteName>demo</siteName><webExID>admin</webExID><password>${DEMO.admin.password}</password></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.GetUser"><webExId>admin</webExId></bodyContent></body></serv:message>`);
    expect(expectWebexAnswer(a)).toBe('SUCCESS');
  });
});
