/** bodyContent children → UserInput, by the catalog tree; unknown elements are noted and ignored. */
import { USER_TREE, type ContainerDef, type ElementDef } from '../../catalog';
import { emptyInput, type InputValue, type UserInput } from '../../site/user-input';
import type { XmlNode } from '../../wire';

/** A catalog element where it sits in the tree: its path built once, not per request. */
interface Placed {
  def: ElementDef;
  path: string;
  /** For a container: the paths of its lists (a present container resets them). */
  listPaths: readonly string[];
}

/** By tree position (the parent's path; '' for bodyContent), the elements that may appear there. */
const byPosition = new Map<string, Map<string, Placed>>();
function placed(defs: readonly ElementDef[], prefix: string): Map<string, Placed> {
  let m = byPosition.get(prefix);
  if (!m) {
    m = new Map(defs.map((d) => {
      const path = prefix ? `${prefix}/${d.element}` : d.element;
      const listPaths = d.kind === 'container' ? d.children.filter((c) => c.kind === 'list').map((c) => `${path}/${c.element}`) : [];
      return [d.element, { def: d, path, listPaths }];
    }));
    byPosition.set(prefix, m);
  }
  return m;
}

const recordFields = new WeakMap<ContainerDef, ReadonlySet<string>>();

/** Elements handled by the operation itself, not stored on the user. */
export function decodeUser(body: XmlNode, operationOnly: ReadonlySet<string> = new Set()): UserInput {
  const input = emptyInput();
  decodeChildren(body, USER_TREE, '', input, operationOnly);
  return input;
}

function decodeChildren(node: XmlNode, defs: readonly ElementDef[], prefix: string, input: UserInput, skip: ReadonlySet<string>): void {
  const known = placed(defs, prefix);
  for (const c of node.children) {
    if (prefix === '' && skip.has(c.name)) continue;
    const at = known.get(c.name);
    if (!at) {
      input.ignored.push(prefix ? `${prefix}/${c.name}` : c.name);
      continue;
    }
    const { def, path } = at;
    if (def.kind === 'leaf') input.scalars.set(path, c.text);
    else if (def.kind === 'container') {
      // A present container resets its lists (`<meetingTypes/>` clears; SetUser sends the full list).
      for (const p of at.listPaths) if (!input.lists.has(p)) input.lists.set(p, []);
      decodeChildren(c, def.children, path, input, skip);
    } else {
      const items = input.lists.get(path) ?? [];
      items.push(def.item.kind === 'leaf' ? c.text : recordOf(c, def.item));
      input.lists.set(path, items);
    }
  }
}

function recordOf(node: XmlNode, def: ContainerDef): Record<string, InputValue> {
  let known = recordFields.get(def);
  if (!known) recordFields.set(def, known = new Set(def.children.map((c) => c.element)));
  const out: Record<string, InputValue> = {};
  for (const c of node.children) if (known.has(c.name)) out[c.name] = c.text;
  return out;
}
