/**
 * Issue 10 §1 from a real browser: a page on another loopback origin (another port on 127.0.0.1) and a
 * DNS-rebinding page (a name that resolves to 127.0.0.1, same port as the mock) try to drive and read the admin
 * API and the XML service. Every attempt fails and changes nothing; the Inspector, same origin, keeps working.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { createUser, getUser } from '../control/support/xml';
import { describeBrowser, launchChromium, openPage } from './support/browser';
import { startInspector, type Inspector } from './support/inspector';

const REBIND = 'rebind.attacker.example';
const ATTACKER_YAML = 'sites:\n  - name: demo\n    admins:\n      - webExId: attacker\n        password: Attack3r!Pass\n#';

/** The attacker's script: every way a page can send or read, results into window.results. */
function attackPage(target: string): string {
  const script = `
  const T = ${JSON.stringify(target)};
  const attempt = async (f) => { try { return await f(); } catch (e) { return 'blocked: ' + e.name; } };
  const submit = (action, enctype, name, value) => new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.name = 'sink' + Math.random().toString(36).slice(2);
    document.body.appendChild(frame);
    const f = document.createElement('form');
    Object.assign(f, { method: 'POST', action: T + action, enctype, target: frame.name });
    const i = document.createElement('input');
    Object.assign(i, { name, value, type: 'hidden' });
    f.appendChild(i);
    document.body.appendChild(f);
    frame.addEventListener('load', () => resolve('submitted'), { once: true });
    f.submit();
  });
  window.results = (async () => ({
    resetNoCors: await attempt(async () => (await fetch(T + '/_mock/reset', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: '{}' })).type),
    resetJson: await attempt(async () => (await fetch(T + '/_mock/reset', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status),
    snapshot: await attempt(async () => { const r = await fetch(T + '/_mock/sites/demo/snapshot'); return r.status + ' ' + (await r.text()).slice(0, 200); }),
    xmlCreate: await attempt(async () => { const r = await fetch(T + '/WBXService/XMLService', { method: 'POST', mode: 'no-cors', body: ${JSON.stringify(createUser('csrf.victim'))} }); return r.type === 'opaque' ? 'opaque' : r.status + ' ' + (await r.text()).slice(0, 200); }),
    xmlRead: await attempt(async () => { const r = await fetch(T + '/WBXService/XMLService', { method: 'POST', body: ${JSON.stringify(getUser('host'))} }); return r.status + ' ' + (await r.text()).slice(0, 400); }),
    formScenario: await submit('/_mock/scenario', 'text/plain', ${JSON.stringify(ATTACKER_YAML)}, ''),
    formReset: await submit('/_mock/reset', 'multipart/form-data', 'site', 'demo'),
    formResetUrlencoded: await submit('/_mock/reset', 'application/x-www-form-urlencoded', 'site', 'demo'),
  }))();`;
  return `<!doctype html><html><body><script>${script}</script></body></html>`;
}

describeBrowser('the admin API refuses web pages of other origins (headless Chromium)', () => {
  let browser: Browser;
  let ui: Inspector;
  let page: Page;
  let attacker: Server;
  let attackerUrl: string;

  beforeAll(async () => {
    // Local Network Access checks would stop the rebinding page before it reaches the mock; the test is about what
    // the mock itself refuses (older browsers, other browsers, and a user who clicks "allow").
    browser = await launchChromium([`--host-resolver-rules=MAP ${REBIND} 127.0.0.1`,
      "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights"]);
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    ui = await startInspector();
    attacker = createServer((_req, res) => { res.writeHead(200, { 'Content-Type': 'text/html' }).end(attackPage(ui.url)); });
    await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', () => r()));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    ({ page } = await openPage(browser));
    // A user the attacks must not wipe, and a change to the site they must not undo.
    ui.site('demo').config = { ...ui.site('demo').config, hostLimit: 77 };
  });
  afterEach(async () => {
    await page?.close();
    await new Promise<void>((r) => attacker.close(() => r()));
    await ui?.close();
  });

  function expectNothingChanged(): void {
    expect(ui.site('demo').config.hostLimit).toBe(77); // no reset
    expect(ui.site('demo').findUser('csrf.victim')).toBeUndefined(); // no blind XML write
    expect(ui.site('demo').findUser('attacker')).toBeUndefined(); // no scenario
    expect(ui.site('demo').findUser('admin')).toBeDefined();
  }

  it('a page on another port of 127.0.0.1 can neither drive nor read the admin API or the XML service', async () => {
    await page.goto(`${attackerUrl}/`);
    const results = await page.evaluate(() => (window as unknown as { results: Promise<Record<string, string>> }).results);
    expect(results.resetNoCors).toBe('opaque'); // sent, answer unreadable — and refused by the server (below)
    expect(results.resetJson).toBe('blocked: TypeError'); // the preflight gets no CORS grant
    expect(results.snapshot).toBe('blocked: TypeError');
    expect(results.xmlRead).toBe('blocked: TypeError');
    expect(results.formScenario).toBe('submitted');
    expectNothingChanged();
  });

  it('a DNS-rebinding page (its name resolves to 127.0.0.1, same port) reads only 403s', async () => {
    const port = new URL(ui.url).port;
    const origin = `http://${REBIND}:${port}`;
    // The first DNS answer pointed at the attacker's server (this route); the later ones at 127.0.0.1 (network).
    await page.route(`${origin}/attack.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: attackPage(origin) }));
    await page.goto(`${origin}/attack.html`);
    const results = await page.evaluate(() => (window as unknown as { results: Promise<Record<string, string>> }).results);
    expect(results.snapshot).toMatch(/^403 .*does not name this server/);
    expect(results.snapshot).not.toContain('passwordHash');
    expect(results.resetJson).toBe(403);
    expect(results.xmlRead).toMatch(/^403 webex-mock refuses XML API requests from the web page/);
    expect(results.xmlRead).not.toContain('host@demo');
    expectNothingChanged();
    const inspector = await page.goto(`${origin}/_mock/ui/`);
    expect(inspector?.status()).toBe(403);
  });

  it('the Inspector, same origin, still reads and changes state', async () => {
    await page.goto(`${ui.url}/_mock/ui/#sites`);
    await page.waitForSelector('body[data-ready="true"][data-view="sites"]');
    await page.click('[data-testid="site-reset-demo"]');
    for (let i = 0; i < 100 && ui.site('demo').config.hostLimit === 77; i++) await new Promise((r) => setTimeout(r, 50));
    expect(ui.site('demo').config.hostLimit).not.toBe(77);
  });
});
