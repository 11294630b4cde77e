/**
 * Active faults and the engine interceptor that applies them. The first fault whose match accepts a request
 * fires; `after`, `times` and `probability` are counted per fault, and probability draws come from a seeded
 * RNG, so the same requests in the same order hit the same faults run after run.
 */
import { EXCEPTIONS } from '../../catalog';
import type { EngineResponse, InterceptContext, Interceptor } from '../../engine';
import { failureResponse } from '../../engine';
import { SeededRandom } from '../../site/random';
import type { FaultSpec } from './fault-schema';
import { runPartialDelUser } from './partial-del-user';

export interface Fault extends FaultSpec {
  id: string;
  /** Matching requests seen so far (including the ones let through by `after` or `probability`). */
  seen: number;
  fired: number;
}

export const DEFAULT_RETRY_AFTER_SECONDS = 60;

export class FaultStore {
  private faults: Fault[] = [];
  private nextId = 1;
  private random: SeededRandom;

  constructor(private readonly seed = 1) {
    this.random = new SeededRandom(seed);
  }

  /** Validate and add; throws zod's error for bad input. */
  add(spec: unknown): Fault {
    // zod loads with the first fault, not at start.
    const { faultSchema } = require('./fault-schema') as typeof import('./fault-schema');
    const parsed = faultSchema.parse(spec);
    const fault: Fault = { ...parsed, id: `f${this.nextId++}`, seen: 0, fired: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length !== before;
  }

  /** Remove every fault and restart the RNG, so a reset run repeats the first one. */
  clear(): void {
    this.faults = [];
    this.nextId = 1;
    this.random = new SeededRandom(this.seed);
  }

  /** Synchronous (no promise) unless the fault adds latency: with no fault set this is one length check. */
  readonly interceptor: Interceptor = (ctx) => {
    if (this.faults.length === 0) return undefined;
    const fault = this.pick(ctx);
    if (!fault) return undefined;
    ctx.meta.fault = fault.id;
    const e = fault.effect;
    if (!e.latencyMs) return this.respond(e, ctx);
    return new Promise<void>((r) => setTimeout(r, e.latencyMs)).then(() => this.respond(e, ctx));
  };

  private pick(ctx: InterceptContext): Fault | undefined {
    for (const f of this.faults) {
      const m = f.match;
      if (m.site && m.site.toLowerCase() !== ctx.site.name.toLowerCase()) continue;
      if (m.operation && m.operation !== ctx.op.name) continue;
      if (f.effect.delUserPartial && ctx.op.name !== 'DelUser') continue; // it only means something to DelUser
      if (m.times !== undefined && f.fired >= m.times) continue;
      f.seen++;
      if (m.after !== undefined && f.seen <= m.after) continue;
      if (m.probability !== undefined && this.random.next() >= m.probability) continue;
      f.fired++;
      return f;
    }
    return undefined;
  }

  private respond(e: Fault['effect'], ctx: InterceptContext): EngineResponse | undefined {
    const gsb = e.gsbStatus ?? 'PRIMARY';
    if (e.reset) return { status: 0, headers: {}, body: '', dropConnection: true };
    if (e.httpStatus !== undefined) {
      return { status: e.httpStatus, headers: { 'Content-Type': 'text/html;charset=UTF-8' }, body: `<html><body><h1>HTTP ${e.httpStatus}</h1></body></html>` };
    }
    if (e.rateLimit) {
      const seconds = e.rateLimit === true ? DEFAULT_RETRY_AFTER_SECONDS : e.rateLimit.retryAfterSeconds;
      const r = failureResponse('rateLimited', EXCEPTIONS.rateLimited.reason, undefined, gsb);
      return { ...r, headers: { ...r.headers, 'Retry-After': String(seconds) } };
    }
    if (e.exception) return ctx.failure(e.exception.id, e.exception.reason, { gsbStatus: gsb, value: e.exception.value });
    if (e.delUserPartial) return runPartialDelUser(ctx, e.delUserPartial.webExIds, gsb);
    if (e.gsbStatus) return ctx.run({ gsbStatus: gsb });
    return undefined; // latency only: the request runs normally
  }
}
