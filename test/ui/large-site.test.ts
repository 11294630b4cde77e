/**
 * The Users view on the bundled 100,000-user `large-site` scenario: server-side paging (first, next, last page)
 * and search stay one admin request each, so the page never holds more than one page of users.
 */
import type { Browser, Page } from 'playwright-core';
import { readPath } from '../../mock-server';
import { describeBrowser, launchChromium, openPage } from './support/browser';
import { startInspector, type Inspector } from './support/inspector';

describeBrowser('Inspector UI on the 100k-user large-site scenario', () => {
  let browser: Browser;
  let ui: Inspector;
  let page: Page;
  const testid = (id: string) => `[data-testid="${id}"]`;
  const range = () => page.locator(testid('users-range')).textContent();
  const waitRange = (prefix: string) => page.waitForFunction((p) => document.querySelector('[data-testid="users-range"]')?.textContent?.startsWith(p), prefix);

  beforeAll(async () => {
    [browser, ui] = await Promise.all([launchChromium(), startInspector({ scenario: 'large-site' })]);
  }, 120_000); // generating 100,000 users takes ~5 s on an idle machine; much longer on a loaded CI runner
  beforeEach(async () => {
    ({ page } = await openPage(browser));
  });
  afterEach(async () => {
    await page?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.close();
  });

  it('pages from the first to the next and the last page of 100,001 users', async () => {
    const total = ui.site('bigcorp').userCount;
    expect(total).toBe(100_001);
    await page.goto(`${ui.url}/_mock/ui/#users`);
    await waitRange('1–50 ');
    await expect(range()).resolves.toBe(`1–50 of ${total}`);
    const rows = () => page.locator(`${testid('user-row')} ${testid('user-open')}`).allTextContents();
    await expect(rows()).resolves.toEqual(ui.webExIds('bigcorp', 0, 50));

    await page.click(testid('users-next'));
    await waitRange('51–');
    await expect(rows()).resolves.toEqual(ui.webExIds('bigcorp', 50, 50));

    await page.click(testid('users-last'));
    await waitRange('100001–');
    await expect(range()).resolves.toBe(`100001–100001 of ${total}`);
    await expect(rows()).resolves.toEqual(ui.webExIds('bigcorp', 100_000, 1));
    await expect(page.locator(testid('users-next')).isDisabled()).resolves.toBe(true);
  });

  it('searches all 100,001 users on the server', async () => {
    await page.goto(`${ui.url}/_mock/ui/#users`);
    await waitRange('1–50 ');
    const user = ui.site('bigcorp').users()[77_777];
    const email = String(readPath(user, 'email')); // unique on the site, and no other user's field contains it
    await page.fill(testid('users-search'), email.toUpperCase()); // case-insensitive
    await waitRange('1–1 of 1');
    await expect(page.locator(`${testid('user-row')} ${testid('user-open')}`).allTextContents()).resolves.toEqual([String(readPath(user, 'webExId'))]);
  });
});
