/**
 * Where one CreateUser's time and memory go, in-process (no HTTP, journal off): a diagnosis, not a target.
 *   npm run bench:create-stages
 * Prints µs per create through engine.handle (costPerCall: a tight loop, so caches are hotter than under HTTP
 * load, where the same work costs ~2× more), then the same loop with the main stages timed (hrtime wrappers add
 * ~1 µs each), the bytes allocated per create (V8's sampling heap profiler, by function) and retained per user.
 */
import inspector from 'node:inspector';
import { createWebexMock } from '../mock-server';
import * as envelope from '../mock-server/wire/parse-envelope';
import * as reader from '../mock-server/wire/xml-reader';
import * as decode from '../mock-server/operations/codec/decode-user';
import { Site } from '../mock-server/site/site';
import { addBenchSite, connectorUserValues, createUserXml, numberedBodies } from './fixtures';
import { costPerCall } from './timing';

const N = Number(process.env.CREATES ?? 20000);
const mock = createWebexMock({ setup: (r) => { addBenchSite(r, 1000); }, control: { journal: false } });
const next = numberedBodies((n) => createUserXml(connectorUserValues(n, 'stage')), 1);
/** µs per create: the median of 5 timed batches after a warm-up batch. */
const perCreateUs = () => costPerCall(mock.engine, next, { batches: 5, batch: Math.ceil(N / 5) });
const creates = async (n: number) => { for (let i = 0; i < n; i++) await mock.engine.handle({ body: next() }); };

type Fn = (...args: unknown[]) => unknown;
const stages = new Map<string, { ns: bigint; calls: number }>();
/** Replace obj[name] by a timed wrapper (module exports are read at each call, so callers see it). */
function timed(obj: Record<string, unknown>, name: string, label: string): void {
  const original = obj[name] as Fn;
  obj[name] = function (this: unknown, ...args: unknown[]) {
    const t = process.hrtime.bigint();
    try { return original.apply(this, args); } finally {
      const s = stages.get(label) ?? { ns: 0n, calls: 0 };
      s.ns += process.hrtime.bigint() - t; s.calls++; stages.set(label, s);
    }
  };
}

async function allocatedPerCreate(): Promise<[string, number][]> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) => new Promise<any>((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r)))); // eslint-disable-line @typescript-eslint/no-explicit-any
  await post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await creates(N);
  const { profile } = await post('HeapProfiler.stopSampling');
  session.disconnect();
  const by = new Map<string, number>();
  const walk = (node: { callFrame: { functionName: string; url: string }; selfSize: number; children: unknown[] }) => {
    const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/.*\/dist\//, '')}`;
    by.set(key, (by.get(key) ?? 0) + node.selfSize);
    for (const c of node.children) walk(c as typeof node);
  };
  walk(profile.head);
  return [...by].map(([k, v]): [string, number] => [k, v / N]).sort((a, b) => b[1] - a[1]);
}

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  console.log(`CreateUser through the engine: ${(await perCreateUs()).toFixed(1)} µs per create, median of 5 batches of ${Math.ceil(N / 5)}`);

  const allocated = await allocatedPerCreate();
  const total = allocated.reduce((a, [, v]) => a + v, 0);
  console.log(`\nAllocated per create: ${total.toFixed(0)} B; the largest:`);
  for (const [k, v] of allocated.slice(0, 12)) console.log(`  ${v.toFixed(0).padStart(6)} B  ${k}`);

  if (gc) {
    gc(); gc();
    const before = process.memoryUsage().heapUsed;
    await creates(N);
    gc(); gc();
    console.log(`\nRetained per created user (heap after a full GC): ${((process.memoryUsage().heapUsed - before) / N).toFixed(0)} B`);
  } else {
    console.log('\nRetained per user: run node with --expose-gc');
  }

  timed(envelope as unknown as Record<string, unknown>, 'parseEnvelope', 'parseEnvelope (XML read + envelope)');
  timed(reader as unknown as Record<string, unknown>, 'readXml', '  of which readXml');
  timed(decode as unknown as Record<string, unknown>, 'decodeUser', 'decodeUser (tree → input)');
  timed(Site.prototype as unknown as Record<string, unknown>, 'createUser', 'Site.createUser (rules, derive, pack, index)');
  timed(mock.engine as unknown as Record<string, unknown>, 'respond', 'engine.respond (whole request)');
  await creates(N);
  console.log('\nStages (µs per call, timed):');
  for (const [label, s] of stages) console.log(`  ${(Number(s.ns) / 1e3 / s.calls).toFixed(2).padStart(7)}  ${label}`);
}

void main();
