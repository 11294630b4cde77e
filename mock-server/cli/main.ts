/** `webex-mock`: serve the emulator. Each command lives in its own module; this file only assembles them. */
import { cliProgram, examples, processOutput, runProgram, type CliOutput, type Command } from '../../cli-kit/program';
import { reproduceCommand, scenariosCommand } from './scenarios';
import { serveCommand } from './serve';

/** Resolves to the exit code: 0 ok, 1 an operation failed, 2 a usage error. `serve` resolves once listening. */
export async function main(argv = process.argv.slice(2), output: CliOutput = processOutput): Promise<number> {
  const result = { code: 0 };
  return runProgram(buildProgram(output, result), argv, result);
}

/** The command tree (the docs test checks every documented command line against it). */
export function buildProgram(output: CliOutput, result: { code: number }): Command {
  const program = cliProgram('webex-mock', 'A faithful, stateful emulator of the Cisco Webex Meetings XML API', output);
  serveCommand(program, output);
  scenariosCommand(program, output, result);
  reproduceCommand(program, output, result);
  examples(program, ['webex-mock serve', 'webex-mock serve --help', 'webex-mock scenarios', 'webex-mock reproduce user-limit-exceeded']);
  return program;
}

if (require.main === module) {
  main().then((code) => { if (code !== 0) process.exitCode = code; }, (e: Error) => {
    process.stderr.write(`webex-mock: ${e.message}\n`);
    process.exitCode = 1;
  });
}
