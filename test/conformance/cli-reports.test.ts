/** The CLI end to end (in-process): exit codes, console output, and the JUnit / JSON / HTML reports. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from '../../conformance/cli/main';
import { parseRunArgs } from '../../conformance/cli/args';

function capture(): Io & { text(): string } {
  let out = '';
  return { out: (t) => { out += t; }, err: (t) => { out += t; }, text: () => out };
}

const dir = mkdtempSync(join(tmpdir(), 'wmconf-'));

it('run against the reference connector exits 0 and writes the three reports', async () => {
  const io = capture();
  const files = { junit: join(dir, 'r.xml'), json: join(dir, 'r.json'), html: join(dir, 'r.html') };
  const code = await main(['run', '--only', 'lifecycle,personalUrl', '--case', '*', '--junit', files.junit, '--json', files.json, '--html', files.html], io);
  expect(code).toBe(0);
  expect(io.text()).toMatch(/CONFORMANT: every Required case passed/);

  const junit = readFileSync(files.junit, 'utf8');
  expect(junit).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
  expect(junit).toMatch(/<testsuite name="webex-conformance.lifecycle" tests="\d+" failures="0"/);
  expect(junit).toContain('name="import-all-pages"');

  const json = JSON.parse(readFileSync(files.json, 'utf8'));
  expect(json.summary.requiredFailed).toBe(0);
  expect(json.results.map((r: { group: string }) => r.group)).toEqual(expect.arrayContaining(['lifecycle', 'personalUrl']));

  const html = readFileSync(files.html, 'utf8');
  expect(html).toContain('CONFORMANT');
  expect(html).not.toMatch(/<script|<link|src="http|href="http/); // self-contained
});

it('a broken connector exits 1; its failure carries the exchange (secrets masked) and the rerun command', async () => {
  const adapterPath = join(dir, 'ignore-licence.js');
  // A plain CommonJS adapter module, as a connector team would ship it.
  writeFileSync(adapterPath, `
    const { createAdapter: reference } = require(${JSON.stringify(join(__dirname, '../../conformance/adapters/reference'))});
    exports.createAdapter = (config) => {
      const inner = reference(config);
      return { ...inner, create: async (p) => { const o = await inner.create(p); return o.ok || o.error.class !== 'licence' ? o : { ok: true, result: { webExId: p.webExId } }; } };
    };`);
  const io = capture();
  const files = { junit: join(dir, 'b.xml'), html: join(dir, 'b.html'), json: join(dir, 'b.json') };
  const code = await main(['run', '--adapter', adapterPath, '--only', 'errors', '--case', 'licence-on-create', '--junit', files.junit, '--html', files.html, '--json', files.json, '--verbose'], io);
  expect(code).toBe(1);
  const text = io.text();
  expect(text).toMatch(/✗ errors\/licence-on-create: expected create when session type 214 is full \(110055\) to fail with class licence; got success/);
  expect(text).toContain(`rerun: webex-conformance run --only errors --case licence-on-create --adapter ${adapterPath}`);
  expect(text).toMatch(/CreateUser → FAILURE 110055/);
  expect(text).toMatch(/<password>\*\*\*REDACTED\*\*\*<\/password>/);
  expect(text).not.toContain('Adm1n!Conformance');
  const junit = readFileSync(files.junit, 'utf8');
  expect(junit).toMatch(/<failure message="expected create when session type 214 is full/);
  expect(readFileSync(files.html, 'utf8')).toContain('NOT CONFORMANT: 1 Required case(s) failed');
  for (const file of Object.values(files)) {
    const report = readFileSync(file, 'utf8');
    expect(report).toMatch(/CreateUser/); // the exchange is there…
    expect(report).not.toContain('Adm1n!Conformance'); // …with the admin password masked
  }
});

it('the HTML report has the attribute × operation matrix', async () => {
  const io = capture();
  const html = join(dir, 'm.html');
  expect(await main(['run', '--only', 'attributes,features', '--case', 'privilegeHDvideo.*', '--html', html, '--quiet'], io)).toBe(0);
  const text = readFileSync(html, 'utf8');
  expect(text).toContain('Attribute × operation matrix (1 attributes)');
  expect(text).toMatch(/<code>privilegeHDvideo<\/code><\/td>(<td class="cell pass"[^>]*>✓<\/td>){5}/);
});

it('usage errors exit 2', async () => {
  expect(await main(['run', '--only', 'nonsense'], capture())).toBe(2);
  expect(await main(['frobnicate'], capture())).toBe(2);
  expect(() => parseRunArgs(['--adapter', 'a.js', '--adapter-cmd', 'x'])).toThrow(/not both/);
});

it('list prints every case with its group and label', async () => {
  const io = capture();
  expect(await main(['list', '--only', 'errors'], io)).toBe(0);
  expect(io.text()).toMatch(/errors\s+transient-dropped-create\s+Required/);
  expect(io.text()).toMatch(/errors\s+unknown-site\s+Optional/);
});
