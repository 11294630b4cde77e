/** One autocannon run against a loopback URL; every answer is checked for a Webex SUCCESS. */
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers that were not HTTP 200 + SUCCESS (a bench of failures would measure the wrong path). */
  failures: number;
  errors: number;
}

export interface LoadOptions {
  url: string;
  /** A fixed body, or one built per request (unique ids). */
  body: string | (() => string);
  seconds: number;
  connections?: number;
}

export async function load(opts: LoadOptions): Promise<LoadResult> {
  let failures = 0;
  const build = typeof opts.body === 'function' ? opts.body : undefined;
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
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures,
    errors: result.errors + result.timeouts,
  };
}
