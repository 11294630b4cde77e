/**
 * `npm run docs:screenshots`: drives the Inspector in headless Chromium against a fresh demo mock and writes
 * docs/ui-sites.png, docs/ui-users.png, docs/ui-journal.png and docs/ui-faults.png for docs/inspector.md.
 * Not part of `npm test` (the file name does not end in .test.ts); jest runs it only for its TypeScript transform.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { xmlRequest } from '../core/support/xml';
import { launchChromium } from './support/browser';
import { startInspector, type Inspector } from './support/inspector';

const DOCS = join(__dirname, '..', '..', 'docs');
const testid = (id: string) => `[data-testid="${id}"]`;

async function post(ui: Inspector, op: string, body: string): Promise<void> {
  await (await fetch(`${ui.url}/WBXService/XMLService`, { method: 'POST', body: xmlRequest(op, body) })).text();
}

async function view(page: Page, ui: Inspector, name: string): Promise<void> {
  await page.goto(`${ui.url}/_mock/ui/#${name}`);
  await page.waitForSelector(`body[data-ready="true"][data-view="${name}"]`);
}

async function shoot(page: Page, file: string): Promise<void> {
  await page.locator(testid('notice')).evaluate((el) => { (el as HTMLElement).hidden = true; });
  await page.screenshot({ path: join(DOCS, file) });
  expect(statSync(join(DOCS, file)).size).toBeGreaterThan(10_000);
}

it('writes a screenshot of each Inspector view to docs/', async () => {
  mkdirSync(DOCS, { recursive: true });
  const [browser, ui] = await Promise.all([launchChromium(), startInspector()]);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });

    // Sites: Personal Room switched off and the PRO licences capped at what is used, through the UI
    // (the journal shot then shows both failing).
    await view(page, ui, 'sites');
    await page.locator(testid('feature-demo-personalMeetingRoom')).uncheck();
    await page.waitForSelector(`${testid('feature-demo-personalMeetingRoom')}:not([disabled])`);
    await page.fill(testid('st-limit-demo-214'), '52');
    await page.press(testid('st-limit-demo-214'), 'Enter');
    await page.waitForSelector(`${testid('st-demo-214')}.full`);
    await shoot(page, 'ui-sites.png');

    // Traffic for the journal: reads, a create, the feature error, an unknown user, an injected fault.
    await post(ui, 'GetUser', '<webExId>host</webExId>');
    await post(ui, 'LstsummaryUser', '<listControl><startFrom>1</startFrom><maximumNum>10</maximumNum></listControl>');
    await post(ui, 'CreateUser', '<firstName>Ada</firstName><lastName>Lovelace</lastName><webExId>ada</webExId><email>ada@demo.example.com</email><password>Analytical1</password><active>ACTIVATED</active>');
    await post(ui, 'GetUser', '<webExId>nobody</webExId>');
    ui.control.faults.add({ match: { site: 'demo', operation: 'DelUser', times: 1 }, effect: { rateLimit: { retryAfterSeconds: 30 } } });
    ui.control.faults.add({ match: { operation: 'GetUser', probability: 0.1 }, effect: { latencyMs: 1500 } });
    await post(ui, 'DelUser', '<webExId>ada</webExId>');
    await post(ui, 'SetUser', '<webExId>host</webExId><privilege><isEnablePMR>true</isEnablePMR></privilege>');

    // Users: page 1 and the detail of a generated user (Personal Room fields open).
    await view(page, ui, 'users');
    await page.locator(testid('user-open')).nth(4).click();
    await page.locator(`${testid('user-detail')} ${testid('user-group-personalMeetingRoom')}`).waitFor();
    for (const group of ['profile', 'privilege']) await page.locator(`${testid('user-detail')} ${testid(`user-group-${group}`)} summary`).click(); // fold: show the Personal Room
    await shoot(page, 'ui-users.png');

    // Journal: the 030072 failure expanded to its request and response.
    await view(page, ui, 'journal');
    const failure = page.locator(testid('journal-row'), { hasText: '030072' });
    await failure.locator(testid('journal-expand')).click();
    await page.locator(testid('journal-request-xml')).waitFor();
    await shoot(page, 'ui-journal.png');

    // Faults & scenarios: the two faults, the bundled scenarios and the form.
    await view(page, ui, 'faults');
    await page.locator(testid('fault-row')).nth(1).waitFor();
    await page.locator(testid('scenario-large-site')).waitFor();
    await shoot(page, 'ui-faults.png');
  } finally {
    await browser.close();
    await ui.close();
  }
});
