#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled TypeScript (npm run build).
// `webex-… | head` closes stdout early: that is a normal end, not a crash.
process.stdout.on('error', (e) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
require('../dist/conformance/cli.js');
