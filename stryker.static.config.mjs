// `npm run mutation:static`: the static mutants of the connector's attribute mapping table
// (connector/mapping/attributes.ts, evaluated once at load), which `npm run mutation` ignores to fit an hour.
// Each one runs every case up to the first failure (test/mutation/conformance.mutation.ts runs the cheap
// attribute cases first); a survivor costs the whole suite. Report: docs/reports/mutation-static/.
import { createRequire } from 'node:module';

const base = createRequire(import.meta.url)('./stryker.config.json');

export default {
  ...base,
  mutate: ['connector/mapping/attributes.ts'],
  ignoreStatic: false,
  incremental: false,
  incrementalFile: undefined,
  htmlReporter: { fileName: 'docs/reports/mutation-static/index.html' },
  jsonReporter: { fileName: 'docs/reports/mutation-static/mutation.json' },
};
