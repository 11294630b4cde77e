#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled TypeScript (npm run build).
// `webex-… | head` closes stdout early: that is a normal end, not a crash.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
require('../dist/mock-server/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => { if (code) process.exitCode = code; }, (e) => { process.stderr.write(`webex-mock: ${e.message}\n`); process.exitCode = 1; });
