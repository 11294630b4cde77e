/**
 * UserRecord → the GetUser element sequence, walking the catalog tree once per call. Booleans are lower case,
 * the password is always `******`, empty containers the real service shows are self-closed (SPEC §1.4).
 */
import { USER_TREE, type ContainerDef, type ElementDef, type LeafDef, type Value } from '../../catalog';
import { escapeXml } from '../../wire';
import { slotReader, type ListItem, type SlotValue, type UserRecord, type UserValues } from '../../site/user-record';
import { listByPath, leafByPath } from '../../catalog';

type Emit = (values: UserValues | Record<string, Value>) => string;

const text = (v: Value): string => (typeof v === 'boolean' ? (v ? 'true' : 'false') : escapeXml(String(v)));

function compileLeaf(def: LeafDef, read: (src: never) => SlotValue): Emit {
  const open = `<${def.ns}:${def.element}>`;
  const close = `</${def.ns}:${def.element}>`;
  if (def.rule === 'password') return () => `${open}******${close}`;
  return (src) => {
    const v = read(src as never) as Value | undefined;
    if (v === undefined || v === '') return def.alwaysShown ? `${open}${close}` : '';
    return `${open}${text(v)}${close}`;
  };
}

function compile(defs: readonly ElementDef[], prefix: string, inItem: boolean): Emit[] {
  return defs.map((def): Emit => {
    const path = prefix ? `${prefix}/${def.element}` : def.element;
    if (def.kind === 'leaf') {
      const slot = leafByPath.get(path)?.slot ?? -1;
      return compileLeaf(def, inItem ? (src: Record<string, Value>) => src[def.element] : slotReader(slot));
    }
    if (def.kind === 'container') return compileContainer(def, path, inItem);
    const read = slotReader(listByPath.get(path)!.slot);
    const item = def.item;
    const itemEmit = item.kind === 'leaf'
      ? (v: ListItem) => `<${item.ns}:${item.element}>${text(v as Value)}</${item.ns}:${item.element}>`
      : ((inner: Emit[]) => (v: ListItem) => `<${item.ns}:${item.element}>${inner.map((e) => e(v as Record<string, Value>)).join('')}</${item.ns}:${item.element}>`)(compile((item as ContainerDef).children, path, true));
    return (src) => (read(src as UserValues) as ListItem[] | undefined ?? []).map(itemEmit).join('');
  });
}

function compileContainer(def: ContainerDef, path: string, inItem: boolean): Emit {
  const children = compile(def.children, path, inItem);
  const tag = `${def.ns}:${def.element}`;
  return (src) => {
    let inner = '';
    for (const c of children) inner += c(src);
    if (inner === '') return def.alwaysShown ? `<${tag}/>` : '';
    return `<${tag}>${inner}</${tag}>`;
  };
}

const USER_EMITTERS = compile(USER_TREE, '', false);
/** userInstanceType ends at userId; what follows (eventCenter, passwordExpires...) belongs to getUserResponse only. */
const INSTANCE_EMITTERS = USER_EMITTERS.slice(0, USER_TREE.findIndex((d) => d.element === 'userId') + 1);

/** The user element sequence: GetUser's full form, or userInstanceType (`instanceOnly`) for LstUser items. */
export function encodeUser(rec: UserRecord, opts: { instanceOnly?: boolean } = {}): string {
  let out = '';
  for (const e of opts.instanceOnly ? INSTANCE_EMITTERS : USER_EMITTERS) out += e(rec.values);
  return out;
}
