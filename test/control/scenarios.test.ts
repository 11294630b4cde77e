import request from 'supertest';
import {
  SLOT, valueAt, ScenarioError, SiteRegistry, applyScenario, bundledNames, createWebexMock, loadBundled, parseScenarioText, type ExpectSpec, type ParsedScenario,
} from '../../mock-server';
import { checkExpectation, runReproduce } from '../../mock-server/cli/reproduce';
import { listScenarios, reproduce } from '../../mock-server/cli/scenarios';
import { XML_PATH, authenticateUser, exceptionOf, getUser, resultOf } from './support/xml';

const REQUIRED = [
  'user-limit-exceeded', 'host-limit-reached', 'personal-url-invalid', 'cant-set-field', 'attribute-needs-feature',
  'mobile-sets-primary-phone', 'session-types-need-supported-services', 'spark-meet-site', 'sso-site-oauth', 'control-hub-managed-site',
  'rate-limited', 'large-site',
];

/** Send the reproduce block over HTTP and check the last answer the same way `reproduce` does. */
async function reproduceOverHttp(app: Parameters<typeof request>[0], s: ParsedScenario): Promise<string[]> {
  const spec = s.scenario.reproduce!;
  for (const xml of spec.before ?? []) await request(app).post(XML_PATH).send(xml);
  let res!: request.Response;
  for (let i = 0; i < (spec.repeat ?? 1); i++) res = await request(app).post(XML_PATH).send(spec.request);
  return checkExpectation({ status: res.status, headers: res.headers as Record<string, string>, body: res.text }, spec.expect as ExpectSpec);
}

