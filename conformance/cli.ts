#!/usr/bin/env node
/** webex-conformance: entry point (bin/webex-conformance.js loads the compiled file). Logic in cli/main.ts. */
import { main } from './cli/main';

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: unknown) => {
  process.stderr.write(`webex-conformance: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
