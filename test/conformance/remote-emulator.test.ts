/**
 * --url on a running `webex-mock serve` (issue 13 §3): the suite finds the admin API at /_mock, runs the cases
 * that need site control (features, licences, faults, site kinds, OAuth) on a fresh site per case created and
 * deleted through it, and leaves the emulator as it found it — every site, every user, the faults and the OAuth
 * integrations, compared here through the admin API before and after. With and without --admin-token.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../conformance/cli/main';
import { controlNeeded } from '../../conformance/target';
import { allCases } from '../../conformance/cases';
import { exited, startServer } from '../control/support/spawn-server';
import { factoryProvider } from '../../conformance/adapters/load';
import { selectCases, type CaseFilter } from '../../conformance/cases';
import type { AdapterFactory } from '../../conformance/adapter';
import { RemoteEmulatorTarget } from '../../conformance/remote/emulator-target';
import { runSuite } from '../../conformance/runner';
import { failedIds, runWith } from './run-suite';
import { createAdapter as passesUnknownAttributes } from '../broken-connectors/passes-unknown-attributes';
import { createAdapter as noRetry } from '../broken-connectors/no-retry';
import { createAdapter as ignoresLicenceError } from '../broken-connectors/ignores-licence-error';
import { createAdapter as neverRefreshes } from '../broken-connectors/never-refreshes';
import { createAdapter as blindRetry } from '../broken-connectors/blind-retry';
import { WebexConnector } from '../../connector';
import { adapterFor, connectorConfig } from '../../conformance/adapters/reference';
import { operationOf, rewritingFetch } from '../broken-connectors/rewriting-fetch';

/** Sends an element Webex does not know with every CreateUser: only the emulator's own reading of the request shows it. */
const sendsUnknownElement: AdapterFactory = (config) => adapterFor(new WebexConnector(connectorConfig(config, {
  fetch: rewritingFetch((body) => (operationOf(body) === 'CreateUser' ? body.replace('</bodyContent>', '<nickName>Conf</nickName></bodyContent>') : body)),
})));

interface Result { id: string; group: string; status: string; message?: string; actual?: string }

const TOKEN = 'remote-emulator-test-token';

