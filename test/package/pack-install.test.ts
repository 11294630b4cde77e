/**
 * The package as a connector team gets it: `npm pack`, install the tarball into an empty project (from the
 * local npm cache where it can: --prefer-offline), then use it the way the README says — `npx webex-mock serve`
 * answers a GetUser, every documented entry point loads with require and import, and its types resolve.
 * Install scripts are skipped, so better-sqlite3 (optional, native) is not built: the install must still work.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getUser, resultOf } from '../control/support/xml';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');
const ENTRY_POINTS = ['webex-mock', 'webex-mock/testing', 'webex-mock/msw', 'webex-mock/connector', 'webex-mock/conformance'];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string> };
const mswVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules/msw/package.json'), 'utf8')) as { version: string }).version;

jest.setTimeout(600_000);

let dir: string;
let app: string;
let tarball: string;
let server: ChildProcess | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'webex-mock-pack-'));
  // npm pack's prepare would rebuild dist/ while other suites read it: build only when a source is newer (as
  // `npm start` does), then pack what is built.
  await run(process.execPath, [join(ROOT, 'scripts/build-if-stale.js')], { cwd: ROOT, maxBuffer: 1 << 24 });
  const packed = await run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, maxBuffer: 1 << 24 });
  tarball = join(dir, packed.stdout.trim().split('\n').at(-1)!);
  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  await run('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', tarball, `msw@${mswVersion}`], { cwd: app, maxBuffer: 1 << 24 });
});

const stop = (child: ChildProcess) => { try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* already gone */ } };

afterAll(() => {
  if (server) stop(server);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('the tarball holds the build, its types, the bundled scenarios and the Inspector — no tests, benches or CI', async () => {
  const { stdout } = await run('tar', ['tzf', tarball]);
  const files = stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
  expect(files).toEqual(expect.arrayContaining([
    'bin/webex-mock.js', 'dist/mock-server/index.js', 'dist/mock-server/index.d.ts', 'dist/mock-server/cli/main.js',
    'dist/connector/index.d.ts', 'dist/conformance/index.d.ts', 'dist/mock-server/testing/jest.d.ts',
    'mock-server/control/scenarios/user-limit-exceeded.yaml', 'mock-server/control/ui/static/index.html',
  ]));
  expect(files.filter((f) => /^(test|bench|\.ci|docs|reference\/webex-xml-api\/xsd-2011)\//.test(f) || /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
});

it('npx webex-mock serve answers a GetUser on a loopback port', async () => {
  // Its own process group, so stopping npx also stops the server it started.
  server = spawn('npx', ['--no', '--', 'webex-mock', 'serve', '--port', '0'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    server!.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) resolve(m[1]);
    });
    server!.stderr!.on('data', (d: Buffer) => { output += d.toString(); });
    server!.once('exit', (code) => reject(new Error(`serve exited ${code}:\n${output}`)));
  });
  const res = await fetch(`${url}/WBXService/XMLService`, { method: 'POST', body: getUser('admin') });
  const xml = await res.text();
  expect(resultOf(xml)).toBe('SUCCESS');
  expect(xml).toContain('<use:webExId>admin</use:webExId>');
  stop(server);
  const { stdout } = await run('npx', ['--no', '--', 'webex-mock', '--version'], { cwd: app });
  expect(stdout.trim()).toBe(pkg.version);
});

it('every documented entry point loads with require and with import; the root loads neither msw nor sqlite', async () => {
  const cjs = `
    const root = require('webex-mock');
    const loaded = Object.keys(require.cache);
    if (typeof root.createWebexMock !== 'function') throw new Error('no createWebexMock');
    if (loaded.some((f) => /node_modules[\\\\/](msw|better-sqlite3)[\\\\/]/.test(f))) throw new Error('root entry loaded ' + loaded.filter((f) => /msw|sqlite/.test(f)));
    const names = {};
    for (const e of ${JSON.stringify(ENTRY_POINTS)}) names[e] = Object.keys(require(e)).length;
    console.log(JSON.stringify(names));`;
  const required = JSON.parse((await run(process.execPath, ['-e', cjs], { cwd: app })).stdout) as Record<string, number>;
  for (const e of ENTRY_POINTS) expect(required[e]).toBeGreaterThan(0);

  const esm = `
    import { createWebexMock } from 'webex-mock';
    import { useWebexMock } from 'webex-mock/testing';
    import { webexHandlers } from 'webex-mock/msw';
    import { WebexConnector } from 'webex-mock/connector';
    import { runSuite, referenceProvider } from 'webex-mock/conformance';
    const mock = createWebexMock();
    const r = await mock.engine.handle({ body: ${JSON.stringify(getUser('admin'))} });
    console.log([typeof useWebexMock, typeof webexHandlers, typeof WebexConnector, typeof runSuite, typeof referenceProvider].join(','), /SUCCESS/.test(String(r.body)));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', esm], { cwd: app });
  expect(stdout.trim()).toBe('function,function,function,function,function true');
});

it('the types resolve for a TypeScript consumer (tsc, nodenext resolution through "exports")', async () => {
  writeFileSync(join(app, 'consumer.ts'), `
    import { createWebexMock, type WebexMock, type SiteConfig } from 'webex-mock';
    import { useWebexMock, type WebexMockHandle } from 'webex-mock/testing';
    import { webexHandlers } from 'webex-mock/msw';
    import { WebexConnector, type ConnectorConfig } from 'webex-mock/connector';
    import { runSuite, type Adapter, type AdapterFactory, type RunReport } from 'webex-mock/conformance';

    const mock: WebexMock = createWebexMock({ scenario: 'user-limit-exceeded' });
    const size: number = mock.registry.all().length;
    // @ts-expect-error -- a typo in an option is caught: the types are real, not any
    createWebexMock({ senario: 'x' });
    const config: ConnectorConfig = { url: 'http://127.0.0.1:1', siteName: 'demo', admin: 'admin', password: 'P@ssword123' };
    const connector = new WebexConnector(config);
    const factory: AdapterFactory = (): Adapter => { throw new Error(String(connector)); };
    const report: Promise<RunReport> | undefined = undefined as unknown as Promise<RunReport>;
    export const used = [size, factory, report, useWebexMock as unknown as WebexMockHandle, webexHandlers, runSuite, {} as SiteConfig];
  `);
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] },
    files: ['consumer.ts'],
  }));
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  await expect(run(process.execPath, [tsc, '-p', app], { cwd: app }).then(() => 'ok', (e: { stdout: string }) => e.stdout)).resolves.toBe('ok');
});
