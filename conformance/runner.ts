/**
 * The runner: every selected case on its own fresh site of one shared in-process emulator, a small pool of
 * cases at a time, each result with what was expected, what the connector did, the exchanges captured during
 * the case (secrets masked) and the command that reruns it.
 */
import type { Adapter, AdapterConfig, Outcome } from './adapter';
import { isErrorClass } from './adapter';
import { redactText, type CapturedExchange } from './emulator/capture';
import { InProcessTarget } from './emulator/in-process-target';
import { CaseFailure, CaseSkip, describeOutcome, short, type CaseContext, type CaseDef, type Group, type MatrixOperation } from './cases/types';
import { controlNeeded, type CaseEnvironment, type Target } from './target';

export interface AdapterProvider {
  /** How the report names the connector under test. */
  name: string;
  open(config: AdapterConfig): Promise<Adapter>;
  shutdown?(): Promise<void>;
  /** Called once before the first case: throws (an AdapterFailure) when the connector cannot be driven at all. */
  check?(config: AdapterConfig): Promise<void>;
  /** A break of the adapter itself during the run (its process exited, broken protocol): stops the run. */
  failure?(): Error | undefined;
}

export interface CaseResult {
  id: string;
  group: Group;
  title: string;
  required: boolean;
  status: 'pass' | 'fail' | 'skip';
  durationMs: number;
  expected?: string;
  actual?: string;
  /** Skip reason, or an internal error. */
  message?: string;
  /** Adapter calls made during the case and their outcomes. */
  calls: string[];
  /** Exchanges captured during a failed case (secrets masked). */
  exchanges?: CapturedExchange[];
  rerun: string;
  matrix?: { attribute: string; operation: MatrixOperation };
}

export interface RunReport {
  suiteVersion: string;
  /** Seed of the generated values: `--seed N` repeats them. */
  seed: number;
  adapter: string;
  target: string;
  startedAt: string;
  durationMs: number;
  results: CaseResult[];
  summary: { total: number; passed: number; failed: number; skipped: number; requiredFailed: number; optionalFailed: number };
}

export interface RunOptions {
  provider: AdapterProvider;
  cases: CaseDef[];
  /** Default: a fresh in-process emulator for this run. */
  target?: Target;
  /** Cases at once (default 8). */
  concurrency?: number;
  /** Per-case limit before the case fails as hung (default 20 s). */
  caseTimeoutMs?: number;
  /** Seed of the generated values (default: a new one per run, shown in the report). */
  seed?: number;
  /** Extra CLI arguments to repeat in rerun commands (the adapter choice). */
  rerunArgs?: string;
  onResult?: (result: CaseResult, done: number, total: number) => void;
}

export const SUITE_VERSION = '1.0.0';
const MAX_EXCHANGES = 12;
const MAX_BODY = 6000;

export async function runSuite(options: RunOptions): Promise<RunReport> {
  const seed = options.seed ?? newSeed();
  const target = options.target ?? await InProcessTarget.start();
  const started = Date.now();
  const t0 = performance.now();
  const results: CaseResult[] = new Array(options.cases.length);
  let next = 0;
  let done = 0;
  let broken: Error | undefined;
  const worker = async () => {
    while (next < options.cases.length && !broken) {
      const index = next++;
      const result = await runCase(target, options.cases[index], options, seed);
      // The adapter broke: the case's verdict is about the adapter, not the connector; one error for the run.
      broken ??= options.provider.failure?.();
      if (broken) return;
      results[index] = result;
      options.onResult?.(result, ++done, options.cases.length);
    }
  };
  try {
    if (options.provider.check && options.cases.length > 0) {
      const probe = await target.open(options.cases[0]);
      try { await options.provider.check(probe.adapterConfig); } finally { await probe.release(); }
    }
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, options.cases.length)) }, worker));
    broken ??= options.provider.failure?.();
  } finally {
    await options.provider.shutdown?.();
    await target.close();
  }
  if (broken) throw broken;
  return {
    suiteVersion: SUITE_VERSION, seed, adapter: options.provider.name, target: target.name,
    startedAt: new Date(started).toISOString(), durationMs: Math.round(performance.now() - t0), results, summary: summarize(results),
  };
}

export function summarize(results: CaseResult[]): RunReport['summary'] {
  const failed = results.filter((r) => r.status === 'fail');
  return {
    total: results.length,
    passed: results.filter((r) => r.status === 'pass').length,
    failed: failed.length,
    skipped: results.filter((r) => r.status === 'skip').length,
    requiredFailed: failed.filter((r) => r.required).length,
    optionalFailed: failed.filter((r) => !r.required).length,
  };
}

/** A seed for fast-check (positive 31-bit, so it reads as a plain number on a command line), new each run. */
export function newSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff);
}

