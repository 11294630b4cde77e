/**
 * Scenario users are written with flat attribute names (SPEC §4) — the names connectors map — or catalog paths.
 * `meetingTypes` is accepted for the meetingTypes/meetingType list. Record-list attributes (tspAccount...)
 * fill one list item.
 */
import { attributeByName, leafByPath, listByPath } from '../../catalog';
import { emptyInput, type InputValue, type UserInput } from '../../site/user-input';

const ALIASES: Record<string, string> = { meetingTypes: 'meetingTypes/meetingType' };

export class UnknownAttributeError extends Error {
  constructor(readonly attribute: string) {
    super(`unknown attribute "${attribute}": use a flat attribute name (firstName, privilegeHost, phonesMobilePhone...) or a catalog path (privilege/host)`);
  }
}

export function inputFromAttributes(user: Record<string, InputValue | (string | number)[]>): UserInput {
  const input = emptyInput();
  const items = new Map<string, Record<string, InputValue>>();
  for (const [name, value] of Object.entries(user)) {
    const path = ALIASES[name] ?? attributeByName.get(name)?.path ?? name;
    const list = listByPath.get(path);
    if (list && list.def.item.kind === 'leaf') {
      input.lists.set(path, (Array.isArray(value) ? value : [value]).map(String));
      continue;
    }
    const leaf = leafByPath.get(path);
    if (!leaf || Array.isArray(value)) throw new UnknownAttributeError(name);
    if (leaf.slot >= 0) {
      input.scalars.set(path, typeof value === 'string' ? value : String(value));
    } else if (leaf.list) {
      const item = items.get(leaf.list.path) ?? {};
      item[leaf.def.element] = String(value);
      items.set(leaf.list.path, item);
    }
  }
  for (const [path, item] of items) input.lists.set(path, [item]);
  return input;
}
