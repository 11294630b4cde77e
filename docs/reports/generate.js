#!/usr/bin/env node
/**
 * Regenerates the example conformance reports linked from docs/conformance.md:
 *   node docs/reports/generate.js
 * reference.*        the reference connector (connector/) — every case passes;
 * broken-wrong-path.* a deliberately broken connector (test/broken-connectors/wrong-path.ts) — shows failures.
 * Runs the TypeScript sources directly through @swc/core (a dev dependency), so no build is needed.
 */
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const root = path.join(__dirname, '..', '..');
const { runSuite } = require(path.join(root, 'conformance/runner.ts'));
const { allCases } = require(path.join(root, 'conformance/cases/index.ts'));
const { factoryProvider, referenceProvider } = require(path.join(root, 'conformance/adapters/load.ts'));
const { htmlReport } = require(path.join(root, 'conformance/reports/html.ts'));
const { junitReport } = require(path.join(root, 'conformance/reports/junit.ts'));
const wrongPath = require(path.join(root, 'test/broken-connectors/wrong-path.ts'));

async function generate(name, provider, rerunArgs) {
  const report = await runSuite({ provider, cases: allCases(), rerunArgs });
  fs.writeFileSync(path.join(__dirname, `${name}.html`), htmlReport(report));
  fs.writeFileSync(path.join(__dirname, `${name}.junit.xml`), junitReport(report));
  const s = report.summary;
  console.log(`${name}: ${s.total} cases in ${(report.durationMs / 1000).toFixed(1)} s, ${s.passed} passed, ${s.requiredFailed} Required failed`);
}

(async () => {
  await generate('reference', referenceProvider());
  await generate('broken-wrong-path', factoryProvider('broken example: test/broken-connectors/wrong-path.ts', wrongPath.createAdapter), '--adapter wrong-path-adapter.js');
})().catch((e) => { console.error(e); process.exitCode = 1; });
