/** A parsed XML node as a plain JSON object for the journal: children by local name, repeats as arrays. */
import type { XmlNode } from '../../wire';

export type PlainXml = string | { [name: string]: PlainXml | PlainXml[] };

export function xmlToObject(node: XmlNode): PlainXml {
  if (node.children.length === 0) return node.text;
  // No prototype: an element named constructor, toString or __proto__ is just an element.
  const out = Object.create(null) as { [name: string]: PlainXml | PlainXml[] };
  for (const c of node.children) {
    const v = xmlToObject(c);
    const prev = out[c.name];
    if (prev === undefined) out[c.name] = v;
    else if (Array.isArray(prev)) prev.push(v);
    else out[c.name] = [prev, v];
  }
  return out;
}
