#!/usr/bin/env node
/**
 * Writes docs/reports/mutation.md from Stryker's JSON report (`npm run mutation` runs it after Stryker):
 * the score over non-equivalent mutants, survivors by file, and the equivalents of
 * conformance/mutation-equivalents.json with their reasons.
 * Usage: node test/mutation/report.js [mutation.json ...] (default: docs/reports/mutation{,-static,-rerun}/mutation.json, oldest first)
 */
const { readFileSync, writeFileSync, existsSync } = require('node:fs');
const { mergeReports, reportsByAge } = require('./merge');
const { loadEquivalents } = require('./equivalents');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '../..');
/** By default every report there is, oldest first, so the latest result of a mutant wins (see merge.js). */
const inputs = process.argv.slice(2).length ? process.argv.slice(2) : reportsByAge(ROOT);
const RUN_NOTES = join(ROOT, 'docs/reports/mutation-run.md');
const { entries: equivalents, entryFor, stale } = loadEquivalents(ROOT);
const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, CompileError: 0, RuntimeError: 0, Ignored: 0, Equivalent: 0, OutOfReach: 0 };
const survivors = new Map();
/** Reasons Stryker gives for ignored mutants (a `// Stryker disable` comment's text, or static) → count. */
const ignoredWhy = new Map();
const files = new Set();
/** Later reports (reruns of some files or lines, the static run) merged into earlier ones mutant by mutant (merge.js). */
const byFile = new Map([...mergeReports(inputs)].map(([path, file]) => [relative(ROOT, join(ROOT, path)).replace(/\\/g, '/'), file]));
{
  for (const [rel, file] of byFile) {
    files.add(rel);
    for (const m of file.mutants) {
      const listed = (m.status === 'Survived' || m.status === 'NoCoverage') ? entryFor(rel, m, file.source) : undefined;
      if (listed) { listed.used++; counts[listed.kind === 'out-of-reach' ? 'OutOfReach' : 'Equivalent']++; continue; }
      counts[m.status] = (counts[m.status] ?? 0) + 1;
      if (m.status === 'Ignored') { const k = `${rel}: ${m.statusReason ?? 'ignored'}`; ignoredWhy.set(k, (ignoredWhy.get(k) ?? 0) + 1); }
      if (m.status === 'Survived' || m.status === 'NoCoverage') {
        if (!survivors.has(rel)) survivors.set(rel, []);
        survivors.get(rel).push(m);
      }
    }
  }
}
const detected = counts.Killed + counts.Timeout;
const valid = detected + counts.Survived + counts.NoCoverage;
const pct = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
const lines = [
  '# Mutation testing of the reference connector',
  '',
  `Mutation score: ${pct(detected, valid)}`,
  '',
  // What the figures alone do not say (when, on which commit, on how busy a machine, what was left out): written by hand.
  ...(existsSync(RUN_NOTES) ? [readFileSync(RUN_NOTES, 'utf8').trim(), ''] : []),
  `Of ${valid} non-equivalent mutants, ${counts.Killed} were killed by a conformance case, ${counts.Timeout} timed out (counted as detected, as Stryker does; `
    + `with timeouts counted as survivors the score is ${pct(counts.Killed, valid)}), ${counts.Survived} survived, ${counts.NoCoverage} were reached by no case. `
    + `${counts.Equivalent} equivalent mutants and ${counts.OutOfReach} out of the adapter contract's reach (both listed with their reasons in conformance/mutation-equivalents.json, below) are left out `
    + `(counting the out-of-reach ones as survivors, the score is ${pct(detected, valid + counts.OutOfReach)}); `
    + `${counts.CompileError} did not compile (TypeScript checker); ${counts.Ignored} were ignored: static mutants (see stryker.config.json) and code out of the suite's reach, marked in the source with the reason (listed below).`,
  '',
  `Files mutated: ${[...files].sort().map((f) => `\`${f}\``).join(', ')}.`,
  '',
  `Command: \`${process.env.MUTATION_COMMAND ?? 'npm run mutation'}\` — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. `
    + `Stryker's HTML reports: ${inputs.map((i) => i.replace(/mutation\.json$/, 'index.html')).filter((h) => existsSync(h)).map((h) => `[${relative(join(ROOT, 'docs/reports'), h)}](${relative(join(ROOT, 'docs/reports'), h)})`).join(', ') || 'none'} `
    + `(JSON: ${inputs.map((i) => `\`${relative(ROOT, i)}\``).join(', ')}).`,
  '',
  '## Survivors by file',
  '',
];
if (survivors.size === 0) lines.push('None.');
for (const [file, mutants] of [...survivors].sort()) {
  lines.push(`### ${file}`, '', '| line | mutator | replacement | status |', '|---|---|---|---|');
  for (const m of mutants.sort((a, b) => a.location.start.line - b.location.start.line)) {
    lines.push(`| ${m.location.start.line} | ${m.mutatorName} | \`${String(m.replacement ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 80)}\` | ${m.status} |`);
  }
  lines.push('');
}
lines.push('## Equivalent and out-of-reach mutants (conformance/mutation-equivalents.json)', '');
for (const e of equivalents) {
  const where = e.from === e.to ? `${e.from}` : `${e.from}–${e.to}`;
  lines.push(`- ${e.used} × \`${e.file}\` ${where}${e.mutator ? ` ${e.mutator}` : ''}${e.replacement ? ` \`${String(e.replacement).replace(/\|/g, '\\|')}\`` : ''} (${e.kind}): ${e.reason}`);
}
if (stale.length) lines.push('', `**Stale entries** (fix conformance/mutation-equivalents.json): ${stale.join('; ')}`);
lines.push('');
lines.push('## Ignored mutants', '');
for (const [why, n] of [...ignoredWhy].sort()) lines.push(`- ${n} × ${why.replace(/\s+/g, ' ')}`);
if (ignoredWhy.size === 0) lines.push('None.');
lines.push('');
writeFileSync(process.env.MUTATION_REPORT_OUT ?? join(ROOT, 'docs/reports/mutation.md'), `${lines.join('\n').trimEnd()}\n`);
process.stdout.write(`${lines[2]} (docs/reports/mutation.md)\n`);
if (stale.length) { process.stderr.write(`stale entries in conformance/mutation-equivalents.json:\n  ${stale.join('\n  ')}\n`); process.exit(1); }
