/**
 * Stop a server the way a process manager expects on SIGTERM: accept no new connections, let the requests in
 * flight finish (a request held by a latency fault gets its answer), close keep-alive connections as they fall
 * idle, and after `graceMs` cut whatever is left. Resolves when every connection is gone.
 */
import type { Server } from 'node:http';

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

export function gracefulClose(server: Server, graceMs = DEFAULT_SHUTDOWN_GRACE_MS): Promise<void> {
  return new Promise((resolve) => {
    // A keep-alive connection that finishes its request is idle: close it then, not after keepAliveTimeout.
    const closeIdle = () => server.closeIdleConnections();
    const idleTimer = setInterval(closeIdle, 50);
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(idleTimer);
      clearTimeout(deadline);
      resolve();
    });
    closeIdle();
  });
}
