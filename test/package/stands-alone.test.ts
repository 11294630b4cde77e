/** The repository stands alone: nothing in the product, tests, benches or docs reads outside the clone. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');
const AREAS = ['cli-kit', 'mock-server', 'connector', 'conformance', 'test', 'bench', 'docs', 'examples', 'bin', 'README.md', 'package.json'];
const SKIP = new Set(['node_modules', 'dist', 'reports', 'tmp']);
// A path that climbs out of the repository into a sibling folder (the steering repo's shared/ data) or names the work tree.
const OUTSIDE = /(?:\.\.\/)+shared\/|\/work\/(?:shared|wt|main)\b/;

function files(path: string): string[] {
  if (statSync(path).isFile()) return /\.(ts|js|json|md|sh|ya?ml|html|css)$/.test(path) ? [path] : [];
  return readdirSync(path).filter((n) => !SKIP.has(n)).flatMap((n) => files(join(path, n)));
}

it('no file refers to a folder outside the repository', () => {
  const offenders = AREAS.flatMap((a) => files(join(ROOT, a)))
    .filter((f) => f !== __filename)
    .flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, i, line })))
    .filter(({ line }) => OUTSIDE.test(line))
    .map(({ f, i, line }) => `${relative(ROOT, f)}:${i + 1}: ${line.trim()}`);
  expect(offenders).toEqual([]);
});

it('the reference data the tests read is in the repository', () => {
  const ref = join(ROOT, 'reference/webex-xml-api');
  for (const f of ['SOURCES.md', 'SPEC.md', 'FINDINGS-2026-12.md', 'OKTA-CONNECTOR.md', 'examples/SOURCES.md', 'xsd-2011/service/user/user.xsd']) {
    expect(statSync(join(ref, f)).size).toBeGreaterThan(0);
  }
  expect(readFileSync(join(ref, 'SOURCES.md'), 'utf8')).toMatch(/https:\/\/developer\.cisco\.com\/docs\/webex-xml-api-reference-guide/);
});
