/**
 * The Inspector in a real browser against a real mock (in process, 127.0.0.1, ephemeral port): toggle a feature
 * in the UI, watch the next XML request fail with the feature error in the journal view, page and search users,
 * read a user's attributes, add and remove a fault, reset a site.
 */
import type { Browser, Page } from 'playwright-core';
import { readPath } from '../../mock-server';
import { xmlRequest } from '../core/support/xml';
import { describeBrowser, launchChromium, openPage } from './support/browser';
import { startInspector, type Inspector } from './support/inspector';

describeBrowser('Inspector UI (headless Chromium)', () => {
  let browser: Browser;
  let ui: Inspector;
  let page: Page;
  let requests: string[];
  let errors: string[];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    ui = await startInspector();
    ({ page, requests, errors } = await openPage(browser));
  });
  afterEach(async () => {
    await page?.close();
    await ui?.close();
  });

  const testid = (id: string) => `[data-testid="${id}"]`;

  async function open(view: string): Promise<void> {
    await page.goto(`${ui.url}/_mock/ui/#${view}`);
    await page.waitForSelector(`body[data-ready="true"][data-view="${view}"]`);
  }

  async function postXml(op: string, body: string): Promise<string> {
    const res = await fetch(`${ui.url}/WBXService/XMLService`, { method: 'POST', body: xmlRequest(op, body) });
    return res.text();
  }

  async function userIdsOnPage(): Promise<string[]> {
    return page.locator(`${testid('user-row')} ${testid('user-open')}`).allTextContents();
  }

  it('serves one page, its ES modules and stylesheet from the mock itself, and requests nothing from elsewhere', async () => {
    const res = await fetch(`${ui.url}/_mock/ui/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    await open('sites');
    await page.locator(testid('site-demo')).waitFor();
    const origin = new URL(ui.url).origin;
    const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    // The script is native ES modules, one per view plus the shared ones, each served by the mock under the CSP.
    const scripts = [...new Set(requests.filter((u) => u.endsWith('.js')).map((u) => new URL(u).pathname))].sort();
    expect(scripts).toEqual(['api', 'app', 'dom', 'faults', 'journal', 'sites', 'store', 'user-detail', 'users'].map((m) => `/_mock/ui/${m}.js`));
    const module = await fetch(`${ui.url}/_mock/ui/user-detail.js`);
    expect(module.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(module.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await module.text()).toMatch(/^\/\/ The user detail pane/);
    expect((await fetch(`${ui.url}/_mock/ui/nope.js`)).status).toBe(404);
  });

  it('a feature switched off in the Sites view makes the next SetUser fail with 030072, shown in the journal', async () => {
    await open('sites');
    const pmr = page.locator(testid('feature-demo-personalMeetingRoom'));
    await expect(pmr.isChecked()).resolves.toBe(true);
    await pmr.uncheck();
    // The switch is re-enabled once the PATCH has been answered.
    await page.waitForSelector(`${testid('feature-demo-personalMeetingRoom')}:not([disabled])`);
    expect(ui.site('demo').config.features.personalMeetingRoom).toBe(false);

    const answer = await postXml('SetUser', '<webExId>host</webExId><privilege><isEnablePMR>true</isEnablePMR></privilege>');
    expect(answer).toContain('<serv:exceptionID>030072</serv:exceptionID>');

    await page.click(testid('nav-journal'));
    const row = page.locator(testid('journal-row'), { hasText: '030072' });
    await row.waitFor();
    await expect(row.locator(testid('journal-result')).textContent()).resolves.toContain('FAILURE');
    await expect(row.locator(testid('journal-reason')).textContent()).resolves.toBe('Attribute isEnablePMR needs to be false');
    await expect(row.textContent()).resolves.toContain('SetUser');

    // Expanded: the pretty-printed request and response, with the password redacted.
    await row.locator(testid('journal-expand')).click();
    const requestXml = await page.locator(testid('journal-request-xml')).textContent();
    const responseXml = await page.locator(testid('journal-response-xml')).textContent();
    expect(requestXml).toContain('<isEnablePMR>true</isEnablePMR>');
    expect(requestXml).not.toContain(ui.adminPassword);
    expect(requestXml).toMatch(/\n {4,}<webExID>admin<\/webExID>/); // indented, one element per line
    expect(responseXml).toContain('<serv:reason>Attribute isEnablePMR needs to be false</serv:reason>');
    expect(errors).toEqual([]);
  });

  it('a licence limit set in the Sites view makes the next CreateUser fail with 110055', async () => {
    await open('sites');
    const used = ui.site('demo').usage().sessionTypes.find((t) => t.id === 214)!.used;
    await page.fill(testid('st-limit-demo-214'), String(used));
    await page.press(testid('st-limit-demo-214'), 'Enter'); // commits the field: change event
    await page.waitForSelector(`${testid('st-demo-214')}.full`); // redrawn: the bar is full
    await expect(page.locator(testid('st-demo-214-text')).textContent()).resolves.toBe(`${used} / ${used}`);
    expect(ui.site('demo').config.sessionTypes.find((t) => t.id === 214)!.limit).toBe(used);

    const answer = await postXml('CreateUser', '<firstName>Ada</firstName><lastName>Lovelace</lastName><webExId>ada</webExId><email>ada@demo.example.com</email><password>Analytical1</password>');
    expect(answer).toContain('<serv:exceptionID>110055</serv:exceptionID>');
  });

  it('the journal view says when the journal cut a body, with its full size', async () => {
    const filler = 'x'.repeat(300 * 1024);
    await open('journal');
    await page.click(testid('journal-clear'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="journal-row"]').length === 0);
    await postXml('GetUser', `<webExId>host</webExId><note>${filler}</note>`);
    const row = page.locator(testid('journal-row'), { hasText: 'GetUser' }).first();
    await row.waitFor();
    await row.locator(testid('journal-expand')).click();
    const note = await page.locator(testid('journal-request-truncated')).textContent();
    expect(note).toMatch(/^cut by the journal: [\d,]+ bytes in all$/);
    expect(Number(note!.replace(/\D/g, ''))).toBeGreaterThan(filler.length);
    await expect(page.locator(testid('journal-response-truncated')).count()).resolves.toBe(0);
    expect(await page.locator(testid('journal-request-xml')).textContent()).toMatch(/more bytes cut by the journal\]/);
    expect(errors).toEqual([]);
  });

  it('the journal filters by result and keeps showing new requests live', async () => {
    await postXml('GetUser', '<webExId>host</webExId>');
    await open('journal');
    await page.locator(testid('journal-row'), { hasText: 'GetUser' }).first().waitFor();
    await page.selectOption(testid('journal-result'), 'FAILURE');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="journal-row"]').length === 0);

    await postXml('GetUser', '<webExId>nobody-here</webExId>');
    const failure = page.locator(testid('journal-row'), { hasText: '030001' });
    await failure.waitFor(); // arrives through polling, no reload
    await expect(page.locator(testid('journal-row')).count()).resolves.toBe(1);

    await page.selectOption(testid('journal-result'), '');
    await page.locator(testid('journal-row'), { hasText: 'SUCCESS' }).first().waitFor();
    await page.click(testid('journal-clear'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="journal-row"]').length === 0);
    expect(ui.control.journal?.query().entries).toEqual([]);
    await postXml('GetUser', '<webExId>host</webExId>');
    await page.locator(testid('journal-row'), { hasText: 'GetUser' }).waitFor();
    await expect(page.locator(testid('journal-row')).count()).resolves.toBe(1);
  });

  it('pages through users with server-side paging and filters them by search', async () => {
    await open('users');
    await page.selectOption(testid('users-limit'), '25');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="user-row"]').length === 25);
    const first = await userIdsOnPage();
    const total = ui.site('demo').userCount;
    await expect(page.locator(testid('users-range')).textContent()).resolves.toBe(`1–25 of ${total}`);
    expect(first).toEqual(ui.webExIds('demo', 0, 25)); // userId order, as the admin API pages
    await expect(page.locator(testid('users-prev')).isDisabled()).resolves.toBe(true);

    await page.click(testid('users-next'));
    await page.waitForFunction(() => document.querySelector('[data-testid="users-range"]')?.textContent?.startsWith('26–'));
    const second = await userIdsOnPage();
    expect(second).toEqual(ui.webExIds('demo', 25, 25));
    expect(second.filter((id) => first.includes(id))).toEqual([]);

    await page.fill(testid('users-search'), 'demo host');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="user-row"]').length === 1);
    await expect(userIdsOnPage()).resolves.toEqual(['host']);
    await expect(page.locator(testid('users-range')).textContent()).resolves.toBe('1–1 of 1');
  });

  it("shows a user's attributes grouped as in the catalog, with the generated personalUrl and the password masked", async () => {
    await open('users');
    await page.locator(testid('user-open'), { hasText: /^host$/ }).click();
    const detail = page.locator(testid('user-detail'));
    await detail.locator(testid('user-title')).filter({ hasText: 'Demo Host' }).waitFor();
    const personalUrl = String(readPath(ui.site('demo').findUser('host')!, 'personalUrl'));
    expect(personalUrl).toMatch(/^pr\d{13}$/);
    await expect(detail.locator(testid('attr-personalUrl')).textContent()).resolves.toBe(`personalUrl${personalUrl}`);
    await expect(detail.locator(testid('fact-personalUrl')).textContent()).resolves.toBe(personalUrl);
    await expect(detail.locator(testid('fact-personalMeetingRoom/personalMeetingRoomURL')).textContent()).resolves.toBe(`https://demo.webex.com/meet/${personalUrl}`);
    await expect(detail.locator(testid('attr-password')).textContent()).resolves.toBe('password******');
    for (const group of ['profile', 'privilege', 'personalMeetingRoom']) {
      await expect(detail.locator(testid(`user-group-${group}`)).count()).resolves.toBe(1);
    }
    await expect(detail.locator(testid('attr-privilege/isEnablePMR')).count()).resolves.toBe(1);
    const text = await detail.textContent();
    expect(text).not.toContain(ui.hostPassword);
  });

  it('adds a fault from the form, the next matching request gets it, and removes it', async () => {
    await open('faults');
    await page.selectOption(testid('fault-site'), 'demo');
    await page.selectOption(testid('fault-operation'), 'GetUser');
    await page.selectOption(testid('fault-kind'), 'exception');
    await page.fill(testid('fault-exception-id'), '999999');
    await page.fill(testid('fault-reason'), 'Injected by the Inspector test');
    await page.fill(testid('fault-times'), '1');
    await page.click(testid('fault-add'));
    const row = page.locator(testid('fault-row'));
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('GetUser');

    expect(await postXml('GetUser', '<webExId>host</webExId>')).toContain('<serv:exceptionID>999999</serv:exceptionID>');
    expect(await postXml('GetUser', '<webExId>host</webExId>')).toContain('<serv:result>SUCCESS</serv:result>'); // times: 1

    await row.locator('button', { hasText: 'Remove' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="fault-row"]').length === 0);
    expect(ui.faultCount()).toBe(0);
  });

  it('loads a bundled scenario: its sites and its faults replace the demo site', async () => {
    await open('faults');
    await page.locator(testid('scenario-load-rate-limited')).click();
    await page.locator(testid('fault-row'), { hasText: 'rateLimit' }).waitFor(); // the scenario's own fault
    expect(ui.control.scenarioInfo?.name).toBe('rate-limited');
    await page.click(testid('nav-sites'));
    await page.locator(testid('site-acme')).waitFor();
    await expect(page.locator(testid('site-demo')).count()).resolves.toBe(0);
    await expect(page.locator(testid('health')).textContent()).resolves.toContain('scenario rate-limited');
  });

  it('asks for the admin token when the admin API requires one, then works with it', async () => {
    const guarded = await startInspector({ control: { token: 'ui-test-token' } });
    try {
      await page.goto(`${guarded.url}/_mock/ui/#sites`);
      const dialog = page.locator(testid('token-dialog'));
      await dialog.waitFor({ state: 'visible' });
      await page.fill(testid('token-input'), 'ui-test-token');
      await page.click(testid('token-submit'));
      await page.locator(testid('site-demo')).waitFor();
      await expect(page.evaluate(() => sessionStorage.getItem('webex-mock-admin-token'))).resolves.toBe('ui-test-token');
    } finally {
      await guarded.close();
    }
  });

  it('resets a site to the loaded state from the Sites view', async () => {
    await open('sites');
    await page.locator(testid('feature-demo-hdVideo')).uncheck();
    await page.waitForSelector(`${testid('feature-demo-hdVideo')}:not([disabled])`);
    expect(ui.site('demo').config.features.hdVideo).toBe(false);
    await page.click(testid('site-reset-demo'));
    await page.waitForSelector(`${testid('feature-demo-hdVideo')}:checked`);
    expect(ui.site('demo').config.features.hdVideo).toBe(true);
  });
});
