/** A parsed XML element, keyed by local name: prefixes are kept only for diagnostics (real sites ignore them). */
export interface XmlNode {
  name: string;
  prefix: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Local names are matched case-sensitively, as the real service does (webExId vs webExID matters). */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (!node) return undefined;
  const kids = node.children; // a loop, not find(): no closure per lookup (an envelope does ~15)
  for (let i = 0; i < kids.length; i++) if (kids[i].name === name) return kids[i];
  return undefined;
}

export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

export function childText(node: XmlNode | undefined, name: string): string | undefined {
  const c = child(node, name);
  return c ? c.text : undefined;
}
