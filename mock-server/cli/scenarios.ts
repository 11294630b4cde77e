/** `webex-mock scenarios` (name + one line) and `webex-mock reproduce NAME|FILE`. */
import { examples, subcommand, usageError, type CliOutput, type Command } from '../../cli-kit/program';
import { createWebexMock } from '../mock';
import { responseText } from '../engine';
// YAML and zod load only for these commands, and fast-xml-parser (pretty printing) only for reproduce.
const bundled = () => require('../control/scenarios/bundled') as typeof import('../control/scenarios/bundled');
const prettyXml = (xml: string): string => (require('./pretty-xml') as typeof import('./pretty-xml')).prettyXml(xml);
import { runReproduce } from './reproduce';
import { scenarioProblem } from './scenario-ref';

export function scenariosCommand(program: Command, output: CliOutput, result: { code: number }): Command {
  const command = subcommand(program, 'scenarios', 'list the bundled scenarios (name and one line)');
  examples(command, ['webex-mock scenarios']);
  return command.action(() => { result.code = listScenarios((s) => output.out(s)); });
}

export function reproduceCommand(program: Command, output: CliOutput, result: { code: number }): Command {
  const command = subcommand(program, 'reproduce', "run a scenario's reproduce request on a fresh in-process mock and print the exchange; exit 0 when the documented outcome happened, 1 when not")
    .argument('<name|file>', 'a bundled scenario (see `webex-mock scenarios`) or a .yaml/.json file')
    .option('--raw', 'print the XML exactly as sent and answered (default: indented for reading)');
  examples(command, ['webex-mock reproduce user-limit-exceeded', 'webex-mock reproduce ./my-scenario.yaml', 'webex-mock reproduce rate-limited --raw']);
  return command.action(async (ref: string, opts: { raw?: boolean }) => {
    const problem = scenarioProblem(ref);
    if (problem) usageError(command, problem);
    const parsed = bundled().loadScenarioRef(ref);
    if (!parsed.scenario.reproduce) usageError(command, `${ref} has no reproduce block`);
    result.code = await reproduce(ref, (s) => output.out(s), { raw: opts.raw, progress: (s) => output.err(s) });
  });
}

export function listScenarios(write: (s: string) => void = (s) => process.stdout.write(s)): number {
  const names = bundled().bundledNames();
  const width = Math.max(...names.map((n) => n.length));
  for (const name of names) write(`${name.padEnd(width)}  ${bundled().loadBundled(name).scenario.description ?? ''}\n`);
  return 0;
}

/** Exit 0 when the documented outcome happened, 1 when it did not. */
export interface ReproduceOptions {
  /** The XML as on the wire instead of indented. */
  raw?: boolean;
  /** Where long steps say what they are doing (stderr in the CLI). */
  progress?: (s: string) => void;
}

/** Users a scenario generates (large sites take seconds to build). */
export function generatedUsers(scenario: { sites?: { name: string; generate?: { count: number } }[] }): { count: number; sites: string[] } {
  const sites = (scenario.sites ?? []).filter((s) => (s.generate?.count ?? 0) > 0);
  return { count: sites.reduce((n, s) => n + s.generate!.count, 0), sites: sites.map((s) => s.name) };
}

/** Say that a large site is being built, and how long it took; returns the "done" call. */
export function announceBuild(scenario: Parameters<typeof generatedUsers>[0], progress?: (s: string) => void): () => void {
  const { count, sites } = generatedUsers(scenario);
  if (!progress || count < 5000) return () => {};
  const started = performance.now();
  progress(`building site ${sites.join(', ')}: ${count.toLocaleString('en-US')} generated users…\n`);
  return () => progress(`built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

export async function reproduce(ref: string, write: (s: string) => void = (s) => process.stdout.write(s), options: ReproduceOptions = {}): Promise<number> {
  const xml = (text: string) => (options.raw ? text.trim() : prettyXml(text));
  const parsed = bundled().loadScenarioRef(ref);
  const spec = parsed.scenario.reproduce;
  if (!spec) throw new Error(`${ref} has no reproduce block`);
  const built = announceBuild(parsed.scenario, options.progress);
  const mock = createWebexMock({ scenario: parsed });
  built();
  write(`# ${parsed.scenario.name ?? ref}: ${parsed.scenario.description ?? ''}\n`);
  const outcome = await runReproduce(mock, spec);
  outcome.steps.forEach((step, i) => {
    const last = i === outcome.steps.length - 1;
    // Repeated requests (rate limits) print once with their results; the last exchange prints in full.
    if (!last && i > 0 && step.request === outcome.steps[i - 1].request) {
      write(`--- request ${i + 1}: same as above → ${step.result}\n`);
      return;
    }
    write(`--- request ${i + 1}${last ? ' (checked)' : ''}\n${xml(step.request)}\n`);
    write(`--- response ${i + 1}: HTTP ${step.response.status}${step.response.dropConnection ? ' (connection dropped)' : ''}${headerLines(step.response.headers)}\n${xml(responseText(step.response))}\n`);
  });
  const e = spec.expect;
  const expected = [e.result, e.exceptionID, e.reason && `"${e.reason}"`, e.value && `value ${e.value}`].filter(Boolean).join(' ');
  if (outcome.ok) {
    write(`=== reproduced: ${expected}\n`);
    return 0;
  }
  write(`=== NOT reproduced (expected ${expected}):\n${outcome.mismatches.map((m) => `  - ${m}`).join('\n')}\n`);
  return 1;
}

function headerLines(h: Record<string, string>): string {
  const extra = Object.entries(h).filter(([k]) => /^(retry-after|x-webex-mock-detail)$/i.test(k));
  return extra.length ? `\n${extra.map(([k, v]) => `${k}: ${v}`).join('\n')}` : '';
}
