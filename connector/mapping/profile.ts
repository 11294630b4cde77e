import { localError } from '../errors/classify';
import { UNKNOWN_ATTRIBUTE_REMEDY } from '../errors/remedies';
import { hasInvalidXmlChars } from '../xml/escape';
import type { XmlElement } from '../xml/request';
import { asArray, at, isObject, textOf, type XmlNode, type XmlObject } from '../xml/response';
import { ATTRIBUTES, attributeByName, childOrder, type AttributeDef } from './attributes';

/** A profile value after validation. */
export type AttributeValue = string | number | boolean | number[];
/** Flat attribute name → typed value. */
export type Profile = Record<string, AttributeValue>;

export interface ValidateOptions {
  /** Check lengths, ranges and formats locally (default true). Types and names are always checked. */
  strict?: boolean;
}

/** Validate and type a JSON profile. Unknown names and wrong types are errors, before any request is sent. */
export function validateProfile(input: unknown, options: ValidateOptions = {}): Profile {
  if (!isPlainObject(input)) throw localError('invalidValue', 'A profile must be a JSON object of flat attribute names');
  const unknown = Object.keys(input).filter((name) => !attributeByName(name));
  if (unknown.length > 0) {
    const hint = unknown.map((name) => suggestion(name)).filter(Boolean).join('; ');
    throw localError('invalidValue', `Unknown attribute${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}${hint ? ` (${hint})` : ''}`, unknown[0], UNKNOWN_ATTRIBUTE_REMEDY);
  }
  const profile: Profile = {};
  for (const [name, raw] of Object.entries(input)) {
    const def = attributeByName(name)!;
    profile[name] = coerce(def, raw, options.strict ?? true);
  }
  const tspNames = Object.keys(profile).filter((n) => n.startsWith('tspAccount'));
  if (tspNames.length > 0 && profile.tspAccountAccountIndex === undefined) {
    throw localError('invalidValue', `tspAccountAccountIndex (1-3) is required with ${tspNames.join(', ')}: it says which TSP account they address`, 'tspAccountAccountIndex');
  }
  return profile;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function suggestion(name: string): string | undefined {
  const lower = name.toLowerCase();
  const match = ATTRIBUTES.find((a) => a.name.toLowerCase() === lower);
  return match ? `did you mean ${match.name}?` : undefined;
}

/** Values an error message must never show. */
const SECRET_ATTRIBUTES: ReadonlySet<string> = new Set(['password', 'passwordHintAnswer']);

const shown = (def: AttributeDef, raw: unknown) => (SECRET_ATTRIBUTES.has(def.name) ? '(value hidden)' : JSON.stringify(raw));

function typeError(def: AttributeDef, raw: unknown, expected: string) {
  return localError('invalidValue', `${def.name} must be ${expected}, got ${shown(def, raw)}`, def.name);
}

function coerce(def: AttributeDef, raw: unknown, strict: boolean): AttributeValue {
  switch (def.type) {
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'string' && /^(true|false)$/i.test(raw.trim())) return raw.trim().toLowerCase() === 'true';
      throw typeError(def, raw, 'a boolean (true / false)');
    }
    case 'integer': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isSafeInteger(n)) throw typeError(def, raw, 'an integer');
      if (strict) checkRange(def, n);
      return n;
    }
    case 'integerList': {
      const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter(Boolean) : [raw];
      const numbers = items.map((item) => (typeof item === 'number' ? item : typeof item === 'string' && /^-?\d+$/.test(item) ? Number(item) : NaN));
      if (numbers.some((n) => !Number.isSafeInteger(n))) throw typeError(def, raw, 'a list of integers ([214, 216] or "214,216")');
      return numbers;
    }
    case 'enum': {
      if (typeof raw !== 'string') throw typeError(def, raw, `one of ${def.enumValues!.join(', ')}`);
      const canonical = def.enumValues!.find((v) => v.toLowerCase() === raw.trim().toLowerCase());
      if (!canonical) throw typeError(def, raw, `one of ${def.enumValues!.join(', ')}`);
      return canonical;
    }
    case 'string': {
      if (typeof raw !== 'string' && typeof raw !== 'number') throw typeError(def, raw, 'a string');
      const text = String(raw);
      if (hasInvalidXmlChars(text)) throw localError('invalidValue', `${def.name} contains a control character Webex cannot store`, def.name);
      if (strict) checkString(def, text);
      return text;
    }
  }
}

function checkRange(def: AttributeDef, n: number): void {
  if (def.min !== undefined && n < def.min) throw localError('invalidValue', `${def.name} must be at least ${def.min}, got ${n}`, def.name);
  if (def.max !== undefined && n > def.max) throw localError('invalidValue', `${def.name} must be at most ${def.max}, got ${n}`, def.name);
}

