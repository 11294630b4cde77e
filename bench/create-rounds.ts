/** CreateUser load against bench servers in interleaved rounds (bench:door-layers, bench:ab). */
import { connectorUserValues, createUserXml, numberedBodies } from './fixtures';
import { load } from './load';

/**
 * CreateUser (connector profile, unique ids) against each server in interleaved rounds: a 0.5 s warm-up, then
 * `seconds` measured, server CPU per request from /proc. `alternate` reverses the order every other round (two
 * servers compared with each other). Per server: the CPU µs per request and the req/s of each round.
 */
export async function createRounds(servers: readonly { url: string; proc: { pid?: number } }[], opts: { rounds: number; seconds: number; tag: string; alternate?: boolean }): Promise<{ cpu: number[][]; rps: number[][] }> {
  const cpu = servers.map(() => [] as number[]);
  const rps = servers.map(() => [] as number[]);
  const order = servers.map((_, i) => i);
  for (let round = 0; round < opts.rounds; round++) {
    for (const i of opts.alternate && round % 2 ? [...order].reverse() : order) {
      const server = servers[i];
      const body = numberedBodies((n) => createUserXml(connectorUserValues(n, `${opts.tag}${round}x${i}x${Date.now()}`)), 1);
      await load({ url: server.url, body, seconds: 0.5 });
      const r = await load({ url: server.url, body, seconds: opts.seconds, serverPid: server.proc.pid });
      if (r.failures + r.errors > 0) throw new Error(`server ${i + 1}: ${r.failures + r.errors} answers were not SUCCESS`);
      if (r.serverCpuUs === undefined) throw new Error('no /proc: server CPU time cannot be read on this system');
      cpu[i].push(r.serverCpuUs);
      rps[i].push(r.rps);
    }
  }
  return { cpu, rps };
}
