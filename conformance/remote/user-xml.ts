/** The user tree both ways, by the catalog: UserInput → request XML (schema order), GetUser body → stored values. */
import { catalog, packValues, type UserInput, type UserRecord } from '../emulator/core';
import type { SlotValue } from '../../mock-server/site/user-record';
import type { ElementDef } from '../../mock-server/catalog';
import { parseValue } from '../../mock-server/site/values';
import { escapeXml } from './xml-client';

/** Request elements for an input, in the XSD order of the user tree (strict servers want the sequence). */
export function encodeInput(input: UserInput): string {
  const walk = (defs: readonly ElementDef[], prefix: string): string => defs.map((def) => {
    const path = prefix ? `${prefix}/${def.element}` : def.element;
    if (def.kind === 'leaf') {
      const v = input.scalars.get(path);
      return v === undefined ? '' : `<${def.element}>${escapeXml(String(v))}</${def.element}>`;
    }
    if (def.kind === 'container') {
      const inner = walk(def.children, path);
      return inner ? `<${def.element}>${inner}</${def.element}>` : '';
    }
    const items = input.lists.get(path);
    if (!items) return '';
    return items.map((item) => (typeof item === 'object'
      ? `<${def.element}>${Object.entries(item).map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`).join('')}</${def.element}>`
      : `<${def.element}>${escapeXml(String(item))}</${def.element}>`)).join('');
  }).join('');
  return walk(catalog.USER_TREE, '');
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);

/** GetUser bodyContent → a UserRecord whose values sit in the catalog's slots (typed as the emulator stores them). */
export function decodeUser(body: Record<string, unknown>): UserRecord {
  const values: SlotValue[] = [];
  const typed = (def: Extract<ElementDef, { kind: 'leaf' }>, raw: string) => {
    const parsed = parseValue(def, raw);
    return parsed.ok ? parsed.value : raw;
  };
  const walk = (defs: readonly ElementDef[], node: Record<string, unknown> | undefined, prefix: string) => {
    for (const def of defs) {
      const path = prefix ? `${prefix}/${def.element}` : def.element;
      const v = node?.[def.element];
      if (def.kind === 'leaf') {
        const t = text(v);
        const slot = catalog.leafByPath.get(path)?.slot ?? -1;
        if (t !== undefined && slot >= 0) values[slot] = typed(def, t);
      } else if (def.kind === 'container') {
        walk(def.children, v && typeof v === 'object' ? v as Record<string, unknown> : undefined, path);
      } else {
        const list = catalog.listByPath.get(path);
        if (!list || list.slot < 0 || v === undefined) continue;
        const items = Array.isArray(v) ? v : [v];
        const item = def.item;
        values[list.slot] = items.map((i) => {
          if (item.kind === 'leaf') return typed(item, text(i) ?? '');
          const record: Record<string, string | number | boolean> = {};
          for (const child of (item as Extract<ElementDef, { kind: 'container' }>).children) {
            const t = text((i as Record<string, unknown>)?.[child.element]);
            if (t !== undefined && child.kind === 'leaf') record[child.element] = typed(child, t);
          }
          return record;
        });
      }
    }
  };
  walk(catalog.USER_TREE, body, '');
  const userId = Number(text(body.userId));
  return { userId: Number.isFinite(userId) ? userId : 0, values: packValues(values), registeredAt: 0 };
}
