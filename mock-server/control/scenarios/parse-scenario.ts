/**
 * Read a scenario document (YAML, or JSON — YAML's superset) and validate it, keeping the source map so every
 * problem names the field and its line: "line 12:7, sites.0.sessionTypes.0.limit: Too small: expected >= 0".
 */
import { LineCounter, isMap, isNode, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './scenario-schema';
import { ScenarioError, type ScenarioIssue } from './scenario-error';

export type PathKey = string | number;

export interface ParsedScenario {
  scenario: Scenario;
  /** Where this document came from (file name, `bundled:NAME`, `request body`). */
  source: string;
  /** Line/column of a field path (the nearest existing parent when the field itself is missing). */
  locate(path: readonly PathKey[]): { line: number; column: number } | undefined;
}

export function parseScenarioText(text: string, source: string): ParsedScenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(source, doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      return { path: '', line: pos.line, column: pos.col, message: e.message.split('\n')[0] };
    }));
  }
  const locate = (path: readonly PathKey[]) => locateIn(doc, lineCounter, path);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // An alias bomb ("Excessive alias count indicates a resource exhaustion attack") or an alias loop.
    throw new ScenarioError(source, [{ path: '', message: `${(e as Error).message.split('\n')[0]}; write the values out instead of using YAML aliases` }]);
  }
  return { ...validateScenario(data, source, locate), source, locate };
}

/** Validate an already-parsed object (a JSON request body): issues carry paths but no lines. */
export function validateScenario(data: unknown, source: string, locate: ParsedScenario['locate'] = () => undefined): { scenario: Scenario } {
  const result = scenarioSchema.safeParse(data);
  if (!result.success) throw new ScenarioError(source, result.error.issues.map((i) => issueAt(i, locate)));
  return { scenario: result.data };
}

function issueAt(issue: z.core.$ZodIssue, locate: ParsedScenario['locate']): ScenarioIssue {
  let path = issue.path.filter((p): p is PathKey => typeof p !== 'symbol');
  let message = issue.message;
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) {
    path = [...path, issue.keys[0]];
    message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  const pos = locate(path);
  return { path: path.join('.'), line: pos?.line, column: pos?.column, message };
}

function locateIn(doc: Document, lc: LineCounter, path: readonly PathKey[]): { line: number; column: number } | undefined {
  for (let n = path.length; n >= 0; n--) {
    const parentPath = path.slice(0, Math.max(0, n - 1));
    const last = n > 0 ? path[n - 1] : undefined;
    const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
    // A mapping key points at the key itself (so "unknown field" and missing values show the key's line).
    if (last !== undefined && isMap(parent)) {
      const pair = parent.items.find((p) => (isNode(p.key) ? (p.key as { value?: unknown }).value : p.key) === last);
      const keyNode = pair?.key;
      if (isNode(keyNode) && keyNode.range) {
        const pos = lc.linePos(keyNode.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const pos = lc.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return undefined;
}
