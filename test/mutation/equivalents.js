/**
 * conformance/mutation-equivalents.json, read once for report.js and rerun-survivors.js.
 *
 * An entry names one mutant (line + mutator + replacement) or every mutant of a line range (`lines: "60-75"`,
 * optionally one mutator). `original`, when given, is the exact code the mutant replaces (a literal such as
 * `'read-only'`): it tells apart mutants of one line with the same mutator and replacement; `before`, the text that
 * ends just before it on its line (`note:`: every note literal of a table). `source`, when given,
 * must appear in the range's first line: a guard against the entry drifting onto other code when lines move.
 * `kind` is "equivalent" (behaves as the original) or "out-of-reach" (observable only through something the
 * adapter contract does not carry).
 */
const { readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');

/** The code a mutant replaces, cut out of its file's source by its location (1-based lines and columns, as Stryker's report). */
function originalOf(source, m) {
  const lines = source.split('\n');
  const { start, end } = m.location;
  if (start.line === end.line) return lines[start.line - 1]?.slice(start.column - 1, end.column - 1) ?? '';
  return [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join('\n');
}

/** The text of a mutant's first line before it (`note: ` before a literal says the literal is a note). */
function textBefore(source, m) {
  return (source.split('\n')[m.location.start.line - 1] ?? '').slice(0, m.location.start.column - 1);
}

function loadEquivalents(root) {
  const entries = JSON.parse(readFileSync(join(root, 'conformance/mutation-equivalents.json'), 'utf8')).equivalents;
  const sources = new Map();
  const lineOf = (file, n) => {
    if (!sources.has(file)) sources.set(file, existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8').split('\n') : []);
    return sources.get(file)[n - 1] ?? '';
  };
  const stale = [];
  for (const e of entries) {
    const [from, to] = String(e.lines ?? e.line).split('-').map(Number);
    e.from = from; e.to = to ?? from; e.kind = e.kind ?? 'equivalent'; e.used = 0;
    if (e.source && !lineOf(e.file, from).includes(e.source)) stale.push(`${e.file}:${from} no longer reads "${e.source}"`);
  }
  /** The entry that lists mutant `m` of `file` (whose report source is `source`), if any. */
  const entryFor = (file, m, source) => entries.find((e) => e.file === file && m.location.start.line >= e.from && m.location.start.line <= e.to
    && (e.mutator === undefined || e.mutator === m.mutatorName) && (e.replacement === undefined || e.replacement === (m.replacement ?? ''))
    && (e.original === undefined || e.original === originalOf(source, m))
    && (e.before === undefined || textBefore(source, m).trimEnd().endsWith(e.before)));
  return { entries, entryFor, stale };
}

module.exports = { loadEquivalents, originalOf };