describe('bundled scenarios', () => {
  it('include every scenario the issue names, each with a description and a reproduce block', () => {
    expect(bundledNames()).toEqual(expect.arrayContaining(REQUIRED));
    for (const name of bundledNames()) {
      const s = loadBundled(name).scenario;
      expect(s.name).toBe(name);
      expect(s.description).toBeTruthy();
      expect(s.reproduce).toBeDefined();
    }
  });

  it.each(REQUIRED.filter((n) => n !== 'large-site'))('%s reproduces in-process and over HTTP', async (name) => {
    const s = loadBundled(name);
    const outcome = await runReproduce(createWebexMock({ scenario: s }), s.scenario.reproduce!);
    expect(outcome.mismatches).toEqual([]);
    expect(await reproduceOverHttp(createWebexMock({ scenario: s }).app, s)).toEqual([]);
  });

  it('large-site: 100k generated users page in-process and over HTTP, and the admin users search stays usable', async () => {
    const s = loadBundled('large-site');
    const t0 = performance.now();
    const mock = createWebexMock({ scenario: s });
    const loadMs = performance.now() - t0;
    process.stdout.write(`large-site: ${mock.registry.get('bigcorp')!.userCount} users loaded in ${Math.round(loadMs)} ms\n`);
    expect(mock.registry.get('bigcorp')!.userCount).toBe(100_001);
    expect((await runReproduce(mock, s.scenario.reproduce!)).mismatches).toEqual([]);
    expect(await reproduceOverHttp(mock.app, s)).toEqual([]);
    const page = await request(mock.app).get('/_mock/sites/bigcorp/users?offset=99990&limit=20');
    expect(page.body.total).toBe(100_001);
    expect(page.body.users).toHaveLength(11);
    const search = await request(mock.app).get('/_mock/sites/bigcorp/users?q=99999@&limit=5');
    expect(search.body.total).toBe(1);
    expect(search.body.users[0].email).toMatch(/99999@bigcorp\.example\.com$/);
    // 100k users take ~5 s on a quiet 2-core machine and several times that when the machine is shared: the
    // limit guards against a hang, it measures nothing (bench/ does).
  }, 180_000);

  it('a reset of a large generated site copies its users instead of generating them again, and drops changes', () => {
    const doc = parseScenarioText('sites:\n  - name: gen\n    admins: [{ webExId: admin, password: P@ssword123 }]\n    generate: { count: 1000, seed: 9 }\n', 'gen.yaml');
    const mock = createWebexMock({ scenario: doc });
    const site = () => mock.registry.get('gen')!;
    const before = site().users().map((u) => u.values);
    const records = site().users().slice();
    const victim = String(valueAt(site().users()[10].values, SLOT.webExId));
    site().deactivate(victim);
    expect(site().usage().hosts.used).toBe(1000);
    mock.reset();
    expect(site().usage().hosts.used).toBe(1001);
    expect(site().users().map((u) => u.values)).toEqual(before);
    // Copies of the records; their values are immutable (every write replaces them), so they are shared.
    expect(site().users()[10]).not.toBe(records[10]);
    expect(site().users()[10].values).toBe(before[10]);
  });

  it('generated users repeat for the same seed and differ for another', () => {
    const doc = (seed: number) => parseScenarioText(`sites:\n  - name: gen\n    generate: { count: 200, seed: ${seed} }\n`, 'gen.yaml');
    const users = (seed: number) => createWebexMock({ scenario: doc(seed) }).registry.get('gen')!.users().map((u) => u.values);
    expect(users(3)).toEqual(users(3));
    expect(users(3)[10]).not.toEqual(users(4)[10]);
  });

  it('`webex-mock reproduce` prints request and response and exits 0 when the outcome happened', async () => {
    let out = '';
    const code = await reproduce('user-limit-exceeded', (s) => { out += s; });
    expect(code).toBe(0);
    expect(out).toContain('<webExId>lee.wong</webExId>');
    expect(out).toContain('<serv:exceptionID>110055</serv:exceptionID>');
    expect(out).toContain('=== reproduced');
  });

  it('`webex-mock reproduce` exits 1 when the outcome did not happen', async () => {
    const file = require('node:path').join(require('node:os').tmpdir(), `wm-noreproduce-${process.pid}.yaml`);
    require('node:fs').writeFileSync(file, `
sites:
  - name: acme
    admins: [{ webExId: admin, password: P@ssword123 }]
reproduce:
  request: <serv:message xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><header><securityContext><siteName>acme</siteName><webExID>admin</webExID><password>P@ssword123</password></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.GetUser"><webExId>admin</webExId></bodyContent></body></serv:message>
  expect: { result: FAILURE, exceptionID: "030001" }
`);
    let out = '';
    expect(await reproduce(file, (s) => { out += s; })).toBe(1);
    expect(out).toContain('result is SUCCESS, expected FAILURE');
  });

  it('`webex-mock scenarios` lists name and description', () => {
    let out = '';
    listScenarios((s) => { out += s; });
    for (const name of REQUIRED) expect(out).toMatch(new RegExp(`^${name}\\s+\\S`, 'm'));
  });
});

