/** A scenario problem located in its document: the field path and, when known, the line and column. */
export interface ScenarioIssue {
  /** Dotted path: sites.0.sessionTypes.1.limit */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

export class ScenarioError extends Error {
  constructor(readonly source: string, readonly issues: ScenarioIssue[]) {
    super(`${source}: ${issues.map(formatIssue).join('; ')}`);
    this.name = 'ScenarioError';
  }
}

export function formatIssue(i: ScenarioIssue): string {
  const where = i.line !== undefined ? `line ${i.line}${i.column !== undefined ? `:${i.column}` : ''}, ` : '';
  return `${where}${i.path || '(document)'}: ${i.message}`;
}
