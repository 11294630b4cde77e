/** A scenario reference given on the command line: a bundled name or a file; otherwise what is wrong, with "did you mean". */
import { existsSync } from 'node:fs';
import { didYouMean } from '../../cli-kit/program';

// Loaded only when a scenario is named (the bundled index pulls in YAML and zod).
const bundled = () => require('../control/scenarios/bundled') as typeof import('../control/scenarios/bundled');

export function scenarioProblem(ref: string): string | undefined {
  const { bundledNames, bundledPath } = bundled();
  if (bundledPath(ref) || existsSync(ref)) return undefined;
  const names = bundledNames();
  return `"${ref}" is neither a bundled scenario nor a file${didYouMean(ref, names)}; bundled scenarios: ${names.join(', ')}`;
}
