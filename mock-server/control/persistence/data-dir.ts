/**
 * Make sure `--data-dir` names a directory this process can write, before SQLite opens a file in it, and say
 * what is wrong in one line (flag, path, fix) instead of a bare EEXIST, "unable to open database file", or a
 * hang: Node's recursive mkdir spins forever under /proc, so missing levels are created one at a time.
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StartupError } from '../startup-error';

export class DataDirError extends StartupError {
  constructor(readonly dir: string, problem: string, fix = 'give a directory this user can write, e.g. --data-dir ./.webex-mock') {
    super(`--data-dir ${dir}: ${problem}; ${fix}`);
  }
}

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

export function prepareDataDir(dir: string): void {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    try {
      const st = statSync(at);
      if (!st.isDirectory()) {
        throw new DataDirError(dir, at === resolve(dir) ? 'is a file, not a directory' : `${at} is a file, not a directory`);
      }
      break;
    } catch (e) {
      if (e instanceof DataDirError) throw e;
      if (code(e) !== 'ENOENT') throw new DataDirError(dir, `cannot be inspected (${code(e)})`);
      missing.unshift(at);
      if (dirname(at) === at) break;
      at = dirname(at);
    }
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (e) {
      if (code(e) !== 'EEXIST') throw new DataDirError(dir, `cannot create ${level} (${code(e)})`);
    }
  }
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (e) {
    throw new DataDirError(dir, `is not writable (${code(e)})`);
  }
}
