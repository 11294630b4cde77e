/** webex-conformance commands: run (the suite) and list (the cases). Returns the exit code. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AdapterFailure } from '../adapters/failure';
import { moduleProvider, referenceProvider, stdioProvider } from '../adapters/load';
import { allCases, parseGroups, selectCases } from '../cases';
import { GROUPS } from '../cases/types';
import { htmlReport } from '../reports/html';
import { jsonReport } from '../reports/json';
import { junitReport } from '../reports/junit';
import { failureText } from '../reports/text';
import { AdminClient } from '../remote/admin-client';
import { RemoteEmulatorTarget } from '../remote/emulator-target';
import { RemoteTarget, xmlEndpoint } from '../remote/remote-target';
import { runSuite, type CaseResult, type RunReport } from '../runner';
import { CommanderError, cliProgram, examples, processOutput, type CliOutput, runProgram, subcommand, USAGE_EXIT, type Command } from '../../cli-kit/program';
import { adapterArgs, addRunOptions, addSelectOptions, toRunArgs, type RunArgs } from './args';

export type Io = CliOutput;

const processIo: Io = processOutput;

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const result = { code: 0 };
  return runProgram(buildProgram(io, result), argv, result);
}

/** The command tree (the docs test checks every documented command line against it). */
export function buildProgram(io: Io, result: { code: number }): Command {
  const program = cliProgram('webex-conformance', 'Check a Webex Meetings provisioning connector against the webex-mock emulator', io);
  program.addHelpText('after', `
Groups: ${GROUPS.join(', ')}
Exit code: 0 when every Required case passed, 1 when one failed, 2 on a usage error.
`);
  examples(program, ['webex-conformance run', 'webex-conformance run --adapter ./my-adapter.js --junit reports/conformance.xml', 'webex-conformance list --only errors']);

  const runCommand = addRunOptions(subcommand(program, 'run', 'run the suite against a connector (default: the reference connector) on an in-process emulator, or on --url'));
  examples(runCommand, [
    'webex-conformance run --only lifecycle,errors',
    'webex-conformance run --adapter ./my-adapter.js --html report.html',
    'webex-conformance run --adapter-cmd "python3 adapter.py" --case "licence-*"',
    'webex-conformance run --url http://127.0.0.1:8080',
    'webex-conformance run --url http://127.0.0.1:8080 --admin-token "$WEBEX_MOCK_ADMIN_TOKEN" --only errors',
    'webex-conformance run --url https://acme.webex.com --site acme --admin conf.admin --password "$WEBEX_PASSWORD"',
  ]);
  runCommand.action(async () => { result.code = await guarded(runCommand, io, () => run(toRunArgs(runCommand.opts()), io)); });

  const listCommand = addSelectOptions(subcommand(program, 'list', 'list the cases (group, id, Required/Optional, title)'));
  examples(listCommand, ['webex-conformance list', 'webex-conformance list --only attributes']);
  listCommand.action(async () => { result.code = await guarded(listCommand, io, async () => list(toRunArgs(listCommand.opts()), io)); });

  return program;
}

/** A problem with the options found while running (unknown group, no matching case, missing --site) is a usage error. */
async function guarded(command: Command, io: Io, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof CommanderError) throw error;
    if (error instanceof AdapterFailure) {
      io.err(`webex-conformance: ${error.message}\nNo verdict: the suite could not drive the connector (exit code 2).\n`);
      return 2;
    }
    io.err(`webex-conformance: ${error instanceof Error ? error.message : String(error)}\n`);
    return USAGE_EXIT;
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
  const target = args.url ? await remoteTarget(args, io) : undefined;
  if (!args.quiet) io.out(`webex-conformance: ${cases.length} cases against ${provider.name} on ${target?.name ?? 'an in-process webex-mock'}\n`);
  const step = Math.max(1, Math.ceil(cases.length / 10));
  const report = await runSuite({
    // A real site: fewer cases at once, and time for real Retry-After waits; a remote webex-mock is only a network away.
    provider, cases, target, seed: args.seed, concurrency: args.concurrency ?? (target && !target.controlled ? 4 : undefined), rerunArgs: adapterArgs(args),
    caseTimeoutMs: target ? (target.controlled ? 60_000 : 180_000) : undefined,
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

/** A webex-mock (its admin API answers at /_mock) is controlled; anything else is a real site, run in safe mode. */
async function remoteTarget(args: RunArgs, io: Io): Promise<RemoteTarget | RemoteEmulatorTarget> {
  if (!/^https?:\/\/[^/]/i.test(args.url!) || !URL.canParse(args.url!)) throw new Error(`--url ${args.url} is not an http(s) URL (e.g. http://127.0.0.1:8080 or https://acme.webex.com)`);
  const endpoint = xmlEndpoint(args.url!);
  if (await AdminClient.detect(new URL(endpoint).origin, args.url!)) {
    const unused = (['site', 'admin', 'password'] as const).filter((k) => args[k]);
    if (unused.length && !args.quiet) io.out(`webex-conformance: ${args.url} is a webex-mock: ${unused.map((k) => `--${k}`).join(', ')} not used (the suite creates a site of its own for every case)\n`);
    return RemoteEmulatorTarget.start({ endpoint, adminToken: args.adminToken });
  }
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
  io.out(`${s.total} cases in ${(report.durationMs / 1000).toFixed(1)} s: ${s.passed} passed, ${s.requiredFailed} Required failed, ${s.optionalFailed} Optional failed, ${s.skipped} skipped (seed ${report.seed}: --seed ${report.seed} repeats the generated values)\n`);
  io.out(s.requiredFailed === 0 ? 'CONFORMANT: every Required case passed\n' : `NOT CONFORMANT: ${s.requiredFailed} Required case(s) failed\n`);
}
