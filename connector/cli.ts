/** `webex-connector` entry point (bin/webex-connector.js loads the compiled file). */
import { runCli } from './cli/main';
import { processIo } from './cli/io';

runCli(process.argv.slice(2), processIo()).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => { process.stderr.write(`${String(error)}\n`); process.exitCode = 1; },
);
