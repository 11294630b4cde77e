/**
 * The runner: every selected case on its own fresh site of one shared in-process emulator, a small pool of
 * cases at a time, each result with what was expected, what the connector did, the exchanges captured during
 * the case (secrets masked) and the command that reruns it.
 */
import type { Adapter, AdapterConfig, Outcome } from './adapter';
import { isErrorClass } from './adapter';
import { ADMIN, InProcessEmulator } from './emulator/in-process';
import type { CapturedExchange } from './emulator/capture';
import { CaseFailure, CaseSkip, describeOutcome, short, type CaseContext, type CaseDef, type Group, type MatrixOperation } from './cases/types';

export interface AdapterProvider {
  /** How the report names the connector under test. */
  name: string;
  open(config: AdapterConfig): Promise<Adapter>;
  shutdown?(): Promise<void>;
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
  /** Cases at once (default 8). */
  concurrency?: number;
  /** Per-case limit before the case fails as hung (default 20 s). */
  caseTimeoutMs?: number;
  /** Extra CLI arguments to repeat in rerun commands (the adapter choice). */
  rerunArgs?: string;
  onResult?: (result: CaseResult, done: number, total: number) => void;
}

export const SUITE_VERSION = '1.0.0';
const MAX_EXCHANGES = 12;
const MAX_BODY = 6000;

export async function runSuite(options: RunOptions): Promise<RunReport> {
  const emulator = await InProcessEmulator.start();
  const started = Date.now();
  const t0 = performance.now();
  const results: CaseResult[] = new Array(options.cases.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < options.cases.length) {
      const index = next++;
      const result = await runCase(emulator, options.cases[index], options);
      results[index] = result;
      options.onResult?.(result, ++done, options.cases.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, options.cases.length)) }, worker));
  } finally {
    await options.provider.shutdown?.();
    await emulator.close();
  }
  return {
    suiteVersion: SUITE_VERSION, adapter: options.provider.name, target: `in-process webex-mock (${emulator.server.url})`,
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

async function runCase(emulator: InProcessEmulator, def: CaseDef, options: RunOptions): Promise<CaseResult> {
  const site = emulator.createSite(def.site);
  const adapters: Adapter[] = [];
  const calls: string[] = [];
  let counter = 0;
  const ctx: CaseContext = {
    site,
    async adapter(override = {}) {
      const adapter = await options.provider.open({
        url: site.url, siteName: site.name, admin: ADMIN.webExId, password: ADMIN.password, fastRetries: true, ...override,
      });
      adapters.push(adapter);
      return adapter;
    },
    async call<T>(operation: string, work: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
      const outcome = normalise<T>(await work().catch((e: unknown) => ({ ok: false as const, error: { class: 'unknown' as const, message: `the adapter threw: ${e instanceof Error ? e.message : String(e)}` } })));
      calls.push(`${operation} → ${describeOutcome(outcome)}`);
      return outcome;
    },
    exchanges: () => site.exchanges,
    unique: (prefix) => `wmconf-${prefix}${++counter}`,
  };
  const base = {
    id: def.id, group: def.group, title: def.title, required: def.required, calls,
    rerun: `webex-conformance run --only ${def.group} --case ${def.id}${options.rerunArgs ? ` ${options.rerunArgs}` : ''}`,
    ...(def.matrix ? { matrix: def.matrix } : {}),
  };
  const t0 = performance.now();
  let result: CaseResult;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeoutMs = options.caseTimeoutMs ?? 20_000;
    await Promise.race([
      def.run(ctx).then(() => checkWire(site.exchanges)),
      new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new CaseFailure(`the case to finish within ${timeoutMs / 1000} s`, 'the adapter did not answer in time')), timeoutMs); }),
    ]);
    result = { ...base, status: 'pass', durationMs: 0 };
  } catch (error) {
    if (error instanceof CaseSkip) result = { ...base, status: 'skip', durationMs: 0, message: error.message };
    else if (error instanceof CaseFailure) result = { ...base, status: 'fail', durationMs: 0, expected: error.expected, actual: error.actual, exchanges: trimmed(site.exchanges) };
    else result = { ...base, status: 'fail', durationMs: 0, expected: 'the case to run', actual: `internal error: ${(error as Error).stack ?? String(error)}`, exchanges: trimmed(site.exchanges) };
  } finally {
    clearTimeout(timer);
    await Promise.all(adapters.map((a) => a.close?.().catch(() => undefined)));
    emulator.removeSite(site.name);
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
        message: typeof e.message === 'string' ? e.message : isErrorClass(e.class) ? '' : `unrecognised error class ${JSON.stringify(e.class)}`,
        ...(typeof e.attribute === 'string' ? { attribute: e.attribute } : {}),
        ...(e.sessionType !== undefined && e.sessionType !== null ? { sessionType: String(e.sessionType) } : {}),
      },
    };
  }
  return { ok: false, error: { class: 'unknown', message: `malformed adapter answer: ${short(JSON.stringify(value))}` } };
}

function trimmed(exchanges: CapturedExchange[]): CapturedExchange[] {
  const cut = (s: string) => (s.length > MAX_BODY ? `${s.slice(0, MAX_BODY)}… (${s.length - MAX_BODY} more characters)` : s);
  return exchanges.slice(-MAX_EXCHANGES).map((e) => ({ ...e, request: cut(e.request), response: cut(e.response) }));
}
