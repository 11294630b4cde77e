/**
 * The real documents in reference/webex-xml-api/examples: requests are sent byte for byte (only `{{VAR}}`
 * Postman placeholders substituted with demo credentials) and must get SUCCESS; the real responses are read
 * with the same parser the tests use and their element order is checked against the catalog.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO, addDemoSite, catalog, createWebexMock, inputFromPaths, siteConfig } from '../../mock-server';
import type { ElementDef } from '../../mock-server/catalog';
import { bodyChildNames, expectFailure, expectSuccess, parseAnswer, post, type Node } from './support/client';
import { XMLParser } from 'fast-xml-parser';

const EXAMPLES_DIR = resolve(__dirname, '../../reference/webex-xml-api/examples');
const read = (f: string) => readFileSync(join(EXAMPLES_DIR, f), 'utf8');

const mock = createWebexMock({ setup: (r) => {
  const demo = addDemoSite(r);
  // getloginurluser-request-1 asks for the Postman collection author's account.
  demo.createUser(inputFromPaths({ webExId: 'dstaudt', email: 'dstaudt@demo.example.com', firstName: 'David', lastName: 'Staudt' }));
  // getuser-request-1 (webex_xml_api gem fixture): site "test", user 123456 with password "test" — a site policy that allows it.
  const test = r.add(siteConfig({ name: 'test', passwordPolicy: { minLength: 4, minDigits: 0, minLetters: 1, minSpecial: 0, mixedCase: false, noWebExId: false } }));
  test.createUser(inputFromPaths({ webExId: '123456', email: '123456@mail.com', firstName: 'Firstname', lastName: 'Lastname', password: 'test' }));
  // lstsummaryuser-request-1 (Cisco's documented request): site acme, admin admincred@acme.com, users registered 2004-2014.
  const acme = r.add(siteConfig({ name: 'acme' }));
  acme.createUser(inputFromPaths({ webExId: 'admincred@acme.com', email: 'admincred@acme.com', password: 'P@ssword123', 'privilege/siteAdmin': 'true' }), { at: Date.UTC(2003, 0, 1) });
  for (let i = 0; i < 12; i++) {
    acme.createUser(inputFromPaths({ webExId: `user${i}`, email: `user${i}@acme.com`, firstName: 'U', lastName: `${i}` }), { at: Date.UTC(2004 + i, 5, 1) });
  }
} });

function fill(template: string, vars: Record<string, string>): string {
  const out = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`no value for {{${name}}}`);
    return vars[name];
  });
  return out;
}

const DEMO_VARS = { SITE_NAME: DEMO.siteName, WEBEXID: DEMO.admin.webExId, PASSWORD: DEMO.admin.password, ACCESS_TOKEN: DEMO.accessToken };

async function sessionTicket(): Promise<string> {
  const a = await post(mock, fill(read('authenticateuser-request-1.xml'), DEMO_VARS));
  expectSuccess(a);
  return a.body!['use:sessionTicket'];
}

it('every example request is covered below', () => {
  const requests = readdirSync(EXAMPLES_DIR).filter((f) => /-request-\d+\.xml$/.test(f)).sort();
  expect(requests).toEqual([
    'authenticateuser-request-1.xml', 'authenticateuser-request-2.xml', 'getloginticket-request-1.xml',
    'getloginurluser-request-1.xml', 'getuser-request-1.xml', 'getuser-request-2.xml', 'lstsummaryuser-request-1.xml',
  ]);
});

describe('real example requests get SUCCESS', () => {
  it('authenticateuser-request-1 (password in securityContext, empty body)', async () => {
    const a = await post(mock, fill(read('authenticateuser-request-1.xml'), DEMO_VARS));
    expectSuccess(a);
    expect(a.type).toBe('use:authenticateUserResponse');
    expect(a.body!['use:timeToLive']).toBe('5400');
  });

  it('authenticateuser-request-2 (accessToken in the body)', async () => {
    const a = await post(mock, fill(read('authenticateuser-request-2.xml'), DEMO_VARS));
    expectSuccess(a);
    expect(a.body!['use:sessionTicket']).toMatch(/^AAAB/);
  });

  it('getuser-request-2 (sessionTicket from AuthenticateUser)', async () => {
    const a = await post(mock, fill(read('getuser-request-2.xml'), { ...DEMO_VARS, _SESSION_TICKET: await sessionTicket() }));
    expectSuccess(a);
    expect(a.body!['use:webExId']).toBe('admin');
  });

  it('getloginticket-request-1 (GetLoginTicket with a capital L)', async () => {
    const a = await post(mock, fill(read('getloginticket-request-1.xml'), { ...DEMO_VARS, _SESSION_TICKET: await sessionTicket() }));
    expectSuccess(a);
    expect(a.type).toBe('use:getLoginTicketResponse');
  });

  it('getloginurluser-request-1 (webExID with a capital D, for dstaudt)', async () => {
    const a = await post(mock, fill(read('getloginurluser-request-1.xml'), { ...DEMO_VARS, _SESSION_TICKET: await sessionTicket() }));
    expectSuccess(a);
    expect(new URL(a.body!['use:userLoginURL']).searchParams.get('WID')).toBe('dstaudt');
  });

  it('getuser-request-1 (gem fixture: xsi:schemaLocation, siteName last) on site "test"', async () => {
    const a = await post(mock, read('getuser-request-1.xml'));
    expectSuccess(a);
    expect(a.body!['use:webExId']).toBe('123456');
    expect(a.body!['use:email']).toBe('123456@mail.com');
  });

  it('lstsummaryuser-request-1 (undeclared serv:, serv: listControl children, regDate window) on site "acme"', async () => {
    const a = await post(mock, read('lstsummaryuser-request-1.xml'));
    expectSuccess(a);
    expect(a.type).toBe('use:LstsummaryUserResponse');
    // 06/23/2004 01:00:00 .. 06/23/2014 10:00:00 holds the users registered on June 1st of 2005..2014
    const ids = (a.body!['use:user'] as Node[]).map((u) => u['use:webExId']);
    expect(ids).toEqual(['user1', 'user2', 'user3', 'user4', 'user5', 'user6', 'user7', 'user8', 'user9', 'user10']);
    expect(a.body!['use:matchingRecords']).toEqual({ 'serv:total': '10', 'serv:returned': '10', 'serv:startFrom': '1' });
  });

  it('a wrong ticket in getuser-request-2 gets the real failure of getuser-response-2', async () => {
    const a = await post(mock, fill(read('getuser-request-2.xml'), { ...DEMO_VARS, _SESSION_TICKET: 'AAABexpired' }));
    expectFailure(a, '030047', 'Not a valid session ticket');
    // byte for byte, except the line break the stored capture has after its XML declaration
    expect(a.text).toBe(read('getuser-response-2.xml').replace(/\r?\n/g, ''));
  });
});

describe('real example responses', () => {
  it('getuser-response-1 reads as a SUCCESS getUserResponse', () => {
    const a = parseAnswer(200, {}, read('getuser-response-1.xml'));
    expectSuccess(a);
    expect(a.type).toBe('use:getUserResponse');
    expect(a.body!['use:password']).toBe('******');
  });

  it('its element order agrees with the catalog order at every level (the catalog is the GetUser order)', () => {
    const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: true, parseTagValue: false });
    const doc = ordered.parse(read('getuser-response-1.xml')) as Node[];
    const find = (nodes: Node[], name: string): Node[] | undefined => {
      for (const n of nodes) {
        const k = Object.keys(n).find((x) => x !== ':@');
        if (k === name) return n[k];
        if (k && Array.isArray(n[k])) { const hit = find(n[k], name); if (hit) return hit; }
      }
      return undefined;
    };
    const checkLevel = (nodes: Node[], defs: readonly ElementDef[], where: string) => {
      const names = nodes.map((n) => Object.keys(n).find((k) => k !== ':@')!).filter((k) => k !== '#text');
      const order = defs.map((d) => d.element);
      const positions = names.map((q) => order.indexOf(q.slice(q.indexOf(':') + 1)));
      const known = positions.filter((p) => p >= 0);
      expect([where, known]).toEqual([where, [...known].sort((x, y) => x - y)]);
      nodes.forEach((n, i) => {
        const q = names[i];
        const def = defs.find((d) => d.element === q?.slice(q.indexOf(':') + 1));
        if (def?.kind === 'container') checkLevel(n[q], def.children, `${where}/${def.element}`);
      });
      return names;
    };
    const top = checkLevel(find(doc, 'serv:bodyContent')!, catalog.USER_TREE, 'bodyContent');
    // every element of the real capture is known to the catalog (the response-only tail included)
    const unknown = top.map((q) => q.slice(q.indexOf(':') + 1)).filter((n) => !catalog.USER_TREE.some((d) => d.element === n));
    expect(unknown).toEqual([]);
  });

  it('the mock answers GetUser for a user shaped like the capture in the same top-level order', async () => {
    const a = await post(mock, read('getuser-request-1.xml'));
    const mine = bodyChildNames(a.text);
    const real = bodyChildNames(read('getuser-response-1.xml'));
    const common = real.filter((n) => mine.includes(n));
    expect(mine.filter((n) => common.includes(n))).toEqual(common);
  });
});
