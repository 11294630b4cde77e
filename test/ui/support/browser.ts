/**
 * Headless Debian Chromium for the Inspector tests (never a downloaded browser). Without /usr/bin/chromium the
 * browser tests are skipped with a message — except in CI, where they must run (and fail if it is missing).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const MUST_RUN = Boolean(process.env.CI);

/** `describe` when the tests can (or must) run, `describe.skip` with a note otherwise. */
export function describeBrowser(name: string, fn: () => void): void {
  if (HAVE_CHROMIUM || MUST_RUN) {
    describe(name, fn);
    return;
  }
  process.stderr.write(`test/ui: skipping "${name}": ${CHROMIUM} is absent (apt-get install chromium); CI installs it and runs these tests\n`);
  describe.skip(name, fn);
}

/** `extraArgs`: e.g. `--host-resolver-rules=MAP name 127.0.0.1` (a DNS name that resolves to loopback). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
}

/**
 * A page that records every request it makes and every script error, so a test can prove the Inspector
 * talks only to the server that served it and runs without errors.
 */
export async function openPage(browser: Browser, width = 1440, height = 900): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => { requests.push(r.url()); });
  page.on('pageerror', (e) => { errors.push(e.message); });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { page, requests, errors };
}
