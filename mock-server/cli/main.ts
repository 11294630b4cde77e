/** `webex-mock`: serve the emulator. Each command lives in its own module; this file only dispatches. */
import { listScenarios, reproduce } from './scenarios';
import { SERVE_USAGE, serve } from './serve';

const USAGE = `Usage: webex-mock <command> [options]

Commands:
${SERVE_USAGE}
  scenarios List the bundled scenarios (name and one line)
  reproduce NAME|FILE
            Run a scenario's reproduce request on a fresh in-process mock; print request and response;
            exit 0 when the documented outcome happened

Run 'webex-mock help' for this text.`;

export { serve };

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await serve(rest);
      return 0;
    case 'scenarios':
      return listScenarios();
    case 'reproduce':
      return reproduce(rest);
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`webex-mock: unknown command ${command}\n${USAGE}\n`);
      return 2;
  }
}

if (require.main === module) {
  main().then((code) => { if (code !== 0) process.exitCode = code; }, (e: Error) => {
    process.stderr.write(`webex-mock: ${e.message}\n`);
    process.exitCode = 1;
  });
}
