/** webex-conformance commands: run (the suite) and list (the cases). Returns the exit code. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { moduleProvider, referenceProvider, stdioProvider } from '../adapters/load';
import { allCases, parseGroups, selectCases } from '../cases';
import { GROUPS } from '../cases/types';
import { htmlReport } from '../reports/html';
import { jsonReport } from '../reports/json';
import { junitReport } from '../reports/junit';
import { failureText } from '../reports/text';
import { RemoteTarget } from '../remote/remote-target';
import { runSuite, type CaseResult, type RunReport } from '../runner';
import { adapterArgs, parseRunArgs, type RunArgs } from './args';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

export const USAGE = `webex-conformance — check a Webex Meetings provisioning connector against the webex-mock emulator

Usage:
  webex-conformance run [--adapter PATH | --adapter-cmd "COMMAND"] [--only GROUP[,GROUP]] [--case ID]...
                        [--junit FILE] [--html FILE] [--json FILE] [--concurrency N] [--verbose] [--quiet]
                        [--url URL --site NAME --admin WEBEXID --password PASSWORD [--email-domain DOMAIN]]
  webex-conformance list [--only GROUP]

  (no adapter)       check the reference connector (connector/)
  --adapter PATH     a CommonJS module exporting createAdapter(config) (see docs/sections/conformance.md)
  --adapter-cmd CMD  a program speaking the JSON-lines adapter protocol on stdin/stdout
  --only GROUP       ${GROUPS.join(', ')}
  --case ID          a case id, * as wildcard (repeatable)
  --url URL          a running webex-mock or a real Webex site instead of the in-process emulator: safe mode
                     (users wmconf-<run>-*, only those touched, deactivated at the end); cases that need control
                     of the site (features, licences, faults) are skipped with the reason
Exit code: 0 when every Required case passed, 1 when one failed, 2 on a usage error.
`;

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run': return await run(parseRunArgs(rest), io);
      case 'list': return list(parseRunArgs(rest), io);
      case undefined: case 'help': case '--help': case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.err(`unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    io.err(`webex-conformance: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

function selected(args: RunArgs) {
  const cases = selectCases(allCases(), { groups: args.only ? parseGroups(args.only) : undefined, ids: args.cases });
  if (cases.length === 0) throw new Error('no case matches --only / --case (see webex-conformance list)');
  return cases;
}

function list(args: RunArgs, io: Io): number {
  for (const c of selected(args)) io.out(`${c.group.padEnd(12)} ${c.id.padEnd(56)} ${c.required ? 'Required' : 'Optional'}  ${c.title}\n`);
  return 0;
}

async function run(args: RunArgs, io: Io): Promise<number> {
  const cases = selected(args);
  const provider = args.adapterCmd ? stdioProvider(args.adapterCmd) : args.adapter ? moduleProvider(args.adapter) : referenceProvider();
  const target = args.url ? await remoteTarget(args) : undefined;
  if (!args.quiet) io.out(`webex-conformance: ${cases.length} cases against ${provider.name} on ${target?.name ?? 'an in-process webex-mock'}\n`);
  const step = Math.max(1, Math.ceil(cases.length / 10));
  const report = await runSuite({
    provider, cases, target, concurrency: args.concurrency ?? (target ? 4 : undefined), rerunArgs: adapterArgs(args),
    // A real site is slower and its Retry-After waits are real.
    caseTimeoutMs: target ? 180_000 : undefined,
    onResult: (r, done, total) => {
      if (args.quiet) return;
      if (r.status === 'fail') io.out(`  ✗ ${r.group}/${r.id}${r.required ? '' : ' (optional)'}: expected ${r.expected}; got ${r.actual}\n`);
      if (done % step === 0 || done === total) io.out(`  [${String(done).padStart(String(total).length)}/${total}]\n`);
    },
  });
  writeReports(report, args, io);
  printSummary(report, args, io);
  if (target?.cleanupSummary) io.out(`${target.cleanupSummary}\n`);
  return report.summary.requiredFailed === 0 ? 0 : 1;
}

async function remoteTarget(args: RunArgs): Promise<RemoteTarget> {
  const missing = (['site', 'admin', 'password'] as const).filter((k) => !args[k]);
  if (missing.length) throw new Error(`--url needs ${missing.map((k) => `--${k}`).join(', ')} (or WEBEX_SITE, WEBEX_ADMIN, WEBEX_PASSWORD)`);
  return RemoteTarget.start({ url: args.url!, siteName: args.site!, admin: args.admin!, password: args.password!, emailDomain: args.emailDomain ?? 'example.com' });
}

function writeReports(report: RunReport, args: RunArgs, io: Io): void {
  const write = (file: string | undefined, text: string, kind: string) => {
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    if (!args.quiet) io.out(`  ${kind} report: ${file}\n`);
  };
  write(args.junit, junitReport(report), 'JUnit');
  write(args.json, jsonReport(report), 'JSON');
  write(args.html, htmlReport(report), 'HTML');
}

function printSummary(report: RunReport, args: RunArgs, io: Io): void {
  const s = report.summary;
  const failures = report.results.filter((r): r is CaseResult => r.status === 'fail');
  if (failures.length > 0 && !args.quiet) {
    io.out('\nFailures:\n');
    for (const r of failures) {
      const text = args.verbose ? failureText(r) : failureText({ ...r, exchanges: undefined });
      io.out(`${text}\n\n`);
    }
  }
  io.out(`${s.total} cases in ${(report.durationMs / 1000).toFixed(1)} s: ${s.passed} passed, ${s.requiredFailed} Required failed, ${s.optionalFailed} Optional failed, ${s.skipped} skipped\n`);
  io.out(s.requiredFailed === 0 ? 'CONFORMANT: every Required case passed\n' : `NOT CONFORMANT: ${s.requiredFailed} Required case(s) failed\n`);
}
