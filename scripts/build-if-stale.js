#!/usr/bin/env node
// `npm start`'s prestart: run `npm run build` only when a source is newer than the last build, so a second
// start does not spend seconds in tsc (issue 14 §4). Sources: the folders tsconfig.build.json includes, the
// tsconfig files and package.json; a deleted or added file changes its folder's mtime, so that counts too.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const stamp = path.join(root, 'dist', '.build-stamp');

function newest(p) {
  let st;
  try { st = fs.statSync(p); } catch { return 0; }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of fs.readdirSync(p)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    max = Math.max(max, newest(path.join(p, name)));
  }
  return max;
}

function sourcesMtime() {
  const config = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8'));
  const inputs = [...(config.include ?? []), 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
  return Math.max(...inputs.map((p) => newest(path.join(root, p))));
}

/** When the last build here started (the stamp), or when a build (`npm ci`'s prepare, `npm run build`) wrote the CLI. */
function builtMtime() {
  let t = -1;
  for (const p of [stamp, path.join(root, 'dist', 'mock-server', 'cli', 'main.js')]) {
    try { t = Math.max(t, fs.statSync(p).mtimeMs); } catch { /* not built */ }
  }
  return t;
}

/** `npm run build` in its own process group, so a SIGTERM/SIGINT to `npm start` stops the whole build too. */
function build(done) {
  const startedAt = new Date();
  const npm = process.env.npm_execpath;
  const child = npm
    ? spawn(process.execPath, [npm, 'run', 'build'], { cwd: root, stdio: 'inherit', detached: true })
    : spawn('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', detached: true });
  const forward = (signal) => {
    try { process.kill(-child.pid, signal); } catch { /* already gone */ }
    process.exit(1);
  };
  process.once('SIGTERM', forward);
  process.once('SIGINT', forward);
  child.on('exit', (code) => {
    if (code !== 0) process.exit(code ?? 1);
    fs.mkdirSync(path.dirname(stamp), { recursive: true });
    fs.writeFileSync(stamp, `${startedAt.toISOString()}\n`);
    fs.utimesSync(stamp, startedAt, startedAt); // a source saved during the build still counts as newer
    done();
  });
}

if (require.main === module) {
  if (builtMtime() >= sourcesMtime()) process.stderr.write('webex-mock: dist/ is up to date (no build)\n');
  else build(() => undefined);
}

module.exports = { sourcesMtime, builtMtime };
