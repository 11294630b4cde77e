/** One autocannon run against a loopback URL; every answer is checked for a Webex SUCCESS. */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers that were not HTTP 200 + SUCCESS (a bench of failures would measure the wrong path). */
  failures: number;
  errors: number;
  /**
   * CPU time per request (µs, user + system, every thread) of the server process and of this load generator:
   * which side was the bottleneck. Undefined where /proc is missing (not Linux) or no server pid was given.
   */
  serverCpuUs?: number;
  clientCpuUs: number;
}

export interface LoadOptions {
  url: string;
  /** A fixed body, or one built per request (unique ids). */
  body: string | (() => string);
  seconds: number;
  connections?: number;
  /** The server's process id, to read its CPU time from /proc. */
  serverPid?: number;
}

/** utime + stime of a process in µs (all its threads: GC helpers count), or undefined without /proc. */
export function processCpuUs(pid: number): number | undefined {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
/** USER_HZ: 100 on every Linux build node supports. */
const CLOCK_TICKS = 100;

export async function load(opts: LoadOptions): Promise<LoadResult> {
  let failures = 0;
  const build = typeof opts.body === 'function' ? opts.body : undefined;
  const serverBefore = opts.serverPid === undefined ? undefined : processCpuUs(opts.serverPid);
  const clientBefore = process.cpuUsage();
  const result = await autocannon({
    url: opts.url,
    method: 'POST',
    connections: opts.connections ?? 10,
    duration: opts.seconds,
    headers: { 'content-type': 'text/xml; charset=UTF-8' },
    requests: [{
      method: 'POST',
      ...(build ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: build() }) } : { body: opts.body as string }),
      onResponse: (status: number, body: string) => {
        if (status !== 200 || !body.includes('<serv:result>SUCCESS</serv:result>')) failures++;
      },
    }],
  });
  const serverAfter = opts.serverPid === undefined ? undefined : processCpuUs(opts.serverPid);
  const client = process.cpuUsage(clientBefore);
  const total = Math.max(1, result.requests.total);
  return {
    serverCpuUs: serverBefore === undefined || serverAfter === undefined ? undefined : (serverAfter - serverBefore) / total,
    clientCpuUs: (client.user + client.system) / total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures,
    errors: result.errors + result.timeouts,
  };
}