describe('scenario validation', () => {
  const issuesOf = (text: string) => {
    try {
      parseScenarioText(text, 'test.yaml');
    } catch (e) {
      if (e instanceof ScenarioError) return e.issues;
      throw e;
    }
    throw new Error('expected a ScenarioError');
  };

  it('names the bad field and its line', () => {
    const issues = issuesOf(`name: broken
sites:
  - name: acme
    hostLimit: -5
    sessionTypes:
      - id: 214
        limit: lots
`);
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'sites.0.hostLimit', line: 4 }),
      expect.objectContaining({ path: 'sites.0.sessionTypes.0.limit', line: 7 }),
    ]));
  });

  it('points at unknown fields and unknown features', () => {
    const issues = issuesOf(`sites:
  - name: acme
    features:
      webACD: false
      teleportation: true
    colour: blue
`);
    expect(issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: 'sites.0.colour', line: 6, message: expect.stringContaining('unknown field "colour"') }),
      expect.objectContaining({ path: 'sites.0.features.teleportation', line: 5 }),
    ]));
  });

  it('reports YAML syntax errors with their line', () => {
    const [issue] = issuesOf('sites:\n  - name: acme\n    hostLimit: [1, 2\n');
    expect(issue.line).toBeGreaterThanOrEqual(3);
  });

  it('reads JSON documents too, with lines', () => {
    const issues = issuesOf('{\n  "sites": [\n    { "name": "acme",\n      "hostLimit": "ten" }\n  ]\n}\n');
    expect(issues).toEqual([expect.objectContaining({ path: 'sites.0.hostLimit', line: 4 })]);
  });

  it('names the line of an unknown user attribute and of a user the site refuses', () => {
    const load = (text: string) => {
      try {
        createWebexMock({ scenario: parseScenarioText(text, 'users.yaml') });
      } catch (e) {
        if (e instanceof ScenarioError) return e.issues[0];
        throw e;
      }
      throw new Error('expected a ScenarioError');
    };
    expect(load(`sites:
  - name: acme
    users:
      - webExId: a
        email: a@acme.example.com
        favouriteColour: blue
`)).toMatchObject({ path: 'sites.0.users.0.favouriteColour', line: 6, message: expect.stringContaining('unknown attribute') });
    expect(load(`sites:
  - name: acme
    users:
      - { webExId: a, email: a@acme.example.com }
      - { webExId: b, email: b@acme.example.com, timeZoneID: 400 }
`)).toMatchObject({ path: 'sites.0.users.1', line: 5, message: expect.stringContaining('030071') });
  });

  it('scenario users take the catalog rules and the one webExId rule of requests; the issue names site, user and field (issue 10 §3)', () => {
    const load = (user: string, extra = '') => {
      try {
        createWebexMock({ scenario: parseScenarioText(`sites:\n  - name: acme\n${extra}    users:\n      - ${user}\n`, 'users.yaml') });
      } catch (e) {
        if (e instanceof ScenarioError) return e.issues[0];
        throw e;
      }
      throw new Error('expected a ScenarioError');
    };
    expect(load('{ webExId: jo, email: jo@acme.example.com, timeZoneID: abc }')).toMatchObject({
      path: 'sites.0.users.0', line: 4, message: 'site "acme" refuses user "jo": 030071 Can\'t set field timeZoneID: "abc" is not a whole number',
    });
    expect(load('{ webExId: jo, email: jo@acme.example.com, active: BOGUS }').message).toMatch(/^site "acme" refuses user "jo": 030071 Can't set field active: "BOGUS"/);
    // Characters XML cannot carry: a C0 control, U+FFFE (once accepted, then listed as "host"), a lone surrogate.
    for (const id of ['ho\\x01st', 'ho\\uFFFEst', 'ho\\uD800st']) {
      expect(load(`{ webExId: "${id}", email: jo@acme.example.com }`).message).toMatch(/refuses user .*030071 Can't set field webExId: contains a character XML cannot carry/);
    }
    expect(load('{ webExId: HOST, email: jo@acme.example.com }', '    admins: [{ webExId: host, password: P@ssword123 }]\n').message).toMatch(/refuses user "HOST": 030004/);
    expect(load('{ webExId: jo, email: jo@acme.example.com }', '    hostLimit: 0\n').message).toMatch(/refuses user "jo": 030059/);
    expect(load('{ webExId: jo, email: jo@acme.example.com }', '    accessTokens: [{ token: tok-12345678, webExId: "ho\\x01st" }]\n')).toMatchObject({
      path: 'sites.0.accessTokens.0.webExId', line: 3, message: expect.stringMatching(/^site "acme": Can't set field webExId: contains a character/),
    });
  });

  it('a refused scenario load leaves fault counters, the fault RNG and session tickets as they were', async () => {
    const mock = createWebexMock();
    const api = request(mock.app);
    mock.control.faults.add({ match: { operation: 'GetUser', times: 1 }, effect: { exception: { id: '000029', reason: 'process error' } } });
    expect(exceptionOf((await api.post(XML_PATH).send(getUser('host'))).text)).toBe('000029');
    const ticket = /<use:sessionTicket>([^<]+)</.exec((await api.post(XML_PATH).send(authenticateUser())).text)![1];
    const refused = await api.post('/_mock/scenario').set('Content-Type', 'application/yaml')
      .send('sites:\n  - name: acme\n    hostLimit: 1\n    users:\n      - { webExId: a, email: a@x.example.com }\n      - { webExId: b, email: b@x.example.com }\n');
    expect(refused.status).toBe(400);
    expect(mock.control.faults.list()).toEqual([expect.objectContaining({ id: 'f1', seen: 1, fired: 1 })]);
    expect(resultOf((await api.post(XML_PATH).send(getUser('host'))).text)).toBe('SUCCESS'); // times: 1 stays used up
    expect(resultOf((await api.post(XML_PATH).send(getUser('host', { webExId: 'admin', sessionTicket: ticket }))).text)).toBe('SUCCESS');
  });

  it('applyScenario leaves nothing half-added: the site whose user is refused is not left in the registry', () => {
    const registry = new SiteRegistry();
    const parsed = parseScenarioText(`sites:
  - name: first
  - name: second
    users:
      - { webExId: b, email: b@second.example.com, timeZoneID: 400 }
`, 'half.yaml');
    expect(() => applyScenario(registry, parsed)).toThrow(ScenarioError);
    expect(registry.all().map((s) => s.name)).toEqual([]);
  });

  it('loads through the admin API (YAML text) and reports issues with lines as 400', async () => {
    const mock = createWebexMock();
    const bad = await request(mock.app).post('/_mock/scenario').set('Content-Type', 'application/yaml').send('sites:\n  - name: acme\n    hostLimit: nope\n');
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0]).toMatchObject({ path: 'sites.0.hostLimit', line: 3 });
    expect(mock.registry.get('demo')).toBeDefined(); // a refused scenario leaves the running state alone
    mock.control.faults.add({ effect: { latencyMs: 1 } });
    mock.registry.get('demo')!.deactivate('host');
    const refused = await request(mock.app).post('/_mock/scenario').set('Content-Type', 'application/yaml')
      .send('sites:\n  - name: acme\n    hostLimit: 1\n    users:\n      - { webExId: a, email: a@x.example.com }\n      - { webExId: b, email: b@x.example.com }\n');
    expect(refused.status).toBe(400);
    expect(refused.body.issues[0]).toMatchObject({ path: 'sites.0.users.1', line: 6, message: expect.stringContaining('030059') });
    expect(mock.registry.get('acme')).toBeUndefined();
    expect(valueAt(mock.registry.get('demo')!.findUser('host')!.values, SLOT.active)).toBe('DEACTIVATED');
    expect(mock.control.faults.list()).toHaveLength(1);
    mock.control.faults.clear();
    const ok = await request(mock.app).post('/_mock/scenario').set('Content-Type', 'application/yaml')
      .send('name: tiny\nsites:\n  - name: tiny\n    admins: [{ webExId: admin, password: P@ssword123 }]\n    generate: { count: 20, seed: 7 }\n');
    expect(ok.status).toBe(200);
    expect(ok.body.sites).toEqual([expect.objectContaining({ name: 'tiny', userCount: 21 })]);
    expect(mock.registry.get('demo')).toBeUndefined();
    // A reset now returns to the scenario, not to the demo site.
    await request(mock.app).post('/_mock/reset').set('Content-Type', 'application/json');
    expect(mock.registry.get('tiny')!.userCount).toBe(21);
    const bundled = await request(mock.app).post('/_mock/scenario').send({ bundled: 'rate-limited' });
    expect(bundled.status).toBe(200);
    expect(bundled.body.faults).toHaveLength(1);
    const unknown = await request(mock.app).post('/_mock/scenario').send({ bundled: 'no-such-scenario' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/no bundled scenario "no-such-scenario" \(known: .*rate-limited/);
    const list = await request(mock.app).get('/_mock/scenarios');
    expect(list.body.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(REQUIRED));
  });
});