async function runCase(target: Target, def: CaseDef, options: RunOptions, seed: number): Promise<CaseResult> {
  const base = {
    id: def.id, group: def.group, title: def.title, required: def.required, calls: [] as string[],
    rerun: `webex-conformance run --only ${def.group} --case ${def.id}${def.seeded ? ` --seed ${seed}` : ''}${options.rerunArgs ? ` ${options.rerunArgs}` : ''}`,
    ...(def.matrix ? { matrix: def.matrix } : {}),
  };
  const needs = target.controlled ? undefined : controlNeeded(def);
  if (needs) return { ...base, status: 'skip', durationMs: 0, message: `needs control of the site (${needs}): runs against a webex-mock only (in-process, or --url with its admin API)` };
  let env: CaseEnvironment;
  try {
    env = await target.open(def);
  } catch (error) {
    if (error instanceof CaseSkip) return { ...base, status: 'skip', durationMs: 0, message: error.message };
    return { ...base, status: 'fail', durationMs: 0, expected: 'the case\'s site to be prepared', actual: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
  const adapters: Adapter[] = [];
  const calls = base.calls;
  let counter = 0;
  const ctx: CaseContext = {
    users: env.users,
    controlled: env.control !== undefined,
    inProcess: !target.remote,
    control() {
      if (!env.control) throw new CaseSkip('needs control of the site (faults, licence usage): runs against a webex-mock only (in-process, or --url with its admin API)');
      return env.control;
    },
    emailDomain: env.emailDomain,
    async requireFeature(key, why) {
      if (key && !(await env.featureOn(key))) throw new CaseSkip(`${why}: feature ${key} is off on this site`);
    },
    base: (webExId) => ({ webExId, email: `${webExId}@${env.emailDomain}`, firstName: 'Conf', lastName: 'Subject' }),
    seed,
    async adapter(override = {}) {
      const adapter = await options.provider.open({ ...env.adapterConfig, ...override });
      adapters.push(adapter);
      return adapter;
    },
    async call<T>(operation: string, work: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
      const outcome = normalise<T>(await work().catch((e: unknown) => ({ ok: false as const, error: { class: 'unknown' as const, message: `the adapter threw: ${e instanceof Error ? e.message : String(e)}` } })));
      calls.push(`${operation} → ${describeOutcome(outcome)}`);
      return outcome;
    },
    exchanges: env.exchanges,
    unique: (prefix) => {
      const id = `${env.userPrefix}${prefix}${++counter}`;
      env.track(id);
      return id;
    },
  };
  const t0 = performance.now();
  let result: CaseResult;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeoutMs = options.caseTimeoutMs ?? 20_000;
    await Promise.race([
      def.run(ctx).then(async () => { await env.settle?.(); checkWire(env.exchanges()); }),
      new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new CaseFailure(`the case to finish within ${timeoutMs / 1000} s`, 'the adapter did not answer in time')), timeoutMs); }),
    ]);
    result = { ...base, status: 'pass', durationMs: 0 };
  } catch (error) {
    if (error instanceof CaseSkip) result = { ...base, status: 'skip', durationMs: 0, message: error.message };
    else if (error instanceof CaseFailure) result = { ...base, status: 'fail', durationMs: 0, expected: error.expected, actual: error.actual, exchanges: trimmed(env.exchanges()) };
    else result = { ...base, status: 'fail', durationMs: 0, expected: 'the case to run', actual: `internal error: ${(error as Error).stack ?? String(error)}`, exchanges: trimmed(env.exchanges()) };
  } finally {
    clearTimeout(timer);
    await Promise.all(adapters.map((a) => a.close?.().catch(() => undefined)));
    await env.release();
  }
  result.durationMs = Math.round(performance.now() - t0);
  return result;
}

/** Webex silently ignores elements it does not know: sending one is losing data without an error. */
function checkWire(exchanges: CapturedExchange[]): void {
  const unknown = [...new Set(exchanges.flatMap((e) => (e.ignoredElements ?? []).map((p) => `${e.operation}: ${p}`)))];
  if (unknown.length > 0) throw new CaseFailure('requests to carry only elements of the Webex user schema', `unknown elements sent (Webex drops them silently): ${unknown.join(', ')}`);
}

function normalise<T>(value: unknown): Outcome<T> {
  const v = value as { ok?: unknown; result?: unknown; error?: { class?: unknown; message?: unknown; attribute?: unknown; sessionType?: unknown } } | null;
  if (v && v.ok === true) return { ok: true, result: v.result as T };
  if (v && v.ok === false && v.error && typeof v.error === 'object') {
    const e = v.error;
    return {
      ok: false,
      error: {
        class: isErrorClass(e.class) ? e.class : 'unknown',
        message: typeof e.message === 'string' ? redactText(e.message) : isErrorClass(e.class) ? '' : `unrecognised error class ${JSON.stringify(e.class)}`,
        ...(typeof e.attribute === 'string' ? { attribute: e.attribute } : {}),
        ...(e.sessionType !== undefined && e.sessionType !== null ? { sessionType: String(e.sessionType) } : {}),
      },
    };
  }
  return { ok: false, error: { class: 'unknown', message: `malformed adapter answer: ${short(redactText(JSON.stringify(value) ?? 'undefined'))}` } };
}

function trimmed(exchanges: CapturedExchange[]): CapturedExchange[] {
  const cut = (s: string) => (s.length > MAX_BODY ? `${s.slice(0, MAX_BODY)}… (${s.length - MAX_BODY} more characters)` : s);
  return exchanges.slice(-MAX_EXCHANGES).map((e) => ({ ...e, request: cut(e.request), response: cut(e.response) }));
}
