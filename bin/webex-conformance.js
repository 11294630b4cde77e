#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled TypeScript (npm run build).
require('../dist/conformance/cli.js');