/** The admin API's whole view: sites (with config), every user of every site, faults, OAuth integrations and grants. */
async function adminView(url: string, token?: string): Promise<string> {
  const get = async (path: string) => {
    const res = await fetch(`${url}/_mock${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    expect(res.status).toBe(200);
    return res.json() as Promise<unknown>;
  };
  const sites = await get('/sites') as { name: string }[];
  const view: unknown[] = [sites];
  for (const s of sites) {
    view.push(await get(`/sites/${s.name}`));
    const page = await get(`/sites/${s.name}/users?limit=1000`) as { users: { webExId: string }[] };
    view.push(page);
    for (const u of page.users) view.push(await get(`/sites/${s.name}/users/${encodeURIComponent(u.webExId)}`));
  }
  view.push(await get('/faults'), await get('/oauth'));
  return JSON.stringify(view);
}

async function conformance(args: string[], env: Record<string, string | undefined> = {}) {
  const json = join(mkdtempSync(join(tmpdir(), 'wmconf-remote-emulator-')), 'r.json');
  let out = '';
  const saved = process.env.WEBEX_MOCK_ADMIN_TOKEN;
  process.env.WEBEX_MOCK_ADMIN_TOKEN = env.WEBEX_MOCK_ADMIN_TOKEN ?? '';
  try {
    const code = await main(['run', ...args, '--json', json, '--quiet'], { out: (t) => { out += t; }, err: (t) => { out += t; } });
    const report = code === 2 ? undefined : JSON.parse(readFileSync(json, 'utf8')) as { target: string; results: Result[] };
    return { code, out, report };
  } finally {
    if (saved === undefined) delete process.env.WEBEX_MOCK_ADMIN_TOKEN;
    else process.env.WEBEX_MOCK_ADMIN_TOKEN = saved;
  }
}

/** Selected site-control cases of every kind: features, licences, faults, a rewrite, Spark Meet, Control Hub, suspended, SSO + OAuth, paging. */
const CONTROLLED = ['schema-features', 'webACDPrefsIsAgent.feature-off', 'licence-*', 'host-limit*', 'transient-dropped-create', 'transient-503-after-create',
  'rate-limited-retry', 'backup-success', 'spark-meet-*', 'control-hub-rename', 'suspended-site-*', 'sso-*', 'scope-all_read.get', 'expiry-mid-run', 'refresh-revoked', 'import-all-pages'];

describe.each([
  ['without an admin token', [] as string[]],
  ['with --admin-token', ['--admin-token', TOKEN]],
])('webex-conformance run --url on webex-mock serve %s', (_name, serveArgs) => {
  let child: ChildProcess;
  let url: string;
  const token = serveArgs.length ? TOKEN : undefined;
  beforeAll(async () => {
    ({ child, url } = await startServer(['--host', '127.0.0.1', ...serveArgs]));
  });
  afterAll(async () => {
    child.kill('SIGTERM');
    await exited(child);
  });

  it('runs the site-control cases (not skipped) through the admin API, passes, and leaves every site and user as it was', async () => {
    const before = await adminView(url, token);
    const r = await conformance(['--url', url, ...CONTROLLED.flatMap((c) => ['--case', c]), ...(token ? ['--admin-token', token] : [])]);
    expect(r.out).toMatch(/CONFORMANT: every Required case passed/);
    expect(r.code).toBe(0);
    const results = r.report!.results;
    const needingControl = results.filter((x) => controlNeeded(allCases().find((c) => c.id === x.id)!));
    expect(results.length).toBeGreaterThanOrEqual(21);
    expect(needingControl.length).toBeGreaterThanOrEqual(12);
    expect(new Set(needingControl.map((x) => x.group))).toEqual(new Set(['lifecycle', 'features', 'errors', 'oauth']));
    expect(results.filter((x) => x.status !== 'pass')).toEqual([]);
    expect(r.report!.target).toMatch(/^webex-mock at http:\/\/127\.0\.0\.1:\d+ \(admin API: a fresh site wmconf-[0-9a-f]{6}-<n> per case/);
    expect(r.out).toMatch(new RegExp(`webex-mock clean-up: ${results.length} case site\\(s\\) created and deleted; the emulator is as the run found it`));
    expect(await adminView(url, token)).toBe(before);
  });

  if (token) {
    it('without --admin-token: one clear error up front, nothing created', async () => {
      const before = await adminView(url, token);
      const r = await conformance(['--url', url, '--case', 'create']);
      expect(r.code).toBe(2);
      expect(r.out).toContain(`the webex-mock at ${url} has an admin token: give it with --admin-token TOKEN (or WEBEX_MOCK_ADMIN_TOKEN)`);
      const wrong = await conformance(['--url', url, '--case', 'create', '--admin-token', 'not-the-token']);
      expect(wrong.code).toBe(2);
      expect(wrong.out).toContain('refused the admin token (401)');
      expect(wrong.out).not.toContain('not-the-token');
      // The environment variable the server reads serves the suite too.
      const fromEnv = await conformance(['--url', url, '--case', 'create'], { WEBEX_MOCK_ADMIN_TOKEN: token });
      expect(fromEnv.code).toBe(0);
      expect(await adminView(url, token)).toBe(before);
    });
  } else {
    // The same verdicts as in-process: the unknown element comes from the emulator's journal, the rest from site control.
    it.each([
      ['sends unknown attributes', passesUnknownAttributes, { ids: ['unknown-attribute', 'invalid-value-*'] }],
      ['sends an element Webex ignores', sendsUnknownElement, { ids: ['create', 'licence-on-create'] }],
      ['never retries', noRetry, { ids: ['transient-*', 'rate-limited-retry'] }],
      ['ignores a licence error', ignoresLicenceError, { ids: ['licence-*', 'host-limit*'] }],
      ['never refreshes its OAuth token', neverRefreshes, { groups: ['oauth' as const] }],
      ['retries a create blindly', blindRetry, { ids: ['transient-*-create'] }],
    ] as [string, AdapterFactory, CaseFilter][])('a broken connector that %s fails the same cases as in-process', async (_what, factory, filter) => {
      const before = await adminView(url);
      const target = await RemoteEmulatorTarget.start({ endpoint: `${url}/WBXService/XMLService` });
      const remote = await runSuite({ provider: factoryProvider('under test', factory), cases: selectCases(allCases(), filter), target, concurrency: 4 });
      const local = await runWith(factory, filter);
      expect(failedIds(local).length).toBeGreaterThan(0);
      expect(failedIds(remote)).toEqual(failedIds(local));
      expect(remote.summary.skipped).toBe(0);
      expect(target.leftovers).toEqual([]);
      expect(await adminView(url)).toBe(before);
    });

    it('the whole suite: every case runs (none skipped), passes, and the emulator is left as found', async () => {
      const before = await adminView(url);
      const r = await conformance(['--url', url]);
      expect(r.out).toMatch(/CONFORMANT/);
      expect(r.code).toBe(0);
      const results = r.report!.results;
      expect(results.length).toBe(allCases().length);
      expect(results.filter((x) => x.status === 'skip')).toEqual([]);
      expect(results.filter((x) => x.status === 'fail')).toEqual([]);
      expect(await adminView(url)).toBe(before);
    }, 240_000);
  }
});
