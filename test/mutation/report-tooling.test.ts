/**
 * The mutation report's own tooling (test/mutation/merge.js, report.js): how reruns merge into a report and
 * that the committed report's equivalents all still point at the code they describe.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { mergeReports } = require('./merge') as { mergeReports: (paths: string[]) => Map<string, { source: string; mutants: Mutant[] }> };

interface Mutant { id: string; mutatorName: string; replacement?: string; status: string; location: { start: { line: number; column: number }; end: { line: number; column: number } } }

const dir = mkdtempSync(join(tmpdir(), 'wm-mutation-'));
let n = 0;
function report(files: Record<string, { source: string; mutants: Mutant[] }>): string {
  const path = join(dir, `r${n++}.json`);
  writeFileSync(path, JSON.stringify({ schemaVersion: '1', thresholds: {}, files }));
  return path;
}
const at = (line: number, status: string, mutatorName = 'StringLiteral', replacement = '""'): Mutant =>
  ({ id: `${line}${mutatorName}`, mutatorName, replacement, status, location: { start: { line, column: 1 }, end: { line, column: 9 } } });

describe('mergeReports', () => {
  const source = 'a\nb\nc\n';
  const full = report({ 'x.ts': { source, mutants: [at(1, 'Killed'), at(2, 'Survived'), at(3, 'Ignored')] } });

  test('a rerun of some lines replaces only those mutants', () => {
    const rerun = report({ 'x.ts': { source, mutants: [at(2, 'Killed')] } });
    const statuses = mergeReports([full, rerun]).get('x.ts')!.mutants.map((m) => `${m.location.start.line}:${m.status}`).sort();
    expect(statuses).toEqual(['1:Killed', '2:Killed', '3:Ignored']);
  });

  test('a later Ignored keeps the earlier result; a later real result replaces an Ignored one', () => {
    const staticRun = report({ 'x.ts': { source, mutants: [at(1, 'Ignored'), at(3, 'Survived')] } });
    const statuses = mergeReports([full, staticRun]).get('x.ts')!.mutants.map((m) => `${m.location.start.line}:${m.status}`).sort();
    expect(statuses).toEqual(['1:Killed', '2:Survived', '3:Survived']);
  });

  test('a file whose source changed is replaced whole', () => {
    const changed = report({ 'x.ts': { source: 'a\nB\n', mutants: [at(2, 'Killed')] } });
    expect(mergeReports([full, changed]).get('x.ts')!.mutants.map((m) => m.location.start.line)).toEqual([2]);
  });

  test('mutants differing only in mutator or replacement stay apart', () => {
    const other = report({ 'x.ts': { source, mutants: [at(2, 'Killed', 'StringLiteral', '"Stryker was here!"')] } });
    expect(mergeReports([full, other]).get('x.ts')!.mutants.filter((m) => m.location.start.line === 2).map((m) => m.status).sort()).toEqual(['Killed', 'Survived']);
  });
});

test('report.js writes the score of the committed reports and every equivalent entry still matches its code', () => {
  const out = join(dir, 'out.md');
  const stdout = execFileSync(process.execPath, [join(__dirname, 'report.js')], { cwd: join(__dirname, '../..'), env: { ...process.env, MUTATION_REPORT_OUT: out }, encoding: 'utf8' });
  expect(stdout).toMatch(/Mutation score: \d+\.\d%/);
});

describe('equivalents', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { originalOf } = require('./equivalents') as { originalOf: (source: string, m: Mutant) => string };
  test('originalOf cuts out the code a mutant replaces (1-based columns, as Stryker reports them), also over several lines', () => {
    const source = "const a = { access: 'read-only', note: 'x' };\nif (y) {\n  z();\n}\n";
    expect(originalOf(source, { ...at(1, 'Survived'), location: { start: { line: 1, column: 21 }, end: { line: 1, column: 32 } } })).toBe("'read-only'");
    expect(originalOf(source, { ...at(2, 'Survived'), location: { start: { line: 2, column: 8 }, end: { line: 4, column: 2 } } })).toBe('{\n  z();\n}');
  });
});
