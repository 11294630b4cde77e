/**
 * Merging Stryker JSON reports (the full run, the static run, reruns of survivors' lines) mutant by mutant:
 * on the same source a later result replaces the earlier one of the same mutant, except that a later "Ignored"
 * (not run this time) keeps an earlier real result; a file whose source changed is replaced whole.
 */
const { readFileSync } = require('node:fs');

const mutantKey = (m) => `${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column} ${m.mutatorName} ${m.replacement ?? ''}`;

/** Map of file path (as the reports name it) → { source, mutants } over the given report files, in order. */
function mergeReports(paths) {
  const byFile = new Map();
  for (const input of paths) {
    const report = JSON.parse(readFileSync(input, 'utf8'));
    for (const [file, entry] of Object.entries(report.files)) {
      const earlier = byFile.get(file);
      if (!earlier || earlier.source !== entry.source) { byFile.set(file, { source: entry.source, mutants: [...entry.mutants] }); continue; }
      const merged = new Map(earlier.mutants.map((m) => [mutantKey(m), m]));
      for (const m of entry.mutants) {
        const before = merged.get(mutantKey(m));
        if (!(m.status === 'Ignored' && before && before.status !== 'Ignored')) merged.set(mutantKey(m), m);
      }
      byFile.set(file, { source: entry.source, mutants: [...merged.values()] });
    }
  }
  return byFile;
}

module.exports = { mergeReports };
