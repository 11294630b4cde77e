/** bodyContent children → UserInput, by the catalog tree; unknown elements are noted and ignored. */
import { USER_TREE, type ContainerDef, type ElementDef } from '../../catalog';
import { emptyInput, type InputValue, type UserInput } from '../../site/user-input';
import type { XmlNode } from '../../wire';

const byName = new WeakMap<readonly ElementDef[], Map<string, ElementDef>>();
function index(defs: readonly ElementDef[]): Map<string, ElementDef> {
  let m = byName.get(defs);
  if (!m) {
    m = new Map(defs.map((d) => [d.element, d]));
    byName.set(defs, m);
  }
  return m;
}

/** Elements handled by the operation itself, not stored on the user. */
export function decodeUser(body: XmlNode, operationOnly: ReadonlySet<string> = new Set()): UserInput {
  const input = emptyInput();
  decodeChildren(body, USER_TREE, '', input, operationOnly);
  return input;
}

function decodeChildren(node: XmlNode, defs: readonly ElementDef[], prefix: string, input: UserInput, skip: ReadonlySet<string>): void {
  const known = index(defs);
  for (const c of node.children) {
    if (prefix === '' && skip.has(c.name)) continue;
    const def = known.get(c.name);
    const path = prefix ? `${prefix}/${c.name}` : c.name;
    if (!def) {
      input.ignored.push(path);
      continue;
    }
    if (def.kind === 'leaf') input.scalars.set(path, c.text);
    else if (def.kind === 'container') {
      // A present container resets its lists (`<meetingTypes/>` clears; SetUser sends the full list).
      for (const d of def.children) if (d.kind === 'list' && !input.lists.has(`${path}/${d.element}`)) input.lists.set(`${path}/${d.element}`, []);
      decodeChildren(c, def.children, path, input, skip);
    } else {
      const items = input.lists.get(path) ?? [];
      items.push(def.item.kind === 'leaf' ? c.text : recordOf(c, def.item));
      input.lists.set(path, items);
    }
  }
}

function recordOf(node: XmlNode, def: ContainerDef): Record<string, InputValue> {
  const known = index(def.children);
  const out: Record<string, InputValue> = {};
  for (const c of node.children) if (known.has(c.name)) out[c.name] = c.text;
  return out;
}
