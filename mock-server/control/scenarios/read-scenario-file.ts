/**
 * Read a scenario file with a bound: a regular file only (so `/dev/zero`, a FIFO or a terminal never reads
 * forever), at most MAX_SCENARIO_FILE_BYTES (read up to one byte past the bound, in case the file grows).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { MAX_SCENARIO_FILE_BYTES } from '../limits';
import { StartupError } from '../startup-error';

export class ScenarioFileError extends StartupError {}

export function readScenarioFile(path: string, maxBytes = MAX_SCENARIO_FILE_BYTES): string {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new ScenarioFileError(`--scenario ${path}: is not a regular file; give a .yaml or .json file`);
    size = st.size;
  } catch (e) {
    if (e instanceof ScenarioFileError) throw e;
    throw new ScenarioFileError(`--scenario ${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const tooLarge = () => new ScenarioFileError(`--scenario ${path}: is larger than ${maxBytes / (1024 * 1024)} MiB; a scenario describes sites (use generate: for many users), it does not list them`);
  if (size > maxBytes) throw tooLarge();
  const buf = Buffer.alloc(Math.min(size, maxBytes) + 1);
  const fd = openSync(path, 'r');
  let read = 0;
  try {
    for (let n = 1; n > 0 && read < buf.length; read += n) n = readSync(fd, buf, read, buf.length - read, null);
  } finally {
    closeSync(fd);
  }
  if (read > maxBytes) throw tooLarge();
  return buf.subarray(0, read).toString('utf8');
}
