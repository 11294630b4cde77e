/** `webex-mock scenarios` (name + one line) and `webex-mock reproduce NAME|FILE`. */
import type { Command } from 'commander';
import { examples, subcommand, usageError, type CliOutput } from '../../cli-kit/program';
import { createWebexMock } from '../mock';
import { responseText } from '../engine';
// YAML and zod load only for these commands.
const bundled = () => require('../control/scenarios/bundled') as typeof import('../control/scenarios/bundled');
import { runReproduce } from './reproduce';
import { scenarioProblem } from './scenario-ref';

export function scenariosCommand(program: Command, output: CliOutput, result: { code: number }): Command {
  const command = subcommand(program, 'scenarios', 'list the bundled scenarios (name and one line)');
  examples(command, ['webex-mock scenarios']);
  return command.action(() => { result.code = listScenarios((s) => output.out(s)); });
}

export function reproduceCommand(program: Command, output: CliOutput, result: { code: number }): Command {
  const command = subcommand(program, 'reproduce', "run a scenario's reproduce request on a fresh in-process mock and print the exchange; exit 0 when the documented outcome happened, 1 when not")
    .argument('<name|file>', 'a bundled scenario (see `webex-mock scenarios`) or a .yaml/.json file');
  examples(command, ['webex-mock reproduce user-limit-exceeded', 'webex-mock reproduce ./my-scenario.yaml']);
  return command.action(async (ref: string) => {
    const problem = scenarioProblem(ref);
    if (problem) usageError(command, problem);
    const parsed = bundled().loadScenarioRef(ref);
    if (!parsed.scenario.reproduce) usageError(command, `${ref} has no reproduce block`);
    result.code = await reproduce(ref, (s) => output.out(s));
  });
}

export function listScenarios(write: (s: string) => void = (s) => process.stdout.write(s)): number {
  const names = bundled().bundledNames();
  const width = Math.max(...names.map((n) => n.length));
  for (const name of names) write(`${name.padEnd(width)}  ${bundled().loadBundled(name).scenario.description ?? ''}\n`);
  return 0;
}

/** Exit 0 when the documented outcome happened, 1 when it did not. */
export async function reproduce(ref: string, write: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const parsed = bundled().loadScenarioRef(ref);
  const spec = parsed.scenario.reproduce;
  if (!spec) throw new Error(`${ref} has no reproduce block`);
  const mock = createWebexMock({ scenario: parsed });
  write(`# ${parsed.scenario.name ?? ref}: ${parsed.scenario.description ?? ''}\n`);
  const outcome = await runReproduce(mock, spec);
  outcome.steps.forEach((step, i) => {
    const last = i === outcome.steps.length - 1;
    // Repeated requests (rate limits) print once with their results; the last exchange prints in full.
    if (!last && i > 0 && step.request === outcome.steps[i - 1].request) {
      write(`--- request ${i + 1}: same as above → ${step.result}\n`);
      return;
    }
    write(`--- request ${i + 1}${last ? ' (checked)' : ''}\n${step.request.trim()}\n`);
    write(`--- response ${i + 1}: HTTP ${step.response.status}${step.response.dropConnection ? ' (connection dropped)' : ''}${headerLines(step.response.headers)}\n${responseText(step.response)}\n`);
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
