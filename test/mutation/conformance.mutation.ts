/**
 * The conformance suite as Jest tests, for StrykerJS only (`npm run mutation`): one `test` per case, so Stryker's
 * per-test coverage runs just the cases that reach a mutant. A case that fails against the reference connector
 * kills the mutant. Not matched by `npm test` (file name, and jest.config.js roots/testMatch).
 */
import { referenceProvider } from '../../conformance/adapters/load';
import { allCases } from '../../conformance/cases';
import { InProcessTarget } from '../../conformance/emulator/in-process-target';
import { runSuite } from '../../conformance/runner';
import type { Target } from '../../conformance/target';

/** One seed, so every mutant meets the same generated values (a rerun is comparable). */
const SEED = 20261201;
let emulator: InProcessTarget;
/** The shared emulator, kept open between cases (runSuite closes its target when done). */
const shared = (): Target => ({ name: emulator.name, remote: false, controlled: true, open: (def) => emulator.open(def), close: async () => undefined });

/**
 * Once one case has failed the mutant is killed: the remaining cases of this run pass at once. A static mutant
 * (one in a module-level table, such as the connector's attribute mapping) runs every case, so without this a
 * killed static mutant would cost the whole suite (~8 s) instead of the cases up to the first failure.
 */
let killed = false;
/** BAIL=0 runs every selected case even after a failure: to see which cases a hand-applied mutant fails. */
const bail = process.env.BAIL !== '0';

beforeAll(async () => { emulator = await InProcessTarget.start(); });
afterAll(() => emulator.close());

/**
 * Cheap, broad groups first: a static mutant (every case runs) is usually killed by an attribute case, and the
 * slow cases (real Retry-After waits, paging through large sites) then never run for it. Order within a group is kept.
 */
const FIRST = ['attributes', 'features', 'personalUrl'];
const rank = (group: string) => { const i = FIRST.indexOf(group); return i === -1 ? FIRST.length : i; };
const ordered = allCases().map((def, i) => ({ def, i })).sort((a, b) => rank(a.def.group) - rank(b.def.group) || a.i - b.i).map((x) => x.def);

for (const def of ordered) {
  test(`${def.group}/${def.id}`, async () => {
    if (killed) return;
    const report = await runSuite({ provider: referenceProvider(), cases: [def], target: shared(), concurrency: 1, seed: SEED, caseTimeoutMs: 10_000 });
    const r = report.results[0];
    if (r.status === 'pass') return;
    killed = bail;
    throw new Error(`${r.status}: expected ${r.expected ?? ''}; got ${r.actual ?? r.message ?? ''}\n${r.calls.join('\n')}`);
  });
}
