/** In-process cost of one engine call, without HTTP: the median of several timed batches, in microseconds. */
import type { Engine } from '../mock-server';

export async function costPerCall(engine: Engine, body: (i: number) => string, opts: { batches: number; batch: number; expect?: string }): Promise<number> {
  const expect = opts.expect ?? '<serv:result>SUCCESS</serv:result>';
  let i = 0;
  const one = async () => {
    const r = await engine.handle({ body: body(i++) });
    if (!r.body.includes(expect)) throw new Error(`bench request failed: ${r.body.slice(0, 600)}`);
  };
  for (let w = 0; w < opts.batch; w++) await one(); // warm up the JIT on this path
  const perCall: number[] = [];
  for (let b = 0; b < opts.batches; b++) {
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < opts.batch; k++) await one();
    perCall.push(Number(process.hrtime.bigint() - t0) / 1000 / opts.batch);
  }
  return median(perCall);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Per-round ratios a[i] / b[i] of two sides measured in the same rounds: their median and range. */
export function pairedRatio(a: readonly number[], b: readonly number[]): { median: number; min: number; max: number } {
  if (a.length !== b.length || a.length === 0) throw new Error('paired ratios need the same number of rounds on both sides, at least one');
  const r = a.map((x, i) => x / b[i]);
  return { median: median(r), min: Math.min(...r), max: Math.max(...r) };
}
