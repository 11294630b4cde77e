#!/usr/bin/env node
/**
 * `npm run mutation:survivors`: after new or sharper cases, run Stryker again on the lines of the survivors (those
 * not listed in conformance/mutation-equivalents.json) only, forced (the incremental file cannot tell that a case
 * changed), and merge the result into docs/reports/mutation-rerun/ mutant by mutant, then rewrite the report.
 * Minutes instead of the full hour; the lines' other mutants run again too. A killed mutant stays killed while
 * cases are only added or sharpened: after removing or weakening a case, run the full `npx stryker run --force`.
 */
const { readFileSync, writeFileSync, existsSync, mkdirSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');
const { mergeReports, reportsByAge } = require('./merge');
const { loadEquivalents } = require('./equivalents');

const ROOT = join(__dirname, '..', '..');
const report = (dir) => join(ROOT, 'docs/reports', dir, 'mutation.json');
const RERUN = report('mutation-rerun');
const LATEST = join(ROOT, '.stryker-tmp-rerun.json');
/** --with-timeouts: rerun timed-out mutants too (a run on a busy machine times out mutants that would survive). */
const WITH_TIMEOUTS = process.argv.includes('--with-timeouts');
const reports = reportsByAge(ROOT);
/** The last result of every mutant, read once. */
const merged = mergeReports(reports);

const { entryFor } = loadEquivalents(ROOT);

/** Lines of every unlisted survivor, per file. */
const lines = new Map();
let staticSurvivor = false;
for (const [file, entry] of merged) {
  for (const m of entry.mutants) {
    const rerun = m.status === 'Survived' || m.status === 'NoCoverage' || (WITH_TIMEOUTS && m.status === 'Timeout');
    if (!rerun || entryFor(file, m, entry.source)) continue;
    if (!lines.has(file)) lines.set(file, new Set());
    for (let l = m.location.start.line; l <= m.location.end.line; l++) lines.get(file).add(l);
    staticSurvivor ||= m.static === true;
  }
}
/**
 * A file changed since its last report is run whole (its old results do not describe it, and a line range of
 * a changed file would replace the file's whole entry); otherwise contiguous runs of survivors' lines as Stryker's
 * mutation ranges, `file:from-to`.
 */
const mutate = [];
const changed = [...merged].filter(([file, entry]) => existsSync(join(ROOT, file)) && readFileSync(join(ROOT, file), 'utf8') !== entry.source).map(([file]) => file);
for (const file of changed) { mutate.push(file); lines.delete(file); }
for (const [file, set] of [...lines].sort()) {
  const sorted = [...set].sort((a, b) => a - b);
  let from = sorted[0];
  for (let i = 1; i <= sorted.length; i++) {
    if (sorted[i] !== sorted[i - 1] + 1) { mutate.push(`${file}:${from}-${sorted[i - 1]}`); from = sorted[i]; }
  }
}
if (mutate.length === 0) { process.stdout.write('no unlisted survivors: nothing to rerun\n'); process.exit(0); }
if (process.argv.includes('--list')) { process.stdout.write(`${mutate.join('\n')}\n`); process.exit(0); }
process.stdout.write(`rerunning ${changed.length} changed files whole and ${mutate.length - changed.length} survivors' line ranges in ${lines.size} files\n`);

const base = JSON.parse(readFileSync(join(ROOT, 'stryker.config.json'), 'utf8'));
const config = {
  ...base, mutate, incremental: false,
  // Generous: a survivor runs every case that reaches it (a static one, the whole suite), and a timeout counts as detected.
  timeoutMS: 30_000, timeoutFactor: 3,
  // Static survivors (the mapping table, from `npm run mutation:static`) are rerun too.
  ignoreStatic: base.ignoreStatic && !staticSurvivor && !existsSync(report('mutation-static')),
  reporters: ['json', 'progress', 'clear-text'], jsonReporter: { fileName: LATEST },
};
delete config.incrementalFile;
delete config.$schema;
const configFile = join(ROOT, '.stryker-rerun.config.json');
writeFileSync(configFile, JSON.stringify(config, null, 2));
const stryker = spawnSync(process.execPath, [join(ROOT, 'node_modules/@stryker-mutator/core/bin/stryker.js'), 'run', configFile], { cwd: ROOT, stdio: 'inherit' });
rmSync(configFile, { force: true });
if (stryker.status !== 0) process.exit(stryker.status ?? 1);

const files = Object.fromEntries(mergeReports([...(existsSync(RERUN) ? [RERUN] : []), LATEST]));
const latest = JSON.parse(readFileSync(LATEST, 'utf8'));
mkdirSync(join(ROOT, 'docs/reports/mutation-rerun'), { recursive: true });
writeFileSync(RERUN, JSON.stringify({ ...latest, files }));
rmSync(LATEST, { force: true });
const result = spawnSync(process.execPath, [join(__dirname, 'report.js')], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, MUTATION_COMMAND: 'npm run mutation:survivors' } });
process.exit(result.status ?? 1);
