/** `webex-mock scenarios` (name + one line) and `webex-mock reproduce NAME|FILE`. */
import { createWebexMock } from '../mock';
import { bundledNames, loadBundled, loadScenarioRef } from '../control/scenarios/bundled';
import { runReproduce } from './reproduce';

export function listScenarios(write: (s: string) => void = (s) => process.stdout.write(s)): number {
  const names = bundledNames();
  const width = Math.max(...names.map((n) => n.length));
  for (const name of names) write(`${name.padEnd(width)}  ${loadBundled(name).scenario.description ?? ''}\n`);
  return 0;
}

/** Exit 0 when the documented outcome happened, 1 when it did not, 2 on a usage problem. */
export async function reproduce(argv: string[], write: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const [ref] = argv;
  if (!ref) {
    process.stderr.write('usage: webex-mock reproduce NAME|FILE   (see webex-mock scenarios)\n');
    return 2;
  }
  const parsed = loadScenarioRef(ref);
  const spec = parsed.scenario.reproduce;
  if (!spec) {
    process.stderr.write(`webex-mock: ${ref} has no reproduce block\n`);
    return 2;
  }
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
    write(`--- response ${i + 1}: HTTP ${step.response.status}${step.response.dropConnection ? ' (connection dropped)' : ''}${headerLines(step.response.headers)}\n${step.response.body}\n`);
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
