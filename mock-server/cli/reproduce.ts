/**
 * Run a scenario's `reproduce` block against a fresh in-process mock: send the `before` requests, then the
 * request (`repeat` times), and check the last answer against `expect`. Used by `webex-mock reproduce` and tests.
 */
import { responseText, type EngineResponse } from '../engine';
import type { WebexMock } from '../mock';
import type { ExpectSpec, ReproduceSpec } from '../control/scenarios/scenario-schema';

export interface ReproduceStep {
  request: string;
  response: EngineResponse;
  result: string;
}

export interface ReproduceOutcome {
  ok: boolean;
  steps: ReproduceStep[];
  /** What did not match (empty when ok). */
  mismatches: string[];
}

const tag = (xml: string, name: string) => new RegExp(`<serv:${name}>([^<]*)</serv:${name}>`).exec(xml)?.[1];

export function resultOf(r: EngineResponse): string {
  if (r.dropConnection) return 'DROPPED';
  if (r.status !== 200) return 'HTTP_ERROR';
  return tag(responseText(r), 'result') ?? 'HTTP_ERROR';
}

export function checkExpectation(r: EngineResponse, e: ExpectSpec): string[] {
  const out: string[] = [];
  const body = responseText(r);
  const result = resultOf(r);
  if (result !== e.result) out.push(`result is ${result}, expected ${e.result}`);
  const id = tag(body, 'exceptionID');
  if (e.exceptionID !== undefined && id !== e.exceptionID) out.push(`exceptionID is ${id ?? '(none)'}, expected ${e.exceptionID}`);
  const reason = tag(body, 'reason');
  if (e.reason !== undefined && !(reason ?? '').includes(e.reason)) out.push(`reason "${reason ?? ''}" does not contain "${e.reason}"`);
  const value = /<serv:response>[\s\S]*<serv:value>([^<]*)<\/serv:value><\/serv:response>/.exec(body)?.[1];
  if (e.value !== undefined && value !== e.value) out.push(`serv:value is ${value ?? '(none)'}, expected ${e.value}`);
  if (e.httpStatus !== undefined && r.status !== e.httpStatus) out.push(`HTTP status is ${r.status}, expected ${e.httpStatus}`);
  for (const [h, v] of Object.entries(e.headers ?? {})) {
    const actual = Object.entries(r.headers).find(([k]) => k.toLowerCase() === h.toLowerCase())?.[1];
    if (actual !== v) out.push(`header ${h} is ${actual ?? '(absent)'}, expected ${v}`);
  }
  for (const c of e.contains ?? []) if (!body.includes(c)) out.push(`response does not contain ${c}`);
  for (const a of e.absent ?? []) if (body.includes(a)) out.push(`response contains ${a}`);
  return out;
}

export async function runReproduce(mock: WebexMock, spec: ReproduceSpec): Promise<ReproduceOutcome> {
  const steps: ReproduceStep[] = [];
  const send = async (xml: string) => {
    const response = await mock.engine.handle({ body: xml });
    steps.push({ request: xml, response, result: resultOf(response) });
    return response;
  };
  for (const xml of spec.before ?? []) await send(xml);
  let last: EngineResponse | undefined;
  for (let i = 0; i < (spec.repeat ?? 1); i++) last = await send(spec.request);
  const mismatches = checkExpectation(last!, spec.expect);
  return { ok: mismatches.length === 0, steps, mismatches };
}