function checkString(def: AttributeDef, text: string): void {
  const errorClass = def.name === 'personalUrl' ? 'invalidPersonalUrl' : 'invalidValue';
  if (def.maxLength !== undefined && [...text].length > def.maxLength) {
    throw localError(errorClass, `${def.name} is longer than ${def.maxLength} characters (${[...text].length})`, def.name);
  }
  if (def.pattern && !def.pattern.test(text)) {
    throw localError(errorClass, `${def.name} must be ${def.patternText}, got ${shown(def, text)}`, def.name);
  }
}

/** Attributes that cannot be pushed at all (derived by Webex). */
export function rejectReadOnly(profile: Profile): void {
  const readOnly = Object.keys(profile).filter((name) => attributeByName(name)?.access === 'read-only');
  if (readOnly.length > 0) {
    throw localError('invalidValue', `Read-only attribute${readOnly.length > 1 ? 's' : ''} cannot be pushed (Webex derives them): ${readOnly.join(', ')}`, readOnly[0]);
  }
}

function serializeValue(value: AttributeValue): string {
  // Booleans go out lower-case, as Webex itself writes them.
  return typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
}

interface TreeNode { name: string; ns: 'use' | 'com'; text?: string; children: Map<string, TreeNode>; repeated?: string[] }

/** Profile → bodyContent elements, each container's children in XSD order. */
export function profileToElements(profile: Profile): XmlElement[] {
  const root: TreeNode = { name: '', ns: 'use', children: new Map() };
  for (const [name, value] of Object.entries(profile)) {
    const def = attributeByName(name);
    if (!def) throw localError('invalidValue', `Unknown attribute: ${name}`, name);
    let node = root;
    def.path.forEach((segment, i) => {
      const leaf = i === def.path.length - 1;
      let child = node.children.get(segment);
      if (!child) {
        child = { name: segment, ns: def.ns[i], children: new Map() };
        node.children.set(segment, child);
      }
      if (leaf) {
        if (Array.isArray(value)) child.repeated = value.map(String);
        else child.text = serializeValue(value);
      }
      node = child;
    });
  }
  return toElements(root, '');
}

function toElements(node: TreeNode, path: string): XmlElement[] {
  const order = childOrder(path);
  const rank = (name: string) => { const i = order.indexOf(name); return i === -1 ? order.length : i; };
  const children = [...node.children.values()].sort((a, b) => rank(a.name) - rank(b.name));
  const out: XmlElement[] = [];
  for (const child of children) {
    const childPath = path ? `${path}/${child.name}` : child.name;
    if (child.repeated) {
      for (const text of child.repeated) out.push({ name: child.name, ns: child.ns, text });
    } else if (child.children.size > 0) {
      out.push({ name: child.name, ns: child.ns, children: toElements(child, childPath) });
    } else {
      out.push({ name: child.name, ns: child.ns, text: child.text ?? '' });
    }
  }
  return out;
}

/** Parse a value Webex returned; booleans may come as TRUE or true. Unparseable values stay strings (never lost). */
function readValue(def: AttributeDef, text: string): AttributeValue {
  if (def.type === 'boolean' && /^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (def.type === 'integer' && /^-?\d+$/.test(text)) return Number(text);
  return text;
}

/** The TSP account the flat tspAccount* attributes show: the default one, else the lowest accountIndex. */
function chosenTspAccount(body: XmlObject): XmlNode | undefined {
  const accounts = asArray(at(body, ['tspAccount', 'tspAccount'])).filter(isObject);
  if (accounts.length === 0) return undefined;
  const isDefault = (a: XmlObject) => /^true$/i.test(textOf(a.defaultFlag) ?? '');
  const index = (a: XmlObject) => Number(textOf(a.accountIndex) ?? 99);
  return accounts.find(isDefault) ?? [...accounts].sort((a, b) => index(a) - index(b))[0];
}

/** GetUser bodyContent → flat profile of every attribute Webex returned. The masked password is left out. */
export function profileFromUser(body: XmlObject): Profile {
  const profile: Profile = {};
  const tsp = chosenTspAccount(body);
  for (const def of ATTRIBUTES) {
    if (def.name === 'password') continue;
    if (def.type === 'integerList') {
      const container = at(body, def.path.slice(0, -1));
      if (container === undefined) continue;
      profile[def.name] = asArray(at(container, [def.path[def.path.length - 1]]))
        .map((n) => Number(textOf(n)))
        .filter((n) => Number.isFinite(n));
      continue;
    }
    const node = def.path[0] === 'tspAccount' ? at(tsp, def.path.slice(2)) : at(body, def.path);
    const text = textOf(node);
    if (text === undefined) continue;
    profile[def.name] = readValue(def, text);
  }
  return profile;
}
