/** What an operation asks the site to write, already split by catalog path; values still as sent. */
import type { Value } from '../catalog';

export type InputValue = string | Value;
export type ListInputItem = InputValue | Record<string, InputValue>;

export interface UserInput {
  /** Scalar leaves by catalog path (`privilege/host`). */
  scalars: Map<string, InputValue>;
  /** Lists by catalog list path (`meetingTypes/meetingType`, `tspAccount/tspAccount`). */
  lists: Map<string, ListInputItem[]>;
  /** Elements the catalog does not know, kept for the journal (the service ignores them). */
  ignored: string[];
}

export const emptyInput = (): UserInput => ({ scalars: new Map(), lists: new Map(), ignored: [] });

/** Build an input from flat connector attribute names (admin API, scenarios, seeding). */
export function inputFromPaths(values: Record<string, InputValue | ListInputItem[]>): UserInput {
  const input = emptyInput();
  for (const [path, v] of Object.entries(values)) {
    if (Array.isArray(v)) input.lists.set(path, v);
    else input.scalars.set(path, v);
  }
  return input;
}
