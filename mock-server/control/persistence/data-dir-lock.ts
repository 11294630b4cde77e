/**
 * One server per data directory: two `serve --data-dir D` would hand out the same userIds and lose each other's
 * acknowledged writes. The lock is a file created exclusively (O_EXCL) holding the owner's pid; a lock whose
 * process is gone (kill -9, a crash) is stale and taken over. The lock is released on close and on exit.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { DataDirError } from './data-dir';

export const LOCK_FILE = 'webex-mock.lock';

interface LockInfo { pid: number; host: string; startedAt: string }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' ? { pid: info.pid, host: String(info.host ?? ''), startedAt: String(info.startedAt ?? '') } : undefined;
  } catch {
    return undefined; // unreadable or half-written: judged by its pid below (none → stale)
  }
}

export class DataDirLock {
  readonly file: string;
  private held = false;
  private readonly onExit = () => this.release();

  constructor(readonly dir: string) {
    this.file = join(dir, LOCK_FILE);
    for (let attempt = 0; !this.held; attempt++) {
      try {
        const fd = openSync(this.file, 'wx');
        try {
          writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() } satisfies LockInfo));
        } finally {
          closeSync(fd);
        }
        this.held = true;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EEXIST') throw new DataDirError(dir, `cannot create the lock file ${this.file} (${code ?? (e as Error).message})`);
        const owner = readLock(this.file);
        const stale = !owner || (owner.host === hostname() && owner.pid !== process.pid && !alive(owner.pid));
        if (!stale || attempt >= 3) {
          throw new DataDirError(dir, `is in use by webex-mock pid ${owner?.pid ?? '?'}${owner?.host && owner.host !== hostname() ? ` on ${owner.host}` : ''} (since ${owner?.startedAt || '?'}; lock file ${this.file})`,
            'stop that server, or give this one another --data-dir');
        }
        try {
          unlinkSync(this.file); // stale: its process is gone
        } catch { /* another starter took it over first; try again */ }
      }
    }
    process.once('exit', this.onExit);
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    process.removeListener('exit', this.onExit);
    try {
      if (readLock(this.file)?.pid === process.pid) unlinkSync(this.file);
    } catch { /* already gone */ }
  }
}
