/**
 * Merging Stryker JSON reports (the full run, the static run, reruns of survivors' lines) mutant by mutant:
 * on the same source a later result replaces the earlier one of the same mutant, except that a later "Ignored"
 * (not run this time) keeps an earlier real result; a file whose source changed is replaced whole.
 */
const { readFileSync, existsSync, statSync } = require('node:fs');
const { join } = require('node:path');

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

/** Every committed report there is (full run, static run, survivors' reruns), oldest first: the latest result wins. */
function reportsByAge(root) {
  return ['mutation', 'mutation-static', 'mutation-rerun'].map((d) => join(root, 'docs/reports', d, 'mutation.json'))
    .filter((f) => existsSync(f)).map((f, i) => ({ f, i, t: statSync(f).mtimeMs })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.f);
}

module.exports = { mergeReports, reportsByAge };
